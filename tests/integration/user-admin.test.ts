import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";
import { holdAuditLog } from "@/tests/support/lock-step";

// Users by scope and accounts from a CSV. A dinas admin (ADMIN on Dinas Kesehatan) sees and
// manages the users of its subtree only; a CSV creates every account or none, each with a
// one-time password stored only as a hash and an audit entry of its own.

// The import's argon2 hashes, watched: how many run at once, and whether a transaction of the
// test database is open meanwhile (it must not be: the hashes come before the transaction).
const hashing = vi.hoisted(() => ({ watch: false, inFlight: 0, most: 0, inTransaction: 0, url: "" }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...actual,
    hashPassword: async (password: string) => {
      if (!hashing.watch) return actual.hashPassword(password);
      hashing.most = Math.max(hashing.most, ++hashing.inFlight);
      try {
        const c = new pg.Client({ connectionString: hashing.url });
        await c.connect();
        const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND query NOT LIKE '%pg_stat_activity%'`);
        await c.end();
        hashing.inTransaction += rows[0]!.n;
        return await actual.hashPassword(password);
      } finally {
        hashing.inFlight--;
      }
    },
  };
});

let db: TestDatabase;
let users: typeof import("@/lib/dal/users");
let importer: typeof import("@/lib/dal/user-import");
let admin: TCaller;
let dinasAdmin: TCaller;
let kepala: TCaller;
let operator: TCaller;
const meta: TRequestMeta = { clientAddress: "203.0.113.12", clientKey: "k", userAgent: "vitest" };
const rows = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows as T[]);
const one = async <T>(sql: string, params: unknown[] = []) => (await rows<T>(sql, params))[0]!;
const count = async (sql: string, params: unknown[] = []) => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) x`, params)).n;

/** A user with one role on `code`, straight in the database. */
async function userOn(email: string, role: string, code: string) {
  const { id } = await one<{ id: string }>(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), $1, $2) RETURNING id`, [email, email.split("@")[0]]);
  await rows(`INSERT INTO role_assignment (id, user_id, unit_id, role) SELECT gen_random_uuid(), $1, id, $2 FROM unit WHERE code = $3`, [id, role, code]);
  return id;
}

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 50 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  users = await import("@/lib/dal/users");
  importer = await import("@/lib/dal/user-import");
  const as = async (email: string, role: TCaller["assignments"][number]["role"], code: string): Promise<TCaller> => {
    const u = await one<{ id: string; path: string }>(`SELECT id, path FROM unit WHERE code = $1`, [code]);
    const existing = await rows<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [email]);
    const id = existing[0]?.id ?? (await userOn(email, role, code));
    return { userId: id, email, name: email, mustChangePassword: false, assignments: [{ role, unitId: u.id, unitPath: u.path }] };
  };
  admin = await as("admin@suara.test", "ADMIN", "KAB-SUKAMAJU");
  dinasAdmin = await as("admin.dinkes@suara.test", "ADMIN", "DINKES");
  kepala = await as("kepala.dukcapil@suara.test", "KEPALA_UNIT", "DISDUKCAPIL");
  operator = await as("operator.dukcapil@suara.test", "OPERATOR", "DISDUKCAPIL");
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("users by scope in the tree", () => {
  it("lists a dinas admin only the users whose every role lies in its subtree", async () => {
    const inside = await userOn("bidan@pkm.test", "OPERATOR", "PKM-SUKAMAJU");
    const straddling = await userOn("dua.dinas@suara.test", "OPERATOR", "PKM-CIBODAS");
    await rows(`INSERT INTO role_assignment (id, user_id, unit_id, role) SELECT gen_random_uuid(), $1, id, 'PIMPINAN' FROM unit WHERE code = 'DISHUB'`, [straddling]);
    const roleless = (await one<{ id: string }>(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), 'tanpa.peran@suara.test', 'Tanpa Peran') RETURNING id`)).id;

    const seen = (await users.listUsers(dinasAdmin))!.rows.map((u) => u.email);
    expect(seen).toContain("bidan@pkm.test");
    expect(seen).toContain("admin.dinkes@suara.test");
    expect(seen).not.toContain("dua.dinas@suara.test"); // also holds a role on Dinas Perhubungan
    expect(seen).not.toContain("tanpa.peran@suara.test"); // no role: the agency's admins only
    expect(seen).not.toContain("kepala.dukcapil@suara.test");
    expect(seen).not.toContain("admin@suara.test");
    // The same refusal on the user's own page and on every write about them.
    for (const id of [straddling, roleless]) {
      expect(await users.getUser(dinasAdmin, id)).toBeNull();
      expect(await users.resetPassword(dinasAdmin, { userId: id }, meta)).toEqual({ ok: false, error: "notFound" });
      expect(await users.setUserActive(dinasAdmin, { userId: id, active: false }, meta)).toEqual({ ok: false, error: "notFound" });
      expect(await users.assignRole(dinasAdmin, { userId: id, role: "OPERATOR", unitCode: "DINKES" }, meta)).toEqual({ ok: false, error: "notFound" });
    }
    expect(await users.getUser(dinasAdmin, inside)).not.toBeNull();
    const all = (await users.listUsers(admin, { cari: "suara.test" }))!.rows.map((u) => u.email);
    expect(all).toEqual(expect.arrayContaining(["dua.dinas@suara.test", "tanpa.peran@suara.test", "kepala.dukcapil@suara.test"]));
    expect(await users.getUser(admin, roleless)).not.toBeNull();
    expect(await users.listUsers(kepala)).toBeNull();
    expect(await users.listUsers(operator)).toBeNull();
  });

  it("filters by the unit a role sits on, optionally with its sub-units, and by name or email", async () => {
    const onDinkes = (await users.listUsers(admin, { unit: "dinkes" }))!;
    expect(onDinkes.unit).toEqual({ code: "DINKES", name: "Dinas Kesehatan" });
    expect(onDinkes.rows.map((u) => u.email)).toEqual(["admin.dinkes@suara.test"]);
    const under = (await users.listUsers(admin, { unit: "DINKES", bawah: "1" }))!.rows.map((u) => u.email);
    expect(under).toEqual(expect.arrayContaining(["admin.dinkes@suara.test", "bidan@pkm.test", "dua.dinas@suara.test"]));
    expect(under).not.toContain("kepala.dukcapil@suara.test");
    expect((await users.listUsers(admin, { cari: "BIDAN" }))!.rows.map((u) => u.email)).toEqual(["bidan@pkm.test"]);
    // A unit outside the caller's scope is no filter to a dinas admin: it sees its own users, no others.
    const foreign = (await users.listUsers(dinasAdmin, { unit: "DISDUKCAPIL", bawah: "1" }))!;
    expect(foreign.unit).toBeNull();
    expect(foreign.rows.map((u) => u.email)).not.toContain("kepala.dukcapil@suara.test");
  });

  it("pages through several hundred users, ordered by name", async () => {
    await rows(
      `INSERT INTO "user" (id, email, name) SELECT gen_random_uuid(), 'massal' || i || '@pkm.test', 'Petugas ' || lpad(i::text, 3, '0') FROM generate_series(1, 230) i`,
    );
    await rows(`INSERT INTO role_assignment (id, user_id, unit_id, role) SELECT gen_random_uuid(), u.id, (SELECT id FROM unit WHERE code = 'PKM-MEKARSARI'), 'OPERATOR' FROM "user" u WHERE email LIKE 'massal%'`);
    const first = (await users.listUsers(dinasAdmin, { unit: "PKM-MEKARSARI" }))!;
    expect(first.total).toBe(230);
    expect(first.rows).toHaveLength(users.USERS_PAGE_SIZE);
    expect(first.pageCount).toBe(Math.ceil(230 / users.USERS_PAGE_SIZE));
    expect(first.rows[0]!.name).toBe("Petugas 001");
    const last = (await users.listUsers(dinasAdmin, { unit: "PKM-MEKARSARI", hal: "99" }))!;
    expect(last.page).toBe(first.pageCount);
    expect(last.rows.at(-1)!.name).toBe("Petugas 230");
    expect((await users.listUsers(dinasAdmin, { unit: "PKM-MEKARSARI", hal: "-3" }))!.page).toBe(1);
  });

  it("refuses to remove a user's last role (the user would leave its admin's sight)", async () => {
    const id = await userOn("satu.peran@pkm.test", "KEPALA_UNIT", "PKM-CIBODAS");
    const [a] = await rows<{ id: string }>(`SELECT id FROM role_assignment WHERE user_id = $1`, [id]);
    expect(await users.removeRole(dinasAdmin, { assignmentId: a!.id }, meta)).toEqual({ ok: false, error: "lastRole" });
    expect((await users.assignRole(dinasAdmin, { userId: id, role: "OPERATOR", unitCode: "PKM-CIBODAS" }, meta)).ok).toBe(true);
    expect((await users.removeRole(dinasAdmin, { assignmentId: a!.id }, meta)).ok).toBe(true);
    expect((await users.getUser(dinasAdmin, id))!.roles.map((r) => r.role)).toEqual(["OPERATOR"]);
  });

  it("two removals of a user's two roles at once leave one: the second is told it is the last", async () => {
    const id = await userOn("dua.peran@pkm.test", "KEPALA_UNIT", "PKM-CIBODAS");
    expect((await users.assignRole(dinasAdmin, { userId: id, role: "OPERATOR", unitCode: "PKM-CIBODAS" }, meta)).ok).toBe(true);
    const [a, b] = await rows<{ id: string }>(`SELECT id FROM role_assignment WHERE user_id = $1 ORDER BY role`, [id]);
    const hold = await holdAuditLog(db.url);
    const first = users.removeRole(dinasAdmin, { assignmentId: a!.id }, meta);
    await hold.waitForWaiting(1);
    const second = users.removeRole(dinasAdmin, { assignmentId: b!.id }, meta);
    await hold.waitForWaiting(2);
    await hold.release();
    expect(await Promise.all([first, second])).toEqual([{ ok: true, value: undefined }, { ok: false, error: "lastRole" }]);
    expect(await count(`SELECT 1 FROM role_assignment WHERE user_id = $1`, [id])).toBe(1);
  });

  it("says which field is missing when no role or unit was chosen", async () => {
    expect(await users.createUser(admin, { email: "x@pkm.test", name: "Tanpa Pilihan", role: "", unitCode: "" }, meta)).toEqual({
      ok: false,
      error: "invalid",
      fields: { role: "invalidChoice", unitCode: "invalid_format" },
    });
    const id = await userOn("pilih@pkm.test", "OPERATOR", "PKM-CIBODAS");
    expect(await users.assignRole(admin, { userId: id, role: "", unitCode: "PKM-CIBODAS" }, meta)).toEqual({ ok: false, error: "invalid", fields: { role: "invalidChoice" } });
  });
});

