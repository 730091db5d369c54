import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import { compareIkm, computeIkmFromRows, createIkmAccumulator, PERMENPAN_14_2017, type IkmResult } from "@/lib/ikm";
import { ageBand } from "@/lib/profile";
import { parseDashboardQuery, type TSearchParams } from "@/lib/validation/dashboard";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The dashboards read the monthly rollup; these tests recompute every number
// from the raw responses with lib/ikm and compare. A rollup that drifts, a
// filter that is not applied, or a pooled index that averages averages fails here.

let db: TestDatabase;
let dash: typeof import("@/lib/dal/dashboard");
let responses: typeof import("@/lib/dal/responses");
const callers = {} as Record<"admin" | "pimpinan" | "kepala" | "operator", TCaller>;
const UNTIL = new Date("2026-11-28T05:00:00Z");
const NOW = new Date("2026-11-28T05:00:00Z");

type Raw = { unit: string; answers: Record<string, number>; harapan: Record<string, number> | null; channel: string; verified: boolean; suspicious: boolean; service: string | null; gender: string | null; age: number | null; education: string | null; occupation: string | null; day: string; saran: string | null; at: Date; id: string };
let raw: Raw[] = [];

async function loadRaw() {
  raw = await withClient(db.url, async (c) =>
    (
      await c.query(`
        SELECT r.id, u.code AS unit, r.answers, r.harapan, r.channel::text, r.verified, r.suspicious, s.code AS service,
               r.gender::text, r.age, r.education::text, r.occupation::text, r.saran, r.submitted_at AS at,
               to_char((r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date, 'YYYY-MM-DD') AS day
          FROM response r JOIN unit u ON u.id = r.unit_id LEFT JOIN service s ON s.id = r.service_id`)
    ).rows,
  );
}

const SUBTREE: Record<string, string[]> = {};
const inRange = (from: string, to: string) => (r: Raw) => r.day >= from && r.day < to;
const Q3 = inRange("2026-07-01", "2026-10-01");
const Q2 = inRange("2026-04-01", "2026-07-01");
const ikmOf = (rows: Raw[], population?: number | null) =>
  computeIkmFromRows(rows.map((r) => r.answers), { template: PERMENPAN_14_2017, population: population ?? undefined });

let populations: Record<string, number> = {};

const q = (params: TSearchParams) => parseDashboardQuery({ periode: "2026-T3", ...params }, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }, NOW).query;

/** `expected` from raw rows; the population (for the sample check and the interval's correction) as the view found it. */
function expectSame(actual: IkmResult | undefined | null, rows: Raw[]) {
  expect(actual).toBeTruthy();
  const expected = computeIkmFromRows(rows.map((r) => r.answers), { template: PERMENPAN_14_2017, population: actual!.sample?.population });
  expect(actual!.respondents).toBe(expected.respondents);
  expect(actual!.konversiRounded).toBe(expected.konversiRounded);
  expect(actual!.konversi).toBeCloseTo(expected.konversi!, 10);
  expect(actual!.mutu).toBe(expected.mutu);
  expect(actual!.items.map((i) => [i.code, i.answered, i.sum])).toEqual(expected.items.map((i) => [i.code, i.answered, i.sum]));
  expect(actual!.priorities).toEqual(expected.priorities);
  expect(actual!.confidence!.standardError).toBeCloseTo(expected.confidence!.standardError, 8);
}

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 8000, until: UNTIL });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  dash = await import("@/lib/dal/dashboard");
  responses = await import("@/lib/dal/responses");
  await withClient(db.url, async (c) => {
    const units = (await c.query(`SELECT id, code, path FROM unit`)).rows as { id: string; code: string; path: string }[];
    for (const u of units) SUBTREE[u.code] = units.filter((x) => x.path.startsWith(u.path)).map((x) => x.code);
    const caller = (key: keyof typeof callers, role: string, code: string) => {
      const u = units.find((x) => x.code === code)!;
      callers[key] = { userId: crypto.randomUUID(), email: `${key}@dash.test`, name: key, mustChangePassword: false, assignments: [{ role: role as never, unitId: u.id, unitPath: u.path }] };
    };
    caller("admin", "ADMIN", "KAB-SUKAMAJU");
    caller("pimpinan", "PIMPINAN", "KAB-SUKAMAJU");
    caller("kepala", "KEPALA_UNIT", "DISDUKCAPIL");
    caller("operator", "OPERATOR", "DISDUKCAPIL");
    // Real users, for the audit log's foreign key.
    for (const k of Object.keys(callers) as (keyof typeof callers)[]) {
      await c.query(`INSERT INTO "user" (id, email, name) VALUES ($1, $2, $2)`, [callers[k].userId, callers[k].email]);
    }
  });
  await loadRaw();
  populations = await withClient(db.url, async (c) =>
    Object.fromEntries(
      (
        await c.query(`SELECT u.code, up.population FROM unit_population up JOIN unit u ON u.id = up.unit_id
                         JOIN survey_period p ON p.id = up.period_id WHERE p.kind = 'QUARTER' AND p.year = 2026 AND p.number = 3`)
      ).rows.map((r) => [r.code, r.population]),
    ),
  );
});

afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("unit dashboard", () => {
  it("equals lib/ikm on the unit's own raw responses, with the change from the previous period", async () => {
    const d = await dash.getUnitDashboard(callers.admin, "RSUD", q({}));
    const rows = raw.filter((r) => r.unit === "RSUD" && !r.suspicious);
    expectSame(d!.score!.result, rows.filter(Q3));
    expectSame(d!.score!.previous, rows.filter(Q2));
    const change = compareIkm(ikmOf(rows.filter(Q3), d!.score!.population), ikmOf(rows.filter(Q2), d!.score!.previous!.sample?.population));
    expect(d!.score!.change!.deltaRounded).toBe(change.deltaRounded);
    expect(d!.score!.change!.significant).toBe(change.significant);
    expect(d!.scope).toBe("sendiri");
    expect(d!.suspiciousExcluded).toBe(raw.filter((r) => r.unit === "RSUD" && r.suspicious && Q3(r)).length);
    expect(d!.inProgress).toBe(false);
  });

  it("gives the unit's published result for the period beside the live one, as it was frozen, with what it counted", async () => {
    const d = await dash.getUnitDashboard(callers.kepala, "DISDUKCAPIL", q({}));
    const [pub] = await withClient(db.url, async (c) =>
      (
        await c.query(`SELECT p.result, p.published_at FROM publication p JOIN unit u ON u.id = p.unit_id JOIN survey_period sp ON sp.id = p.period_id
                        WHERE u.code = 'DISDUKCAPIL' AND sp.kind = 'QUARTER' AND sp.year = 2026 AND sp.number = 3`)
      ).rows,
    );
    expect(d!.published).toEqual({ ...pub.result, templateVersionId: undefined, scope: "sendiri", publishedAt: pub.published_at });
    // It is the unit's own figure: the own-responses view of the same period shows the same number.
    const own = await dash.getUnitDashboard(callers.kepala, "DISDUKCAPIL", q({ cakupan: "sendiri" }));
    expect(own!.score!.result.konversiRounded).toBe(pub.result.konversi);
    expect(d!.scope).toBe("gabungan");
    // A period nothing was published for has none.
    expect((await dash.getUnitDashboard(callers.kepala, "DISDUKCAPIL", q({ periode: "2026-T4" })))!.published).toBeNull();
  });

  it("pools a unit with its sub-units from the responses (not an average of their indexes)", async () => {
    const d = await dash.getUnitDashboard(callers.kepala, "DISDUKCAPIL", q({}));
    expect(d!.scope).toBe("gabungan");
    expect(d!.subtreeUnits).toBe(4);
    expect(d!.score!.population).toBe(SUBTREE.DISDUKCAPIL!.reduce((a, code) => a + populations[code]!, 0));
    expectSame(d!.score!.result, raw.filter((r) => SUBTREE.DISDUKCAPIL!.includes(r.unit) && !r.suspicious && Q3(r)));
    const own = await dash.getUnitDashboard(callers.kepala, "DISDUKCAPIL", q({ cakupan: "sendiri" }));
    expectSame(own!.score!.result, raw.filter((r) => r.unit === "DISDUKCAPIL" && !r.suspicious && Q3(r)));
    expect(own!.score!.result.respondents).toBeLessThan(d!.score!.result.respondents);
  });

  it("applies the service, channel and verified-only filters", async () => {
    const base = raw.filter((r) => r.unit === "RSUD" && !r.suspicious && Q3(r));
    const all = await dash.getUnitDashboard(callers.admin, "RSUD", q({}));
    for (const [params, keep] of [
      [{ kanal: "paper" }, (r: Raw) => r.channel === "PAPER"],
      [{ terverifikasi: "1" }, (r: Raw) => r.verified],
      [{ layanan: "igd" }, (r: Raw) => r.service === "IGD"],
      [{ kanal: "WEB", layanan: "RAJAL" }, (r: Raw) => r.channel === "WEB" && r.service === "RAJAL"],
    ] as const) {
      const d = await dash.getUnitDashboard(callers.admin, "RSUD", q(params));
      const rows = base.filter(keep);
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.length).toBeLessThan(all!.score!.result.respondents);
      expectSame(d!.score!.result, rows);
    }
  });

  it("trends month by month (or by any period kind) with the same numbers", async () => {
    const d = await dash.getUnitDashboard(callers.admin, "PKM-CIBODAS", q({ tren: "bulan" }));
    expect(d!.trend).toHaveLength(12);
    expect(d!.trend.at(-1)!.period).toEqual({ kind: "MONTH", year: 2026, number: 9 });
    for (const point of d!.trend) {
      const month = `${point.period.year}-${String(point.period.number).padStart(2, "0")}`;
      const rows = raw.filter((r) => r.unit === "PKM-CIBODAS" && !r.suspicious && r.day.startsWith(month));
      expect(point.respondents).toBe(rows.length);
      if (rows.length) {
        const e = ikmOf(rows);
        expect(point.konversi).toBe(e.konversiRounded);
        expect(point.nrr.U3).toBe(e.items[2]!.nrr);
      }
    }
    const quarters = await dash.getUnitDashboard(callers.admin, "PKM-CIBODAS", q({}));
    expect(quarters!.trend.map((p) => p.period.number)).toEqual([4, 1, 2, 3, 4, 1, 2, 3]);
    expect(quarters!.trend.at(-1)!.konversi).toBe(quarters!.score!.result.konversiRounded);
  });

  it("counts the respondent profile, services and channels of the period", async () => {
    const d = await dash.getUnitDashboard(callers.admin, "RSUD", q({}));
    const rows = raw.filter((r) => r.unit === "RSUD" && !r.suspicious && Q3(r));
    const count = (f: (r: Raw) => boolean) => rows.filter(f).length;
    expect(d!.profile.gender).toEqual([
      { answer: "L", respondents: count((r) => r.gender === "L") },
      { answer: "P", respondents: count((r) => r.gender === "P") },
      { answer: "-", respondents: count((r) => r.gender === null) },
    ]);
    for (const band of d!.profile.age) {
      expect(band.respondents).toBe(count((r) => (r.age === null ? "-" : ageBand(r.age)) === band.answer));
    }
    for (const e of d!.profile.education) expect(e.respondents).toBe(count((r) => (r.education ?? "-") === e.answer));
    for (const s of d!.byService) expect(s.respondents).toBe(count((r) => r.service === s.code));
    for (const c of d!.byChannel) expect(c.respondents).toBe(count((r) => r.channel === c.channel));
    expect(d!.byService.reduce((a, s) => a + s.respondents, 0)).toBe(rows.length);
  });

  it("reads importance against performance where the questionnaire asks it", async () => {
    const d = await dash.getUnitDashboard(callers.admin, "PKM-SUKAMAJU", q({}));
    const rows = raw.filter((r) => r.unit === "PKM-SUKAMAJU" && !r.suspicious && Q3(r));
    const imp = d!.importance!;
    expect(imp.items).toHaveLength(9);
    for (const item of imp.items) {
      const given = rows.map((r) => r.harapan?.[item.code]).filter((v): v is number => typeof v === "number");
      expect(item.importanceAnswered).toBe(given.length);
      expect(item.importance).toBeCloseTo(given.reduce((a, b) => a + b, 0) / given.length, 12);
    }
    expect(new Set(imp.items.map((i) => i.quadrant)).size).toBeGreaterThan(1);
    expect((await dash.getUnitDashboard(callers.admin, "RSUD", q({})))!.importance).toBeNull();
  });

  it("pools importance and performance over the same respondents: the puskesmas of a dinas, not the dinas itself", async () => {
    const d = await dash.getUnitDashboard(callers.admin, "DINKES", q({ cakupan: "gabungan" }));
    const asked = raw.filter((r) => SUBTREE.DINKES!.includes(r.unit) && !r.suspicious && Q3(r) && r.harapan);
    expect(new Set(asked.map((r) => r.unit))).toEqual(new Set(["PKM-SUKAMAJU", "PKM-CIBODAS", "PKM-MEKARSARI", "PKM-KARANGANYAR"]));
    const performance = ikmOf(asked);
    for (const item of d!.importance!.items) {
      const given = asked.map((r) => r.harapan![item.code]).filter((v): v is number => typeof v === "number");
      const importance = given.reduce((a, b) => a + b, 0) / given.length;
      const nrr = performance.items.find((i) => i.code === item.code)!.nrr!;
      expect(item.performance).toBeCloseTo(nrr, 12);
      expect(item.gap).toBeCloseTo(nrr - importance, 12);
    }
    // The quadrants sit around the means of the unsur placed.
    const meanImportance = d!.importance!.items.reduce((a, i) => a + i.importance, 0) / 9;
    for (const item of d!.importance!.items) expect(item.importance >= meanImportance).toBe(item.quadrant === "keep" || item.quadrant === "concentrate");
  });

  it("ignores importance stored on a questionnaire that does not ask it", async () => {
    await withClient(db.url, (c) =>
      c.query(`UPDATE response SET harapan = '{"U1": 4, "U2": 4, "U3": 4, "U4": 4, "U5": 4, "U6": 4, "U7": 4, "U8": 4, "U9": 4}'
                WHERE id IN (SELECT r.id FROM response r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'RSUD' LIMIT 20)`),
    );
    expect((await dash.getUnitDashboard(callers.admin, "RSUD", q({})))!.importance).toBeNull();
    expect((await dash.getUnitDashboard(callers.admin, "KAB-SUKAMAJU", q({})))!.importance!.items).toHaveLength(9);
  });

  it("marks a trend period that runs past the chosen one, and gives each point the interval of its period", async () => {
    const d = await dash.getUnitDashboard(callers.admin, "RSUD", q({ periode: "2026-05", tren: "tahun" }));
    expect(d!.trend.at(-1)).toMatchObject({ period: { kind: "YEAR", year: 2026 }, partial: true });
    expect(d!.trend.at(-1)!.respondents).toBe(raw.filter((r) => r.unit === "RSUD" && !r.suspicious && r.day >= "2026-01-01" && r.day < "2026-06-01").length);
    const quarters = await dash.getUnitDashboard(callers.admin, "RSUD", q({}));
    const last = quarters!.trend.at(-1)!;
    expect(last.partial).toBe(false);
    expect([last.lower, last.upper]).toEqual([quarters!.score!.result.confidence!.lower, quarters!.score!.result.confidence!.upper]);
  });

  it("keeps a closed unit's past responses in its parent's pooled index", async () => {
    await withClient(db.url, (c) => c.query(`UPDATE unit SET active = false WHERE code = 'UPT-TERMINAL'`));
    try {
      const d = await dash.getUnitDashboard(callers.admin, "DISHUB", q({ cakupan: "gabungan" }));
      expectSame(d!.score!.result, raw.filter((r) => SUBTREE.DISHUB!.includes(r.unit) && !r.suspicious && Q3(r)));
      const agency = await dash.getAgencyDashboard(callers.admin, q({}));
      expect(agency!.rows.map((r) => r.code)).toContain("UPT-TERMINAL");
    } finally {
      await withClient(db.url, (c) => c.query(`UPDATE unit SET active = true WHERE code = 'UPT-TERMINAL'`));
    }
  });

  it("shows the latest saran of the period, and how many are not yet read", async () => {
    const d = await dash.getUnitDashboard(callers.admin, "RSUD", q({}));
    const withSaran = raw.filter((r) => r.unit === "RSUD" && !r.suspicious && Q3(r) && r.saran).sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? -1 : 1));
    expect(d!.saran).toMatchObject({ total: withSaran.length, capped: false });
    expect(d!.saran.latest.map((s) => s.id)).toEqual(withSaran.slice(0, 5).map((r) => r.id));
  });

  it("takes a late paper entry into its month at once", async () => {
    const before = await dash.getUnitDashboard(callers.admin, "UPT-TERMINAL", q({ kanal: "PAPER" }));
    const n = before!.score?.result.respondents ?? 0;
    const r = await responses.submitResponse(
      { unit: "UPT-TERMINAL", service: "INFO", answers: { U1: 1, U2: 1, U3: 1, U4: 1, U5: 1, U6: 1, U7: 1, U8: 1, U9: 1 } },
      "late-paper-entry-0001",
      { channel: "PAPER", clientKey: "operator", requireService: true, submittedAt: new Date("2026-08-14T03:00:00Z") },
    );
    expect(r.ok).toBe(true);
    await loadRaw();
    const after = await dash.getUnitDashboard(callers.admin, "UPT-TERMINAL", q({ kanal: "PAPER" }));
    expect(after!.score!.result.respondents).toBe(n + 1);
    expectSame(after!.score!.result, raw.filter((x) => x.unit === "UPT-TERMINAL" && !x.suspicious && Q3(x) && x.channel === "PAPER"));
  });

  it("shows no data, not an empty index, once a unit's responses of the period are deleted", async () => {
    await withClient(db.url, (c) =>
      c.query(`DELETE FROM response r USING unit u WHERE u.id = r.unit_id AND u.code = 'KEL-SUKAMAJU'
                AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date >= '2026-07-01' AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date < '2026-10-01'`),
    );
    await loadRaw();
    const d = await dash.getUnitDashboard(callers.admin, "KEL-SUKAMAJU", q({}));
    expect(d!.score).toBeNull();
    const agency = await dash.getAgencyDashboard(callers.admin, q({ tingkat: "semua" }));
    expect(agency!.rows.find((r) => r.code === "KEL-SUKAMAJU")!.score).toBeNull();
  });

  it("is not found outside the caller's scope, and for operators", async () => {
    expect(await dash.getUnitDashboard(callers.kepala, "RSUD", q({}))).toBeNull();
    expect(await dash.getUnitDashboard(callers.kepala, "KAB-SUKAMAJU", q({}))).toBeNull();
    expect(await dash.getUnitDashboard(callers.kepala, "UPT-DUKCAPIL-UTARA", q({}))).not.toBeNull();
    expect(await dash.getUnitDashboard(callers.operator, "DISDUKCAPIL", q({}))).toBeNull();
    expect(await dash.getUnitDashboard(null, "DISDUKCAPIL", q({}))).toBeNull();
    expect(await dash.getUnitDashboard(callers.admin, "TIDAK-ADA", q({}))).toBeNull();
  });
});

