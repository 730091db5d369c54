// `npm start`: one command from a fresh clone to a running Suara.
//
// - With DATABASE_URL: use that PostgreSQL server.
// - Without it: an embedded PostgreSQL under ./.data (locked against a second copy).
// Then: apply migrations, seed demo data when the database is empty, build
// the app if the build is missing or older than the sources, and serve it
// (scripts/serve.mjs).
// Any failure ends with one sentence, not a stack trace.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { EnvError, parseEnv, ZLauncherEnv } from "@/lib/env";
import { acquireDataLock, shortReason, startEmbeddedPostgres, StartupError, type EmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { migrate } from "@/lib/server/migrate";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountsActive, isEmptyDatabase, seedDemo } from "@/lib/server/seed-demo";
import { openSetupIfNoAdmin } from "@/lib/server/setup-code";

const root = process.cwd();
const say = (line: string) => console.log(`[suara] ${line}`);

async function main() {
  const t0 = Date.now();
  if (!parseEnv(ZLauncherEnv, process.env).SUARA_SKIP_DOTENV && existsSync(path.join(root, ".env"))) {
    process.loadEnvFile(path.join(root, ".env"));
  }
  const env = parseEnv(ZLauncherEnv, process.env);
  const dataDir = path.resolve(root, env.SUARA_DATA_DIR);

  await assertPortFree(env.PORT, env.SUARA_HOST);
  // Embedded mode: take .data before anything else, so a second copy stops
  // here and never starts a build into the first one's .next.
  const releaseLock = env.DATABASE_URL ? null : acquireDataLock(dataDir);

  // The build needs no database: run it while the database starts.
  const builder = ensureBuild();
  const build = builder.done;
  build.catch(() => {}); // awaited below; avoid an unhandled rejection meanwhile

  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (databaseUrl) {
    await assertReachable(databaseUrl);
    say(`Using PostgreSQL at ${describeUrl(databaseUrl)}`);
  } else {
    embedded = await startEmbeddedPostgres({ dataDir, lockHeld: releaseLock! });
    databaseUrl = embedded.url;
    // For psql, pg_dump and the tests: where the running embedded database listens.
    writeFileSync(path.join(dataDir, "database.url"), databaseUrl + "\n");
    say(`Using the embedded PostgreSQL in ${path.relative(root, dataDir) || "."}/pg`);
  }
  const stopDatabase = async () => embedded?.stop();
  process.once("exit", () => void stopDatabase());

  try {
    const { applied, engine } = await migrate(databaseUrl, { log: say, engine: env.SUARA_MIGRATOR });
    say(applied.length ? `Applied ${applied.length} migration(s) (${engine})` : "Database schema is up to date");

    if (env.SUARA_SEED === "auto" && (await isEmptyDatabase(databaseUrl))) {
      say(`Empty database: loading the demo agency (${env.SUARA_SEED_RESPONSES} responses)`);
      if (!embedded) {
        say("WARNING: the demo accounts have the password printed in the README; for a real agency start with SUARA_SEED=never.");
      }
      const r = await seedDemo(databaseUrl, { responses: env.SUARA_SEED_RESPONSES });
      if (r) say(`Demo loaded: ${r.units} units, ${r.services} services, ${r.responses} responses in ${r.seconds.toFixed(1)} s`);
      else say("Another instance loaded the demo meanwhile");
    }

    // A real agency's first run: no admin yet, so a one-time code claims the setup page.
    const setupCode = await openSetupIfNoAdmin(databaseUrl);

    await build;

    const authSecret = env.AUTH_SECRET ?? localAuthSecret(dataDir);
    // Our own web server around Next's handler (scripts/serve.mjs): it alone sees the
    // connection, so it alone can tell the client's address from a forged X-Forwarded-For.
    const child = spawn(
      process.execPath,
      [path.join(root, "scripts", "serve.mjs"), "--port", String(env.PORT), "--hostname", env.SUARA_HOST],
      {
        cwd: root,
        stdio: "inherit",
        // Same process group as the launcher: whoever stops the group (Ctrl-C,
        // a supervisor, a test runner) stops the web server with it.
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: databaseUrl,
          // PGlite serves one query at a time: a small pool is plenty.
          DATABASE_POOL_SIZE: String(env.DATABASE_POOL_SIZE ?? (embedded ? 8 : 10)),
          AUTH_SECRET: authSecret,
          AUTH_TRUST_HOST: env.AUTH_TRUST_HOST ?? "true",
        },
      },
    );
    // Signals are handled from the moment the web server exists, before anything announces
    // "Ready": whoever reads that line and stops us at once (a supervisor, a test) must find
    // the handler in place, or the signal's default action kills this process and not its child.
    forwardSignals(child);
    await waitUntilServing(child, env.SUARA_HOST === "0.0.0.0" || env.SUARA_HOST === "::" ? "127.0.0.1" : env.SUARA_HOST, env.PORT);
    say(`Ready on http://localhost:${env.PORT} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (await demoAccountsActive(databaseUrl).catch(() => false)) sayDemo(`http://localhost:${env.PORT}`);
    if (setupCode) {
      say(`No admin yet. Set up the agency at http://localhost:${env.PORT}/pasang with the one-time setup code ${setupCode}`);
      say("  (a new code each start while no admin exists; or, without a browser: npm run admin:create -- --help)");
    }
    await superviseUntilExit(child, stopDatabase);
  } catch (err) {
    builder.child?.kill("SIGTERM"); // no build left running after a failed start
    await stopDatabase();
    if (stopping) process.exit(0); // asked to stop while starting: not a failure
    throw err;
  }
}

