import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// planStatusByUnit: one row per asked unit, the latest plan's state. The seed approves one plan
// for Dukcapil's last completed quarter (60 %, 35 %, 100 %); every other unit has none.

let db: TestDatabase;
let status: typeof import("@/lib/dal/plans/status");
const run = (sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows as Record<string, unknown>[]);
const unitId = async (code: string) => (await run(`SELECT id::text AS id FROM unit WHERE code = $1`, [code]))[0]!.id as string;

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 50, until: new Date("2026-11-28T05:00:00Z") });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  status = await import("@/lib/dal/plans/status");
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("planStatusByUnit", () => {
  it("reports the seeded plan as approved with its mean realisation, other units as none", async () => {
    const dukcapil = await unitId("DISDUKCAPIL");
    const root = await unitId("KAB-SUKAMAJU");
    const rows = await status.planStatusByUnit([dukcapil, root]);
    const plan = (await run(`SELECT id::text AS id, period_id::text AS period FROM follow_up_plan WHERE unit_id = $1`, [dukcapil]))[0]!;
    expect(rows.find((r) => r.unitId === dukcapil)).toEqual({
      unitId: dukcapil, planId: plan.id, periodId: plan.period, status: "approved", realisationPct: 65, overdueActions: 0,
    });
    expect(rows.find((r) => r.unitId === root)).toMatchObject({ planId: null, status: "none", realisationPct: 0, overdueActions: 0 });
    expect(await status.planStatusByUnit([])).toEqual([]);
  });

  it("filters by period, and turns overdue, then done, as actions move", async () => {
    const dukcapil = await unitId("DISDUKCAPIL");
    const plan = (await run(`SELECT id::text AS id, period_id::text AS period FROM follow_up_plan WHERE unit_id = $1`, [dukcapil]))[0]!;
    const other = (await run(`SELECT id::text AS id FROM survey_period WHERE id <> $1 LIMIT 1`, [plan.period]))[0]!.id as string;
    expect((await status.planStatusByUnit([dukcapil], other))[0]).toMatchObject({ status: "none", planId: null });
    expect((await status.planStatusByUnit([dukcapil], plan.period as string))[0]).toMatchObject({ status: "approved", planId: plan.id });

    await run(`UPDATE follow_up_action SET due_date = DATE '2020-01-01' WHERE plan_id = $1 AND progress < 100 AND unsur_code = 'U8'`, [plan.id]);
    expect((await status.planStatusByUnit([dukcapil]))[0]).toMatchObject({ status: "overdue", overdueActions: 1 });

    await run(`UPDATE follow_up_action SET progress = 100 WHERE plan_id = $1`, [plan.id]);
    expect((await status.planStatusByUnit([dukcapil]))[0]).toMatchObject({ status: "done", realisationPct: 100, overdueActions: 0 });

    await run(`UPDATE follow_up_plan SET status = 'DIKEMBALIKAN' WHERE id = $1`, [plan.id]);
    expect((await status.planStatusByUnit([dukcapil]))[0]).toMatchObject({ status: "returned" });
    await run(`UPDATE follow_up_plan SET status = 'DIAJUKAN' WHERE id = $1`, [plan.id]);
    expect((await status.planStatusByUnit([dukcapil]))[0]).toMatchObject({ status: "submitted" });
    await run(`UPDATE follow_up_plan SET status = 'DRAFT' WHERE id = $1`, [plan.id]);
    expect((await status.planStatusByUnit([dukcapil]))[0]).toMatchObject({ status: "draft" });
  });
});
