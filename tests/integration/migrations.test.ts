import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, migrate, MIGRATIONS_DIR } from "@/lib/server/migrate";
// @ts-expect-error: plain ESM helper without types
import { diffSchemas } from "@/scripts/lib/schema-engine-wasm.mjs";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The catalog of a database: every column, index, constraint and enum, in a
// form two databases can be compared by.
async function catalog(url: string) {
  return withClient(url, async (c) => {
    const columns = await c.query(`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
        FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
       ORDER BY table_name, column_name`);
    const indexes = await c.query(`
      SELECT tablename, indexname, indexdef FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
         AND indexdef NOT LIKE '% WHERE %' -- partial indexes are hand-written SQL: not in the Prisma schema
       ORDER BY indexname`);
    const constraints = await c.query(`
      SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
         AND conrelid::regclass::text <> '_prisma_migrations'
         AND contype NOT IN ('c', 't') -- CHECKs and constraint triggers are hand-written SQL: not in the Prisma schema
       ORDER BY conname`);
    const enums = await c.query(`
      SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`);
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows, enums: enums.rows };
  });
}

describe("migrations", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  it("applies every migration once, recorded as Prisma records them", async () => {
    const first = await migrate(db.url, { engine: "builtin" });
    expect(first.applied).toEqual(listMigrations().map((m) => m.name));
    const second = await migrate(db.url, { engine: "builtin" });
    expect(second.applied).toEqual([]);

    const rows = await withClient(db.url, (c) =>
      c.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`),
    );
    expect(rows.rows.map((r) => r.migration_name)).toEqual(listMigrations().map((m) => m.name));
    for (const [i, r] of rows.rows.entries()) {
      expect(r.checksum).toBe(listMigrations()[i]!.checksum);
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it("matches prisma/schema.prisma exactly (no drift between schema and migrations)", async () => {
    const fromSchema = await createTestDatabase();
    try {
      const schema = readFileSync(path.join("prisma", "schema.prisma"), "utf8");
      const sql: string = await diffSchemas(null, schema, fromSchema.url);
      expect(sql).toContain('CREATE TABLE "response"');
      await withClient(fromSchema.url, (c) => c.query(sql));
      const [migrated, expected] = await Promise.all([catalog(db.url), catalog(fromSchema.url)]);
      expect(migrated.enums).toEqual(expected.enums);
      expect(migrated.columns).toEqual(expected.columns);
      expect(migrated.indexes).toEqual(expected.indexes);
      expect(migrated.constraints).toEqual(expected.constraints);
    } finally {
      await fromSchema.drop();
    }
  });

  it("holds integrity in the database: scores on the template's scale, sane ages and codes", async () => {
    const { seedDemo } = await import("@/lib/server/seed-demo");
    await seedDemo(db.url, { responses: 20 });
    const insert = (answers: string, extra = "") =>
      withClient(db.url, (c) =>
        c.query(
          `INSERT INTO response (id, unit_id, template_version_id, channel, answers, idempotency_key${extra ? ", age" : ""})
           SELECT gen_random_uuid(), u.id, v.id, 'API', $1::jsonb, gen_random_uuid()::text${extra ? `, ${extra}` : ""}
             FROM unit u, template_version v JOIN questionnaire_template t ON t.id = v.template_id
            WHERE u.code = 'RSUD' AND t.key = 'permenpan-14-2017'`,
          [answers],
        ),
      );
    await expect(insert('{"U1": 9}')).rejects.toThrow(/not an integer score 1 to 4/);
    await expect(insert('{"U1": 3.5}')).rejects.toThrow(/not an integer score/);
    await expect(insert('{"U1": "4"}')).rejects.toThrow(/not an integer score/);
    await expect(insert('{"U10": 4}')).rejects.toThrow(/not an integer score/);
    await expect(insert('{"U1": 4}', "-5")).rejects.toThrow(/response_age_range/);
    await expect(insert('{"U1": 4, "U9": 1}')).resolves.toBeTruthy();
    await expect(withClient(db.url, (c) => c.query(`UPDATE unit SET code = 'a b c' WHERE code = 'RSUD'`))).rejects.toThrow(/unit_code_format/);
    await expect(withClient(db.url, (c) => c.query(`UPDATE unit SET parent_id = id WHERE code = 'RSUD'`))).rejects.toThrow(/cannot move under itself/);
  });

  it("rolls a failing migration back whole, reports it, and applies it once fixed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "suara-migrations-"));
    const target = await createTestDatabase();
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      const broken = path.join(dir, "29990101000000_broken");
      mkdirSync(broken);
      writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE half_done (id int);\nSELECT no_such_function();\n`);
      await expect(migrate(target.url, { engine: "builtin", dir })).rejects.toThrow(/29990101000000_broken failed/);
      const halfDone = await withClient(target.url, (c) => c.query(`SELECT to_regclass('public.half_done') AS t`));
      expect(halfDone.rows[0].t).toBeNull();

      writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE half_done (id int);\n`);
      const retry = await migrate(target.url, { engine: "builtin", dir });
      expect(retry.applied).toEqual(["29990101000000_broken"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await target.drop();
    }
  });

  it("lowers every account's email, and stops naming the accounts whose emails differ only in case", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "suara-migrations-"));
    const target = await createTestDatabase();
    const LOWER = "20261202053645_user_email_lower_case";
    try {
      // Every migration before the one that lowers emails, then accounts as an older version kept them.
      for (const m of listMigrations().filter((m) => m.name < LOWER)) cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(dir, m.name), { recursive: true });
      cpSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
      await migrate(target.url, { engine: "builtin", dir });
      const users = (sql: string) => withClient(target.url, (c) => c.query(sql));
      await users(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), 'Budi@Dinas.go.id', 'Budi'), (gen_random_uuid(), 'siti@dinas.go.id', 'Siti'), (gen_random_uuid(), ' SITI@dinas.go.id', 'Siti lagi')`);
      await expect(migrate(target.url, { engine: "builtin" })).rejects.toThrow(/differ only in case or spaces: ' SITI@dinas\.go\.id', 'siti@dinas\.go\.id'\./);
      // Fixed by hand, as the message says: then it applies, and every email is lower case.
      await users(`UPDATE "user" SET email = 'siti.lain@dinas.go.id' WHERE name = 'Siti lagi'`);
      await migrate(target.url, { engine: "builtin" });
      expect((await users(`SELECT email FROM "user" ORDER BY email`)).rows.map((r) => r.email)).toEqual(["budi@dinas.go.id", "siti.lain@dinas.go.id", "siti@dinas.go.id"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await target.drop();
    }
  });
});
