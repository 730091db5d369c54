import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { listMigrations } from "@/lib/server/migrate";
import { createTestDatabase, testServerUrl, withClient, type TestDatabase } from "@/tests/support/database";
import { freePort, launch, waitReady, type Launch } from "@/tests/support/launcher";

// `npm start` as a newcomer runs it: these tests run the real launcher, the
// real build and a real database, embedded and server.

const running: Launch[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((l) => l.stop()));
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDataDir() {
  const dir = mkdtempSync(path.join(tmpdir(), "suara-data-"));
  dirs.push(dir);
  return dir;
}

function start(env: Record<string, string | undefined>) {
  const l = launch({ SUARA_SEED_RESPONSES: "3000", ...env });
  running.push(l);
  return l;
}

async function homeResponses(port: number): Promise<string | undefined> {
  const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  return html.match(/data-testid="overview-responses">([^<]*)</)?.[1];
}

const oneLine = (text: string) => text.trim().split("\n").filter((l) => l.startsWith("[suara]"));

describe("npm start with the embedded PostgreSQL", () => {
  it("creates, migrates and seeds .data on first run, reuses it after, and refuses a second copy", async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const first = start({ SUARA_DATA_DIR: dataDir, PORT: String(port) });
    await waitReady(first);
    expect(first.output()).toContain(`Applied ${listMigrations().length} migration(s)`);
    expect(first.output()).toMatch(/Demo loaded: \d+ units, \d+ services, 3000 responses/);
    // Once ready, a newcomer reads where to sign in, as whom, and a citizen's survey link.
    await expect.poll(() => first.output()).toContain(`Sign in at http://localhost:${port}/masuk with password Suara-Demo-2026 as:`);
    expect(first.output()).toMatch(/admin@suara\.test\s+admin, KAB-SUKAMAJU/);
    expect(first.output()).toContain(`A citizen's survey: http://localhost:${port}/s/DISDUKCAPIL`);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    expect(await homeResponses(port)).toBe("3.000");
    expect(readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim().length).toBeGreaterThanOrEqual(32);

    // A second copy on the same .data is refused and the first keeps serving.
    const second = start({ SUARA_DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(oneLine(second.output()).at(-1)).toMatch(/Another Suara \(process \d+\) is already using/);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    expect(await first.stop()).toBe(0);
    expect(existsSync(path.join(dataDir, "suara.lock"))).toBe(false);

    const again = start({ SUARA_DATA_DIR: dataDir, PORT: String(port) });
    await waitReady(again);
    expect(again.output()).toMatch(/Database schema is up to date/);
    expect(again.output()).not.toMatch(/Demo loaded/);
    expect(await homeResponses(port)).toBe("3.000");
  });

  it("says in one sentence when .data is corrupt, and leaves it alone", async () => {
    const dataDir = tempDataDir();
    mkdirSync(path.join(dataDir, "pg", "global"), { recursive: true });
    writeFileSync(path.join(dataDir, "pg", "PG_VERSION"), "18\n");
    writeFileSync(path.join(dataDir, "pg", "global", "pg_control"), "not a control file");
    const l = start({ SUARA_DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await l.exited).toBe(1);
    const lines = oneLine(l.output());
    expect(lines.at(-1)).toMatch(/The embedded database in .* could not be opened .*move the folder aside/);
    expect(l.output()).not.toMatch(/^\s+at /m); // no stack trace
    expect(readFileSync(path.join(dataDir, "pg", "global", "pg_control"), "utf8")).toBe("not a control file");
  });
});

describe("npm start with DATABASE_URL", () => {
  let db: TestDatabase | undefined;
  afterAll(async () => db?.drop());

  it("migrates and seeds an empty server database once, and reports 503 when the database goes away", async (ctx) => {
    if (!(await testServerUrl())) ctx.skip(); // needs a PostgreSQL server, not PGlite
    db = await createTestDatabase();
    const port = await freePort();
    const env = { DATABASE_URL: db.url, PORT: String(port), SUARA_DATA_DIR: tempDataDir() };
    const first = start(env);
    await waitReady(first);
    expect(first.output()).toMatch(/Using PostgreSQL at/);
    expect(first.output()).toMatch(/Demo loaded/);
    expect(await first.stop()).toBe(0);

    // Once the demo password is changed, the launcher no longer prints it.
    await withClient(db.url, (c) => c.query(`UPDATE "user" SET password_hash = 'changed' WHERE email = 'admin@suara.test'`));
    const again = start(env);
    await waitReady(again);
    expect(again.output()).not.toMatch(/Demo loaded/);
    await new Promise((r) => setTimeout(r, 500));
    expect(again.output()).not.toContain("Suara-Demo-2026");
    const n = await withClient(db.url, (c) => c.query(`SELECT count(*)::int AS n FROM response`));
    expect(n.rows[0].n).toBe(3000);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    await db.drop();
    db = undefined;
    const down = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(down.status).toBe(503);
    // The job queue lives in the database: it is down with it.
    expect(await down.json()).toEqual({ status: "unavailable", database: "down", jobs: "down" });
  });
});

describe("bad configuration ends with one clear sentence", () => {
  it("names an unreachable database", async () => {
    const l = start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere", PORT: String(await freePort()) });
    expect(await l.exited).toBe(1);
    expect(oneLine(l.output()).at(-1)).toBe(
      "[suara] Cannot reach the database at 127.0.0.1:1/nowhere (connect ECONNREFUSED 127.0.0.1:1); check DATABASE_URL.",
    );
  });

  it("names a malformed variable", async () => {
    const l = start({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short", PORT: String(await freePort()) });
    expect(await l.exited).toBe(1);
    expect(oneLine(l.output()).at(-1)).toMatch(
      /^\[suara\] Configuration error: DATABASE_URL must be a postgresql:\/\/ URL; AUTH_SECRET must be at least 32 characters/,
    );
  });

  it("names a port in use", async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    try {
      const l = start({ PORT: String(port), SUARA_DATA_DIR: tempDataDir() });
      expect(await l.exited).toBe(1);
      expect(oneLine(l.output()).at(-1)).toBe(
        `[suara] Port ${port} is already in use; stop what is using it or start with PORT=${port + 1} npm start.`,
      );
    } finally {
      blocker.close();
    }
  });
});
