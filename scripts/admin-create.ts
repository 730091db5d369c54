// `npm run admin:create -- --email <email> --name "<name>" [--agency "<agency name>" --code <ROOT-CODE>]`:
// an admin of the whole agency from the server shell, for servers without a browser. Prints a
// temporary password, to be replaced at first sign-in. --agency and --code create the agency's
// root unit when it has none. DATABASE_URL, else the running embedded database (.data/database.url).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const usage = 'Usage: npm run admin:create -- --email <email> --name "<name>" [--agency "<agency name>" --code <ROOT-CODE>]';
const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, agency: { type: "string" }, code: { type: "string" }, help: { type: "boolean" } },
});
if (values.help || !values.email || !values.name) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
const urlFile = path.join(process.env.SUARA_DATA_DIR ?? ".data", "database.url");
process.env.DATABASE_URL ??= existsSync(urlFile) ? readFileSync(urlFile, "utf8").trim() : undefined;
if (!process.env.DATABASE_URL) {
  console.error(`No database: set DATABASE_URL, or start the app first (npm start writes ${urlFile}).`);
  process.exit(2);
}
process.env.AUTH_SECRET ??= "x".repeat(32); // not used here; the env schema wants one
const { createAdminFromShell } = await import("@/lib/dal/setup");
const r = await createAdminFromShell({ email: values.email, adminName: values.name, agencyName: values.agency, unitCode: values.code });
if (!r.ok) {
  console.error(`Not created: ${r.error}.`);
  process.exit(2);
}
console.log(`Admin ${r.email} created. Temporary password (shown once; replaced at first sign-in): ${r.temporaryPassword}`);
process.exit(0);
