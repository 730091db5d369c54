import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeIkmFromSums, minimumSample } from "@/lib/ikm";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmptyDatabase, seedDemo } from "@/lib/server/seed-demo";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

describe("demo seed", () => {
  let db: TestDatabase;
  const RESPONSES = 50_000; // the demo as `npm start` loads it
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: true });
    expect(await isEmptyDatabase(db.url)).toBe(true);
    await seedDemo(db.url, { responses: RESPONSES, until: new Date("2026-11-28T00:00:00Z") });
  });
  afterAll(async () => db?.drop());

  it("builds a kabupaten of about 30 units in 3 levels, each with 2-5 services", async () => {
    expect(await isEmptyDatabase(db.url)).toBe(false);
    const units = await withClient(db.url, (c) =>
      c.query(`SELECT u.code, u.depth, u.path, p.path AS parent_path, count(s.*)::int AS services
                 FROM unit u LEFT JOIN unit p ON p.id = u.parent_id LEFT JOIN service s ON s.unit_id = u.id
                GROUP BY u.id, p.path`),
    );
    expect(units.rows.length).toBeGreaterThanOrEqual(28);
    expect(units.rows.length).toBeLessThanOrEqual(32);
    expect(new Set(units.rows.map((u) => u.depth))).toEqual(new Set([0, 1, 2]));
    for (const u of units.rows) {
      expect(u.services).toBeGreaterThanOrEqual(2);
      expect(u.services).toBeLessThanOrEqual(5);
      if (u.parent_path) expect(u.path.startsWith(u.parent_path)).toBe(true);
    }
  });

  it("spreads the responses over 12 months with blanks, saran and both strong and weak units", async () => {
    const stats = await withClient(db.url, async (c) => {
      const span = await c.query(`SELECT count(*)::int AS n, min(submitted_at) AS first, max(submitted_at) AS last,
                                         count(*) FILTER (WHERE saran IS NOT NULL)::int AS saran,
                                         count(*) FILTER (WHERE NOT answers ? 'U3')::int AS blank_u3,
                                         count(DISTINCT date_trunc('month', submitted_at))::int AS months
                                    FROM response`);
      const rollupTotal = await c.query(`SELECT sum(responses)::int AS n FROM unit_daily_rollup`);
      const perUnit = await c.query(`
        SELECT u.code, sum(r.responses)::int AS respondents,
               array_agg(r.sums) AS sums, array_agg(r.counts) AS counts
          FROM unit_daily_rollup r JOIN unit u ON u.id = r.unit_id GROUP BY u.code`);
      return { span: span.rows[0], rollupTotal: rollupTotal.rows[0].n, perUnit: perUnit.rows };
    });
    expect(stats.span.n).toBe(RESPONSES);
    expect(stats.rollupTotal).toBe(RESPONSES);
    expect(stats.span.months).toBeGreaterThanOrEqual(12);
    expect(stats.span.saran).toBeGreaterThan(RESPONSES * 0.05);
    expect(stats.span.blank_u3).toBeGreaterThan(0);

    const mutu = new Set<string>();
    for (const u of stats.perUnit) {
      const items: Record<string, { answered: number; sum: number }> = {};
      for (let i = 0; i < 9; i++) {
        items[`U${i + 1}`] = {
          sum: u.sums.reduce((a: number, s: number[]) => a + s[i]!, 0),
          answered: u.counts.reduce((a: number, s: number[]) => a + s[i]!, 0),
        };
      }
      const r = computeIkmFromSums({ respondents: u.respondents, items });
      mutu.add(r.mutu!);
    }
    // At least a weak (C or D) and a strong (A or B) unit.
    expect([...mutu].some((m) => m === "C" || m === "D")).toBe(true);
    expect([...mutu].some((m) => m === "A" || m === "B")).toBe(true);
  });

  it("asks the puskesmas how important each unsur is (harapan), and the rollups carry it", async () => {
    const rows = await withClient(db.url, (c) =>
      c.query(`
        SELECT u.kind::text, t.key, v.asks_harapan,
               count(*)::int AS n, count(*) FILTER (WHERE r.harapan IS NOT NULL)::int AS with_harapan
          FROM response r JOIN unit u ON u.id = r.unit_id
          JOIN template_version v ON v.id = r.template_version_id JOIN questionnaire_template t ON t.id = v.template_id
         GROUP BY 1, 2, 3`),
    );
    const puskesmas = rows.rows.filter((r) => r.kind === "PUSKESMAS");
    expect(puskesmas.length).toBeGreaterThan(0);
    for (const r of puskesmas) expect(r).toMatchObject({ key: "permenpan-14-2017-harapan", asks_harapan: true, with_harapan: r.n });
    for (const r of rows.rows.filter((r) => r.kind !== "PUSKESMAS")) expect(r).toMatchObject({ key: "permenpan-14-2017", with_harapan: 0 });
    const monthly = await withClient(db.url, (c) =>
      c.query(`SELECT sum(responses)::int AS n, sum(harapan_counts[3])::int AS h3, sum(profile[1] + profile[2] + profile[3])::int AS genders
                 FROM unit_monthly_rollup`),
    );
    expect(monthly.rows[0]).toEqual({ n: RESPONSES, h3: expect.any(Number), genders: RESPONSES });
    expect(monthly.rows[0].h3).toBeGreaterThan(0);
  });

  it("leaves some units below the minimum sample for their population", async () => {
    const rows = await withClient(db.url, (c) =>
      c.query(`
        SELECT u.code, up.population,
               (SELECT coalesce(sum(r.responses), 0)::int FROM unit_daily_rollup r
                 WHERE r.unit_id = u.id AND r.day >= p.start_date AND r.day < p.end_date) AS respondents
          FROM unit_population up JOIN unit u ON u.id = up.unit_id JOIN survey_period p ON p.id = up.period_id
         WHERE p.kind = 'QUARTER' AND p.year = 2026 AND p.number = 3`),
    );
    expect(rows.rows.length).toBeGreaterThan(10);
    const below = rows.rows.filter((r) => r.respondents < minimumSample(r.population));
    const met = rows.rows.filter((r) => r.respondents >= minimumSample(r.population));
    expect(below.length).toBeGreaterThan(0);
    expect(met.length).toBeGreaterThan(0);
  });

  it("creates one working account per role, each with its own password hash and salt", async () => {
    const users = await withClient(db.url, (c) =>
      c.query(`SELECT u.email, u.password_hash, r.role::text, un.code FROM "user" u
                 JOIN role_assignment r ON r.user_id = u.id JOIN unit un ON un.id = r.unit_id`),
    );
    expect(new Set(users.rows.map((u) => u.role))).toEqual(new Set(["ADMIN", "PIMPINAN", "KEPALA_UNIT", "OPERATOR"]));
    for (const account of DEMO_ACCOUNTS) {
      const row = users.rows.find((u) => u.email === account.email);
      expect(row).toMatchObject({ role: account.role, code: account.unit });
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verify(row.password_hash, DEMO_PASSWORD)).toBe(true);
      expect(await verify(row.password_hash, "wrong-password")).toBe(false);
    }
    // Same password, four hashes: a shared hash string would say the accounts share a password.
    const hashes = DEMO_ACCOUNTS.map((a) => users.rows.find((u) => u.email === a.email).password_hash as string);
    expect(new Set(hashes).size).toBe(DEMO_ACCOUNTS.length);
    expect(new Set(hashes.map((h) => h.split("$")[4])).size).toBe(DEMO_ACCOUNTS.length); // the salts differ too
  });

  it("runs only once: a second seed adds nothing", async () => {
    expect(await seedDemo(db.url, { responses: 10 })).toBeNull();
    const n = await withClient(db.url, (c) => c.query(`SELECT count(*)::int AS n FROM response`));
    expect(n.rows[0].n).toBe(RESPONSES);
  });
});

