// Test databases on a real PostgreSQL: the server in DATABASE_URL, else the
// local one on 127.0.0.1:5432, else an embedded PGlite (a fresh in-memory
// instance per database, since PGlite holds one database).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { migrate } from "@/lib/server/migrate";

export type TestDatabase = { url: string; mode: "server" | "embedded"; drop: () => Promise<void> };

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

let serverUrl: Promise<string | null> | undefined;

/** The admin URL of a reachable PostgreSQL server, or null to use PGlite. */
export function testServerUrl(): Promise<string | null> {
  serverUrl ??= (async () => {
    if (process.env.SUARA_TEST_EMBEDDED === "1") return null;
    const candidates = [process.env.DATABASE_URL, LOCAL_SERVER].filter((u): u is string => !!u);
    for (const url of candidates) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
      try {
        await client.connect();
        await client.query("SELECT 1");
        return url;
      } catch {
        /* try the next one */
      } finally {
        await client.end().catch(() => {});
      }
    }
    return null;
  })();
  return serverUrl;
}

/** A new, empty database; `migrated` applies prisma/migrations to it. */
export async function createTestDatabase(opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const admin = await testServerUrl();
  let db: TestDatabase;
  if (admin) {
    const name = `suara_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    await adminQuery(admin, `CREATE DATABASE "${name}"`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    db = {
      url: url.toString(),
      mode: "server",
      drop: () => adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: null });
    db = { url: embedded.url, mode: "embedded", drop: embedded.stop };
  }
  if (opts.migrated) await migrate(db.url, { engine: "builtin" });
  return db;
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs `fn` with a connected client and closes it afterwards. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
