import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareNrr } from "@/lib/ikm";
import type { TCaller } from "@/lib/permissions";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// Plans and responses across two quarters (2026-T3 -> 2026-T4): RTL-A's U1 rises clearly (400
// responses a quarter), RTL-B's U1 rises within noise (6), RTL-C rises clearly but its plan was
// returned (does not count), RTL-D answered in T3 and made no plan.

let db: TestDatabase;
let effect: typeof import("@/lib/dal/follow-up/effect");
let overview: typeof import("@/lib/dal/follow-up/overview");
let metrics: typeof import("@/lib/dal/follow-up/metrics");
let lessons: typeof import("@/lib/dal/follow-up/lessons");
const NOW = new Date("2027-01-20T03:00:00Z");
const T3 = { kind: "QUARTER" as const, year: 2026, number: 3 };
const T4 = { kind: "QUARTER" as const, year: 2026, number: 4 };
const plan: Record<string, string> = {};
let pimpinan: TCaller;
let kepalaB: TCaller;

const answers = (u1: string, u2 = "3") =>
  `jsonb_build_object('U1', ${u1}, 'U2', ${u2}, 'U3', 3, 'U4', 3, 'U5', 3, 'U6', 3, 'U7', 3, 'U8', 3, 'U9', 3)`;

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 300, until: new Date("2026-11-28T05:00:00Z") });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  effect = await import("@/lib/dal/follow-up/effect");
  overview = await import("@/lib/dal/follow-up/overview");
  metrics = await import("@/lib/dal/follow-up/metrics");
  lessons = await import("@/lib/dal/follow-up/lessons");
  await withClient(db.url, async (c) => {
    for (const code of ["RTL-A", "RTL-B", "RTL-C", "RTL-D"]) {
      await c.query(
        `INSERT INTO unit (id, parent_id, path, depth, name, kind, code, updated_at)
         SELECT gen_random_uuid(), id, '', 0, $1, 'UPT', $1, now() FROM unit WHERE code = 'KAB-SUKAMAJU'`,
        [code],
      );
    }
    const respond = (code: string, day: string, n: number, json: string, saran: string | null = null) =>
      c.query(
        `INSERT INTO response (id, unit_id, template_version_id, channel, submitted_at, answers, idempotency_key, saran)
         SELECT gen_random_uuid(), u.id, v.id, 'WEB', ($2::date + time '10:00') AT TIME ZONE 'Asia/Jakarta', ${json}, gen_random_uuid()::text, $4
           FROM unit u, template_version v JOIN questionnaire_template t ON t.id = v.template_id,
                generate_series(0, $3 - 1) AS i
          WHERE u.code = $1 AND t.key = 'permenpan-14-2017'`,
        [code, day, n, saran],
      );
    // U1 2/3 (2.5) -> 3/4 (3.5) with 400 each: far beyond noise. U2 3 -> 3: unchanged.
    await respond("RTL-A", "2026-08-14", 400, answers("2 + (i % 2)"));
    await respond("RTL-A", "2026-11-13", 400, answers("3 + (i % 2)"));
    // 2,3,2,3,2,3 (2.5) -> 2,3,3,2,3,3 (2.67): up, within noise.
    await respond("RTL-B", "2026-08-14", 6, answers("2 + (i % 2)"));
    await respond("RTL-B", "2026-11-13", 6, answers("CASE WHEN i % 3 = 0 THEN 2 ELSE 3 END"));
    await respond("RTL-C", "2026-08-14", 200, answers("2 + (i % 2)"));
    await respond("RTL-C", "2026-11-13", 200, answers("3 + (i % 2)"));
    await respond("RTL-D", "2026-08-14", 5, answers("3"));
    await respond("RTL-D", "2027-01-19", 1, answers("3"), "Parkir sempit");
    const mkPlan = async (code: string, status: string, approvedAt: string | null, actions: [string, string, number, string][]) => {
      const id = (
        await c.query(
          `INSERT INTO follow_up_plan (id, unit_id, period_id, status, approved_at, submitted_at, updated_at)
           SELECT gen_random_uuid(), u.id, p.id, $2, $3, $3, now() FROM unit u, survey_period p
            WHERE u.code = $1 AND p.kind = 'QUARTER' AND p.year = 2026 AND p.number = 3 RETURNING id`,
          [code, status, approvedAt],
        )
      ).rows[0].id as string;
      for (const [i, [unsur, action, progress, due]] of actions.entries()) {
        await c.query(
          `INSERT INTO follow_up_action (id, plan_id, unsur_code, action, owner, due_date, progress, position, updated_at)
           VALUES (gen_random_uuid(), $1, $2, $3, 'Kepala', $4, $5, $6, now())`,
          [id, unsur, action, due, progress, i],
        );
      }
      plan[code] = id;
    };
    await mkPlan("RTL-A", "DISETUJUI", "2026-10-20T03:00:00Z", [
      ["U1", "Antrean daring dan loket tambahan", 100, "2026-11-01"],
      ["U2", "Ruang tunggu diperbaiki", 40, "2026-12-15"],
    ]);
    await mkPlan("RTL-B", "DISETUJUI", "2026-10-05T03:00:00Z", [["U1", "Brosur alur pelayanan", 100, "2026-11-01"]]);
    await mkPlan("RTL-C", "DIKEMBALIKAN", null, [["U1", "Rencana yang dikembalikan", 0, "2026-12-01"]]);
    // RTL-A's result published on 5 October; RTL-B has no publication (the period's end counts).
    await c.query(
      `INSERT INTO publication (id, unit_id, period_id, published_at)
       SELECT gen_random_uuid(), u.id, p.id, '2026-10-05T03:00:00Z' FROM unit u, survey_period p
        WHERE u.code = 'RTL-A' AND p.kind = 'QUARTER' AND p.year = 2026 AND p.number = 3`,
    );
    const unit = async (code: string) => (await c.query(`SELECT id, path FROM unit WHERE code = $1`, [code])).rows[0] as { id: string; path: string };
    const root = await unit("KAB-SUKAMAJU");
    const b = await unit("RTL-B");
    pimpinan = { userId: crypto.randomUUID(), email: "p@fu.test", name: "P", mustChangePassword: false, assignments: [{ role: "PIMPINAN", unitId: root.id, unitPath: root.path }] };
    kepalaB = { userId: crypto.randomUUID(), email: "k@fu.test", name: "K", mustChangePassword: false, assignments: [{ role: "KEPALA_UNIT", unitId: b.id, unitPath: b.path }] };
  });
}, 120_000);

afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

/** The moments of U1 for a unit in a quarter, from raw answers in JS. */
async function rawMoments(code: string, from: string, to: string, item = "U1") {
  const rows = await withClient(db.url, async (c) =>
    (
      await c.query(
        `SELECT r.answers FROM response r JOIN unit u ON u.id = r.unit_id
          WHERE u.code = $1 AND NOT r.suspicious
            AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date >= $2 AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date < $3`,
        [code, from, to],
      )
    ).rows as { answers: Record<string, number> }[],
  );
  const v = rows.map((r) => r.answers[item]).filter((x): x is number => typeof x === "number");
  return { sum: v.reduce((a, b) => a + b, 0), sumSq: v.reduce((a, b) => a + b * b, 0), n: v.length };
}

describe("planEffects", () => {
  it("finds a clear rise beyond noise, the same as from raw answers", async () => {
    const e = (await effect.planEffects(pimpinan, plan["RTL-A"]!, NOW))!;
    expect(e).toMatchObject({ period: "2026-T3", nextPeriod: "2026-T4", nextEnded: true, unit: { code: "RTL-A" } });
    const u1 = e.effects.find((x) => x.unsur === "U1")!.comparison!;
    const expected = compareNrr(await rawMoments("RTL-A", "2026-10-01", "2027-01-01"), await rawMoments("RTL-A", "2026-07-01", "2026-10-01"));
    expect(u1.delta).toBeCloseTo(1, 10);
    expect(u1.delta).toBeCloseTo(expected.delta!, 12);
    expect(u1.standardError).toBeCloseTo(expected.standardError!, 12);
    expect(u1).toMatchObject({ direction: "naik", significant: true });
    expect(e.effects.find((x) => x.unsur === "U2")!.comparison).toMatchObject({ direction: "tetap", significant: false });
  });

  it("keeps a rise within noise not significant", async () => {
    const u1 = (await effect.planEffects(pimpinan, plan["RTL-B"]!, NOW))!.effects[0]!.comparison!;
    expect(u1.delta).toBeCloseTo(2.6667 - 2.5, 3);
    expect(u1).toMatchObject({ direction: "naik", significant: false });
  });

  it("is not yet measurable while the next period runs", async () => {
    const e = (await effect.planEffects(pimpinan, plan["RTL-A"]!, new Date("2026-12-20T03:00:00Z")))!;
    expect(e.nextEnded).toBe(false);
    expect(e.effects.every((x) => x.comparison === null)).toBe(true);
  });

  it("works for a unit, period and unsur without a plan, and for the dashboard of the next period", async () => {
    const ids = await withClient(db.url, async (c) => ({
      unit: (await c.query(`SELECT id FROM unit WHERE code = 'RTL-C'`)).rows[0].id as string,
      period: (await c.query(`SELECT id FROM survey_period WHERE kind = 'QUARTER' AND year = 2026 AND number = 3`)).rows[0].id as string,
    }));
    const e = (await effect.planEffects(pimpinan, { unitId: ids.unit, periodId: ids.period, unsur: ["U1"] }, NOW))!;
    expect(e.planId).toBeNull();
    expect(e.effects[0]!.comparison).toMatchObject({ direction: "naik", significant: true });
    const shown = (await effect.previousPlanEffects(pimpinan, "RTL-A", T4, NOW))!;
    expect(shown.planId).toBe(plan["RTL-A"]);
    expect(await effect.previousPlanEffects(pimpinan, "RTL-D", T4, NOW)).toBeNull();
  });

  it("answers not found outside the caller's scope", async () => {
    expect(await effect.planEffects(kepalaB, plan["RTL-A"]!, NOW)).toBeNull();
    expect(await effect.planEffects(kepalaB, plan["RTL-B"]!, NOW)).not.toBeNull();
    expect(await effect.planEffects(null, plan["RTL-B"]!, NOW)).toBeNull();
    expect(await effect.planEffects(pimpinan, "not-a-uuid", NOW)).toBeNull();
  });
});

