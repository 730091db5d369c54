// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the schema as last committed (git HEAD) to the
// current prisma/schema.prisma. Uses Prisma's WebAssembly schema engine, so it
// works without the native engine; the engine needs a reachable PostgreSQL
// (DATABASE_URL, default the local server) although it changes nothing there.
// `--from-empty` diffs from an empty database instead.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffSchemas } from "./lib/schema-engine-wasm.mjs";

const args = process.argv.slice(2);
const fromEmpty = args.includes("--from-empty");
const name = args.find((a) => !a.startsWith("--"));
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <snake_case_name> [--from-empty]");
  process.exit(2);
}
const schemaPath = path.join("prisma", "schema.prisma");
const current = readFileSync(schemaPath, "utf8");
const previous = fromEmpty ? null : execFileSync("git", ["show", `HEAD:${schemaPath}`], { encoding: "utf8" });
const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const sql = await diffSchemas(previous, current, url);
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log("No schema changes since HEAD: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${path.join(dir, "migration.sql")}`);
