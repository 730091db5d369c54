import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// Kiosk tablets of a unit: listed for those who operate it, revoked by them
// alone (on the device's own unit), the revocation audited in its transaction
// and the tablet's token refused from then on.

let db: TestDatabase;
let operate: typeof import("@/lib/dal/operate");
let kiosk: typeof import("@/lib/dal/kiosk");
let operator: TCaller; // operator of Dinas Dukcapil and its bureaus only
const meta: TRequestMeta = { clientAddress: "203.0.113.9", clientKey: "k", userAgent: "vitest" };

const rows = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows as T[]);
const one = async <T>(sql: string, params: unknown[] = []) => (await rows<T>(sql, params))[0]!;
const auditCount = async () => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`)).n;

/** A tablet enrolled on `unitCode` directly in the database, with its token. */
async function device(unitCode: string, name: string): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString("base64url");
  const { id } = await one<{ id: string }>(
    `INSERT INTO kiosk_device (id, unit_id, name, token_hash) SELECT gen_random_uuid(), id, $2, $3 FROM unit WHERE code = $1 RETURNING id`,
    [unitCode, name, createHash("sha256").update(token).digest("hex")],
  );
  return { id, token };
}

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 20 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  operate = await import("@/lib/dal/operate");
  kiosk = await import("@/lib/dal/kiosk");
  const u = await one<{ id: string; name: string }>(`SELECT id, name FROM "user" WHERE email = 'operator.dukcapil@suara.test'`);
  const roles = await rows<{ role: "OPERATOR"; unit_id: string; path: string }>(
    `SELECT r.role, r.unit_id, u.path FROM role_assignment r JOIN unit u ON u.id = r.unit_id WHERE r.user_id = $1`,
    [u.id],
  );
  operator = { userId: u.id, email: "operator.dukcapil@suara.test", name: u.name, mustChangePassword: false, assignments: roles.map((r) => ({ role: r.role, unitId: r.unit_id, unitPath: r.path })) };
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("kiosk tablets of a unit", () => {
  it("are listed with who enrolled them, when they were last seen and whether they are revoked", async () => {
    const enrolled = await operate.enrollKioskForCaller(operator, { unitCode: "DUKCAPIL-CAPIL", name: "Tablet loket akta" }, meta);
    expect(enrolled.ok).toBe(true);
    const token = enrolled.ok ? enrolled.value.token : "";
    const before = (await operate.listKioskDevices(operator, "DUKCAPIL-CAPIL"))!.find((d) => d.name === "Tablet loket akta")!;
    expect(before).toMatchObject({ enrolledBy: { name: operator.name, email: operator.email }, lastSeenAt: null, revokedAt: null });
    // The tablet checks in: its last-seen time is recorded (the update does not hold up the request).
    expect(await kiosk.authenticateKiosk(token)).toMatchObject({ unitCode: "DUKCAPIL-CAPIL" });
    await expect
      .poll(async () => (await operate.listKioskDevices(operator, "DUKCAPIL-CAPIL"))!.find((d) => d.id === before.id)!.lastSeenAt)
      .toBeInstanceOf(Date);
    // Another unit's tablets are not listed, and another unit's list is not the operator's to read.
    await device("RSUD", "Tablet RSUD");
    expect((await operate.listKioskDevices(operator, "DUKCAPIL-CAPIL"))!.map((d) => d.name)).not.toContain("Tablet RSUD");
    expect(await operate.listKioskDevices(operator, "RSUD")).toBeNull();
    expect(await operate.listKioskDevices(null, "DUKCAPIL-CAPIL")).toBeNull();
  });

  it("are revoked with an audit entry in the same transaction, and the token is refused from then on", async () => {
    const d = await device("DUKCAPIL-CAPIL", "Tablet antrean");
    expect(await kiosk.authenticateKiosk(d.token)).not.toBeNull();
    const before = await auditCount();
    expect(await operate.revokeKioskForCaller(operator, { deviceId: d.id }, meta)).toEqual({ ok: true, value: { unitCode: "DUKCAPIL-CAPIL" } });
    expect(await kiosk.authenticateKiosk(d.token)).toBeNull();
    expect(await auditCount()).toBe(before + 1);
    const unit = await one<{ id: string }>(`SELECT id FROM unit WHERE code = 'DUKCAPIL-CAPIL'`);
    expect(await one(`SELECT action, actor_id, target_type, target_id, unit_id, ip, detail FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({
      action: "kiosk.revoke", actor_id: operator.userId, target_type: "kiosk_device", target_id: d.id, unit_id: unit.id, ip: "203.0.113.9", detail: { name: "Tablet antrean" },
    });
    const listed = (await operate.listKioskDevices(operator, "DUKCAPIL-CAPIL"))!.find((x) => x.id === d.id)!;
    expect(listed.revokedAt).toBeInstanceOf(Date);
    // Twice is refused, with no second entry and the first revocation time kept.
    expect(await operate.revokeKioskForCaller(operator, { deviceId: d.id }, meta)).toEqual({ ok: false, error: "alreadyRevoked" });
    expect(await auditCount()).toBe(before + 1);
    expect((await operate.listKioskDevices(operator, "DUKCAPIL-CAPIL"))!.find((x) => x.id === d.id)!.revokedAt).toEqual(listed.revokedAt);
  });

  it("revoked twice at the same moment: one revocation, one audit entry", async () => {
    const d = await device("DUKCAPIL-CAPIL", "Tablet rebutan");
    const results = await Promise.all(Array.from({ length: 4 }, () => operate.revokeKioskForCaller(operator, { deviceId: d.id }, meta)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "alreadyRevoked")).toHaveLength(3);
    expect(await rows(`SELECT action FROM audit_log WHERE target_id = $1`, [d.id])).toEqual([{ action: "kiosk.revoke" }]);
  });

  it("are renamed, audited with the old name; a bad name, a revoked or foreign tablet is refused", async () => {
    const d = await device("DUKCAPIL-CAPIL", "Tablet lama");
    expect(await operate.renameKioskForCaller(operator, { deviceId: d.id, name: "  Tablet loket 2 " }, meta)).toEqual({ ok: true, value: undefined });
    expect(await one(`SELECT name FROM kiosk_device WHERE id = $1`, [d.id])).toEqual({ name: "Tablet loket 2" });
    expect(await one(`SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({ action: "kiosk.rename", detail: { name: "Tablet loket 2", from: "Tablet lama" } });
    expect(await operate.renameKioskForCaller(operator, { deviceId: d.id, name: "a\u0000b" }, meta)).toEqual({ ok: false, error: "invalid", fields: { name: "controlChar" } });
    expect(await operate.renameKioskForCaller(operator, { deviceId: d.id, name: " " }, meta)).toEqual({ ok: false, error: "invalid", fields: { name: "required" } });
    const foreign = await device("DINKES", "Tablet dinkes");
    expect(await operate.renameKioskForCaller(operator, { deviceId: foreign.id, name: "Diambil" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await operate.revokeKioskForCaller(operator, { deviceId: d.id }, meta)).toMatchObject({ ok: true });
    expect(await operate.renameKioskForCaller(operator, { deviceId: d.id, name: "Sesudah dicabut" }, meta)).toEqual({ ok: false, error: "alreadyRevoked" });
    expect(await one(`SELECT name FROM kiosk_device WHERE id = $1`, [foreign.id])).toEqual({ name: "Tablet dinkes" });
  });

  it("refuses another unit's tablet as not found, writing nothing", async () => {
    const foreign = await device("RSUD", "Tablet IGD");
    const before = await auditCount();
    // The id is a real device, on a unit outside the operator's scope: it reads as one that does not exist.
    expect(await operate.revokeKioskForCaller(operator, { deviceId: foreign.id }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await operate.revokeKioskForCaller(operator, { deviceId: "00000000-0000-4000-8000-000000000000" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await operate.revokeKioskForCaller(null, { deviceId: foreign.id }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await operate.revokeKioskForCaller(operator, { deviceId: "not-a-uuid" }, meta)).toMatchObject({ ok: false, error: "invalid" });
    expect(await one(`SELECT revoked_at FROM kiosk_device WHERE id = $1`, [foreign.id])).toEqual({ revoked_at: null });
    expect(await kiosk.authenticateKiosk(foreign.token)).toMatchObject({ unitCode: "RSUD" });
    expect(await auditCount()).toBe(before);
  });

  it("keeps the tablet enrolled when the audit entry cannot be written", async () => {
    // A caller whose account row is gone: the entry's actor_id breaks its foreign key, and the revocation goes with it.
    const d = await device("DUKCAPIL-CAPIL", "Tablet cadangan");
    const ghost: TCaller = { ...operator, userId: "00000000-0000-4000-8000-00000000dead", email: "ghost@suara.test" };
    const before = await auditCount();
    await expect(operate.revokeKioskForCaller(ghost, { deviceId: d.id }, meta)).rejects.toThrow(/foreign key|audit_log_actor_id_fkey/i);
    expect(await one(`SELECT revoked_at FROM kiosk_device WHERE id = $1`, [d.id])).toEqual({ revoked_at: null });
    expect(await kiosk.authenticateKiosk(d.token)).not.toBeNull();
    expect(await auditCount()).toBe(before);
  });
});
