import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// Moving a unit with its subtree and changing its public code. The database keeps the tree
// consistent by itself (triggers on unit: path and depth follow parent_id, never a move under
// the unit's own subtree, concurrent moves serialised); a move leaves every response with its
// unit, so the old and new parents' figures follow the tree; an old code keeps leading to the
// unit (printed QR codes), and no other unit can take it.

let db: TestDatabase;
let ua: typeof import("@/lib/dal/unit-admin");
let dash: typeof import("@/lib/dal/dashboard");
let admin: TCaller;
let dinasAdmin: TCaller;
let kepala: TCaller;
const meta: TRequestMeta = { clientAddress: "203.0.113.12", clientKey: "k", userAgent: "vitest" };
const NOW = new Date("2026-11-28T05:00:00Z");
const rows = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows as T[]);
const one = async <T>(sql: string, params: unknown[] = []) => (await rows<T>(sql, params))[0]!;
const idOf = async (code: string) => (await one<{ id: string }>(`SELECT id FROM unit WHERE code = $1`, [code])).id;
const q = () => parseDashboardQuery({ periode: "2026-T3", cakupan: "gabungan" }, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }, NOW).query;

/** Every unit where its parent says: the invariant the triggers keep. */
async function inconsistentUnits(): Promise<string[]> {
  const bad = await rows<{ code: string }>(`
    SELECT u.code FROM unit u LEFT JOIN unit p ON p.id = u.parent_id
     WHERE (u.parent_id IS NULL AND (u.path <> '/' || u.id || '/' OR u.depth <> 0))
        OR (u.parent_id IS NOT NULL AND (u.path <> p.path || u.id || '/' OR u.depth <> p.depth + 1))`);
  return bad.map((b) => b.code);
}