describe("learning across units", () => {
  it("lists other units that moved the unsur after an approved plan, with their actions", async () => {
    const forB = (await lessons.peerLessons(kepalaB, "RTL-B", ["U1"], NOW))!;
    expect(forB.U1!.map((l) => l.unitCode)).toEqual(["RTL-A"]);
    expect(forB.U1![0]!.actions).toEqual(["Antrean daring dan loket tambahan"]);
    // C rose as clearly, but its plan was returned; B did not move beyond noise; A is not its own peer.
    const forA = (await lessons.peerLessons(pimpinan, "RTL-A", ["U1"], NOW))!;
    expect(forA.U1!.map((l) => l.unitCode)).toEqual([]);
    expect(await lessons.peerLessons(kepalaB, "RTL-A", ["U1"], NOW)).toBeNull();
  });

  it("counts per unsur the approved plans and those that moved it", async () => {
    const table = (await lessons.actionLessons(kepalaB, NOW))!;
    const u1 = table.find((r) => r.unsur === "U1")!;
    expect(u1).toMatchObject({ approvedPlans: 2, movedPlans: 1 });
    expect(u1.examples.map((x) => x.unitCode)).toEqual(["RTL-A"]);
    expect(await lessons.actionLessons(null, NOW)).toBeNull();
  });
});

