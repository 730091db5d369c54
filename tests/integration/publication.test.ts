import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// Periods closed once ended, populations typed or uploaded (all or nothing), results
// published per unit or for a subtree (never for an open period), frozen with the
// responses they count, withdrawn with a reason, republished; and the log of where
// each was announced. The seed's day is 2026-11-28: 2026-T1..T3 are published and
// closed, 2025-T4 has ended but is not closed, 2026-T4 runs (on today's clock too).

let db: TestDatabase;
let periods: typeof import("@/lib/dal/periods");
let pub: typeof import("@/lib/dal/publication");
let log: typeof import("@/lib/dal/publication-log");
let admin: TCaller;
let dinasAdmin: TCaller;
let kepala: TCaller;
const meta: TRequestMeta = { clientAddress: "203.0.113.12", clientKey: "k", userAgent: "vitest" };
const rows = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows as T[]);
const one = async <T>(sql: string, params: unknown[] = []) => (await rows<T>(sql, params))[0]!;
const sqlFails = (sql: string, params: unknown[] = []) => withClient(db.url, (c) => c.query(sql, params)).then(() => "ok", (e: Error) => e.message);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const csv = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 400, until: new Date("2026-11-28T05:00:00Z") });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  periods = await import("@/lib/dal/periods");
  pub = await import("@/lib/dal/publication");
  log = await import("@/lib/dal/publication-log");
  const as = async (email: string, role: TCaller["assignments"][number]["role"], code: string): Promise<TCaller> => {
    const u = await one<{ id: string; path: string }>(`SELECT id, path FROM unit WHERE code = $1`, [code]);
    const user = await one<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [email]);
    return { userId: user.id, email, name: email, mustChangePassword: false, assignments: [{ role, unitId: u.id, unitPath: u.path }] };
  };
  admin = await as("admin@suara.test", "ADMIN", "KAB-SUKAMAJU");
  dinasAdmin = await as("pimpinan@suara.test", "ADMIN", "DISDUKCAPIL");
  kepala = await as("kepala.dukcapil@suara.test", "KEPALA_UNIT", "DISDUKCAPIL");
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("periods", () => {
  it("lists the rhythm's periods with their state, to admins only; a dinas admin cannot close", async () => {
    const list = (await periods.listPeriods(admin))!;
    expect(list.canClose).toBe(true);
    const state = Object.fromEntries(list.rows.map((r) => [r.key, r.state]));
    expect(state["2026-T4"]).toBe("open");
    expect(state["2026-T3"]).toBe("closed");
    expect(state["2025-T4"]).toBe("ended");
    expect(list.rows.find((r) => r.key === "2026-T3")!.published).toBeGreaterThan(5);
    expect((await periods.listPeriods(dinasAdmin))!.canClose).toBe(false);
    expect(await periods.listPeriods(kepala)).toBeNull();
  });

  it("closes an ended period once, refuses an open one, and the database holds both rules", async () => {
    expect(await periods.closePeriod(admin, { period: "2026-T4" }, meta)).toEqual({ ok: false, error: "open" });
    expect(await periods.closePeriod(dinasAdmin, { period: "2025-T4" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await periods.closePeriod(admin, { period: "2026-11" }, meta)).toMatchObject({ ok: false, error: "invalid" });
    expect((await periods.closePeriod(admin, { period: "2025-T4" }, meta)).ok).toBe(true);
    expect(await periods.closePeriod(admin, { period: "2025-T4" }, meta)).toEqual({ ok: false, error: "closed" });
    expect(await one(`SELECT action, detail->>'period' AS period FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({ action: "period.close", period: "2025-T4" });
    // A period that never had a row is made by the close (2024-T4 has no data, but has ended).
    expect((await periods.closePeriod(admin, { period: "2024-T4" }, meta)).ok).toBe(true);
    expect(await one(`SELECT start_date::text AS s, end_date::text AS e FROM survey_period WHERE kind = 'QUARTER' AND year = 2024 AND number = 4 AND closed_at IS NOT NULL`)).toEqual({ s: "2024-10-01", e: "2025-01-01" });
    // Its audit entry names the row the close made.
    expect(await one(`SELECT a.target_id = p.id::text AS names FROM audit_log a, survey_period p WHERE a.action = 'period.close' AND a.detail->>'period' = '2024-T4' AND p.kind = 'QUARTER' AND p.year = 2024 AND p.number = 4`)).toEqual({ names: true });
    // Two admins close the same period at once: one closes it, the other is told it is closed.
    const both = await Promise.all([periods.closePeriod(admin, { period: "2023-T4" }, meta), periods.closePeriod(admin, { period: "2023-T4" }, meta)]);
    expect(both.map((b) => (b.ok ? "ok" : b.error)).sort()).toEqual(["closed", "ok"]);
    expect(await one(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'period.close' AND detail->>'period' = '2023-T4'`)).toEqual({ n: 1 });
    expect(await sqlFails(`UPDATE survey_period SET closed_at = NULL WHERE kind = 'QUARTER' AND year = 2025 AND number = 4`)).toMatch(/stays closed/);
    expect(await sqlFails(`UPDATE survey_period SET closed_at = now() WHERE kind = 'YEAR' AND year = 2026`)).toMatch(/before it ended/);
  });
});

describe("populations", () => {
  it("saves the grid all or nothing: one bad row, or a unit outside the scope, saves none", async () => {
    const bad = await periods.savePopulations(admin, { period: "2025-T4", populations: { DISDUKCAPIL: "12000", DINKES: "12,5", RSUD: "0" } }, meta);
    expect(bad).toEqual({ ok: false, error: "invalid", fields: { "populations.DINKES": "notWhole", "populations.RSUD": "notPositive" } });
    expect(await periods.savePopulations(dinasAdmin, { period: "2025-T4", populations: { DISDUKCAPIL: "12000", DINKES: "500" } }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await periods.savePopulations(kepala, { period: "2025-T4", populations: { DISDUKCAPIL: "12000" } }, meta)).toEqual({ ok: false, error: "notFound" });
    const before = await one<{ n: number }>(`SELECT count(*)::int AS n FROM unit_population up JOIN survey_period p ON p.id = up.period_id WHERE p.year = 2025 AND p.kind = 'QUARTER' AND p.number = 4`);
    const ok = await periods.savePopulations(dinasAdmin, { period: "2025-T4", populations: { DISDUKCAPIL: "12.000", "DUKCAPIL-DAFDUK": "" } }, meta);
    expect(ok).toEqual({ ok: true, value: { saved: 2 } });
    const after = await rows<{ code: string; population: number }>(
      `SELECT u.code, up.population FROM unit_population up JOIN unit u ON u.id = up.unit_id JOIN survey_period p ON p.id = up.period_id
        WHERE p.year = 2025 AND p.kind = 'QUARTER' AND p.number = 4 AND u.code IN ('DISDUKCAPIL', 'DUKCAPIL-DAFDUK')`,
    );
    expect(after).toEqual([{ code: "DISDUKCAPIL", population: 12000 }]);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM unit_population up JOIN survey_period p ON p.id = up.period_id WHERE p.year = 2025 AND p.kind = 'QUARTER' AND p.number = 4`)).n).toBe(before.n - 1);
    const grid = (await periods.populationGrid(dinasAdmin, { kind: "QUARTER", year: 2025, number: 4 }))!;
    expect(grid.map((g) => g.code).sort()).toEqual(["DISDUKCAPIL", "DUKCAPIL-CAPIL", "DUKCAPIL-DAFDUK", "UPT-DUKCAPIL-UTARA"]);
    expect(grid[0]!.code).toBe("DISDUKCAPIL");
    expect(grid.find((g) => g.code === "DISDUKCAPIL")).toMatchObject({ population: 12000, minimum: 372 });
    expect(await sqlFails(`UPDATE unit_population SET population = 0`)).toMatch(/unit_population_positive/);
  });

  it("writes only the rows an admin changed, and refuses a save over values someone else changed meanwhile", async () => {
    const q = { kind: "QUARTER", year: 2025, number: 2 } as const;
    const value = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
    // Two admins open the grid; each posts every row with the value it was loaded with.
    const loaded = (await periods.populationGrid(dinasAdmin, q))!;
    const was = Object.fromEntries(loaded.map((g) => [g.code, value(g.population)]));
    const stored = async () => Object.fromEntries((await periods.populationGrid(admin, q))!.filter((g) => g.code in was).map((g) => [g.code, g.population]));
    const start = await stored();
    const bSaves = await periods.savePopulations(admin, { period: "2025-T2", populations: { ...was, DISDUKCAPIL: "7000" }, was }, meta);
    expect(bSaves).toEqual({ ok: true, value: { saved: 1 } });
    // The other page still shows the old DISDUKCAPIL: changing another row keeps the first admin's value.
    const aSaves = await periods.savePopulations(dinasAdmin, { period: "2025-T2", populations: { ...was, "DUKCAPIL-CAPIL": "4000" }, was }, meta);
    expect(aSaves).toEqual({ ok: true, value: { saved: 1 } });
    expect(await stored()).toEqual({ ...start, DISDUKCAPIL: 7000, "DUKCAPIL-CAPIL": 4000 });
    // Typing over (or emptying) a row someone else changed refuses the whole save.
    const stale = await periods.savePopulations(dinasAdmin, { period: "2025-T2", populations: { ...was, DISDUKCAPIL: "", "DUKCAPIL-DAFDUK": "321" }, was }, meta);
    expect(stale).toEqual({ ok: false, error: "stale" });
    expect(await stored()).toEqual({ ...start, DISDUKCAPIL: 7000, "DUKCAPIL-CAPIL": 4000 });
    const audited = await rows<{ changes: Record<string, unknown> }>(`SELECT detail->'changes' AS changes FROM audit_log WHERE action = 'population.update' AND detail->>'period' = '2025-T2' ORDER BY id`);
    expect(audited.map((a) => Object.keys(a.changes))).toEqual([["DISDUKCAPIL"], ["DUKCAPIL-CAPIL"]]);
  });

  it("takes a CSV with a BOM and either separator; any bad line saves nothing and is named", async () => {
    const bad = await periods.importPopulationCsv(dinasAdmin, { period: "2025-T4", bytes: csv("\uFEFFkode;populasi\r\nDISDUKCAPIL;900\r\nDINKES;100\r\nDUKCAPIL-CAPIL;x\r\n") }, meta);
    expect(bad).toEqual({ ok: false, error: "lines", lines: [{ line: 4, code: "notWhole" }] });
    const foreign = await periods.importPopulationCsv(dinasAdmin, { period: "2025-T4", bytes: csv("DISDUKCAPIL,900\nDINKES,100\n") }, meta);
    expect(foreign).toEqual({ ok: false, error: "lines", lines: [{ line: 2, code: "unknownUnit" }] });
    expect((await one<{ population: number }>(`SELECT population FROM unit_population up JOIN unit u ON u.id = up.unit_id JOIN survey_period p ON p.id = up.period_id WHERE u.code = 'DISDUKCAPIL' AND p.year = 2025 AND p.kind = 'QUARTER' AND p.number = 4`)).population).toBe(12000);
    expect(await periods.importPopulationCsv(kepala, { period: "2025-T4", bytes: csv("DISDUKCAPIL;900") }, meta)).toEqual({ ok: false, error: "notFound" });
    const ok = await periods.importPopulationCsv(dinasAdmin, { period: "2025-T4", bytes: csv("\uFEFFDISDUKCAPIL;900\nDUKCAPIL-CAPIL;1.500\n") }, meta);
    expect(ok).toEqual({ ok: true, saved: 2, rows: 2 });
    // The dashboards read it: the unit's own view judges its sample against N = 900.
    const { getUnitDashboard } = await import("@/lib/dal/dashboard");
    const { parseDashboardQuery } = await import("@/lib/validation/dashboard");
    const q = parseDashboardQuery({ periode: "2025-T4", cakupan: "sendiri" }, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }).query;
    const d = await getUnitDashboard(admin, "DISDUKCAPIL", q);
    expect(d!.score!.result.sample).toMatchObject({ population: 900, minimumSample: 269 });
  });
});

describe("publication", () => {
  it("refuses an open period and one not closed, on the server", async () => {
    expect(await pub.publishUnit(admin, { period: "2026-T4", unitCode: "DISDUKCAPIL", scope: "sendiri" }, meta)).toEqual({ ok: false, error: "open" });
    expect(await pub.publishUnit(admin, { period: "2025-T3", unitCode: "DISDUKCAPIL", scope: "sendiri" }, meta)).toEqual({ ok: false, error: "notClosed" });
    expect(await pub.publishAll(admin, { period: "2026-T4", rootCode: "DINKES", scope: "sendiri" }, meta)).toEqual({ ok: false, error: "open" });
    expect(await pub.publishUnit(kepala, { period: "2025-T4", unitCode: "DISDUKCAPIL", scope: "sendiri" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await pub.publishUnit(dinasAdmin, { period: "2025-T4", unitCode: "DINKES", scope: "sendiri" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await pub.publishUnit(admin, { period: "2025-T4", unitCode: "DISDUKCAPIL", scope: "semua" }, meta)).toEqual({ ok: false, error: "invalid", fields: { scope: "invalidChoice" } });
    // The database refuses a live publication in a period that is not closed, whoever writes it.
    expect(
      await sqlFails(`INSERT INTO publication (id, unit_id, period_id, result) SELECT gen_random_uuid(), u.id, p.id, '{"scope":"sendiri"}' FROM unit u, survey_period p
                       WHERE u.code = 'RSUD' AND p.kind = 'QUARTER' AND p.year = 2025 AND p.number = 3`),
    ).toMatch(/not closed/);
  });

  it("freezes the scope the admin chose: pooled counts the sub-units, own does not", async () => {
    const pooled = await pub.publishUnit(dinasAdmin, { period: "2025-T4", unitCode: "DISDUKCAPIL", scope: "gabungan" }, meta);
    expect(pooled.ok).toBe(true);
    const pooledResult = pooled.ok ? pooled.value : null;
    const counts = await one<{ own: number; all: number }>(
      `SELECT sum(responses) FILTER (WHERE u.code = 'DISDUKCAPIL')::int AS own, sum(responses)::int AS all
         FROM unit_monthly_summary s JOIN unit u ON u.id = s.unit_id
        WHERE NOT s.suspicious AND s.month >= '2025-10-01' AND s.month < '2026-01-01' AND u.path LIKE (SELECT path FROM unit WHERE code = 'DISDUKCAPIL') || '%'`,
    );
    expect(pooledResult).toMatchObject({ scope: "gabungan", respondents: counts.all });
    expect(await one(`SELECT scope::text, result->>'scope' AS s FROM publication x JOIN unit u ON u.id = x.unit_id JOIN survey_period p ON p.id = x.period_id WHERE u.code = 'DISDUKCAPIL' AND p.year = 2025 AND p.kind = 'QUARTER' AND p.number = 4`)).toEqual({ scope: "POOLED", s: "gabungan" });
    // Frozen: the result changes only with a republish (a new publication date).
    expect(await sqlFails(`UPDATE publication SET result = result || '{"konversi": 99}' WHERE result->>'scope' = 'gabungan'`)).toMatch(/frozen/);
    // A live result is never overwritten: withdrawn first, with a reason, then published anew.
    expect(await pub.publishUnit(dinasAdmin, { period: "2025-T4", unitCode: "DISDUKCAPIL", scope: "sendiri" }, meta)).toEqual({ ok: false, error: "alreadyPublished" });
    expect(await one(`SELECT result->>'scope' AS s FROM publication x JOIN unit u ON u.id = x.unit_id JOIN survey_period p ON p.id = x.period_id WHERE u.code = 'DISDUKCAPIL' AND p.year = 2025 AND p.kind = 'QUARTER' AND p.number = 4`)).toEqual({ s: "gabungan" });
    expect((await pub.unpublishUnit(dinasAdmin, { period: "2025-T4", unitCode: "DISDUKCAPIL", reason: "Cakupan salah dipilih" }, meta)).ok).toBe(true);
    const own = await pub.publishUnit(dinasAdmin, { period: "2025-T4", unitCode: "DISDUKCAPIL", scope: "sendiri" }, meta);
    expect(own).toMatchObject({ ok: true, value: { scope: "sendiri", respondents: counts.own } });
    // Frozen with the N it was judged against (900, from the CSV above) and its minimum sample; fewer answered.
    expect(counts.own).toBeLessThan(269);
    expect(own).toMatchObject({ ok: true, value: { population: 900, minimumSample: 269, belowMinimum: true } });
    const { getLastPublishedIndex, getSurvey } = await import("@/lib/dal/survey");
    expect(await getLastPublishedIndex((await getSurvey("DISDUKCAPIL"))!)).toMatchObject({ year: 2026, number: 3 });
    // A result frozen before these were kept still reads (no N: nothing said about the sample).
    const { ZPublishedResult } = await import("@/lib/validation/publication");
    expect(ZPublishedResult.parse({ konversi: 80, mutu: "B", kinerja: "Baik", kinerjaEn: "Good", respondents: 10 })).toEqual({ konversi: 80, mutu: "B", kinerja: "Baik", kinerjaEn: "Good", respondents: 10, scope: "sendiri" });
    // A unit without sub-units counts its own, whatever was chosen, and says so.
    expect(await pub.publishUnit(admin, { period: "2025-T4", unitCode: "RSUD", scope: "gabungan" }, meta)).toMatchObject({ ok: true, value: { scope: "sendiri" } });
    const audit = await rows<{ action: string; republish: boolean }>(`SELECT action, (detail->>'republish')::boolean AS republish FROM audit_log WHERE action = 'publication.publish' ORDER BY id`);
    expect(audit).toEqual([{ action: "publication.publish", republish: false }, { action: "publication.publish", republish: true }, { action: "publication.publish", republish: false }]);
  });

  it("shows the citizen the latest live publication with its scope; unpublishing needs a reason and hides it; republishing freezes anew", async () => {
    const { getLastPublishedIndex, getSurvey } = await import("@/lib/dal/survey");
    const survey = (await getSurvey("DISDUKCAPIL"))!;
    expect(await getLastPublishedIndex(survey)).toMatchObject({ year: 2026, number: 3, scope: "sendiri" });
    // One click does not overwrite what the public was shown.
    expect(await pub.publishUnit(admin, { period: "2026-T3", unitCode: "DISDUKCAPIL", scope: "gabungan" }, meta)).toEqual({ ok: false, error: "alreadyPublished" });
    expect(await getLastPublishedIndex(survey)).toMatchObject({ year: 2026, number: 3, scope: "sendiri" });

    expect(await pub.unpublishUnit(admin, { period: "2026-T3", unitCode: "DISDUKCAPIL", reason: " " }, meta)).toEqual({ ok: false, error: "invalid", fields: { reason: "reasonRequired" } });
    expect(await pub.unpublishUnit(kepala, { period: "2026-T3", unitCode: "DISDUKCAPIL", reason: "Angka salah ketik" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect((await pub.unpublishUnit(admin, { period: "2026-T3", unitCode: "DISDUKCAPIL", reason: "Data kertas belum lengkap" }, meta)).ok).toBe(true);
    expect(await pub.unpublishUnit(admin, { period: "2026-T3", unitCode: "DISDUKCAPIL", reason: "Data kertas belum lengkap" }, meta)).toEqual({ ok: false, error: "notPublished" });
    expect(await getLastPublishedIndex(survey)).toMatchObject({ year: 2026, number: 2 });
    const { publishedFor } = await import("@/lib/dal/dashboard/published");
    const unitId = (await one<{ id: string }>(`SELECT id FROM unit WHERE code = 'DISDUKCAPIL'`)).id;
    expect(await publishedFor(unitId, { kind: "QUARTER", year: 2026, number: 3 })).toBeNull();
    expect(await one(`SELECT action, detail->>'reason' AS reason FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({ action: "publication.unpublish", reason: "Data kertas belum lengkap" });
    expect(await sqlFails(`UPDATE publication SET unpublish_reason = '' WHERE unpublished_at IS NOT NULL`)).toMatch(/publication_unpublish_reason/);

    const { published_at: before } = await one<{ published_at: Date }>(`SELECT published_at FROM publication x JOIN unit u ON u.id = x.unit_id JOIN survey_period p ON p.id = x.period_id WHERE u.code = 'DISDUKCAPIL' AND p.year = 2026 AND p.kind = 'QUARTER' AND p.number = 3`);
    expect((await pub.publishUnit(admin, { period: "2026-T3", unitCode: "DISDUKCAPIL", scope: "gabungan" }, meta)).ok).toBe(true);
    const again = await one<{ published_at: Date; unpublished_at: Date | null; unpublish_reason: string | null }>(
      `SELECT published_at, unpublished_at, unpublish_reason FROM publication x JOIN unit u ON u.id = x.unit_id JOIN survey_period p ON p.id = x.period_id WHERE u.code = 'DISDUKCAPIL' AND p.year = 2026 AND p.kind = 'QUARTER' AND p.number = 3`,
    );
    expect(again.unpublished_at).toBeNull();
    expect(again.unpublish_reason).toBeNull();
    expect(again.published_at.getTime()).toBeGreaterThan(before.getTime());
    expect(await getLastPublishedIndex(survey)).toMatchObject({ year: 2026, number: 3, scope: "gabungan" });
  });

  it("publishes a whole subtree in one write, skipping units without responses", async () => {
    // A unit with no responses at all in the quarter.
    const { createUnit } = await import("@/lib/dal/unit-admin");
    expect((await createUnit(admin, { parentCode: "PKM-SUKAMAJU", code: "PUSTU-KOSONG", name: "Pustu Kosong", kind: "PUSKESMAS" }, meta)).ok).toBe(true);
    expect(await pub.publishAll(dinasAdmin, { period: "2025-T4", rootCode: "DINKES", scope: "sendiri" }, meta)).toEqual({ ok: false, error: "notFound" });
    // One unit is live already: publishing all leaves it as it is, and says so.
    const answered = await rows<{ code: string; name: string }>(
      `SELECT DISTINCT u.code, u.name FROM unit_monthly_summary s JOIN unit u ON u.id = s.unit_id
        WHERE NOT s.suspicious AND s.responses > 0 AND s.month >= '2025-10-01' AND s.month < '2026-01-01' AND u.path LIKE (SELECT path FROM unit WHERE code = 'DINKES') || '%'
        ORDER BY u.code`,
    );
    expect(answered.length).toBeGreaterThan(1);
    const first = answered[0]!;
    expect(await pub.publishUnit(admin, { period: "2025-T4", unitCode: first.code, scope: "sendiri" }, meta)).toMatchObject({ ok: true });
    const firstAt = () =>
      one<{ published_at: Date }>(`SELECT published_at FROM publication x JOIN unit u ON u.id = x.unit_id JOIN survey_period p ON p.id = x.period_id WHERE u.code = $1 AND p.year = 2025 AND p.kind = 'QUARTER' AND p.number = 4`, [first.code]);
    const before = (await firstAt()).published_at;
    const r = await pub.publishAll(admin, { period: "2025-T4", rootCode: "DINKES", scope: "sendiri" }, meta);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.alreadyPublished).toEqual([first.name]);
    expect((await firstAt()).published_at).toEqual(before);
    expect(r.value.skipped).toContain("Pustu Kosong");
    // Exactly the units with no responses in the quarter are skipped, and the live one is left.
    expect(r.value.published.sort()).toEqual(answered.filter((a) => a.code !== first.code).map((a) => a.name).sort());
    const live = await rows<{ code: string }>(
      `SELECT u.code FROM publication x JOIN unit u ON u.id = x.unit_id JOIN survey_period p ON p.id = x.period_id
        WHERE p.year = 2025 AND p.kind = 'QUARTER' AND p.number = 4 AND x.unpublished_at IS NULL AND u.path LIKE (SELECT path FROM unit WHERE code = 'DINKES') || '%' ORDER BY u.path`,
    );
    expect(live.length).toBe(r.value.published.length + 1);
    expect(live.map((l) => l.code)).not.toContain("PUSTU-KOSONG");
    expect(await one(`SELECT action, jsonb_array_length(detail->'published') AS n, detail->'alreadyPublished' AS live FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({
      action: "publication.publish_all", n: live.length - 1, live: [first.code],
    });
    // Again: everything with responses is live, nothing is re-frozen.
    expect(await pub.publishAll(admin, { period: "2025-T4", rootCode: "DINKES", scope: "sendiri" }, meta)).toEqual({ ok: false, error: "alreadyPublished" });
    expect((await firstAt()).published_at).toEqual(before);
    const listed = (await pub.listPublications(admin, { kind: "QUARTER", year: 2025, number: 4 }))!;
    expect(listed.find((u) => u.code === "DINKES")!.result).toMatchObject({ scope: "sendiri" });
    expect(await pub.listPublications(kepala, { kind: "QUARTER", year: 2025, number: 4 })).toBeNull();
  });
});

describe("publication log", () => {
  it("validates links and photos, counts distinct media, serves photos to readers of the unit only", async () => {
    const base = { period: "2026-T3", unitCode: "DISDUKCAPIL", publishedOn: "2026-10-05", note: "", photo: null };
    expect(await log.addLogEntry(admin, { ...base, medium: "WEBSITE", url: "javascript:alert(1)" }, meta)).toEqual({ ok: false, error: "invalid", fields: { url: "url" } });
    expect(await log.addLogEntry(admin, { ...base, medium: "WEBSITE", url: "" }, meta)).toEqual({ ok: false, error: "invalid", fields: { url: "evidenceRequired" } });
    expect(await log.addLogEntry(admin, { ...base, medium: "RADIO", url: "https://x.test", publishedOn: "2026-02-30" }, meta)).toEqual({ ok: false, error: "invalid", fields: { medium: "invalidChoice", publishedOn: "invalid" } });
    expect(await log.addLogEntry(admin, { ...base, medium: "NOTICE_BOARD", url: "", photo: Uint8Array.from([1, 2, 3]) }, meta)).toEqual({ ok: false, error: "invalid", fields: { photo: "imageType" } });
    expect(await log.addLogEntry(admin, { ...base, medium: "NOTICE_BOARD", url: "", photo: new Uint8Array(512 * 1024 + 1).fill(0xff) }, meta)).toMatchObject({ ok: false, fields: { photo: "photoTooBig" } });
    expect(await log.addLogEntry(kepala, { ...base, medium: "WEBSITE", url: "https://dukcapil.sukamaju.go.id/ikm" }, meta)).toEqual({ ok: false, error: "notFound" });
    const web = await log.addLogEntry(dinasAdmin, { ...base, medium: "WEBSITE", url: "https://dukcapil.sukamaju.go.id/ikm" }, meta);
    const web2 = await log.addLogEntry(dinasAdmin, { ...base, medium: "WEBSITE", url: "https://sukamaju.go.id/berita/ikm" }, meta);
    const board = await log.addLogEntry(dinasAdmin, { ...base, medium: "NOTICE_BOARD", url: "", photo: PNG, note: "Di loket 1" }, meta);
    expect([web.ok, web2.ok, board.ok]).toEqual([true, true, true]);
    const page = (await log.getUnitPublication(dinasAdmin, "DISDUKCAPIL", { kind: "QUARTER", year: 2026, number: 3 }))!;
    expect(page.log).toHaveLength(3);
    expect(page.media).toBe(2);
    expect(page.publication?.result?.scope).toBe("gabungan");
    expect(await log.getUnitPublication(kepala, "DISDUKCAPIL", { kind: "QUARTER", year: 2026, number: 3 })).toBeNull();
    const boardId = board.ok ? board.value.id : "";
    expect(await log.logPhoto(kepala, boardId)).toMatchObject({ type: "image/png" });
    const other = { ...kepala, assignments: [{ ...kepala.assignments[0]!, unitPath: (await one<{ path: string }>(`SELECT path FROM unit WHERE code = 'DINKES'`)).path }] };
    expect(await log.logPhoto(other, boardId)).toBeNull();
    expect(await sqlFails(`INSERT INTO publication_log_entry (id, unit_id, period_id, medium, published_on, url) SELECT gen_random_uuid(), unit_id, period_id, 'WEBSITE', now(), 'ftp://x' FROM publication_log_entry LIMIT 1`)).toMatch(/publication_log_entry_url/);
    expect(await log.removeLogEntry(kepala, { entryId: boardId }, meta)).toEqual({ ok: false, error: "notFound" });
    expect((await log.removeLogEntry(dinasAdmin, { entryId: boardId }, meta)).ok).toBe(true);
    expect((await log.getUnitPublication(admin, "DISDUKCAPIL", { kind: "QUARTER", year: 2026, number: 3 }))!.media).toBe(1);
    expect(await rows(`SELECT action FROM audit_log WHERE action LIKE 'publication.log.%' ORDER BY id`)).toEqual([
      { action: "publication.log.add" }, { action: "publication.log.add" }, { action: "publication.log.add" }, { action: "publication.log.remove" },
    ]);
  });
});