/** Respondents of the period in the unit's subtree, counted from the responses themselves. */
const subtreeRespondents = async (code: string) =>
  (
    await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM response r JOIN unit u ON u.id = r.unit_id
        WHERE starts_with(u.path, (SELECT path FROM unit WHERE code = $1)) AND NOT r.suspicious
          AND r.submitted_at >= '2026-07-01T00:00:00+07:00' AND r.submitted_at < '2026-10-01T00:00:00+07:00'`,
      [code],
    )
  ).n;
const dashboardRespondents = async (code: string) => (await dash.getUnitDashboard(admin, code, q()))!.score?.result.respondents ?? 0;

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 400, until: NOW });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  ua = await import("@/lib/dal/unit-admin");
  dash = await import("@/lib/dal/dashboard");
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

describe("the tree in the database", () => {
  it("moves a whole subtree when a unit's parent changes, and refuses paths set by hand or a cycle", async () => {
    const [dinkes, dukcapil, pkm] = await Promise.all([idOf("DINKES"), idOf("DISDUKCAPIL"), idOf("PKM-SUKAMAJU")]);
    await expect(rows(`UPDATE unit SET path = '/elsewhere/' WHERE id = $1`, [pkm])).rejects.toThrow(/follow its parent/);
    await expect(rows(`UPDATE unit SET depth = 7 WHERE id = $1`, [pkm])).rejects.toThrow(/follow its parent/);
    await expect(rows(`UPDATE unit SET parent_id = $1 WHERE id = $2`, [pkm, dinkes])).rejects.toThrow(/own subtree/);
    await expect(rows(`UPDATE unit SET parent_id = $1 WHERE id = $1`, [dinkes])).rejects.toThrow(/own subtree/);
    // A plain UPDATE of parent_id moves DINKES and its five units under DISDUKCAPIL, and back.
    await rows(`UPDATE unit SET parent_id = $1 WHERE id = $2`, [dukcapil, dinkes]);
    const moved = await rows<{ depth: number; under: boolean }>(
      `SELECT depth, starts_with(path, (SELECT path FROM unit WHERE id = $1)) AS under FROM unit WHERE parent_id = $2`,
      [dukcapil, dinkes],
    );
    expect(moved.length).toBe(5);
    expect(moved.every((m) => m.depth === 3 && m.under)).toBe(true);
    expect(await inconsistentUnits()).toEqual([]);
    const root = await one<{ id: string }>(`SELECT id FROM unit WHERE parent_id IS NULL`);
    await rows(`UPDATE unit SET parent_id = $1 WHERE id = $2`, [root.id, dinkes]);
    expect(await inconsistentUnits()).toEqual([]);
    // A new unit's path is its parent's, whatever the insert says.
    const id = randomUUID();
    await rows(`INSERT INTO unit (id, parent_id, path, depth, name, kind, code, updated_at) VALUES ($1, $2, '/wrong/', 9, 'Pustu', 'UPT', 'PUSTU-X', now())`, [id, pkm]);
    expect(await one(`SELECT depth, path = (SELECT path FROM unit WHERE id = $2) || id || '/' AS ok FROM unit WHERE id = $1`, [id, pkm])).toEqual({ depth: 3, ok: true });
  });

  it("keeps the tree whole when two sessions move units into each other at once", async () => {
    const [a, b] = await Promise.all([idOf("DISHUB"), idOf("BAPENDA")]);
    const c1 = new pg.Client({ connectionString: db.url });
    const c2 = new pg.Client({ connectionString: db.url });
    await Promise.all([c1.connect(), c2.connect()]);
    try {
      await c1.query("BEGIN");
      await c2.query("BEGIN");
      await c1.query(`UPDATE unit SET parent_id = $1 WHERE id = $2`, [b, a]); // DISHUB under BAPENDA
      // The second waits for the first (the tree lock), then sees BAPENDA inside DISHUB's subtree.
      const second = c2.query(`UPDATE unit SET parent_id = $1 WHERE id = $2`, [a, b]).then(
        () => "moved",
        (e: Error) => e.message,
      );
      await c1.query("COMMIT");
      expect(await second).toMatch(/own subtree/);
      await c2.query("ROLLBACK");
    } finally {
      await Promise.all([c1.end(), c2.end()]);
    }
    expect(await inconsistentUnits()).toEqual([]);
    expect(await one(`SELECT (SELECT code FROM unit p WHERE p.id = u.parent_id) AS parent FROM unit u WHERE u.id = $1`, [a])).toEqual({ parent: "BAPENDA" });
    const root = await one<{ id: string }>(`SELECT id FROM unit WHERE parent_id IS NULL`);
    await rows(`UPDATE unit SET parent_id = $1 WHERE id = $2`, [root.id, a]);
  });
});

describe("moving a unit", () => {
  it("moves a unit with its subtree: responses stay, old and new parents' figures follow, exactly", async () => {
    const before = { dinkes: await dashboardRespondents("DINKES"), kec: await dashboardRespondents("KEC-SUKAMAJU"), root: await dashboardRespondents("KAB-SUKAMAJU") };
    const own = await subtreeRespondents("PKM-SUKAMAJU");
    expect(own).toBeGreaterThan(0);
    expect(before.dinkes).toBe(await subtreeRespondents("DINKES"));
    const responsesBefore = await one<{ n: number }>(`SELECT count(*)::int AS n FROM response WHERE unit_id = $1`, [await idOf("PKM-SUKAMAJU")]);

    const r = await ua.moveUnit(admin, { unitId: await idOf("PKM-SUKAMAJU"), parentCode: "kec-sukamaju" }, meta);
    expect(r).toEqual({ ok: true, value: { code: "PKM-SUKAMAJU" } });
    expect(await inconsistentUnits()).toEqual([]);
    expect(await one(`SELECT p.code FROM unit u JOIN unit p ON p.id = u.parent_id WHERE u.code = 'PUSTU-X'`)).toEqual({ code: "PKM-SUKAMAJU" });
    expect(await one(`SELECT depth FROM unit WHERE code = 'PUSTU-X'`)).toEqual({ depth: 3 });
    expect(await one(`SELECT count(*)::int AS n FROM response WHERE unit_id = $1`, [await idOf("PKM-SUKAMAJU")])).toEqual(responsesBefore);

    expect(await dashboardRespondents("DINKES")).toBe(before.dinkes - own);
    expect(await dashboardRespondents("KEC-SUKAMAJU")).toBe(before.kec + own);
    expect(await dashboardRespondents("KAB-SUKAMAJU")).toBe(before.root);
    // The pooled index is the one of the responses in the subtree as it is now, not a patched sum.
    const kec = (await dash.getUnitDashboard(admin, "KEC-SUKAMAJU", q()))!.score!.result;
    expect(kec.respondents).toBe(await subtreeRespondents("KEC-SUKAMAJU"));
    expect(await one(`SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({
      action: "unit.move",
      detail: { code: "PKM-SUKAMAJU", from: "DINKES", to: "KEC-SUKAMAJU" },
    });
  });

  it("refuses the root, a move under its own subtree, the same parent, and targets outside the caller's scope", async () => {
    const [root, dinkes, cibodas] = await Promise.all([idOf("KAB-SUKAMAJU"), idOf("DINKES"), idOf("PKM-CIBODAS")]);
    expect(await ua.moveUnit(admin, { unitId: root, parentCode: "DINKES" }, meta)).toEqual({ ok: false, error: "root" });
    expect(await ua.moveUnit(admin, { unitId: dinkes, parentCode: "PKM-CIBODAS" }, meta)).toEqual({ ok: false, error: "ownSubtree" });
    expect(await ua.moveUnit(admin, { unitId: dinkes, parentCode: "DINKES" }, meta)).toEqual({ ok: false, error: "ownSubtree" });
    expect(await ua.moveUnit(admin, { unitId: cibodas, parentCode: "DINKES" }, meta)).toEqual({ ok: false, error: "sameParent" });
    // A dinas admin moves within its dinas only: not out of it, not in from elsewhere.
    expect(await ua.moveUnit(dinasAdmin, { unitId: cibodas, parentCode: "DISDUKCAPIL" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await ua.moveUnit(dinasAdmin, { unitId: await idOf("RSUD"), parentCode: "DINKES" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await ua.moveUnit(kepala, { unitId: await idOf("DUKCAPIL-CAPIL"), parentCode: "DUKCAPIL-DAFDUK" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await ua.moveUnit(admin, { unitId: cibodas, parentCode: "" }, meta)).toEqual({ ok: false, error: "invalid", fields: { parentCode: "required" } });
    expect(await ua.moveUnit(dinasAdmin, { unitId: await idOf("LABKESDA"), parentCode: "PKM-CIBODAS" }, meta)).toMatchObject({ ok: true });
    expect(await inconsistentUnits()).toEqual([]);
  });

  it("two admins moving units into each other at once: one wins, the other is refused, the tree stays whole", async () => {
    const pairs: [string, string][] = [
      ["DISDIK", "DINSOS"],
      ["DPUPR", "DISDIK-GTK"],
      ["BAPENDA-PBB", "UPT-PENDAPATAN-TIMUR"],
    ];
    for (const [x, y] of pairs) {
      const [xid, yid] = await Promise.all([idOf(x), idOf(y)]);
      const [r1, r2] = await Promise.all([ua.moveUnit(admin, { unitId: xid, parentCode: y }, meta), ua.moveUnit(admin, { unitId: yid, parentCode: x }, meta)]);
      // The moves wait for each other: whichever is second finds the other unit inside its subtree.
      expect([r1, r2].map((r) => (r.ok ? "ok" : r.error)).sort()).toEqual(["ok", "ownSubtree"]);
      expect(await inconsistentUnits()).toEqual([]);
      // No unit is its own ancestor.
      const cycles = await rows(`SELECT 1 FROM unit u JOIN unit p ON p.id = u.parent_id WHERE starts_with(p.path, u.path)`);
      expect(cycles).toEqual([]);
    }
  });
});

describe("changing a unit's public code", () => {
  it("keeps the old code leading to the unit: the survey, a form sent with it, the admin page", async () => {
    const id = await idOf("DISDUKCAPIL");
    const r = await ua.changeUnitCode(admin, { unitId: id, code: "dukcapil" }, meta);
    expect(r).toEqual({ ok: true, value: { code: "DUKCAPIL" } });
    expect(await rows(`SELECT code FROM unit_code_alias WHERE unit_id = $1`, [id])).toEqual([{ code: "DISDUKCAPIL" }]);
    expect(await one(`SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({ action: "unit.code_change", detail: { from: "DISDUKCAPIL", to: "DUKCAPIL" } });
    const { getSurvey } = await import("@/lib/dal/survey");
    const { currentUnitCode } = await import("@/lib/dal/unit-codes");
    expect((await getSurvey("disdukcapil"))?.unitCode).toBe("DUKCAPIL");
    expect(await currentUnitCode("DISDUKCAPIL")).toBe("DUKCAPIL");
    expect(await currentUnitCode("DUKCAPIL")).toBe("DUKCAPIL");
    expect(await currentUnitCode("NEVER-A-UNIT")).toBeNull();
    // A citizen whose page was opened before the change still gets their response in.
    const { submitResponse } = await import("@/lib/dal/responses");
    const answers = { U1: 3, U2: 3, U3: 3, U4: 3, U5: 3, U6: 3, U7: 3, U8: 3, U9: 3 };
    const sent = await submitResponse({ unit: "DISDUKCAPIL", answers }, randomUUID(), { channel: "WEB", clientKey: "c1", requireService: false });
    expect(sent).toMatchObject({ ok: true, unitCode: "DUKCAPIL" });
    expect(await one(`SELECT unit_id FROM response WHERE id = $1`, [sent.ok ? sent.id : null])).toEqual({ unit_id: id });
  });

  it("never lets another unit take a code that still leads somewhere; the unit itself may take it back", async () => {
    const id = await idOf("DUKCAPIL");
    expect(await ua.createUnit(admin, { parentCode: "KAB-SUKAMAJU", code: "DISDUKCAPIL", name: "Penyerobot", kind: "DINAS" }, meta)).toEqual({ ok: false, error: "exists" });
    expect(await ua.changeUnitCode(admin, { unitId: await idOf("RSUD"), code: "DISDUKCAPIL" }, meta)).toEqual({ ok: false, error: "exists" });
    expect(await ua.changeUnitCode(admin, { unitId: await idOf("RSUD"), code: "DUKCAPIL" }, meta)).toEqual({ ok: false, error: "exists" });
    expect(await ua.changeUnitCode(admin, { unitId: id, code: "DUKCAPIL" }, meta)).toEqual({ ok: false, error: "sameCode" });
    expect(await ua.changeUnitCode(admin, { unitId: id, code: "a b" }, meta)).toEqual({ ok: false, error: "invalid", fields: { code: "codeFormat" } });
    expect(await ua.changeUnitCode(dinasAdmin, { unitId: id, code: "DUK-2" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await ua.changeUnitCode(kepala, { unitId: id, code: "DUK-2" }, meta)).toEqual({ ok: false, error: "notFound" });
    // The database says the same to a hand-written statement.
    await expect(rows(`UPDATE unit SET code = 'DISDUKCAPIL' WHERE code = 'RSUD'`)).rejects.toThrow(/still leads/);
    await expect(rows(`INSERT INTO unit_code_alias (code, unit_id) VALUES ('RSUD', $1)`, [id])).rejects.toThrow(/unit's code now/);
    // Back to the old code: the alias goes, the code it had in between becomes one.
    expect(await ua.changeUnitCode(admin, { unitId: id, code: "DISDUKCAPIL" }, meta)).toMatchObject({ ok: true });
    expect(await rows(`SELECT code FROM unit_code_alias WHERE unit_id = $1`, [id])).toEqual([{ code: "DUKCAPIL" }]);
    const page = await ua.getUnitForAdmin(admin, "DISDUKCAPIL");
    expect(page!.aliases.map((a) => a.code)).toEqual(["DUKCAPIL"]);
  });
});
