import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The unit tree kept by admins: create under a unit in scope (path and depth follow the
// parent), rename, change kind, deactivate (the survey link says it is closed; the
// responses stay in the parent's figures) and reactivate. A dinas admin keeps its subtree.

let db: TestDatabase;
let ua: typeof import("@/lib/dal/unit-admin");
let admin: TCaller;
let dinasAdmin: TCaller;
let kepala: TCaller;
const meta: TRequestMeta = { clientAddress: "203.0.113.11", clientKey: "k", userAgent: "vitest" };
const rows = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows as T[]);
const one = async <T>(sql: string, params: unknown[] = []) => (await rows<T>(sql, params))[0]!;

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 300, until: new Date("2026-11-28T05:00:00Z") });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  ua = await import("@/lib/dal/unit-admin");
  const as = async (email: string, role: TCaller["assignments"][number]["role"], code: string): Promise<TCaller> => {
    const u = await one<{ id: string; path: string }>(`SELECT id, path FROM unit WHERE code = $1`, [code]);
    const user = await one<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [email]);
    return { userId: user.id, email, name: email, mustChangePassword: false, assignments: [{ role, unitId: u.id, unitPath: u.path }] };
  };
  admin = await as("admin@suara.test", "ADMIN", "KAB-SUKAMAJU");
  dinasAdmin = await as("pimpinan@suara.test", "ADMIN", "DINKES");
  kepala = await as("kepala.dukcapil@suara.test", "KEPALA_UNIT", "DISDUKCAPIL");
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("the unit tree", () => {
  it("a dinas admin adds a unit under its dinas: path and depth follow the parent, audited", async () => {
    const r = await ua.createUnit(dinasAdmin, { parentCode: "pkm-sukamaju", code: "pustu-mekar", name: "Puskesmas Pembantu Mekar", kind: "PUSKESMAS" }, meta);
    expect(r).toMatchObject({ ok: true, value: { code: "PUSTU-MEKAR" } });
    const [u, parent] = await Promise.all([
      one<{ id: string; path: string; depth: number; parent_id: string }>(`SELECT id, path, depth, parent_id FROM unit WHERE code = 'PUSTU-MEKAR'`),
      one<{ id: string; path: string; depth: number }>(`SELECT id, path, depth FROM unit WHERE code = 'PKM-SUKAMAJU'`),
    ]);
    expect(u).toEqual({ id: u.id, path: `${parent.path}${u.id}/`, depth: parent.depth + 1, parent_id: parent.id });
    expect(await one(`SELECT action, detail->>'code' AS code FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({ action: "unit.create", code: "PUSTU-MEKAR" });
    // It is in the tree of its admin, and of the agency's, found by part of its name.
    expect((await ua.listUnitTree(dinasAdmin, "pembantu"))!.rows.map((x) => x.code)).toEqual(["PUSTU-MEKAR"]);
    expect((await ua.listUnitTree(admin))!.rows.some((x) => x.code === "PUSTU-MEKAR")).toBe(true);
    // A dinas admin's tree is its subtree only.
    const inDinkes = await rows<{ code: string }>(`SELECT code FROM unit WHERE path LIKE (SELECT path FROM unit WHERE code = 'DINKES') || '%' ORDER BY path`);
    expect((await ua.listUnitTree(dinasAdmin))!.rows.map((x) => x.code)).toEqual(inDinkes.map((x) => x.code));
  });

  it("refuses a code already taken, bad values, and a parent outside the caller's scope", async () => {
    expect(await ua.createUnit(admin, { parentCode: "DINKES", code: "RSUD", name: "Lagi", kind: "UPT" }, meta)).toEqual({ ok: false, error: "exists" });
    expect(await ua.createUnit(admin, { parentCode: "DINKES", code: "a b", name: "x", kind: "GALAKSI" }, meta)).toEqual({
      ok: false,
      error: "invalid",
      fields: { code: "codeFormat", name: "tooShort", kind: "invalidChoice" },
    });
    expect(await ua.createUnit(dinasAdmin, { parentCode: "DISDUKCAPIL", code: "ASING", name: "Unit asing", kind: "UPT" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await ua.createUnit(kepala, { parentCode: "DISDUKCAPIL", code: "ASING", name: "Unit asing", kind: "UPT" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await ua.listUnitTree(kepala)).toBeNull();
    expect(await rows(`SELECT 1 FROM unit WHERE code = 'ASING'`)).toEqual([]);
  });

  it("renames a unit and changes its kind; the citizen's page shows the new name", async () => {
    const { id } = await one<{ id: string }>(`SELECT id FROM unit WHERE code = 'PUSTU-MEKAR'`);
    expect((await ua.updateUnit(dinasAdmin, { unitId: id, name: "Pustu Mekar Jaya", kind: "UPT" }, meta)).ok).toBe(true);
    expect(await one(`SELECT name, kind FROM unit WHERE id = $1`, [id])).toEqual({ name: "Pustu Mekar Jaya", kind: "UPT" });
    const { getSurvey } = await import("@/lib/dal/survey");
    expect((await getSurvey("PUSTU-MEKAR"))?.unitName).toBe("Pustu Mekar Jaya");
    const foreign = await one<{ id: string }>(`SELECT id FROM unit WHERE code = 'DISDUKCAPIL'`);
    expect(await ua.updateUnit(dinasAdmin, { unitId: foreign.id, name: "Diambil", kind: "DINAS" }, meta)).toEqual({ ok: false, error: "notFound" });
  });

  it("keeps the unit head who signs the report: audited, a blank clears, an absent field stays; the database refuses a bad NIP", async () => {
    const { id } = await one<{ id: string }>(`SELECT id FROM unit WHERE code = 'PKM-CIBODAS'`);
    const head = { headName: "dr. Siti Rahma", headTitle: "Kepala Puskesmas Cibodas", headNip: "19800214 200501 2 003" };
    expect(await ua.updateUnit(dinasAdmin, { unitId: id, name: "Puskesmas Cibodas", kind: "PUSKESMAS", ...head }, meta)).toEqual({ ok: true, value: undefined });
    const saved = () => one(`SELECT head_name, head_title, head_nip FROM unit WHERE id = $1`, [id]);
    expect(await saved()).toEqual({ head_name: "dr. Siti Rahma", head_title: "Kepala Puskesmas Cibodas", head_nip: "198002142005012003" });
    const audit = await one<{ action: string; detail: Record<string, unknown> }>(`SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(audit.action).toBe("unit.update");
    expect(audit.detail.headNip).toMatchObject({ to: "198002142005012003" });
    expect(audit.detail.headName).toMatchObject({ to: "dr. Siti Rahma" });
    // A rename alone leaves the head as it is; a blank NIP clears only the NIP.
    expect((await ua.updateUnit(dinasAdmin, { unitId: id, name: "Puskesmas Cibodas", kind: "PUSKESMAS" }, meta)).ok).toBe(true);
    expect(await saved()).toMatchObject({ head_name: "dr. Siti Rahma", head_nip: "198002142005012003" });
    expect((await ua.updateUnit(dinasAdmin, { unitId: id, name: "Puskesmas Cibodas", kind: "PUSKESMAS", headNip: " " }, meta)).ok).toBe(true);
    expect(await saved()).toEqual({ head_name: "dr. Siti Rahma", head_title: "Kepala Puskesmas Cibodas", head_nip: null });
    expect(await ua.updateUnit(dinasAdmin, { unitId: id, name: "Puskesmas Cibodas", kind: "PUSKESMAS", headNip: "1980021420050120" }, meta)).toEqual({ ok: false, error: "invalid", fields: { headNip: "nipFormat" } });
    const foreign = await one<{ id: string }>(`SELECT id FROM unit WHERE code = 'RSUD'`);
    expect(await ua.updateUnit(dinasAdmin, { unitId: foreign.id, name: "RSUD Kabupaten Sukamaju", kind: "LAINNYA", headName: "Diambil" }, meta)).toEqual({ ok: false, error: "notFound" });
    await expect(rows(`UPDATE unit SET head_nip = '12345' WHERE id = $1`, [id])).rejects.toThrow(/unit_head_nip_format/);
  });

  it("deactivates a unit: its survey is closed, its responses stay in its parent's figures; reactivates it", async () => {
    const { getClosedUnitName, getSurvey } = await import("@/lib/dal/survey");
    const rsud = await one<{ id: string }>(`SELECT id FROM unit WHERE code = 'RSUD'`);
    const pooled = async () => {
      const { getUnitDashboard } = await import("@/lib/dal/dashboard");
      const { parseDashboardQuery } = await import("@/lib/validation/dashboard");
      const d = await getUnitDashboard(admin, "KAB-SUKAMAJU", parseDashboardQuery({ periode: "2026", cakupan: "gabungan" }, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }).query);
      return d?.score?.result.respondents;
    };
    const before = await pooled();
    expect(before).toBeGreaterThan(0);
    expect(await getSurvey("RSUD")).not.toBeNull();
    expect((await ua.setUnitActive(admin, { unitId: rsud.id, active: false }, meta)).ok).toBe(true);
    expect(await getSurvey("RSUD")).toBeNull();
    expect(await getClosedUnitName("rsud")).toBe("RSUD Kabupaten Sukamaju");
    expect(await pooled()).toBe(before);
    const { submitResponse } = await import("@/lib/dal/responses");
    expect(await submitResponse({ unit: "RSUD", answers: { U1: 4 } }, "closed-unit-0001", { channel: "WEB", clientKey: "c", requireService: false })).toMatchObject({ ok: false, status: 404 });
    expect((await ua.setUnitActive(admin, { unitId: rsud.id, active: true }, meta)).ok).toBe(true);
    expect(await getSurvey("RSUD")).not.toBeNull();
    expect(await getClosedUnitName("RSUD")).toBeNull();
    expect((await rows<{ action: string }>(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`, [rsud.id])).map((r) => r.action)).toEqual(["unit.deactivate", "unit.reactivate"]);
  });

  it("keeps the agency's root active", async () => {
    const root = await one<{ id: string }>(`SELECT id FROM unit WHERE parent_id IS NULL`);
    expect(await ua.setUnitActive(admin, { unitId: root.id, active: false }, meta)).toEqual({ ok: false, error: "root" });
    expect(await one(`SELECT active FROM unit WHERE id = $1`, [root.id])).toEqual({ active: true });
  });
});
