// Throughput of the response write paths, end to end, on this machine.
//
// Creates a fresh database on the local PostgreSQL, starts the app against it
// (`scripts/start.ts`, a small demo seed), warms up, then loads each route
// with N concurrent keep-alive connections for a fixed time:
//   1. POST /api/v1/responses (JSON), a fresh Idempotency-Key and client address per request
//   2. the survey form's server action, posted as a browser with JavaScript off does
//      (captured once with Chromium, replayed with a fresh idempotencyKey per request)
//   3. GET /api/health (one SELECT 1) and a built static chunk: the baselines
//   4. GET of the form page itself (a dynamic render), for reference
// and, beside them, the raw single-row INSERT rate of the same database
// (`pg` at concurrency 16 into a scratch table and into `response` itself,
// and pgbench when installed). Then the count check: every 201/303 the load
// saw is exactly one row, and nothing refused left a row.
// Stops the app and drops the database at the end (also on Ctrl-C or error).
//
// Run: npx tsx scripts/bench/responses-bench.ts [options]     (npm run bench:responses)
//   --duration S        seconds per load (15)
//   --connections N     concurrent connections (64)
//   --seed N            demo responses seeded first (2000)
//   --inserts N         rows for the raw INSERT runs (20000), --insert-concurrency N (16)
//   --pool N            the app's DATABASE_POOL_SIZE (the launcher's default when unset)
//   --in-place          run the working tree (rebuilding ./.next when stale) instead of
//                       a snapshot of HEAD built in $TMPDIR/suara-bench/<commit> (the default,
//                       so a bench never rewrites a build someone else is using)
//   --admin-url URL     PostgreSQL maintenance database (postgresql://postgres@127.0.0.1:5432/postgres)
//   --keep-db           do not drop the bench database
// Only 127.0.0.1 traffic. The bench plays a reverse proxy in front of many citizens:
// the app is started with SUARA_TRUSTED_PROXIES=127.0.0.1 and each request carries its
// own X-Forwarded-For (10.x.y.z), so each is its own client, as behind nginx in
// production. (One client with a raised SUARA_CLIENT_LIMIT would instead measure every
// request updating the same rate-limit row and being flagged a burst.)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { chromium } from "playwright-core";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values: opt } = parseArgs({
  options: {
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "64" },
    seed: { type: "string", default: "2000" },
    inserts: { type: "string", default: "20000" },
    "insert-concurrency": { type: "string", default: "16" },
    pool: { type: "string" },
    "in-place": { type: "boolean", default: false },
    "admin-url": { type: "string", default: process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
    "keep-db": { type: "boolean", default: false },
  },
});
const DURATION_MS = Number(opt.duration) * 1000;
const CONNECTIONS = Number(opt.connections);
const SEED = Number(opt.seed);
const INSERTS = Number(opt.inserts);
const INSERT_CONCURRENCY = Number(opt["insert-concurrency"]);
const BUDGET_MS = 180_000; // the whole run, a build excluded
const UNIT = "PKM-SUKAMAJU";
const SERVICE = "UMUM";
const ANSWERS = { U1: 4, U2: 3, U3: 3, U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 3 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const say = (line = "") => console.log(line);
const secs = (ms: number) => (ms / 1000).toFixed(1);

// ---------------------------------------------------------------- cleanup

let app: ChildProcess | undefined;
let appGone: string | undefined; // why the app stopped before we stopped it
let stoppingApp = false;
let dbName: string | undefined;
let cleaning: Promise<void> | undefined;

async function cleanup() {
  cleaning ??= (async () => {
    await stopApp();
    if (dbName && !opt["keep-db"]) {
      const admin = new pg.Client({ connectionString: opt["admin-url"] });
      try {
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
        say(`dropped database ${dbName}`);
      } catch (err) {
        console.error(`could not drop database ${dbName}: ${(err as Error).message}`);
      } finally {
        await admin.end().catch(() => {});
      }
    } else if (dbName) say(`kept database ${dbName}`);
  })();
  return cleaning;
}

/** Stops the launcher's whole process group (next-server survives its parent otherwise). */
async function stopApp() {
  const pid = app?.pid;
  if (!pid) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  stoppingApp = true;
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    /* gone */
  }
  for (let i = 0; i < 80 && alive(); i++) await sleep(100);
  if (alive()) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
  say("app stopped");
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void cleanup().then(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- the app under test

/** A snapshot of HEAD with node_modules hard-linked: its own .next, untouched by edits in progress. */
function prepareSnapshot(): string {
  const commit = git(["rev-parse", "HEAD"]);
  const dir = path.join(os.tmpdir(), "suara-bench", commit.slice(0, 12));
  if (!existsSync(path.join(dir, ".bench-ready"))) {
    say(`preparing a snapshot of ${commit.slice(0, 12)} in ${dir}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    run("sh", ["-c", `git -C "${repo}" archive --format=tar HEAD | tar -x -C "${dir}"`], repo);
    run("cp", ["-al", path.join(repo, "node_modules"), path.join(dir, "node_modules")], repo);
    run(process.execPath, ["scripts/prisma-generate.mjs"], dir);
    writeFileSync(path.join(dir, ".bench-ready"), commit + "\n");
  }
  return dir;
}

// Same rule as scripts/start.ts: rebuild when any input is newer than the build.
const BUILD_INPUTS = ["app", "components", "lib", "public", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}
function buildIsFresh(dir: string): boolean {
  const id = path.join(dir, ".next", "BUILD_ID");
  if (!existsSync(id)) return false;
  const at = statSync(id).mtimeMs;
  return BUILD_INPUTS.every((p) => newestMtime(path.join(dir, p)) <= at);
}

function git(args: string[]): string {
  return spawnSync("git", ["-C", repo, ...args], { encoding: "utf8" }).stdout.trim();
}
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${(r.stdout ?? "") + (r.stderr ?? "")}`.slice(0, 4000));
  return r.stdout;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function startApp(dir: string, databaseUrl: string, port: number, logFile: string): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    SUARA_SEED: "auto",
    SUARA_SEED_RESPONSES: String(SEED),
    AUTH_SECRET: randomBytes(32).toString("base64url"), // so the launcher writes nothing under .data
    // This script is the proxy: it names a distinct client per request (see the top).
    SUARA_TRUSTED_PROXIES: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (opt.pool) env.DATABASE_POOL_SIZE = opt.pool;
  const log = createWriteStream(logFile);
  app = spawn(process.execPath, [path.join(dir, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"], {
    cwd: dir,
    env,
    detached: true, // its own process group: stopped as a group
    stdio: ["ignore", "pipe", "pipe"],
  });
  const child = app;
  let out = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      log.write(d);
      out += d.toString();
      for (const line of d.toString().split("\n")) if (line.startsWith("[suara]")) say(`  ${line}`);
      if (/\[suara\] Ready on/.test(out)) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the app exited during start-up (code ${code}); log: ${logFile}\n${out.slice(-3000)}`)));
  });
  child.once("exit", (code, signal) => {
    if (!stoppingApp) {
      appGone = `the app stopped during the run (exit ${code ?? signal}${/\[suara\] Stopping/.test(out) ? "; the launcher logged \"Stopping\": it got SIGINT/SIGTERM from outside this script" : ""}); log: ${logFile}`;
    }
  });
}

// ---------------------------------------------------------------- load generator

type Req = { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: Buffer | string; key?: string };
type Res = { status: number; headers: http.IncomingHttpHeaders } | { error: string };
type LoadResult = { name: string; completed: number; elapsedMs: number; lat: number[]; labels: Map<string, number>; cpu: CpuShare; perSecond: number[] };

let port = 0;
let ipSeq = 1;
/** A distinct client address per request, as the trusted proxy reports it (no traffic goes there). */
function nextIp(): string {
  const i = ipSeq++;
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

function send(agent: http.Agent, req: Req): Promise<Res> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) headers["content-length"] = Buffer.byteLength(req.body);
    const r = http.request({ host: "127.0.0.1", port, method: req.method, path: req.path, agent, headers, timeout: 30_000 }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      res.on("error", (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    });
    r.on("timeout", () => r.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    r.on("error", (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    r.end(req.body);
  });
}

/** `connections` closed loops, each sending its next request when the last one is answered. */
async function load(
  name: string,
  connections: number,
  durationMs: number,
  make: () => Req,
  label: (req: Req, res: Res) => string = (_q, r) => ("status" in r ? String(r.status) : r.error),
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const lat: number[] = [];
  const labels = new Map<string, number>();
  const perSecond = new Array<number>(Math.ceil(durationMs / 1000)).fill(0);
  const cpu0 = cpuSample();
  const start = performance.now();
  const end = start + durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const req = make();
      const t = performance.now();
      const res = await send(agent, req);
      const done = performance.now();
      lat.push(done - t);
      const second = Math.floor((done - start) / 1000);
      if (second < perSecond.length) perSecond[second]!++;
      const l = label(req, res);
      labels.set(l, (labels.get(l) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsedMs = performance.now() - start;
  const cpu = cpuShare(cpu0, cpuSample(), elapsedMs);
  agent.destroy();
  if (appGone) throw new Error(`${name}: ${appGone}`);
  return { name, completed: lat.length, elapsedMs, lat, labels, cpu, perSecond };
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// CPU time of the app (its process group), PostgreSQL (every postgres process), this load
// generator, other processes and the kernel (softirq etc.), per process so that a process
// ending between the samples does not count negative.
type Proc = { kind: "app" | "postgres" | "self" | "other"; comm: string; ticks: number };
type CpuSample = { procs: Map<number, Proc>; busy: number };
type CpuShare = { app: number; postgres: number; self: number; other: number; kernel: number; top: string };
const TICK_MS = 10; // CLK_TCK = 100 on Linux
function cpuSample(): CpuSample {
  const procs = new Map<number, Proc>();
  const group = app?.pid;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    const pid = Number(entry);
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // f[0] = state (field 3)
    const ticks = Number(f[11]) + Number(f[12]); // utime, stime (fields 14, 15)
    const kind =
      pid === process.pid ? "self" : group && Number(f[2]) === group ? "app" : comm.startsWith("postgres") ? "postgres" : "other"; // f[2] = pgrp
    procs.set(pid, { kind, comm, ticks });
  }
  // Every CPU's busy time (user, nice, system, irq, softirq, steal).
  const all = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const busy = (all[0]! + all[1]! + all[2]! + all[5]! + all[6]! + all[7]!) * TICK_MS;
  return { procs, busy };
}
function cpuShare(a: CpuSample, b: CpuSample, ms: number): CpuShare {
  const sums = { app: 0, postgres: 0, self: 0, other: 0 };
  const others = new Map<string, number>();
  for (const [pid, p] of b.procs) {
    const d = ((p.ticks - (a.procs.get(pid)?.ticks ?? 0)) * TICK_MS) / ms;
    sums[p.kind] += d;
    if (p.kind === "other" && d > 0) others.set(p.comm, (others.get(p.comm) ?? 0) + d);
  }
  const kernel = Math.max(0, (b.busy - a.busy) / ms - sums.app - sums.postgres - sums.self - sums.other);
  const top = [...others].sort((x, y) => y[1] - x[1]).slice(0, 3).filter(([, v]) => v >= 0.02).map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`).join(", ");
  return { ...sums, kernel, top };
}

// ---------------------------------------------------------------- the ledger: what the load saw, per key

/** Idempotency key -> what the client saw: "201", "303", another status, or a network error. */
const ledger = new Map<string, string>();

function jsonRequest(): Req {
  const key = randomUUID();
  return {
    method: "POST",
    path: "/api/v1/responses",
    key,
    headers: { "content-type": "application/json", "idempotency-key": key, "x-forwarded-for": nextIp(), accept: "application/json" },
    body: JSON.stringify({ unit: UNIT, service: SERVICE, answers: ANSWERS, saran: `bench ${key}` }),
  };
}
function jsonLabel(req: Req, res: Res): string {
  let l = "status" in res ? String(res.status) : res.error;
  if ("status" in res && res.status === 201 && res.headers["idempotent-replayed"]) l = "201-replayed";
  ledger.set(req.key!, l);
  return l;
}

type FormTemplate = { parts: string[]; contentType: string; origin: string; fields: string[]; path: string; browserStatus?: number };
function formRequest(t: FormTemplate): Req {
  const key = randomUUID();
  return {
    method: "POST",
    path: t.path,
    key,
    headers: { "content-type": t.contentType, origin: t.origin, accept: "text/html", "accept-encoding": "gzip", "x-forwarded-for": nextIp() },
    body: Buffer.from(t.parts.join(key), "latin1"),
  };
}
function formLabel(req: Req, res: Res): string {
  let l = "status" in res ? String(res.status) : res.error;
  if ("status" in res && res.status === 303 && !String(res.headers.location ?? "").endsWith(`/s/${UNIT}/terima-kasih`)) {
    l = `303->${res.headers.location}`;
  }
  ledger.set(req.key!, l);
  return l;
}

/** Submits the real form once in Chromium with JavaScript off and keeps the request it sent. */
async function captureForm(base: string): Promise<FormTemplate> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run"],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    let post: import("playwright-core").Request | undefined;
    page.on("request", (r) => {
      if (r.method() === "POST" && !post) post = r;
    });
    await page.goto(`${base}/s/${UNIT}/${SERVICE}`);
    const form = page.locator('form:has(input[name="idempotencyKey"])');
    const names = new Set<string>();
    for (const radio of await form.locator('input[type="radio"][name^="a_"]').all()) names.add((await radio.getAttribute("name"))!);
    for (const name of names) {
      const code = name.slice(2) as keyof typeof ANSWERS;
      await form.locator(`input[name="${name}"][value="${ANSWERS[code] ?? 4}"]`).check();
    }
    await form.locator('textarea[name="saran"]').fill("bench form");
    await Promise.all([page.waitForURL(/terima-kasih/, { timeout: 15_000 }), form.locator('button[type="submit"]').click()]);
    if (!post) throw new Error("no POST seen");
    const body = post.postDataBuffer()!;
    const contentType = post.headers()["content-type"]!;
    const status = (await post.response())?.status();
    const fd = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    const fields = [...fd.keys()];
    const key = String(fd.get("idempotencyKey"));
    ledger.set(key, String(status));
    const parts = body.toString("latin1").split(key);
    if (parts.length < 2) throw new Error("the idempotencyKey value was not found in the captured body");
    return { parts, contentType, origin: new URL(base).origin, fields, path: new URL(post.url()).pathname, browserStatus: status };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- raw INSERT rate of the same database

async function pgInsertRate(
  url: string,
  table: "bench_scratch" | "response",
  sample?: { unitId: string; serviceId: string; templateVersionId: string },
  concurrency = INSERT_CONCURRENCY,
  count = INSERTS,
) {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  try {
    await Promise.all(Array.from({ length: concurrency }, () => pool.query("SELECT 1")));
    const answers = JSON.stringify(ANSWERS);
    const run = `rawpg-${Date.now()}`;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const i = next++;
          if (table === "bench_scratch") {
            await pool.query("INSERT INTO bench_scratch (k, answers, saran) VALUES ($1, $2, $3)", [`${run}-${i}`, answers, "raw"]);
          } else {
            // The row the app writes (same columns, trigger, indexes, one unit), without the app.
            await pool.query(
              `INSERT INTO response (id, unit_id, service_id, template_version_id, channel, submitted_at, answers, saran, idempotency_key, verified, suspicious, locale)
               VALUES ($1, $2, $3, $4, 'API', now(), $5::jsonb, 'raw', $6, false, false, 'id') ON CONFLICT (idempotency_key) DO NOTHING`,
              [randomUUID(), sample!.unitId, sample!.serviceId, sample!.templateVersionId, answers, `${run}-${i}`],
            );
          }
        }
      }),
    );
    return count / ((performance.now() - t0) / 1000);
  } finally {
    await pool.end();
  }
}

