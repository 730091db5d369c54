import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// Every data-layer write commits its change and its audit entry in one
// transaction (lib/dal/write.ts). Each failure here is a real one, raised by
// PostgreSQL: a foreign key the audit entry breaks, a unique key the change breaks.

let db: TestDatabase;
let users: typeof import("@/lib/dal/users");
let admin: TCaller;
let targetId: string;
const meta: TRequestMeta = { clientAddress: "203.0.113.7", clientKey: "k", userAgent: "vitest" };

const one = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows[0] as T);
const auditCount = async () => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`)).n;
const auditSeq = async () => (await one<{ v: string }>(`SELECT last_value::text AS v FROM audit_log_id_seq`)).v;

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 50 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  users = await import("@/lib/dal/users");
  const root = await one<{ id: string; path: string }>(`SELECT id, path FROM unit WHERE parent_id IS NULL`);
  const a = await one<{ id: string }>(`SELECT id FROM "user" WHERE email = 'admin@suara.test'`);
  admin = { userId: a.id, email: "admin@suara.test", name: "Admin", mustChangePassword: false, assignments: [{ role: "ADMIN", unitId: root.id, unitPath: root.path }] };
  targetId = (await one<{ id: string }>(`SELECT id FROM "user" WHERE email = 'operator.dukcapil@suara.test'`)).id;
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

const targetRow = () => one(`SELECT password_hash, must_change_password, session_version, active FROM "user" WHERE id = $1`, [targetId]);

describe("a write and its audit entry", () => {
  it("commit together, the entry carrying the request's metadata", async () => {
    const before = await auditCount();
    const r = await users.createUser(admin, { email: "Baru@Suara.test", name: "Petugas Baru", role: "OPERATOR", unitCode: "rsud" }, meta);
    expect(r.ok).toBe(true);
    const id = r.ok ? r.value.id : "";
    expect(await one(`SELECT email, must_change_password FROM "user" WHERE id = $1`, [id])).toEqual({ email: "baru@suara.test", must_change_password: true });
    expect(await auditCount()).toBe(before + 1);
    expect(await one(`SELECT action, actor_id, target_id, ip, user_agent FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({
      action: "user.create", actor_id: admin.userId, target_id: id, ip: "203.0.113.7", user_agent: "vitest",
    });
  });

  it("a write whose audit insert fails leaves no change", async () => {
    // A caller whose account row is gone (deleted under a live session): the entry's actor_id
    // breaks audit_log_actor_id_fkey, and the password reset and deactivation go with it.
    const ghost: TCaller = { ...admin, userId: "00000000-0000-4000-8000-00000000dead", email: "ghost@suara.test" };
    const before = { row: await targetRow(), audit: await auditCount() };
    await expect(users.resetPassword(ghost, { userId: targetId }, meta)).rejects.toThrow(/foreign key|audit_log_actor_id_fkey/i);
    await expect(users.setUserActive(ghost, { userId: targetId, active: false }, meta)).rejects.toThrow(/foreign key|audit_log_actor_id_fkey/i);
    await expect(users.createUser(ghost, { email: "hantu@suara.test", name: "Hantu", role: "OPERATOR", unitCode: "RSUD" }, meta)).rejects.toThrow();
    expect(await targetRow()).toEqual(before.row);
    expect(await one(`SELECT count(*)::int AS n FROM "user" WHERE email = 'hantu@suara.test'`)).toEqual({ n: 0 });
    expect(await auditCount()).toBe(before.audit);
  });

  it("a write that fails after the audit insert leaves no audit entry", async () => {
    // The account exists: the entry is inserted (the log's sequence moves), then the insert of
    // the user breaks user_email_key, and the transaction takes the entry back with it.
    const before = { audit: await auditCount(), seq: await auditSeq() };
    const r = await users.createUser(admin, { email: "operator.dukcapil@suara.test", name: "Dua Kali", role: "OPERATOR", unitCode: "RSUD" }, meta);
    expect(r).toEqual({ ok: false, error: "exists" });
    expect(BigInt(await auditSeq())).toBeGreaterThan(BigInt(before.seq));
    expect(await auditCount()).toBe(before.audit);
    expect(await one(`SELECT count(*)::int AS n FROM "user" WHERE email = 'operator.dukcapil@suara.test'`)).toEqual({ n: 1 });
  });

  it("a refused write writes neither", async () => {
    const own = await one<{ id: string }>(`SELECT id FROM role_assignment WHERE user_id = $1 AND role = 'ADMIN'`, [admin.userId]);
    const before = await auditCount();
    expect(await users.removeRole(admin, { assignmentId: own.id }, meta)).toEqual({ ok: false, error: "lastAdmin" });
    expect(await users.setUserActive(admin, { userId: admin.userId, active: false }, meta)).toEqual({ ok: false, error: "lastAdmin" });
    expect(await users.resetPassword(admin, { userId: "not-a-uuid" }, meta)).toEqual({ ok: false, error: "invalid", fields: { userId: "invalid_format" } });
    // A NUL byte in a unit code is a field error (PostgreSQL would refuse it with an error: a 500).
    expect(await users.createUser(admin, { email: "nul@suara.test", name: "Nul", role: "OPERATOR", unitCode: "RSUD\u0000" }, meta)).toEqual({ ok: false, error: "invalid", fields: { unitCode: "invalid_format" } });
    expect(await users.assignRole(admin, { userId: admin.userId, role: "OPERATOR", unitCode: "\u0000" }, meta)).toMatchObject({ ok: false, error: "invalid" });
    expect(await one(`SELECT count(*)::int AS n FROM role_assignment WHERE id = $1`, [own.id])).toEqual({ n: 1 });
    expect(await auditCount()).toBe(before);
  });

  it("from the server shell (no session) come in one transaction too, with no actor", async () => {
    const kiosk = await import("@/lib/dal/kiosk");
    const enrolled = await kiosk.enrollKiosk({ unitCode: "rsud", name: "Tablet loket" });
    expect(enrolled?.token.length).toBeGreaterThan(40);
    expect(await one(`SELECT d.name, u.code FROM kiosk_device d JOIN unit u ON u.id = d.unit_id WHERE d.id = $1`, [enrolled!.deviceId])).toEqual({ name: "Tablet loket", code: "RSUD" });
    expect(await one(`SELECT action, actor_id, detail FROM audit_log WHERE target_id = $1`, [enrolled!.deviceId])).toEqual({
      action: "kiosk.enroll", actor_id: null, detail: { name: "Tablet loket", via: "shell" },
    });
    expect(await kiosk.enrollKiosk({ unitCode: "TIDAK-ADA", name: "Tablet" })).toBeNull();
  });
});
