// Applies prisma/migrations to a PostgreSQL database (real or embedded).
//
// Where Prisma's native schema-engine binary is installed, `prisma migrate
// deploy` does the work. Where it is not (an air-gapped install: the CLI's
// engine download fails), this module applies the same migration files and
// records them in the same `_prisma_migrations` table, so both paths agree and
// a database can move between them.
import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

// Prisma's own advisory-lock key, so a native `migrate deploy` and this runner
// never apply migrations at the same time.
const MIGRATION_LOCK_KEY = 72707369;

export type MigrationFile = { name: string; sql: string; checksum: string };

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** The native schema engine, if the Prisma CLI managed to download it. */
export function nativeSchemaEngine(): string | null {
  const dir = path.join(process.cwd(), "node_modules", "@prisma", "engines");
  if (!existsSync(dir)) return null;
  const found = readdirSync(dir).find((f) => f.startsWith("schema-engine-") && !f.endsWith(".gz"));
  return found ? path.join(dir, found) : null;
}

export type MigrateResult = { applied: string[]; engine: "native" | "builtin" };

export async function migrate(
  databaseUrl: string,
  opts: { log?: (line: string) => void; engine?: "native" | "builtin" | "auto"; dir?: string } = {},
): Promise<MigrateResult> {
  const log = opts.log ?? (() => {});
  // Built-in by default: the one path tested everywhere. "native" asks for
  // `prisma migrate deploy` (it needs the downloaded schema engine).
  const engine = opts.engine ?? "builtin";
  if (engine === "native" || (engine === "auto" && nativeSchemaEngine())) {
    return migrateNative(databaseUrl, log);
  }
  return migrateBuiltin(databaseUrl, log, opts.dir);
}

async function migrateNative(databaseUrl: string, log: (l: string) => void): Promise<MigrateResult> {
  log("Applying migrations with prisma migrate deploy (native engine)");
  const before = await appliedMigrationNames(databaseUrl);
  // Spawned asynchronously: the embedded database may live in this process.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [require_prisma_cli(), "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed:\n${out.trim()}`)),
    );
  });
  const after = await appliedMigrationNames(databaseUrl);
  return { applied: after.filter((n) => !before.includes(n)), engine: "native" };
}

function require_prisma_cli() {
  return path.join(process.cwd(), "node_modules", "prisma", "build", "index.js");
}

async function appliedMigrationNames(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const exists = await client.query(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS ok`);
    if (!exists.rows[0].ok) return [];
    const res = await client.query(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return res.rows.map((r) => r.migration_name as string);
  } finally {
    await client.end();
  }
}

async function migrateBuiltin(databaseUrl: string, log: (l: string) => void, dir?: string): Promise<MigrateResult> {
  const migrations = listMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    // Same table as Prisma's migrate, column for column.
    await client.query(`
      CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum"            VARCHAR(64) NOT NULL,
        "finished_at"         TIMESTAMPTZ,
        "migration_name"      VARCHAR(255) NOT NULL,
        "logs"                TEXT,
        "rolled_back_at"      TIMESTAMPTZ,
        "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      )`);
    const rows = (
      await client.query(
        `SELECT migration_name, checksum, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL`,
      )
    ).rows as { migration_name: string; checksum: string; finished_at: Date | null }[];

    const failed = rows.find((r) => r.finished_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and was not rolled back; fix the database, then mark it rolled back.`,
      );
    }
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    for (const m of migrations) {
      const prior = done.get(m.name);
      if (prior !== undefined) {
        if (prior !== m.checksum) log(`warning: migration ${m.name} was edited after it was applied`);
        continue;
      }
      const id = randomUUID();
      try {
        // One transaction per migration, its bookkeeping row included: a
        // failure or an interruption leaves neither half a schema nor a stale row.
        await client.query("BEGIN");
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
          [id, m.checksum, m.name],
        );
        await client.query(m.sql);
        await client.query(
          `UPDATE _prisma_migrations SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        // Recorded as rolled back, as Prisma does, so the failure is on file.
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, logs, rolled_back_at)
           VALUES ($1, $2, $3, now(), $4, now())`,
          [id, m.checksum, m.name, String(err)],
        );
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
      applied.push(m.name);
      log(`applied migration ${m.name}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return { applied, engine: "builtin" };
}