describe("demo seed in another year", () => {
  it("derives periods, publications and the plan from the day it runs, and dates nothing after it", async () => {
    const db = await createTestDatabase({ migrated: true });
    try {
      const until = new Date("2031-02-10T05:00:00Z");
      await seedDemo(db.url, { responses: 500, until });
      const facts = await withClient(db.url, async (c) => ({
        years: (await c.query(`SELECT DISTINCT year FROM survey_period ORDER BY year`)).rows.map((r) => r.year),
        published: (await c.query(`SELECT DISTINCT p.year, p.number FROM publication x JOIN survey_period p ON p.id = x.period_id ORDER BY 1, 2`)).rows,
        plan: (await c.query(`SELECT p.year, p.number FROM follow_up_plan f JOIN survey_period p ON p.id = f.period_id`)).rows,
        latest: (await c.query(`SELECT max(submitted_at) AS m, min(submitted_at) AS f FROM response`)).rows[0],
        uncovered: (await c.query(`SELECT count(*)::int AS n FROM response r WHERE NOT EXISTS (SELECT 1 FROM survey_period p WHERE p.kind = 'MONTH' AND r.submitted_at >= p.start_date AND r.submitted_at < p.end_date)`)).rows[0].n,
      }));
      expect(facts.years).toEqual([2030, 2031]);
      expect(facts.published).toEqual([{ year: 2030, number: 2 }, { year: 2030, number: 3 }, { year: 2030, number: 4 }]);
      expect(facts.plan).toEqual([{ year: 2030, number: 4 }]);
      expect(facts.latest.m.getTime()).toBeLessThanOrEqual(until.getTime());
      expect(facts.latest.f.getTime()).toBeGreaterThanOrEqual(until.getTime() - 366 * 86_400_000);
      expect(facts.uncovered).toBe(0);
    } finally {
      await db.drop();
    }
  });
});
