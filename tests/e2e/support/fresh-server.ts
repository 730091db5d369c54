import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, launch, waitReady, type Launch } from "../../support/launcher";

// A server of its own for a spec that starts a real agency from nothing: `npm start`'s launcher
// with SUARA_SEED=never on an empty database (a fresh one on the suite's PostgreSQL server when
// it has one, else the embedded one). The suite's own server holds the demo agency.

export type FreshServer = {
  base: string;
  server: Launch;
  /** A statement on the fresh database (null on the embedded one, which only the server opens). */
  databaseUrl: string | null;
  stop: () => Promise<void>;
};

export async function startFreshServer(label: string, env: Record<string, string> = {}): Promise<FreshServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `suara-${label}-`));
  const serverEnv: Record<string, string> = { SUARA_SEED: "never", SUARA_DATA_DIR: dataDir, ...env };
  let dropDatabase = async () => {};
  let databaseUrl: string | null = null;
  if (process.env.E2E_DATABASE_URL) {
    const admin = new URL(process.env.E2E_DATABASE_URL);
    const name = `suara_${label.replace(/\W/g, "_")}_${process.pid}`;
    admin.pathname = "/postgres";
    const run = async (sql: string) => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(sql).finally(() => c.end());
    };
    await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await run(`CREATE DATABASE "${name}"`);
    dropDatabase = () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    databaseUrl = serverEnv.DATABASE_URL = url.toString();
  }
  const port = await freePort();
  const server = launch({ ...serverEnv, PORT: String(port) });
  await waitReady(server);
  return {
    base: `http://localhost:${port}`,
    server,
    databaseUrl,
    stop: async () => {
      await server.stop();
      await dropDatabase().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The one-time setup code the launcher printed. */
export const printedSetupCode = (server: Launch) => /setup code ([A-Z2-9]{4}(?:-[A-Z2-9]{4}){3})/.exec(server.output())?.[1];
