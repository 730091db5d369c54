import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { OPEN_DATA_COLUMNS } from "@/lib/public-results/rows";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The public results (/hasil): only live publications, as frozen; a withdrawal hides one at
// the next request, a late response changes nothing; the open data's columns; the badge.
// The seed's day is 2026-11-28: 2026-T1..T3 are published.

let db: TestDatabase;
let pr: typeof import("@/lib/dal/public-results");
let pub: typeof import("@/lib/dal/publication");
let admin: TCaller;
const meta: TRequestMeta = { clientAddress: "203.0.113.12", clientKey: "k", userAgent: "vitest" };
const rows = <T>(q: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(q, params)).rows as T[]);
const one = async <T>(q: string, params: unknown[] = []) => (await rows<T>(q, params))[0]!;
const routeCtx = (code: string) => ({ params: Promise.resolve({ code }) });

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 400, until: new Date("2026-11-28T05:00:00Z") });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  pr = await import("@/lib/dal/public-results");
  pub = await import("@/lib/dal/publication");
  const u = await one<{ id: string; path: string }>(`SELECT id, path FROM unit WHERE code = 'KAB-SUKAMAJU'`);
  const user = await one<{ id: string }>(`SELECT id FROM "user" WHERE email = 'admin@suara.test'`);
  admin = { userId: user.id, email: "admin@suara.test", name: "Admin", mustChangePassword: false, assignments: [{ role: "ADMIN", unitId: u.id, unitPath: u.path }] };
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

const LIVE = `SELECT u.code, sp.year, sp.number, (p.result->>'konversi')::float8 AS konversi, p.result->>'mutu' AS mutu, (p.result->>'respondents')::int AS respondents
                FROM publication p JOIN unit u ON u.id = p.unit_id JOIN survey_period sp ON sp.id = p.period_id
               WHERE p.unpublished_at IS NULL AND p.result IS NOT NULL AND u.active AND sp.kind = 'QUARTER'`;

