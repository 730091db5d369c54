// The public results' request rate against a static chunk of the same server, in one run.
//
// A link to /hasil that goes viral is the load this measures: creates a fresh database on the
// local PostgreSQL, starts the built app once (`scripts/start.ts`: the production server, the
// demo seeded, which publishes the last completed triwulan of every unit and the agency's
// pooled index), finds a unit and a static chunk in /hasil's own HTML, warms up, then loads
// each route with N concurrent keep-alive connections for a fixed time:
//   /hasil, /hasil?q=... (the search, server-side), /hasil/<code>, /hasil/data.json,
//   /hasil/<code>/badge.svg, and the /_next/static chunk (the baseline)
// and the static chunk again, and prints req/s, p50, p99 and each route's rate over the static
// chunk's (the mean of its two runs; target >= 0.5).
// Stops the app and drops the database at the end (also on Ctrl-C or error).
//
// Run: npm run bench:public -- [--duration 10] [--connections 32] [--seed 5000] [--keep-db]
// Runs the working tree's build (`npx next build` first; the launcher rebuilds a stale one).
// Only 127.0.0.1 traffic; the load generator shares the machine's cores with the app.
import { randomBytes } from "node:crypto";
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { freePort, launch, waitReady, type Launch } from "@/tests/support/launcher";

const { values: opt } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    seed: { type: "string", default: "5000" },
    "keep-db": { type: "boolean", default: false },
    "admin-url": { type: "string", default: process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
  },
});
const DURATION_MS = Number(opt.duration) * 1000;
const CONNECTIONS = Number(opt.connections);
const TARGET = 0.5;
const say = (s = "") => console.log(s);