describe("agency dashboard", () => {
  it("puts every unit side by side with the numbers lib/ikm gives on its raw responses", async () => {
    const d = await dash.getAgencyDashboard(callers.pimpinan, q({}));
    expect(d!.root.code).toBe("KAB-SUKAMAJU");
    expect(d!.rows).toHaveLength(Object.keys(SUBTREE).length);
    for (const row of d!.rows) {
      const rows = raw.filter((r) => r.unit === row.code && !r.suspicious);
      if (rows.filter(Q3).length === 0) {
        expect(row.score).toBeNull();
        continue;
      }
      expectSame(row.score!.result, rows.filter(Q3));
      expect(row.score!.population).toBe(populations[row.code] ?? null);
      const p = rows.filter(Q2);
      expect(row.score!.change?.deltaRounded ?? null).toBe(p.length ? compareIkm(ikmOf(rows.filter(Q3)), ikmOf(p)).deltaRounded : null);
    }
    // The agency-wide index pools every response.
    expectSame(d!.pooled!.result, raw.filter((r) => !r.suspicious && Q3(r)));
    const spread = d!.spread;
    expect(spread.A + spread.B + spread.C + spread.D + spread.none).toBe(d!.rows.length);
    expect(spread.none).toBe(d!.rows.filter((r) => !r.score).length);
    // Movers are the changes beyond noise only.
    for (const m of [...d!.movers.rises, ...d!.movers.falls]) expect(m.score!.change!.significant).toBe(true);
    expect(d!.movers.rises.every((m) => m.score!.change!.delta! > 0)).toBe(true);
  });

  it("cuts the tree at any level: a dinas ranked with its bidang, each child pooled with its own subtree", async () => {
    const d = await dash.getAgencyDashboard(callers.admin, q({ unit: "DINKES", tingkat: "anak" }));
    expect(d!.ancestors.map((a) => a.code)).toEqual(["KAB-SUKAMAJU"]);
    const codes = d!.rows.map((r) => r.code);
    expect(codes).toContain("PKM-SUKAMAJU");
    expect(codes).not.toContain("RSUD");
    for (const row of d!.rows) {
      const units = row.code === "DINKES" ? ["DINKES"] : SUBTREE[row.code]!;
      expectSame(row.score!.result, raw.filter((r) => units.includes(r.unit) && !r.suspicious && Q3(r)));
    }
    // A kepala dinas gets their own dinas as the default root, and nothing above it.
    const own = await dash.getAgencyDashboard(callers.kepala, q({}));
    expect(own!.root.code).toBe("DISDUKCAPIL");
    expect(own!.ancestors).toEqual([]);
    expect(own!.rows.map((r) => r.code).sort()).toEqual([...SUBTREE.DISDUKCAPIL!].sort());
    expect(await dash.getAgencyDashboard(callers.kepala, q({ unit: "KAB-SUKAMAJU" }))).toBeNull();
    expect(await dash.getAgencyDashboard(callers.kepala, q({ unit: "DINKES" }))).toBeNull();
    expect(await dash.getAgencyDashboard(callers.operator, q({}))).toBeNull();
  });

  it("filters the whole view by channel", async () => {
    const d = await dash.getAgencyDashboard(callers.admin, q({ kanal: "KIOSK" }));
    expectSame(d!.pooled!.result, raw.filter((r) => !r.suspicious && Q3(r) && r.channel === "KIOSK"));
  });

  it("gives the confidence interval of the pooled respondents' own indexes", async () => {
    const d = await dash.getAgencyDashboard(callers.admin, q({}));
    const acc = createIkmAccumulator(PERMENPAN_14_2017);
    for (const r of raw.filter((r) => !r.suspicious && Q3(r))) acc.add(r.answers);
    const s = acc.stats();
    expect(d!.pooled!.result.respondents).toBe(s.respondents);
    const sd = Math.sqrt((s.indexSumSquares! - s.indexSum! ** 2 / s.respondents) / (s.respondents - 1));
    // The agency's population is every unit's people served, added up; with it, the finite-population correction.
    const N = Object.values(populations).reduce((a, b) => a + b, 0);
    expect(d!.pooled!.population).toBe(N);
    const fpc = Math.sqrt((N - s.respondents) / (N - 1));
    expect(d!.pooled!.result.confidence!.standardError).toBeCloseTo(((25 * sd) / Math.sqrt(s.respondents)) * fpc, 8);
    expect(d!.pooled!.result.sample).toMatchObject({ population: N, respondents: s.respondents });
  });
});