describe("accounts from a CSV", () => {
  const good = "Nama;Email\nSiti Aminah;siti@pkm.test\nBudi Santoso;budi@pkm.test\nDewi Lestari;dewi@pkm.test\n";

  it("previews the file: every bad line with its reason, nothing written", async () => {
    const before = await count(`SELECT 1 FROM audit_log`);
    const csv = "Siti Aminah;siti@pkm.test\nBudi;budi@\nSiti Lagi;siti@pkm.test\nLama;bidan@pkm.test\n";
    expect(await importer.previewBulkUsers(dinasAdmin, { csv, unitCode: "PKM-SUKAMAJU", role: "OPERATOR" })).toEqual({
      ok: true,
      value: {
        unit: { code: "PKM-SUKAMAJU", name: "Puskesmas Sukamaju" },
        rows: [
          { line: 1, name: "Siti Aminah", email: "siti@pkm.test" },
          { line: 4, name: "Lama", email: "bidan@pkm.test" },
        ],
        problems: [
          { line: 2, reason: "email" },
          { line: 3, reason: "duplicate", firstLine: 1 },
          { line: 4, reason: "exists" },
        ],
      },
    });
    expect(await importer.previewBulkUsers(dinasAdmin, { csv: "nama;email\n", unitCode: "PKM-SUKAMAJU", role: "OPERATOR" })).toEqual({ ok: true, value: { fileError: "empty" } });
    expect(await importer.previewBulkUsers(dinasAdmin, { csv: good, unitCode: "", role: "" })).toEqual({ ok: false, error: "invalid", fields: { unitCode: "invalid_format", role: "invalidChoice" } });
    expect(await count(`SELECT 1 FROM audit_log`)).toBe(before);
  });

  it("creates nobody from a file with a bad line", async () => {
    const before = { users: await count(`SELECT 1 FROM "user"`), audit: await count(`SELECT 1 FROM audit_log`) };
    for (const csv of [`${good}Rusak;rusak@`, `${good}Lagi;siti@pkm.test`, `${good}Lama;bidan@pkm.test`, "nama;email"]) {
      const r = await importer.createUsersBulk(dinasAdmin, { csv, unitCode: "PKM-SUKAMAJU", role: "OPERATOR" }, meta);
      expect(r.ok).toBe(false);
    }
    expect(await count(`SELECT 1 FROM "user"`)).toBe(before.users);
    expect(await count(`SELECT 1 FROM audit_log`)).toBe(before.audit);
  });

  it("rolls back every account when one address is taken meanwhile", async () => {
    // The unique email decides: an account made between the check and the insert (here, by a
    // trigger that does it as the import's transaction starts writing) takes the whole file back.
    await rows(`CREATE FUNCTION race_user() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.action = 'user.import' THEN INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), 'dewi@pkm.test', 'Dewi Duluan'); END IF;
      RETURN NEW; END $$`);
    await rows(`CREATE TRIGGER race_user AFTER INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION race_user()`);
    try {
      expect(await importer.createUsersBulk(dinasAdmin, { csv: good, unitCode: "PKM-SUKAMAJU", role: "OPERATOR" }, meta)).toEqual({ ok: false, error: "exists" });
    } finally {
      await rows(`DROP TRIGGER race_user ON audit_log`);
      await rows(`DROP FUNCTION race_user()`);
    }
    expect(await count(`SELECT 1 FROM "user" WHERE email IN ('siti@pkm.test', 'budi@pkm.test', 'dewi@pkm.test')`)).toBe(0);
    expect(await count(`SELECT 1 FROM audit_log WHERE action = 'user.import'`)).toBe(0);
  });

  it("refuses a unit outside a dinas admin's subtree, ADMIN above it, and callers without admin", async () => {
    for (const [who, unitCode, role] of [
      [dinasAdmin, "DISDUKCAPIL", "OPERATOR"],
      [dinasAdmin, "KAB-SUKAMAJU", "ADMIN"],
      [kepala, "DISDUKCAPIL", "OPERATOR"],
      [operator, "DISDUKCAPIL", "OPERATOR"],
    ] as const) {
      expect(await importer.previewBulkUsers(who, { csv: good, unitCode, role })).toEqual({ ok: false, error: "notFound" });
      expect(await importer.createUsersBulk(who, { csv: good, unitCode, role }, meta)).toEqual({ ok: false, error: "notFound" });
    }
    expect(await count(`SELECT 1 FROM "user" WHERE email = 'siti@pkm.test'`)).toBe(0);
  });

  it("hashes the one-time passwords before the transaction, two at a time", async () => {
    const csv = `Nama;Email\n${Array.from({ length: 6 }, (_, i) => `Petugas Hash ${i};hash${i}@pkm.test`).join("\n")}\n`;
    Object.assign(hashing, { watch: true, inFlight: 0, most: 0, inTransaction: 0, url: db.url });
    try {
      const r = await importer.createUsersBulk(dinasAdmin, { csv, unitCode: "PKM-SUKAMAJU", role: "OPERATOR" }, meta);
      expect(r.ok && r.value.length).toBe(6);
    } finally {
      hashing.watch = false;
    }
    expect(hashing.most).toBe(2);
    expect(hashing.inTransaction).toBe(0);
    expect(await count(`SELECT 1 FROM "user" WHERE email LIKE 'hash_@pkm.test' AND password_hash IS NOT NULL`)).toBe(6);
  });

  it("creates every account with its role, a one-time password stored as a hash, and an audit entry each", async () => {
    const r = await importer.createUsersBulk(dinasAdmin, { csv: good, unitCode: "pkm-sukamaju", role: "KEPALA_UNIT" }, meta);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.map((a) => a.email)).toEqual(["siti@pkm.test", "budi@pkm.test", "dewi@pkm.test"]);
    const passwords = r.value.map((a) => a.temporaryPassword);
    expect(new Set(passwords).size).toBe(3);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{15}$/);
    const created = await rows<{ email: string; password_hash: string; must_change_password: boolean; role: string; code: string }>(
      `SELECT u.email, u.password_hash, u.must_change_password, r.role, n.code FROM "user" u JOIN role_assignment r ON r.user_id = u.id JOIN unit n ON n.id = r.unit_id
        WHERE u.email IN ('siti@pkm.test', 'budi@pkm.test', 'dewi@pkm.test') ORDER BY u.email`,
    );
    expect(created.map(({ email, must_change_password, role, code }) => ({ email, must_change_password, role, code }))).toEqual(
      ["budi", "dewi", "siti"].map((n) => ({ email: `${n}@pkm.test`, must_change_password: true, role: "KEPALA_UNIT", code: "PKM-SUKAMAJU" })),
    );
    const { verifyPassword } = await import("@/lib/auth/password");
    for (const a of r.value) {
      const row = created.find((c) => c.email === a.email)!;
      expect(row.password_hash).not.toContain(a.temporaryPassword);
      expect(await verifyPassword(row.password_hash, a.temporaryPassword)).toBe(true);
    }
    const log = await rows<{ action: string; email: string | null; actor_id: string; ip: string }>(
      `SELECT action, detail->>'email' AS email, actor_id, ip FROM audit_log WHERE action IN ('user.import', 'user.create') ORDER BY id DESC LIMIT 4`,
    );
    expect(log.map((l) => [l.action, l.email]).sort()).toEqual([["user.create", "budi@pkm.test"], ["user.create", "dewi@pkm.test"], ["user.create", "siti@pkm.test"], ["user.import", null]]);
    expect(new Set(log.map((l) => `${l.actor_id} ${l.ip}`))).toEqual(new Set([`${dinasAdmin.userId} 203.0.113.12`]));
    // Nothing stores the password in clear: not the audit log either.
    const detail = await rows<{ d: string }>(`SELECT detail::text AS d FROM audit_log WHERE detail IS NOT NULL`);
    for (const p of passwords) expect(detail.some((x) => x.d.includes(p))).toBe(false);
    // The same file again: every line now exists.
    const again = await importer.previewBulkUsers(dinasAdmin, { csv: good, unitCode: "PKM-SUKAMAJU", role: "KEPALA_UNIT" });
    expect(again.ok && "problems" in again.value && again.value.problems.map((p) => p.reason)).toEqual(["exists", "exists", "exists"]);
  });

  it("keeps every email in lower case in the database, so that its unique key ignores case", async () => {
    await expect(rows(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), 'Siti@pkm.test', 'Siti Besar')`)).rejects.toThrow(/user_email_lower_case/);
    await expect(rows(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), ' siti2@pkm.test', 'Siti Spasi')`)).rejects.toThrow(/user_email_lower_case/);
    const r = await importer.createUsersBulk(admin, { csv: "Siti Besar;SITI@PKM.TEST", unitCode: "PKM-CIBODAS", role: "OPERATOR" }, meta);
    expect(r.ok).toBe(false); // read as siti@pkm.test, which exists
  });

  it("signs a created account in with its one-time password, which must then be changed", async () => {
    const r = await importer.createUsersBulk(admin, { csv: "Rina Wati;rina@pkm.test", unitCode: "PKM-CIBODAS", role: "OPERATOR" }, meta);
    if (!r.ok) throw new Error(r.error);
    const { checkCredentials } = await import("@/lib/dal/sign-in");
    const signIn = await checkCredentials({ email: "rina@pkm.test", password: r.value[0]!.temporaryPassword }, meta);
    expect(signIn.ok).toBe(true);
    expect(await one(`SELECT must_change_password FROM "user" WHERE email = 'rina@pkm.test'`)).toEqual({ must_change_password: true });
    // Until she chooses a password, her session holds no role: an action called directly is refused too.
    const { openSession } = await import("@/lib/dal/sessions");
    const { loadCaller } = await import("@/lib/dal/sign-in");
    const { getUnitForCaller } = await import("@/lib/dal/units");
    const rina = await one<{ id: string; session_version: number }>(`SELECT id, session_version FROM "user" WHERE email = 'rina@pkm.test'`);
    const sid = await openSession(rina.id);
    const pending = (await loadCaller(rina.id, rina.session_version, sid))!;
    expect(pending).toMatchObject({ email: "rina@pkm.test", mustChangePassword: true, assignments: [] });
    expect(await getUnitForCaller(pending, "PKM-CIBODAS", "operate")).toBeNull();
    const changed = await users.changeOwnPassword(pending, { current: r.value[0]!.temporaryPassword, next: "Kopi-Hangat-Pagi-7391" }, meta);
    expect(changed).toEqual({ ok: true, value: undefined });
    const after = await one<{ session_version: number; must_change_password: boolean }>(`SELECT session_version, must_change_password FROM "user" WHERE id = $1`, [rina.id]);
    expect(after.must_change_password).toBe(false);
    const fresh = (await loadCaller(rina.id, after.session_version, await openSession(rina.id)))!;
    expect(await getUnitForCaller(fresh, "PKM-CIBODAS", "operate")).not.toBeNull();
  });
});