describe("public results", () => {
  it("lists exactly the live publications, each unit's newest, with the frozen figures", async () => {
    const live = await rows<{ code: string; year: number; number: number; konversi: number; mutu: string; respondents: number }>(LIVE);
    expect(live.length).toBeGreaterThan(5);
    const all = await pr.livePublications();
    expect(all.map((r) => `${r.unitCode}@${r.periodKey}`).sort()).toEqual(live.map((l) => `${l.code}@${l.year}-T${l.number}`).sort());
    for (const l of live) {
      expect(all.find((r) => r.unitCode === l.code && r.periodKey === `${l.year}-T${l.number}`)).toMatchObject({ konversi: l.konversi, mutu: l.mutu, respondents: l.respondents });
    }
    expect(all.find((r) => r.unitCode === "RSUD" && r.periodKey === "2026-T3")!.unsur).toHaveLength(9);
    const index = await pr.publicResultsIndex();
    expect(new Set(index.units.map((u) => u.unitCode)).size).toBe(index.units.length);
    // Each unit's newest live period (the seed publishes triwulan only).
    for (const u of index.units) {
      const newest = Math.max(...live.filter((l) => l.code === u.unitCode).map((l) => l.year * 10 + l.number));
      expect(u.period.year * 10 + u.period.number).toBe(newest);
    }
    expect(index.units.filter((u) => u.periodKey === "2026-T3").length).toBeGreaterThan(5);
    // The agency's index is the root's own publication (the seed pools every unit, as an admin's
    // "gabungan" publish does), never an average of units.
    const agency = index.agencyTrend;
    expect(agency.map((r) => r.periodKey)).toEqual(["2026-T1", "2026-T2", "2026-T3"]);
    const frozen = await one<{ konversi: number; respondents: number; population: number }>(
      `SELECT (p.result->>'konversi')::float8 AS konversi, (p.result->>'respondents')::int AS respondents, (p.result->>'population')::int AS population
         FROM publication p JOIN unit u ON u.id = p.unit_id JOIN survey_period sp ON sp.id = p.period_id
        WHERE u.code = 'KAB-SUKAMAJU' AND sp.kind = 'QUARTER' AND sp.year = 2026 AND sp.number = 3 AND p.scope = 'POOLED'`,
    );
    const everyone = await one<{ n: number; pop: number }>(
      `SELECT (SELECT sum(responses)::int FROM unit_daily_rollup WHERE day >= '2026-07-01' AND day < '2026-10-01' AND NOT suspicious) AS n,
              (SELECT sum(population)::int FROM unit_population up JOIN survey_period sp ON sp.id = up.period_id WHERE sp.kind = 'QUARTER' AND sp.year = 2026 AND sp.number = 3) AS pop`,
    );
    expect(frozen.respondents).toBe(everyone.n);
    expect(frozen.population).toBe(everyone.pop);
    expect(agency[2]!.unsur.map((u) => u.code)).toEqual(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]);
    expect(agency[2]!.unsur.every((u) => u.nrr >= 1 && u.nrr <= 4)).toBe(true);
    expect(agency[2]).toMatchObject({ unitCode: "KAB-SUKAMAJU", depth: 0, scope: "gabungan", konversi: frozen.konversi, respondents: frozen.respondents });
    // What the seed froze is what the admin's pooled publish freezes from the same rollups (lib/ikm through lib/dal/publication).
    expect((await pub.unpublishUnit(admin, { period: "2026-T3", unitCode: "KAB-SUKAMAJU", reason: "Diperiksa ulang" }, meta)).ok).toBe(true);
    expect((await pr.publicResultsIndex()).agencyTrend.map((r) => r.periodKey)).toEqual(["2026-T1", "2026-T2"]);
    const again = await pub.publishUnit(admin, { period: "2026-T3", unitCode: "KAB-SUKAMAJU", scope: "gabungan" }, meta);
    expect(again.ok).toBe(true);
    const republished = (await pr.publicResultsIndex()).agencyTrend;
    expect(republished.map((r) => r.periodKey)).toEqual(["2026-T1", "2026-T2", "2026-T3"]);
    expect(republished[2]).toMatchObject({ konversi: frozen.konversi, mutu: agency[2]!.mutu, respondents: frozen.respondents, unsur: agency[2]!.unsur });
  });

  it("a late response changes the dashboards, never the public figures", async () => {
    const before = (await pr.publicResultsForUnit("DISDUKCAPIL"))!.periods.find((p) => p.periodKey === "2026-T3")!;
    const rollupBefore = await one<{ n: number }>(`SELECT sum(responses)::int AS n FROM unit_daily_rollup r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'DISDUKCAPIL' AND r.day >= '2026-07-01' AND r.day < '2026-10-01'`);
    // Twenty late paper sheets, all "1", dated in the published triwulan.
    await withClient(db.url, (c) =>
      c.query(`INSERT INTO response (id, unit_id, service_id, template_version_id, channel, submitted_at, answers, idempotency_key)
               SELECT gen_random_uuid(), r.unit_id, r.service_id, r.template_version_id, 'PAPER', '2026-08-15T03:00:00Z',
                      (SELECT jsonb_object_agg(k, 1) FROM jsonb_object_keys(r.answers) k), 'late-' || g
                 FROM (SELECT * FROM response x WHERE x.unit_id = (SELECT id FROM unit WHERE code = 'DISDUKCAPIL') AND x.submitted_at >= '2026-07-01' LIMIT 1) r, generate_series(1, 20) g`),
    );
    const rollupAfter = await one<{ n: number }>(`SELECT sum(responses)::int AS n FROM unit_daily_rollup r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'DISDUKCAPIL' AND r.day >= '2026-07-01' AND r.day < '2026-10-01'`);
    expect(rollupAfter.n).toBe(rollupBefore.n + 20);
    const after = (await pr.publicResultsForUnit("DISDUKCAPIL"))!.periods.find((p) => p.periodKey === "2026-T3")!;
    expect(after).toEqual(before);
  });

  it("a withdrawal vanishes at the next request, and a republish shows the new freeze", async () => {
    const before = await pr.publicResultsForUnit("RSUD");
    expect(before!.periods.map((p) => p.periodKey)).toContain("2026-T3");
    expect((await pub.unpublishUnit(admin, { period: "2026-T3", unitCode: "RSUD", reason: "Salah hitung" }, meta)).ok).toBe(true);
    const gone = await pr.publicResultsForUnit("RSUD");
    expect(gone!.periods.map((p) => p.periodKey)).not.toContain("2026-T3");
    expect((await pr.publicResultsIndex()).units.find((u) => u.unitCode === "RSUD")?.periodKey).toBe("2026-T2");
    // Withdrawn by SQL from another process (no afterCommit here): the version key still sees it.
    await withClient(db.url, (c) => c.query(`UPDATE publication SET unpublished_at = now(), unpublish_reason = 'Ditarik' WHERE unit_id = (SELECT id FROM unit WHERE code = 'RSUD') AND unpublished_at IS NULL`));
    expect((await pr.publicResultsForUnit("RSUD"))!.periods).toEqual([]);
    expect((await pr.publicResultsIndex()).units.find((u) => u.unitCode === "RSUD")).toBeUndefined();
    expect((await pub.publishUnit(admin, { period: "2026-T3", unitCode: "RSUD", scope: "sendiri" }, meta)).ok).toBe(true);
    expect((await pr.publicResultsForUnit("RSUD"))!.periods.map((p) => p.periodKey)).toEqual(["2026-T3"]);
  });

  it("an inactive or unknown unit is not found; its publications leave the lists", async () => {
    expect(await pr.publicResultsForUnit("NOPE")).toBeNull();
    expect(await pr.publicResultsForUnit("<script>")).toBeNull();
    await withClient(db.url, (c) => c.query(`UPDATE unit SET active = false, updated_at = now() WHERE code = 'DINKES'`));
    expect(await pr.publicResultsForUnit("DINKES")).toBeNull();
    expect((await pr.livePublications()).some((r) => r.unitCode === "DINKES")).toBe(false);
    await withClient(db.url, (c) => c.query(`UPDATE unit SET active = true, updated_at = now() WHERE code = 'DINKES'`));
    expect((await pr.livePublications()).some((r) => r.unitCode === "DINKES")).toBe(true);
  });
});

