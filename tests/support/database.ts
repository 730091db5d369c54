// Test databases on a real PostgreSQL: the server in DATABASE_URL, else the
// local one on 127.0.0.1:5432, else an embedded PGlite (a fresh in-memory
// instance per database, since PGlite holds one database).
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { listMigrations, migrate } from "@/lib/server/migrate";

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

let template: Promise<string> | undefined;

/**
 * A database holding prisma/migrations as the migrator left them, named after the migrations'
 * checksums: made once per set of migrations on the server (under an advisory lock, so parallel
 * test files wait for the first), then copied by CREATE DATABASE ... TEMPLATE for each test file.
 * The migrations themselves are tested on a database of their own (migrations.test.ts).
 */
function migratedTemplate(admin: string): Promise<string> {
  template ??= (async () => {
    const hash = createHash("sha256");
    for (const m of listMigrations()) hash.update(`${m.name}\n${m.checksum}\n`);
    const name = `suara_tpl_${hash.digest("hex").slice(0, 16)}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query("SELECT pg_advisory_lock(hashtext('suara_test_template'))");
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (!rowCount) {
        const building = `${name}_${process.pid}`;
        await client.query(`DROP DATABASE IF EXISTS "${building}"`);
        await client.query(`CREATE DATABASE "${building}"`);
        const url = new URL(admin);
        url.pathname = `/${building}`;
        await migrate(url.toString(), { engine: "builtin" });
        // Renamed only once complete: a half-migrated template is never copied.
        await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('suara_test_template'))").catch(() => {});
      await client.end();
    }
    return name;
  })();
  return template;
}

/** A new, empty database; `migrated` applies prisma/migrations to it. */
export async function createTestDatabase(opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const admin = await testServerUrl();
  let db: TestDatabase;
  if (admin) {
    const name = `suara_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    if (opts.migrated) {
      await adminQuery(admin, `CREATE DATABASE "${name}" TEMPLATE "${await migratedTemplate(admin)}"`);
      const url = new URL(admin);
      url.pathname = `/${name}`;
      return { url: url.toString(), mode: "server", drop: () => adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
    }
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
