import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// A unit's services, kept by an admin in the browser: added, renamed in both
// languages, reordered, retired and reinstated; the citizen's form follows, and
// nothing is ever deleted. Only an admin whose scope covers the unit may.

let db: TestDatabase;
let svc: typeof import("@/lib/dal/services");
let survey: typeof import("@/lib/dal/survey");
let admin: TCaller;
let dinkesAdmin: TCaller;
let kepala: TCaller;
let operator: TCaller;
const meta: TRequestMeta = { clientAddress: "203.0.113.10", clientKey: "k", userAgent: "vitest" };

const one = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows[0] as T);
const rows = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows as T[]);
const serviceId = async (unit: string, code: string) => (await one<{ id: string }>(`SELECT s.id FROM service s JOIN unit u ON u.id = s.unit_id WHERE u.code = $1 AND s.code = $2`, [unit, code])).id;
const formCodes = async (unit: string) => (await survey.getSurvey(unit))!.services.map((s) => s.code);

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 300, until: new Date("2026-11-28T05:00:00Z") });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  svc = await import("@/lib/dal/services");
  survey = await import("@/lib/dal/survey");
  const unit = (code: string) => one<{ id: string; path: string }>(`SELECT id, path FROM unit WHERE code = $1`, [code]);
  const user = async (email: string) => (await one<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [email])).id;
  const as = async (email: string, role: TCaller["assignments"][number]["role"], code: string): Promise<TCaller> => {
    const u = await unit(code);
    return { userId: await user(email), email, name: email, mustChangePassword: false, assignments: [{ role, unitId: u.id, unitPath: u.path }] };
  };
  admin = await as("admin@suara.test", "ADMIN", "KAB-SUKAMAJU");
  dinkesAdmin = await as("pimpinan@suara.test", "ADMIN", "DINKES");
  kepala = await as("kepala.dukcapil@suara.test", "KEPALA_UNIT", "DISDUKCAPIL");
  operator = await as("operator.dukcapil@suara.test", "OPERATOR", "DISDUKCAPIL");
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("a unit's services", () => {
  it("an admin adds one; it is on the citizen's form at once, last, with its English name", async () => {
    expect(await formCodes("DUKCAPIL-CAPIL")).toEqual(["LAHIR", "MATI", "KAWIN", "CERAI"]);
    const r = await svc.createService(admin, { unitCode: "dukcapil-capil", code: " akta-anak ", name: "Akta Pengakuan Anak", nameEn: "Child Acknowledgement Certificate" }, meta);
    expect(r.ok).toBe(true);
    expect(await formCodes("DUKCAPIL-CAPIL")).toEqual(["LAHIR", "MATI", "KAWIN", "CERAI", "AKTA-ANAK"]);
    const added = (await survey.getSurvey("DUKCAPIL-CAPIL"))!.services.at(-1);
    expect(added).toMatchObject({ code: "AKTA-ANAK", name: "Akta Pengakuan Anak", nameEn: "Child Acknowledgement Certificate" });
    expect(await one(`SELECT action, actor_id, detail->>'code' AS code FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({ action: "service.create", actor_id: admin.userId, code: "AKTA-ANAK" });
  });

  it("refuses a code already used in the unit, and bad values field by field", async () => {
    expect(await svc.createService(admin, { unitCode: "DUKCAPIL-CAPIL", code: "lahir", name: "Lagi", nameEn: "" }, meta)).toEqual({ ok: false, error: "exists" });
    // The same code in another unit is fine: codes are per unit.
    expect((await svc.createService(admin, { unitCode: "DINKES", code: "LAHIR", name: "Surat Keterangan Lahir", nameEn: "" }, meta)).ok).toBe(true);
    expect(await svc.createService(admin, { unitCode: "DUKCAPIL-CAPIL", code: "a b/c", name: "x", nameEn: "Bad\u202Ename" }, meta)).toEqual({
      ok: false,
      error: "invalid",
      fields: { code: "codeFormat", name: "tooShort", nameEn: "controlChar" },
    });
    // A NUL byte in a unit code or id is a field error, never a database error.
    expect(await svc.createService(admin, { unitCode: "DUKCAPIL\u0000", code: "X1", name: "Layanan", nameEn: "" }, meta)).toEqual({ ok: false, error: "invalid", fields: { unitCode: "invalid_format" } });
    expect(await svc.renameService(admin, { serviceId: "\u0000", name: "Layanan", nameEn: "" }, meta)).toMatchObject({ ok: false, error: "invalid" });
    expect(await svc.createService(admin, { unitCode: "DUKCAPIL-CAPIL", code: "", name: "x".repeat(151), nameEn: "" }, meta)).toEqual({
      ok: false,
      error: "invalid",
      fields: { code: "required", name: "tooLong" },
    });
  });

  it("renames in both languages; the code (in printed links) stays", async () => {
    const id = await serviceId("DUKCAPIL-CAPIL", "MATI");
    expect((await svc.renameService(admin, { serviceId: id, name: "Akta Kematian (Baru)", nameEn: "Death Certificate" }, meta)).ok).toBe(true);
    expect((await survey.getSurvey("DUKCAPIL-CAPIL"))!.services.find((s) => s.code === "MATI")).toMatchObject({ name: "Akta Kematian (Baru)", nameEn: "Death Certificate" });
    // An empty English name goes back to none.
    expect((await svc.renameService(admin, { serviceId: id, name: "Akta Kematian", nameEn: "  " }, meta)).ok).toBe(true);
    expect(await one(`SELECT code, name, name_en FROM service WHERE id = $1`, [id])).toEqual({ code: "MATI", name: "Akta Kematian", name_en: null });
  });

  it("retires a service off the form, keeping every response that named it, and reinstates it", async () => {
    const id = await serviceId("DUKCAPIL-CAPIL", "KAWIN");
    const before = await one<{ n: number }>(`SELECT count(*)::int AS n FROM response WHERE service_id = $1`, [id]);
    expect(before.n).toBeGreaterThan(0);
    expect((await svc.setServiceActive(admin, { serviceId: id, active: false }, meta)).ok).toBe(true);
    expect(await formCodes("DUKCAPIL-CAPIL")).not.toContain("KAWIN");
    expect(await one(`SELECT count(*)::int AS n FROM response WHERE service_id = $1`, [id])).toEqual(before);
    // A citizen who still sends the retired code is told it is not offered.
    const { submitResponse } = await import("@/lib/dal/responses");
    const sent = await submitResponse({ unit: "DUKCAPIL-CAPIL", service: "KAWIN", answers: { U1: 4 } }, "retired-service-0001", { channel: "WEB", clientKey: "svc-test", requireService: true });
    expect(sent).toMatchObject({ ok: false, status: 400, errors: { service: "unknownService" } });
    // The admin still sees it, as retired, after the active ones.
    const list = (await svc.listServicesForAdmin(admin, "DUKCAPIL-CAPIL"))!.services;
    expect(list.at(-1)).toMatchObject({ code: "KAWIN", active: false, responses: before.n });
    expect((await svc.setServiceActive(admin, { serviceId: id, active: true }, meta)).ok).toBe(true);
    expect(await formCodes("DUKCAPIL-CAPIL")).toContain("KAWIN");
    expect((await rows<{ action: string }>(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`, [id])).map((r) => r.action)).toEqual(["service.retire", "service.reinstate"]);
  });

  it("moves a service up and down the form, and concurrent moves keep the order whole", async () => {
    const codes = await formCodes("PKM-SUKAMAJU");
    expect(codes).toEqual(["UMUM", "KIA", "GIGI", "LAB", "IMUN"]);
    expect((await svc.moveService(admin, { serviceId: await serviceId("PKM-SUKAMAJU", "LAB"), direction: "up" }, meta)).ok).toBe(true);
    expect(await formCodes("PKM-SUKAMAJU")).toEqual(["UMUM", "KIA", "LAB", "GIGI", "IMUN"]);
    // At the top, up changes nothing.
    expect((await svc.moveService(admin, { serviceId: await serviceId("PKM-SUKAMAJU", "UMUM"), direction: "up" }, meta)).ok).toBe(true);
    expect(await formCodes("PKM-SUKAMAJU")).toEqual(["UMUM", "KIA", "LAB", "GIGI", "IMUN"]);

    // Twenty moves at once from two admins: each takes its turn on the locked rows.
    const ids = await Promise.all(["UMUM", "KIA", "GIGI", "LAB", "IMUN"].map((c) => serviceId("PKM-SUKAMAJU", c)));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => svc.moveService(i % 2 ? admin : dinkesAdmin, { serviceId: ids[i % 5]!, direction: i % 3 ? "down" : "up" }, meta)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    // Every move audited, none lost to a deadlock or a retry.
    expect(await one(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'service.move' AND target_id = ANY($1::text[])`, [ids])).toEqual({ n: 22 });
    const orders = await rows<{ sort_order: number }>(`SELECT s.sort_order FROM service s JOIN unit u ON u.id = s.unit_id WHERE u.code = 'PKM-SUKAMAJU' ORDER BY s.sort_order`);
    expect(orders.map((o) => o.sort_order)).toEqual([0, 1, 2, 3, 4]);

    // Services added while others move each get a place of their own, after the rest.
    const more = await Promise.all([
      ...["A1", "A2", "A3", "A4"].map((code) => svc.createService(admin, { unitCode: "PKM-SUKAMAJU", code, name: `Layanan ${code}`, nameEn: "" }, meta)),
      ...ids.map((serviceId) => svc.moveService(dinkesAdmin, { serviceId, direction: "down" }, meta)),
    ]);
    expect(more.every((r) => r.ok)).toBe(true);
    const after = await rows<{ code: string; sort_order: number }>(`SELECT s.code, s.sort_order FROM service s JOIN unit u ON u.id = s.unit_id WHERE u.code = 'PKM-SUKAMAJU' ORDER BY s.sort_order`);
    expect(new Set(after.map((o) => o.sort_order)).size).toBe(9);
    expect(after.map((o) => o.code).sort()).toEqual(["A1", "A2", "A3", "A4", "GIGI", "IMUN", "KIA", "LAB", "UMUM"]);
  });

  it("refuses anyone whose admin scope does not cover the unit, and writes nothing", async () => {
    const capil = await serviceId("DUKCAPIL-CAPIL", "LAHIR");
    const audits = async () => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`)).n;
    const before = { row: await one(`SELECT name, active, sort_order FROM service WHERE id = $1`, [capil]), audits: await audits() };
    for (const who of [dinkesAdmin, kepala, operator, null]) {
      expect(await svc.renameService(who, { serviceId: capil, name: "Diambil alih", nameEn: "" }, meta)).toEqual({ ok: false, error: "notFound" });
      expect(await svc.setServiceActive(who, { serviceId: capil, active: false }, meta)).toEqual({ ok: false, error: "notFound" });
      expect(await svc.moveService(who, { serviceId: capil, direction: "down" }, meta)).toEqual({ ok: false, error: "notFound" });
      expect(await svc.createService(who, { unitCode: "DUKCAPIL-CAPIL", code: "ASING", name: "Layanan Asing", nameEn: "" }, meta)).toEqual({ ok: false, error: "notFound" });
      expect(await svc.listServicesForAdmin(who, "DUKCAPIL-CAPIL")).toBeNull();
    }
    // A dinas admin keeps its own subtree.
    expect(await svc.listServicesForAdmin(dinkesAdmin, "PKM-SUKAMAJU")).not.toBeNull();
    // An id that is no service at all answers the same.
    expect(await svc.renameService(admin, { serviceId: crypto.randomUUID(), name: "Apa saja", nameEn: "" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await one(`SELECT name, active, sort_order FROM service WHERE id = $1`, [capil])).toEqual(before.row);
    expect(await audits()).toBe(before.audits);
  });
});
