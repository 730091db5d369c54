// postinstall: generate the Prisma client, also on machines where the Prisma
// CLI could not download its native schema engine (air-gapped installs).
// `prisma generate` does not run that engine, but the CLI insists on finding
// it: when it is missing, point the CLI at an existing executable instead.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const enginesDir = path.join("node_modules", "@prisma", "engines");
const hasNativeEngine =
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ||
  (existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine-") && !f.endsWith(".gz")));

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!hasNativeEngine) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

const result = spawnSync(process.execPath, [path.join("node_modules", "prisma", "build", "index.js"), "generate"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
