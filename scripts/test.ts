// `npm test`: the whole suite, in the order a failure is cheapest to find:
// typecheck, lint, unit, build, integration (real PostgreSQL), end-to-end
// (Chromium). Databases: DATABASE_URL's server, else 127.0.0.1:5432, else
// the embedded PGlite. Ends with one "N passed, N failed" line.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { adminQuery, testServerUrl } from "@/tests/support/database";

const root = process.cwd();
const tmp = path.join(root, "tests", ".tmp");
mkdirSync(tmp, { recursive: true });

type Count = { passed: number; failed: number; skipped: number };
const total: Count = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

function run(label: string, cmd: string[], env: Record<string, string> = {}): Promise<boolean> {
  const t0 = Date.now();
  console.log(`\n=== ${label}: ${cmd.join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(cmd[0]!, cmd.slice(1), { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    child.on("exit", (code) => {
      console.log(`=== ${label}: ${code === 0 ? "ok" : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      resolve(code === 0);
    });
  });
}

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function addVitest(file: string) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8"));
  total.passed += r.numPassedTests ?? 0;
  total.failed += r.numFailedTests ?? 0;
  total.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function addPlaywright(file: string) {
  if (!existsSync(file)) return;
  const s = JSON.parse(readFileSync(file, "utf8")).stats ?? {};
  total.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  total.failed += s.unexpected ?? 0;
  total.skipped += s.skipped ?? 0;
}

async function main() {
  const results: boolean[] = [];
  const step = async (label: string, cmd: string[], env?: Record<string, string>) => {
    const ok = await run(label, cmd, env);
    results.push(ok);
    if (!ok) total.failed += 1;
    return ok;
  };

  // Route types (PageProps<"/s/[code]">...) come from next typegen.
  const typed = (await step("typegen", [bin("next"), "typegen"])) && (await step("typecheck", [bin("tsc"), "--noEmit"]));
  await step("lint", [bin("eslint"), ".", "--max-warnings", "0"]);

  const unitJson = path.join(tmp, "vitest-unit.json");
  rmSync(unitJson, { force: true });
  const unitOk = await run("unit", [bin("vitest"), "run", "tests/unit", "--reporter=default", "--reporter=json", `--outputFile.json=${unitJson}`]);
  addVitest(unitJson);
  if (!unitOk && !existsSync(unitJson)) total.failed += 1;
  results.push(unitOk);

  // The build checks the types again unless the typecheck above passed (next.config.js).
  if (!(await step("build", [bin("next"), "build"], typed ? { SUARA_TYPECHECKED: "1" } : undefined))) return finish(results);

  const server = await testServerUrl();
  console.log(`\nDatabase for tests: ${server ? `PostgreSQL server ${new URL(server).host}` : "embedded PGlite"}`);

  const integrationJson = path.join(tmp, "vitest-integration.json");
  rmSync(integrationJson, { force: true });
  // Two files at a time: they wait on PostgreSQL much of the time (measured: 168 s with one worker, 96 s with two).
  const intOk = await run("integration", [bin("vitest"), "run", "tests/integration", "--maxWorkers=2", "--reporter=default", "--reporter=json", `--outputFile.json=${integrationJson}`]);
  addVitest(integrationJson);
  if (!intOk && !existsSync(integrationJson)) total.failed += 1;
  results.push(intOk);

  // End-to-end: a fresh database seeded by the launcher itself.
  const e2eEnv: Record<string, string> = {};
  let dropE2e = async () => {};
  if (server) {
    const name = `suara_e2e_${process.pid}`;
    await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await adminQuery(server, `CREATE DATABASE "${name}"`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    e2eEnv.E2E_DATABASE_URL = url.toString();
    dropE2e = () => adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const dir = path.join(tmp, "e2e-data");
    rmSync(dir, { recursive: true, force: true });
    e2eEnv.E2E_DATA_DIR = dir;
  }
  const e2eJson = path.join(tmp, "playwright.json");
  rmSync(e2eJson, { force: true });
  const e2eOk = await run("e2e", [bin("playwright"), "test", "--reporter=list,json"], { ...e2eEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
  addPlaywright(e2eJson);
  if (!e2eOk && !existsSync(e2eJson)) total.failed += 1;
  results.push(e2eOk);
  await dropE2e().catch(() => {});

  finish(results);
}

function finish(results: boolean[]) {
  const ok = results.every(Boolean);
  console.log(`\nWhole suite ${ok ? "green" : "RED"} in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