describe("open data and badge (route handlers)", () => {
  it("CSV and JSON carry the documented columns, one row per live publication", async () => {
    const live = await rows<{ code: string }>(LIVE.replace("AND sp.kind = 'QUARTER'", ""));
    const csvRes = await (await import("@/app/(public)/hasil/data.csv/route")).GET();
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csvRes.headers.get("cache-control")).toMatch(/public/);
    const lines = (await csvRes.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(OPEN_DATA_COLUMNS.join(","));
    expect(lines).toHaveLength(live.length + 1);
    const jsonRes = await (await import("@/app/(public)/hasil/data.json/route")).GET();
    const body = (await jsonRes.json()) as { columns: string[]; rows: Record<string, unknown>[] };
    expect(body.columns).toEqual([...OPEN_DATA_COLUMNS]);
    expect(body.rows).toHaveLength(live.length);
    expect(Object.keys(body.rows[0]!)).toEqual([...OPEN_DATA_COLUMNS]);
    const rsud = body.rows.find((r) => r.code === "RSUD" && r.period === "2026-T3")!;
    const frozen = await one<{ konversi: number; mutu: string }>(`${LIVE} AND u.code = 'RSUD' AND sp.year = 2026 AND sp.number = 3`);
    expect(rsud).toMatchObject({ konversi: frozen.konversi, mutu: frozen.mutu });
    expect(lines.some((l) => l.includes(`,RSUD,2026-T3,${frozen.konversi},${frozen.mutu},`))).toBe(true);
  });

  it("the badge is an SVG with the frozen figure, escaped, publicly cacheable; unknown units 404", async () => {
    const { GET } = await import("@/app/(public)/hasil/[code]/badge.svg/route");
    const res = await GET(new Request("http://x/hasil/RSUD/badge.svg"), routeCtx("rsud"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    const svg = await res.text();
    const frozen = await one<{ mutu: string }>(`${LIVE} AND u.code = 'RSUD' AND sp.year = 2026 AND sp.number = 3`);
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain(`· ${frozen.mutu}`);
    expect(svg).toContain("2026");
    expect((await GET(new Request("http://x"), routeCtx("NOPE"))).status).toBe(404);
    expect((await GET(new Request("http://x"), routeCtx("<a>"))).status).toBe(404);
  });
});