function pgbench(url: string, seconds: number): string {
  const which = spawnSync("sh", ["-c", "command -v pgbench"], { encoding: "utf8" });
  if (which.status !== 0) return "pgbench not installed";
  const script = path.join(os.tmpdir(), `suara-bench-insert-${process.pid}.sql`);
  writeFileSync(script, `INSERT INTO bench_pgbench (k, answers, saran) VALUES (md5(random()::text), '${JSON.stringify(ANSWERS)}', 'raw');\n`);
  const u = new URL(url);
  const r = spawnSync(
    "pgbench",
    ["-n", "-M", "prepared", "-c", String(INSERT_CONCURRENCY), "-j", "2", "-T", String(seconds), "-f", script,
     "-h", u.hostname, "-p", u.port || "5432", "-U", decodeURIComponent(u.username || "postgres"), u.pathname.slice(1)],
    { encoding: "utf8" },
  );
  rmSync(script, { force: true });
  const tps = /tps = ([\d.]+)/.exec(r.stdout ?? "");
  return tps ? `${Number(tps[1]).toFixed(0)} TPS` : `pgbench failed: ${(r.stderr || r.stdout).trim().split("\n").pop()}`;
}

// ---------------------------------------------------------------- main

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

async function main() {
  const tStart = Date.now();
  say(`Suara response bench: ${CONNECTIONS} connections x ${DURATION_MS / 1000} s per route, seed ${SEED}, ${os.cpus().length} CPUs, load avg ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  const dir = opt["in-place"] ? repo : prepareSnapshot();
  say(`app: ${dir}${opt["in-place"] ? " (working tree)" : ` (HEAD ${git(["rev-parse", "--short", "HEAD"])})`}`);
  let buildMs = 0;
  if (!buildIsFresh(dir)) {
    say("building (not counted in the time budget) ...");
    const t = Date.now();
    run(process.execPath, [path.join(dir, "node_modules", "next", "dist", "bin", "next"), "build"], dir, {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    });
    buildMs = Date.now() - t;
    say(`built in ${secs(buildMs)} s`);
  }
  const t0 = Date.now();
  const watchdog = setTimeout(() => {
    console.error(`time budget (${BUDGET_MS / 1000} s) exceeded: stopping`);
    void cleanup().then(() => process.exit(2));
  }, BUDGET_MS);

  // A fresh database.
  dbName = `suara_bench_${Date.now()}_${process.pid}`;
  const adminUrl = new URL(opt["admin-url"]);
  const dbUrl = new URL(opt["admin-url"]);
  dbUrl.pathname = `/${dbName}`;
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  say(`database ${dbName} on ${adminUrl.host}`);

  port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = path.join(os.tmpdir(), `${dbName}.app.log`);
  const tApp = Date.now();
  await startApp(dir, dbUrl.toString(), port, logFile);
  say(`app ready on ${base} in ${secs(Date.now() - tApp)} s (log: ${logFile})`);

  // Capture the form post once, then warm every route up.
  const form = await captureForm(base);
  say(`form post captured (Chromium, JavaScript off): browser got ${form.browserStatus}, ${form.parts.length - 1} occurrence(s) of the key in the body`);
  say(`  fields: ${form.fields.join(", ")}`);
  say(`  content-type: ${form.contentType.split(";")[0]}, ${Buffer.byteLength(form.parts.join(randomUUID()), "latin1")} bytes`);
  const page = await fetch(`${base}/s/${UNIT}/${SERVICE}`).then((r) => r.text());
  const chunk = /\/_next\/static\/chunks\/[^"'\s]+\.js/.exec(page)?.[0];
  if (!chunk) throw new Error("no static chunk found in the form page");
  const staticSize = (await fetch(`${base}${chunk}`, { headers: { "accept-encoding": "identity" } }).then((r) => r.arrayBuffer())).byteLength;

  const pageReq = (): Req => ({ method: "GET", path: `/s/${UNIT}/${SERVICE}`, headers: { accept: "text/html", "accept-encoding": "gzip", "x-forwarded-for": nextIp() } });
  const healthReq = (): Req => ({ method: "GET", path: "/api/health", headers: { accept: "application/json" } });
  const pingReq = (): Req => ({ method: "GET", path: "/api/v1/ping", headers: { accept: "application/json" } });
  const staticReq = (): Req => ({ method: "GET", path: chunk, headers: { "accept-encoding": "gzip" } });

  const tWarm = Date.now();
  const warm = [
    await load("warm json", 8, 2000, jsonRequest, jsonLabel),
    await load("warm form", 8, 2000, () => formRequest(form), formLabel),
    await load("warm health", 8, 700, healthReq),
    await load("warm ping", 8, 700, pingReq),
    await load("warm static", 8, 700, staticReq),
    await load("warm page", 8, 700, pageReq),
  ];
  say(`warm-up ${secs(Date.now() - tWarm)} s: ${warm.map((w) => `${w.name.slice(5)} ${[...w.labels].map(([k, v]) => `${k}x${v}`).join("/")}`).join(", ")}`);
  const formOk = warm[1]!.labels.get("303") ?? 0;
  if (formOk === 0) throw new Error(`the replayed form post never succeeded: ${[...warm[1]!.labels].join(" ")}`);

  // The measured runs.
  const results: LoadResult[] = [];
  const runs: [string, () => Req, ((q: Req, r: Res) => string) | undefined][] = [
    ["POST /api/v1/responses (JSON)", jsonRequest, jsonLabel],
    [`POST /s/${UNIT}/${SERVICE} (form, server action)`, () => formRequest(form), formLabel],
    ["GET /api/v1/ping (trivial route, no database)", pingReq, undefined],
    ["GET /api/health (trivial route + SELECT 1)", healthReq, undefined],
    [`GET ${chunk.replace("/_next/static/chunks/", ".../")} (static, ${(staticSize / 1024).toFixed(0)} KiB)`, staticReq, undefined],
    [`GET /s/${UNIT}/${SERVICE} (form page render)`, pageReq, undefined],
  ];
  for (const [name, make, label] of runs) {
    await sleep(1500);
    const r = await load(name, CONNECTIONS, DURATION_MS, make, label);
    results.push(r);
    say(`  ${name}: ${(r.completed / (r.elapsedMs / 1000)).toFixed(0)} req/s`);
  }

  // The issue's target: the JSON endpoint at half the trivial route's rate or better, p99 under 200 ms.
  {
    const rate = (r: LoadResult) => r.completed / (r.elapsedMs / 1000);
    const json = results[0]!;
    const ping = results[2]!;
    say(`  target: JSON ${rate(json).toFixed(0)} / ping ${rate(ping).toFixed(0)} req/s = ${(rate(json) / rate(ping)).toFixed(2)} (target >= 0.50)`);
  }

  // The count check: every success is one row; nothing refused left one.
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  await db.connect();
  const keys = [...ledger.keys()];
  const { rows } = await db.query<{ k: string; n: number }>(
    "SELECT idempotency_key AS k, count(*)::int AS n FROM response WHERE idempotency_key = ANY($1::text[]) GROUP BY 1",
    [keys],
  );
  const rowsByKey = new Map(rows.map((r) => [r.k, r.n]));
  const isSuccess = (l: string) => l === "201" || l === "303";
  const isStatus = (l: string) => /^\d{3}/.test(l);
  let successes = 0, lost = 0, duplicated = 0, phantom = 0, unknown = 0, unknownWithRow = 0, replayed = 0;
  for (const [k, l] of ledger) {
    const n = rowsByKey.get(k) ?? 0;
    if (n > 1) duplicated += n - 1;
    if (l === "201-replayed") replayed++;
    if (isSuccess(l)) {
      successes++;
      if (n === 0) lost++;
    } else if (isStatus(l)) {
      if (n > 0 && l !== "201-replayed") phantom++;
    } else {
      unknown++;
      if (n > 0) unknownWithRow++;
    }
  }
  const ours = await db.query<{ n: number; suspicious: number }>(
    "SELECT count(*)::int AS n, count(*) FILTER (WHERE suspicious)::int AS suspicious FROM response WHERE saran LIKE 'bench%'",
  );
  const rollup = await db.query<{ rows: number; rolled: number }>(
    "SELECT (SELECT count(*) FROM response)::int AS rows, (SELECT coalesce(sum(responses), 0) FROM unit_daily_rollup)::int AS rolled",
  );

  // The raw INSERT rate of the same database, the app idle.
  await db.query("CREATE TABLE bench_scratch (id bigserial PRIMARY KEY, k text NOT NULL UNIQUE, answers jsonb NOT NULL, saran text, at timestamptz NOT NULL DEFAULT now())");
  await db.query("CREATE TABLE bench_pgbench (id bigserial PRIMARY KEY, k text NOT NULL, answers jsonb NOT NULL, saran text, at timestamptz NOT NULL DEFAULT now())");
  const sample = (
    await db.query<{ unitId: string; serviceId: string; templateVersionId: string }>(
      `SELECT unit_id AS "unitId", service_id AS "serviceId", template_version_id AS "templateVersionId" FROM response WHERE saran LIKE 'bench%' LIMIT 1`,
    )
  ).rows[0];
  const settings = (
    await db.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'max_connections') ORDER BY name",
    )
  ).rows;
  await db.end();
  const rawScratch = await pgInsertRate(dbUrl.toString(), "bench_scratch");
  const rawResponse = sample ? await pgInsertRate(dbUrl.toString(), "response", sample) : NaN;
  const rawResponse1 = sample ? await pgInsertRate(dbUrl.toString(), "response", sample, 1, 2000) : NaN;
  const pgb = pgbench(dbUrl.toString(), 8);

  // Anything the server logged.
  const log = readFileSync(logFile, "utf8").split("\n");
  const problems = log.filter((l) => /error|warn|exception|timeout|ECONN|too many/i.test(l));

  clearTimeout(watchdog);
  await cleanup();

  // ------------------------------------------------------------ report
  say();
  say(`== Results (${CONNECTIONS} connections, ${DURATION_MS / 1000} s each, load generator in this Node process on the same ${os.cpus().length} CPUs) ==`);
  const head = ["route", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "slowest/fastest 1 s", "statuses", "CPU app/pg/loadgen/other/kernel"];
  const table = results.map((r) => {
    const s = [...r.lat].sort((a, b) => a - b);
    return [
      r.name,
      (r.completed / (r.elapsedMs / 1000)).toFixed(0),
      pct(s, 50).toFixed(1),
      pct(s, 90).toFixed(1),
      pct(s, 99).toFixed(1),
      s[s.length - 1]!.toFixed(0),
      `${Math.min(...r.perSecond)}/${Math.max(...r.perSecond)}`,
      [...r.labels].sort().map(([k, v]) => `${k}: ${v}`).join(", "),
      `${(r.cpu.app * 100).toFixed(0)}%/${(r.cpu.postgres * 100).toFixed(0)}%/${(r.cpu.self * 100).toFixed(0)}%/${(r.cpu.other * 100).toFixed(0)}%/${(r.cpu.kernel * 100).toFixed(0)}%`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => row.map((c, i) => (i === 0 || i >= 7 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  say(fmt(head));
  for (const row of table) say(fmt(row));
  say("  (CPU: % of one core. other = the rest of the machine's processes: above ~20% the figures are disturbed;");
  say("   kernel = busy time charged to no process, e.g. loopback networking in softirq)");
  for (const r of results) if (r.cpu.top) say(`  other processes during ${r.name}: ${r.cpu.top}`);
  say();
  say(`Raw single-row INSERT, same database (${settings.map((x) => `${x.name}=${x.setting}`).join(", ")}), ${INSERTS} rows at concurrency ${INSERT_CONCURRENCY}, app idle:`);
  say(`  pg -> scratch table (bigserial + unique text key + jsonb): ${rawScratch.toFixed(0)} rows/s`);
  say(`  pg -> response (same row as the app: FKs, indexes, rollup trigger, one unit): ${rawResponse.toFixed(0)} rows/s`);
  say(`  pg -> response, concurrency 1 (2000 rows): ${rawResponse1.toFixed(0)} rows/s`);
  say(`  pgbench -M prepared, -c ${INSERT_CONCURRENCY}, 8 s -> scratch table: ${pgb}`);
  say();
  say(`Count check over ${ledger.size} keys sent (warm-up, the browser's own submit and the runs): ${successes} got 201/303`);
  say(`  lost: ${lost}, duplicated: ${duplicated}`);
  say(`  rows for refused requests: ${phantom}; replays (201 Idempotent-Replayed): ${replayed}; network errors/timeouts: ${unknown} (of which stored: ${unknownWithRow})`);
  say(`  rows with saran 'bench%': ${ours.rows[0]!.n} (${ours.rows[0]!.suspicious} flagged suspicious by the per-unit burst rule); expected ${successes}`);
  say(`  rollup: ${rollup.rows[0]!.rows} response rows, unit_daily_rollup counts ${rollup.rows[0]!.rolled} (${rollup.rows[0]!.rows === rollup.rows[0]!.rolled ? "exact" : "MISMATCH"})`);
  say();
  say(`Server log: ${problems.length} line(s) mentioning error/warn/timeout${problems.length ? ":" : ""}`);
  for (const l of [...new Set(problems)].slice(0, 10)) say(`  ${l.slice(0, 240)}`);
  say();
  say(`Time: ${secs(Date.now() - t0)} s (budget ${BUDGET_MS / 1000} s)${buildMs ? `, plus a build of ${secs(buildMs)} s` : ""}; total ${secs(Date.now() - tStart)} s`);
  if (lost || duplicated || phantom) process.exitCode = 1;
}

main().catch(async (err) => {
  console.error(`bench failed: ${(err as Error).stack ?? err}`);
  await cleanup();
  process.exit(1);
});
