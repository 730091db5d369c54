import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import { currentMonth, periodKey, periodMonths, periodOfMonth, shiftPeriod } from "@/lib/periods";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The rencana tindak lanjut's life through the data layer: started from the period's weakest
// unsur (the dashboard's ranking), actions written, submitted, returned with a comment (required),
// edited, submitted again, approved, realised to 100 %. Every step refused in the wrong state or
// by the wrong role, with nothing written; concurrent reviews take turns on the plan's row lock.

let db: TestDatabase;
let plans: typeof import("@/lib/dal/plans");
const callers = {} as Record<"kepala" | "pimpinan" | "operator" | "sibling" | "admin", TCaller>;
const running = periodOfMonth("QUARTER", currentMonth("Asia/Jakarta"));
/** Two quarters back: ended, and the demo has no plan for it. */
const period = shiftPeriod(running, -2);
const key = periodKey(period);
let planId = "";

const row = (sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows);
const audits = (action: string) => row(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND target_id = $2`, [action, planId]).then((r) => r[0].n as number);

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 400 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  plans = await import("@/lib/dal/plans");
  await withClient(db.url, async (c) => {
    const user = async (k: keyof typeof callers, role: string, code: string) => {
      const u = (await c.query(`SELECT id, path FROM unit WHERE code = $1`, [code])).rows[0];
      const id = (await c.query(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), $1, $2) RETURNING id`, [`${k}@plan.test`, `Pengguna ${k}`])).rows[0].id;
      await c.query(`INSERT INTO role_assignment (id, user_id, unit_id, role) VALUES (gen_random_uuid(), $1, $2, $3)`, [id, u.id, role]);
      callers[k] = { userId: id, email: `${k}@plan.test`, name: k, mustChangePassword: false, assignments: [{ role: role as never, unitId: u.id, unitPath: u.path }] };
    };
    await user("kepala", "KEPALA_UNIT", "DISDUKCAPIL");
    await user("pimpinan", "PIMPINAN", "KAB-SUKAMAJU");
    await user("operator", "OPERATOR", "DISDUKCAPIL");
    await user("sibling", "KEPALA_UNIT", "DINKES");
    await user("admin", "ADMIN", "KAB-SUKAMAJU");
  });
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("starting a plan", () => {
  it("proposes the period's three weakest unsur, ranked as the unit's dashboard ranks them", async () => {
    const { getUnitDashboard } = await import("@/lib/dal/dashboard");
    const { query } = parseDashboardQuery({ periode: key }, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" });
    const dash = (await getUnitDashboard(callers.kepala, "DISDUKCAPIL", query))!;
    const weakest = dash.score!.result.items.filter((i) => i.rank !== null && i.rank <= 3).sort((a, b) => a.rank! - b.rank!).map((i) => i.code);
    expect(weakest).toHaveLength(3);

    const before = (await plans.readPlan(callers.kepala, "DISDUKCAPIL", key))!;
    expect(before.plan).toBeNull();
    expect(before.basis.priority.map((p) => p.code)).toEqual(weakest);
    expect(before.may).toEqual({ edit: true, review: false });

    const r = await plans.startPlan(callers.kepala, { unitCode: "disdukcapil", period: key });
    expect(r.ok).toBe(true);
    planId = (r as { value: string }).value;
    const [plan] = await row(`SELECT status::text, proposed_unsur, created_by_id FROM follow_up_plan WHERE id = $1`, [planId]);
    expect(plan).toEqual({ status: "DRAFT", proposed_unsur: weakest, created_by_id: callers.kepala.userId });
    expect(await audits("plan.start")).toBe(1);
  });

  it("refuses a second plan for the period, a running or future period, another kind of period, one without answers, and anyone without plan.edit", async () => {
    expect(await plans.startPlan(callers.kepala, { unitCode: "DISDUKCAPIL", period: key })).toEqual({ ok: false, error: "exists" });
    expect(await plans.startPlan(callers.kepala, { unitCode: "DISDUKCAPIL", period: periodKey(running) })).toEqual({ ok: false, error: "periodRunning" });
    expect(await plans.startPlan(callers.kepala, { unitCode: "DISDUKCAPIL", period: periodKey(shiftPeriod(running, 2)) })).toEqual({ ok: false, error: "periodRunning" });
    // A month inside the planned triwulan, and a year: the agency reports per triwulan.
    const month = periodOfMonth("MONTH", periodMonths(period).start);
    expect(await plans.startPlan(callers.kepala, { unitCode: "DISDUKCAPIL", period: periodKey(month) })).toEqual({ ok: false, error: "periodKind" });
    expect(await plans.startPlan(callers.kepala, { unitCode: "DISDUKCAPIL", period: String(period.year - 1) })).toEqual({ ok: false, error: "periodKind" });
    expect(await plans.startPlan(callers.kepala, { unitCode: "DISDUKCAPIL", period: "2019-T2" })).toEqual({ ok: false, error: "noData" });
    expect((await plans.readPlan(callers.kepala, "DISDUKCAPIL", "2019-T2"))!.basis.eligibility).toBe("noData");
    for (const who of [callers.sibling, callers.operator, callers.pimpinan, null]) {
      expect(await plans.startPlan(who, { unitCode: "DISDUKCAPIL", period: periodKey(shiftPeriod(running, -3)) })).toEqual({ ok: false, error: "notFound" });
    }
    expect(await plans.startPlan(callers.kepala, { unitCode: "DISDUKCAPIL", period: "2026-T9" })).toMatchObject({ ok: false, error: "invalid", fields: { period: "invalidChoice" } });
    expect(await row(`SELECT count(*)::int AS n FROM follow_up_plan WHERE unit_id = (SELECT id FROM unit WHERE code = 'DISDUKCAPIL')`)).toEqual([{ n: 2 }]);
  });
});

describe("writing, submitting and reviewing", () => {
  const action = (over: Record<string, unknown> = {}) => ({ planId, unsurCode: "U3", action: "Menambah loket perekaman", owner: "Sekretaris", dueDate: "2027-01-31", expectedEffect: "Antrean di bawah 30 menit", ...over });

  it("keeps actions for the questionnaire's unsur only, with field errors for bad values", async () => {
    expect(await plans.savePlanAction(callers.kepala, action({ unsurCode: "U99" }))).toEqual({ ok: false, error: "unsur" });
    expect(await plans.savePlanAction(callers.kepala, action({ action: "  ", owner: "a\u0000b", dueDate: "2027-02-30" }))).toEqual({
      ok: false, error: "invalid", fields: { action: "required", owner: "controlChar", dueDate: "date" },
    });
    expect(await plans.savePlanAction(callers.sibling, action())).toEqual({ ok: false, error: "notFound" });
    expect(await plans.submitPlan(callers.kepala, { planId })).toEqual({ ok: false, error: "noActions" });
    const made = await plans.savePlanAction(callers.kepala, action());
    expect(made.ok).toBe(true);
    const id = (made as { value: string }).value;
    expect((await plans.savePlanAction(callers.kepala, action({ actionId: id, owner: "Kabid Dafduk", dueDate: "" }))).ok).toBe(true);
    expect((await plans.savePlanAction(callers.kepala, action({ unsurCode: "U8", action: "Ruang tunggu", expectedEffect: "" }))).ok).toBe(true);
    expect(await row(`SELECT unsur_code, owner, due_date, expected_effect, position FROM follow_up_action WHERE plan_id = $1 ORDER BY position`, [planId])).toEqual([
      { unsur_code: "U3", owner: "Kabid Dafduk", due_date: null, expected_effect: "Antrean di bawah 30 menit", position: 0 },
      { unsur_code: "U8", owner: "Sekretaris", due_date: expect.any(Date), expected_effect: null, position: 1 },
    ]);
    // An action id of another plan is not this plan's.
    const [other] = await row(`SELECT a.id FROM follow_up_action a JOIN follow_up_plan p ON p.id = a.plan_id WHERE p.id <> $1 LIMIT 1`, [planId]);
    expect(await plans.deletePlanAction(callers.kepala, { planId, actionId: other.id })).toEqual({ ok: false, error: "notFound" });
    expect(await plans.savePlanAction(callers.kepala, action({ actionId: other.id }))).toEqual({ ok: false, error: "notFound" });
  });

  it("records the FKP, submits, and locks the plan while it is reviewed", async () => {
    expect((await plans.savePlanFkp(callers.kepala, { planId, fkpDate: "2026-10-14", fkpParticipants: "Tokoh masyarakat, LSM" })).ok).toBe(true);
    expect((await plans.submitPlan(callers.kepala, { planId, body: "Mohon persetujuan" })).ok).toBe(true);
    expect(await row(`SELECT status::text, fkp_date IS NOT NULL AS fkp, submitted_at IS NOT NULL AS sub FROM follow_up_plan WHERE id = $1`, [planId])).toEqual([{ status: "DIAJUKAN", fkp: true, sub: true }]);
    expect(await plans.savePlanAction(callers.kepala, action())).toEqual({ ok: false, error: "locked" });
    expect(await plans.savePlanFkp(callers.kepala, { planId, fkpDate: "" })).toEqual({ ok: false, error: "locked" });
    expect(await plans.submitPlan(callers.kepala, { planId })).toEqual({ ok: false, error: "locked" });
    expect(await plans.recordProgress(callers.kepala, { actionId: (await row(`SELECT id FROM follow_up_action WHERE plan_id = $1 LIMIT 1`, [planId]))[0].id, progress: 10 })).toEqual({ ok: false, error: "notApproved" });
  });

  it("returns only with a comment, by plan.review only; the unit edits and submits again; then approval", async () => {
    expect(await plans.reviewPlan(callers.pimpinan, { planId, decision: "DIKEMBALIKAN", body: " " })).toMatchObject({ ok: false, error: "invalid", fields: { body: "required" } });
    expect(await plans.reviewPlan(callers.kepala, { planId, decision: "DISETUJUI" })).toEqual({ ok: false, error: "notFound" });
    expect(await plans.reviewPlan(callers.sibling, { planId, decision: "DISETUJUI" })).toEqual({ ok: false, error: "notFound" });
    expect((await plans.reviewPlan(callers.pimpinan, { planId, decision: "DIKEMBALIKAN", body: "Tambahkan tenggat untuk U3" })).ok).toBe(true);
    expect((await plans.readPlan(callers.kepala, "DISDUKCAPIL", key))!.plan!.editable).toBe(true);
    expect((await plans.readPlan(callers.pimpinan, "DISDUKCAPIL", key))!.plan!.editable).toBe(false);
    const [u3] = await row(`SELECT id FROM follow_up_action WHERE plan_id = $1 AND unsur_code = 'U3'`, [planId]);
    expect((await plans.savePlanAction(callers.kepala, action({ actionId: u3.id, dueDate: "2027-01-15" }))).ok).toBe(true);
    expect(await plans.reviewPlan(callers.pimpinan, { planId, decision: "DISETUJUI" })).toEqual({ ok: false, error: "notSubmitted" });
    expect((await plans.submitPlan(callers.kepala, { planId })).ok).toBe(true);
    expect((await plans.reviewPlan(callers.pimpinan, { planId, decision: "DISETUJUI", body: "" })).ok).toBe(true);
    const [plan] = await row(`SELECT status::text, approved_by_id, approved_at IS NOT NULL AS at, returned_at IS NOT NULL AS ret FROM follow_up_plan WHERE id = $1`, [planId]);
    expect(plan).toEqual({ status: "DISETUJUI", approved_by_id: callers.pimpinan.userId, at: true, ret: true });
    expect(await row(`SELECT decision::text, body FROM follow_up_comment WHERE plan_id = $1 ORDER BY created_at`, [planId])).toEqual([
      { decision: "DIAJUKAN", body: "Mohon persetujuan" },
      { decision: "DIKEMBALIKAN", body: "Tambahkan tenggat untuk U3" },
      { decision: "DIAJUKAN", body: "" },
      { decision: "DISETUJUI", body: "" },
    ]);
    expect([await audits("plan.submit"), await audits("plan.return"), await audits("plan.approve")]).toEqual([2, 1, 1]);
  });

  it("lets the editor and the reviewer comment, nobody else", async () => {
    expect((await plans.commentOnPlan(callers.kepala, { planId, body: "Siap" })).ok).toBe(true);
    expect((await plans.commentOnPlan(callers.pimpinan, { planId, body: "Lanjutkan" })).ok).toBe(true);
    for (const who of [callers.operator, callers.sibling, null]) expect(await plans.commentOnPlan(who, { planId, body: "Ikut" })).toEqual({ ok: false, error: "notFound" });
    expect(await audits("plan.comment")).toBe(2);
  });
});

describe("did it work", () => {
  it("measures a plan approved late against the period of its approval, not the next one it could not have moved", async () => {
    const effect = await import("@/lib/dal/follow-up/effect");
    const e = (await effect.planEffects(callers.kepala, planId))!;
    // Two quarters back, approved today: the next quarter had ended before the plan existed.
    expect(e).toMatchObject({ period: key, nextPeriod: periodKey(running), approved: true, nextEnded: false });
    expect(e.effects.every((x) => x.comparison === null)).toBe(true);
    // Nor is it marked on the dashboard of the quarter after its own.
    expect(await effect.previousPlanEffects(callers.kepala, "DISDUKCAPIL", shiftPeriod(period, 1))).toBeNull();
  });
});

describe("realisation", () => {
  it("records each step, keeps the latest percentage and when it first reached 100 %", async () => {
    const [u3] = await row(`SELECT id FROM follow_up_action WHERE plan_id = $1 AND unsur_code = 'U3'`, [planId]);
    expect(await plans.recordProgress(callers.kepala, { actionId: u3.id, progress: "101" })).toMatchObject({ ok: false, error: "invalid", fields: { progress: "progressRange" } });
    expect(await plans.recordProgress(callers.kepala, { actionId: u3.id, progress: "" })).toMatchObject({ ok: false, error: "invalid", fields: { progress: "progressRange" } });
    expect(await plans.recordProgress(callers.pimpinan, { actionId: u3.id, progress: 50 })).toEqual({ ok: false, error: "notFound" });
    expect((await plans.recordProgress(callers.kepala, { actionId: u3.id, progress: "50", note: "Loket kedua dibuka" })).ok).toBe(true);
    expect((await plans.recordProgress(callers.kepala, { actionId: u3.id, progress: 100, note: "Antrean daring berjalan" })).ok).toBe(true);
    const [done] = await row(`SELECT progress, done_at, realisation FROM follow_up_action WHERE id = $1`, [u3.id]);
    expect(done).toMatchObject({ progress: 100, done_at: expect.any(Date), realisation: "Antrean daring berjalan" });
    expect((await plans.recordProgress(callers.kepala, { actionId: u3.id, progress: 100 })).ok).toBe(true);
    expect((await row(`SELECT done_at FROM follow_up_action WHERE id = $1`, [u3.id]))[0].done_at).toEqual(done.done_at);
    const view = (await plans.readPlan(callers.kepala, "DISDUKCAPIL", key))!;
    expect(view.plan!.actions.find((a) => a.id === u3.id)!.entries.map((e) => e.progress)).toEqual([50, 100, 100]);
    expect(await audits("plan.progress")).toBe(3);
  });

  it("keeps a photo as evidence of the step; a file that is not one by its bytes is the field's error and nothing is written", async () => {
    const [u8] = await row(`SELECT id FROM follow_up_action WHERE plan_id = $1 AND unsur_code = 'U8'`, [planId]);
    const png = new File([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])], "ruang-tunggu.png");
    const fake = new File([new TextEncoder().encode("bukan foto")], "foto.jpg", { type: "image/jpeg" });
    const before = await row(`SELECT (SELECT count(*)::int FROM follow_up_progress) AS p, (SELECT count(*)::int FROM attachment) AS a`);
    expect(await plans.recordProgress(callers.kepala, { actionId: u8.id, progress: 100, files: [png, fake] })).toEqual({ ok: false, error: "attachmentType" });
    expect(await row(`SELECT (SELECT count(*)::int FROM follow_up_progress) AS p, (SELECT count(*)::int FROM attachment) AS a`)).toEqual(before);
    const r = await plans.recordProgress(callers.kepala, { actionId: u8.id, progress: 100, note: "Kursi terpasang", files: [png] });
    expect(r.ok).toBe(true);
    const [file] = await row(`SELECT kind, filename, content_type, progress_id, plan_id FROM attachment WHERE progress_id = $1`, [(r as { value: string }).value]);
    expect(file).toEqual({ kind: "EVIDENCE", filename: "ruang-tunggu.png", content_type: "image/png", progress_id: (r as { value: string }).value, plan_id: planId });
    const entry = (await plans.readPlan(callers.pimpinan, "DISDUKCAPIL", key))!.plan!.actions.find((a) => a.id === u8.id)!.entries.at(-1)!;
    expect(entry.files.map((f) => f.filename)).toEqual(["ruang-tunggu.png"]);
  });
});

describe("concurrency", () => {
  it("lets one of two simultaneous reviews of a submitted plan through; the other sees the new state", async () => {
    const other = periodKey(shiftPeriod(running, -3));
    const id = ((await plans.startPlan(callers.kepala, { unitCode: "DISDUKCAPIL", period: other })) as { value: string }).value;
    await plans.savePlanAction(callers.kepala, { planId: id, unsurCode: "U1", action: "Sosialisasi persyaratan", owner: "Kasi" });
    await plans.submitPlan(callers.kepala, { planId: id });
    const results = await Promise.all([
      plans.reviewPlan(callers.pimpinan, { planId: id, decision: "DISETUJUI" }),
      plans.reviewPlan(callers.admin, { planId: id, decision: "DIKEMBALIKAN", body: "Belum lengkap" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "notSubmitted" }]);
    expect(await row(`SELECT count(*)::int AS n FROM follow_up_comment WHERE plan_id = $1 AND decision IN ('DISETUJUI', 'DIKEMBALIKAN')`, [id])).toEqual([{ n: 1 }]);
  });
});