describe("followUpMetrics", () => {
  it("gives the realised share and the days from report to approval", async () => {
    const m = (await metrics.followUpMetrics(pimpinan, undefined, 2026))!;
    const by = Object.fromEntries(m.units.map((u) => [u.code, u]));
    expect(by["RTL-A"]).toMatchObject({ plans: 1, approvedPlans: 1, actions: 2, realised: 1, realisedShare: 0.5, meanDaysToFollowUp: 15 });
    // No publication: from the period's end (1 October 00:00 WIB) to 5 October 10:00 WIB.
    expect(by["RTL-B"]).toMatchObject({ realisedShare: 1, meanDaysToFollowUp: 4 });
    expect(by["RTL-C"]).toMatchObject({ plans: 1, approvedPlans: 0, actions: 0, realisedShare: null });
    expect(by["RTL-D"]).toBeUndefined();
    const own = (await metrics.followUpMetrics(kepalaB, "RTL-B", 2026))!;
    expect(own.units.map((u) => u.code)).toEqual(["RTL-B"]);
    expect(await metrics.followUpMetrics(kepalaB, "RTL-A", 2026)).toBeNull();
  });
});

describe("followUpOverview", () => {
  it("shows each unit's plan, realisation, feedback and what needs attention", async () => {
    const o = (await overview.followUpOverview(pimpinan, T3, undefined, NOW))!;
    const row = Object.fromEntries(o.rows.map((r) => [r.code, r]));
    expect(row["RTL-A"]).toMatchObject({ plan: "overdue", realisation: 70, openFeedback: 200, overdueFeedback: 200 });
    expect(row["RTL-B"]).toMatchObject({ plan: "done", realisation: 100 });
    expect(row["RTL-C"]).toMatchObject({ plan: "draft", realisation: 0 });
    expect(row["RTL-D"]).toMatchObject({ plan: "none", realisation: null, openFeedback: 1, overdueFeedback: 0, oldestOpenDays: 1 });
    expect(row["RTL-A"]!.oldestOpenDays).toBe(Math.floor((NOW.getTime() - Date.parse("2026-08-14T03:00:00Z")) / 86_400_000));
    const mine = o.attention.filter((a) => a.code.startsWith("RTL-"));
    expect(mine).toEqual(
      expect.arrayContaining([
        { kind: "no-plan", code: "RTL-D", name: "RTL-D", href: "/dasbor/unit/RTL-D/rtl/2026-T3" },
        { kind: "overdue-actions", code: "RTL-A", name: "RTL-A", count: 1, href: "/dasbor/unit/RTL-A/rtl/2026-T3" },
        { kind: "overdue-feedback", code: "RTL-A", name: "RTL-A", count: 200, href: "/dasbor/unit/RTL-A/saran?usia=terlambat" },
      ]),
    );
    // Units with a plan (even a returned one) are not "no plan"; B has no late action, only its
    // five low-score items (three in T3, two in T4) waiting past the target.
    expect(mine.filter((a) => a.kind === "no-plan").map((a) => a.code)).toEqual(["RTL-D"]);
    expect(mine.filter((a) => a.code === "RTL-B")).toEqual([
      { kind: "overdue-feedback", code: "RTL-B", name: "RTL-B", count: 5, href: "/dasbor/unit/RTL-B/saran?usia=terlambat" },
    ]);
  });

  it("is scoped: a kepala sees their own unit only", async () => {
    const o = (await overview.followUpOverview(kepalaB, T3, undefined, NOW))!;
    expect(o.rows.map((r) => r.code)).toEqual(["RTL-B"]);
    expect(await overview.followUpOverview(kepalaB, T3, "RTL-A", NOW)).toBeNull();
  });
});