/** What a newcomer needs once the demo is up: where to sign in, as whom, and a citizen's survey. */
function sayDemo(origin: string) {
  say("Demo agency (fictional): Pemerintah Kabupaten Sukamaju");
  say(`  Sign in at ${origin}/masuk with password ${DEMO_PASSWORD} as:`);
  for (const a of DEMO_ACCOUNTS) say(`    ${a.email.padEnd(30)} ${a.role.toLowerCase().replace("_", " ")}, ${a.unit}`);
  say(`  A citizen's survey: ${origin}/s/DISDUKCAPIL  (kiosk: ${origin}/kiosk/PKM-SUKAMAJU, enrolled from its unit page)`);
  say("  For a real agency, start with SUARA_SEED=never on an empty database.");
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}

async function assertPortFree(port: number, host: string) {
  await new Promise<void>((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          err.code === "EADDRINUSE"
            ? `Port ${port} is already in use; stop what is using it or start with PORT=${port + 1} npm start.`
            : `Cannot listen on ${host}:${port} (${shortReason(err)}).`,
        ),
      ),
    );
    srv.listen(port, host, () => srv.close(() => resolve()));
  });
}

async function assertReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    throw new StartupError(`Cannot reach the database at ${describeUrl(url)} (${shortReason(err)}); check DATABASE_URL.`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** A secret for signing sessions on this machine, made once and kept in .data (never committed). */
function localAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  say(`Generated AUTH_SECRET into ${path.relative(root, file)}`);
  return secret;
}

const BUILD_INPUTS = ["app", "components", "lib", "public", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function ensureBuild(): { done: Promise<void>; child?: ChildProcess } {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (existsSync(buildId)) {
    const builtAt = statSync(buildId).mtimeMs;
    if (BUILD_INPUTS.every((p) => newestMtime(path.join(root, p)) <= builtAt)) return { done: Promise.resolve() };
  }
  say("Building the app (first run or sources changed; takes a minute or two)");
  let child: ChildProcess | undefined;
  const done = new Promise<void>((resolve, reject) => {
    child = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    child.on("error", reject);
    const started = Date.now();
    child.on("exit", (code, signal) => {
      if (code === 0) {
        say(`Build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return resolve();
      }
      if (signal) return reject(new StartupError("The build was stopped."));
      process.stderr.write(out);
      reject(new StartupError(`The build failed (see the output above).`));
    });
  });
  return { done, child };
}

async function waitUntilServing(child: ChildProcess, host: string, port: number) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new StartupError(`The web server stopped during start-up (exit code ${child.exitCode}).`);
    try {
      const res = await fetch(`http://${host.includes(":") ? `[${host}]` : host}:${port}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new StartupError(`The web server did not answer on port ${port} within 2 minutes.`);
}

/** Set once a stop was asked for (Ctrl-C, a supervisor's SIGTERM). */
let stopping = false;

/** Ctrl-C or SIGTERM stops the web server, then (superviseUntilExit) the database and this process. */
function forwardSignals(child: ChildProcess) {
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say("Stopping");
    child.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

async function superviseUntilExit(child: ChildProcess, stopDatabase: () => Promise<void>) {
  const code = await new Promise<number>((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 0 : 1))));
  await stopDatabase();
  process.exit(stopping ? 0 : code);
}

main().catch((err) => {
  if (err instanceof StartupError || err instanceof EnvError) {
    console.error(`[suara] ${err.message}`);
  } else {
    console.error(`[suara] Start-up failed: ${shortReason(err)}`);
    if (/^(1|true|yes)$/.test(process.env.SUARA_DEBUG ?? "")) console.error(err); // env may not have parsed
  }
  process.exit(1);
});