const dbName = `suara_bench_public_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(opt["admin-url"]);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

async function admin(q: string) {
  const c = new pg.Client({ connectionString: opt["admin-url"] });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

let app: Launch | undefined;
let cleaning: Promise<void> | undefined;
function cleanup() {
  cleaning ??= (async () => {
    await app?.stop();
    if (opt["keep-db"]) return say(`kept database ${dbName}`);
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((e) => console.error(`could not drop ${dbName}: ${(e as Error).message}`));
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanup().then(() => process.exit(130)));

// ---------------------------------------------------------------- load generator

type Run = { name: string; path: string; completed: number; seconds: number; lat: number[]; statuses: Map<string, number>; bytes: number };

function get(agent: http.Agent, port: number, path: string): Promise<{ status: string; bytes: number }> {
  return new Promise((resolve) => {
    const r = http.request({ host: "127.0.0.1", port, path, agent, headers: { accept: "text/html,*/*", "accept-encoding": "gzip", "accept-language": "id-ID,id;q=0.9" }, timeout: 30_000 }, (res) => {
      let bytes = 0;
      res.on("data", (d: Buffer) => (bytes += d.length));
      res.on("end", () => resolve({ status: String(res.statusCode), bytes }));
      res.on("error", (e: NodeJS.ErrnoException) => resolve({ status: e.code ?? e.message, bytes }));
    });
    r.on("timeout", () => r.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    r.on("error", (e: NodeJS.ErrnoException) => resolve({ status: e.code ?? e.message, bytes: 0 }));
    r.end();
  });
}

/** `connections` closed loops, each sending its next request when the last one is answered. */
async function load(name: string, port: number, path: string, connections: number, durationMs: number): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const lat: number[] = [];
  const statuses = new Map<string, number>();
  let bytes = 0;
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const r = await get(agent, port, path);
        lat.push(performance.now() - t);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        bytes += r.bytes;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return { name, path, completed: lat.length, seconds, lat, statuses, bytes };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const rate = (r: Run) => r.completed / r.seconds;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- main

async function main() {
  const t0 = Date.now();
  say(`Suara public results bench: ${CONNECTIONS} connections x ${DURATION_MS / 1000} s per route, seed ${opt.seed}, ${os.cpus().length} CPUs, load avg ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  await admin(`CREATE DATABASE "${dbName}"`);
  const port = await freePort();
  app = launch({
    DATABASE_URL: dbUrl,
    PORT: String(port),
    SUARA_SEED: "auto",
    SUARA_SEED_RESPONSES: opt.seed,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
  });
  await waitReady(app);
  const base = `http://127.0.0.1:${port}`;
  say(`app ready on ${base} in ${((Date.now() - t0) / 1000).toFixed(1)} s (database ${dbName})`);

  const index = await fetch(`${base}/hasil`).then((r) => r.text());
  const code = /href="\/hasil\/([A-Z0-9-]+)"/.exec(index)?.[1];
  const chunk = /\/_next\/static\/chunks\/[^"'\s]+\.js/.exec(index)?.[0];
  if (!code || !chunk) throw new Error(`no unit link or no static chunk in /hasil (unit ${code}, chunk ${chunk})`);
  if (!index.includes('data-testid="agency-trend"')) throw new Error("/hasil shows no agency trend: the seed's pooled agency index is missing");
  const chunkBytes = (await fetch(`${base}${chunk}`, { headers: { "accept-encoding": "identity" } }).then((r) => r.arrayBuffer())).byteLength;

  const routes: [string, string][] = [
    [`static chunk (${(chunkBytes / 1024).toFixed(0)} KiB)`, chunk],
    ["/hasil", "/hasil"],
    ["/hasil?q=…&tingkat=2 (search)", "/hasil?q=dinas&tingkat=2"],
    [`/hasil/${code}`, `/hasil/${code}`],
    ["/hasil/data.json", "/hasil/data.json"],
    [`/hasil/${code}/badge.svg`, `/hasil/${code}/badge.svg`],
  ];
  for (const [name, path] of routes) await load(`warm ${name}`, port, path, 8, 1000);

  // The static chunk first and last: the machine is shared, and its load moves during a run.
  const runs: Run[] = [];
  for (const [name, path] of [...routes, [`${routes[0]![0]}, again`, routes[0]![1]] as [string, string]]) {
    await sleep(1000);
    const r = await load(name, port, path, CONNECTIONS, DURATION_MS);
    runs.push(r);
    say(`  ${name}: ${rate(r).toFixed(0)} req/s`);
  }
  await cleanup();

  const statics = [runs[0]!, runs.at(-1)!];
  const staticRate = (rate(statics[0]!) + rate(statics[1]!)) / 2;
  say();
  say(`== ${CONNECTIONS} connections, ${DURATION_MS / 1000} s each, the load generator in this process on the same ${os.cpus().length} CPUs (gzip accepted) ==`);
  const head = ["route", "req/s", "p50 ms", "p99 ms", "KiB/resp", "statuses", "vs static"];
  const table = runs.map((r) => {
    const s = [...r.lat].sort((a, b) => a - b);
    return [
      r.name,
      rate(r).toFixed(0),
      pct(s, 50).toFixed(1),
      pct(s, 99).toFixed(1),
      (r.bytes / Math.max(1, r.completed) / 1024).toFixed(1),
      [...r.statuses].map(([k, v]) => `${k}: ${v}`).join(", "),
      (rate(r) / staticRate).toFixed(2),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => row.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  say(fmt(head));
  for (const row of table) say(fmt(row));
  say(`(vs static: over the mean of the two static runs, ${staticRate.toFixed(0)} req/s)`);
  const below = runs.filter((r) => !statics.includes(r) && rate(r) / staticRate < TARGET);
  const bad = runs.filter((r) => [...r.statuses.keys()].some((s) => s !== "200"));
  say();
  say(`target: each route >= ${TARGET.toFixed(2)} of the static chunk's rate: ${below.length ? `BELOW for ${below.map((r) => r.name).join(", ")}` : "met"}`);
  if (bad.length) say(`non-200 answers on: ${bad.map((r) => r.name).join(", ")}`);
  say(`time: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (below.length || bad.length) process.exitCode = 1;
}

main().catch(async (err) => {
  console.error(`bench failed: ${(err as Error).stack ?? err}`);
  await cleanup();
  process.exit(1);
});
