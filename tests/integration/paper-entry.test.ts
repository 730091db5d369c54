import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeIkmFromRows, PERMENPAN_14_2017 } from "@/lib/ikm";
import { periodKey } from "@/lib/periods";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { parseDashboardQuery, runningPeriod } from "@/lib/validation/dashboard";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// Paper entry: an operator's sheets become PAPER responses dated the day on the
// sheet, entered once per form, a repeated sheet number warned about; corrections
// and deletions audited with the values, the rollups equal to a recount after
// each, and nothing at all written for a foreign unit or a bad sheet.

let db: TestDatabase;
let paper: typeof import("@/lib/dal/paper");
let list: typeof import("@/lib/dal/paper-list");
let dashboard: typeof import("@/lib/dal/dashboard");
let operator: TCaller;
let kepala: TCaller;
let today: string;
const UNIT = "DUKCAPIL-CAPIL";
const meta: TRequestMeta = { clientAddress: "203.0.113.7", clientKey: "k", userAgent: "vitest" };
const CLOCK = { timeZone: "Asia/Jakarta", rhythm: "QUARTER" } as const;

const rows = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows as T[]);
const one = async <T>(sql: string, params: unknown[] = []) => (await rows<T>(sql, params))[0]!;
const count = async (table: string) => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n;

async function callerOf(email: string): Promise<TCaller> {
  const u = await one<{ id: string; name: string }>(`SELECT id, name FROM "user" WHERE email = $1`, [email]);
  const roles = await rows<{ role: TCaller["assignments"][number]["role"]; unit_id: string; path: string }>(
    `SELECT r.role, r.unit_id, u.path FROM role_assignment r JOIN unit u ON u.id = r.unit_id WHERE r.user_id = $1`,
    [u.id],
  );
  return { userId: u.id, email, name: u.name, mustChangePassword: false, assignments: roles.map((r) => ({ role: r.role, unitId: r.unit_id, unitPath: r.path })) };
}

const ROLLUPS = ["unit_daily_rollup", "unit_monthly_rollup", "unit_monthly_summary"];

/** Every rollup table as the triggers keep it, rows with responses (a row emptied by a deletion stays at zero). */
async function rollupState(): Promise<string[][]> {
  return Promise.all(
    ROLLUPS.map(async (t) =>
      (await rows<{ r: string }>(`SELECT (to_jsonb(x) - 'id')::text AS r FROM ${t} x WHERE responses <> 0 ORDER BY 1`)).map((r) => r.r),
    ),
  );
}

/** The rollups the triggers kept equal a full recount from the responses (suara_rollup_rebuild). */
async function expectRollupsEqualRecount() {
  const kept = await rollupState();
  await rows(`SELECT suara_rollup_rebuild()`);
  expect(await rollupState()).toEqual(kept);
}

const ANSWERS = { U1: 4, U2: 3, U3: 3, U4: 4, U5: 2, U6: 3, U7: 4, U8: 3, U9: 1 };
const sheet = (over: Record<string, unknown> = {}) => ({
  unitCode: UNIT, nonce: randomUUID(), date: today, sheetNumber: "101", service: "LAHIR", answers: ANSWERS, gender: "P", age: "34",
  education: "SMA", occupation: "SWASTA", saran: "Antrean pagi terlalu panjang", ...over,
});

/** The unit's own running-period figures on its dashboard, and lib/ikm on its rows. */
async function dashboardAndRecount() {
  const period = runningPeriod(CLOCK);
  const d = await dashboard.getUnitDashboard(kepala, UNIT, parseDashboardQuery({ periode: periodKey(period), cakupan: "sendiri" }, CLOCK).query);
  const raw = await rows<{ answers: Record<string, number> }>(
    `SELECT r.answers FROM response r JOIN unit u ON u.id = r.unit_id
      WHERE u.code = $1 AND NOT r.suspicious AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date >= $2::date`,
    [UNIT, `${period.year}-${String((period.number - 1) * 3 + 1).padStart(2, "0")}-01`],
  );
  return { shown: d!.score?.result ?? { respondents: 0, konversi: null, konversiRounded: null }, expected: computeIkmFromRows(raw.map((r) => r.answers), { template: PERMENPAN_14_2017 }) };
}

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 20 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  paper = await import("@/lib/dal/paper");
  list = await import("@/lib/dal/paper-list");
  dashboard = await import("@/lib/dal/dashboard");
  operator = await callerOf("operator.dukcapil@suara.test");
  kepala = await callerOf("kepala.dukcapil@suara.test");
  today = (await one<{ d: string }>(`SELECT (now() AT TIME ZONE 'Asia/Jakarta')::date::text AS d`)).d;
  // The unit has been in Suara for two years: older sheets may be dated back as far as the limit.
  await rows(`UPDATE unit SET created_at = now() - interval '2 years' WHERE code = $1`, [UNIT]);
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("paper entry", () => {
  it("saves a sheet as a PAPER response on the sheet's date, by the operator, once per form; the dashboard moves by lib/ikm", async () => {
    const before = await dashboardAndRecount();
    const input = sheet();
    const saved = await paper.enterPaperSheet(operator, input, meta);
    expect(saved).toMatchObject({ ok: true, value: { duplicate: false } });
    const id = saved.ok ? saved.value.id : "";
    expect(await one(`SELECT r.channel::text, (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date::text AS day, r.entered_by_id, r.paper_sheet_number,
                             r.answers, s.code AS service, r.gender::text, r.age, r.education::text, r.occupation::text, r.saran, r.idempotency_key
                        FROM response r LEFT JOIN service s ON s.id = r.service_id WHERE r.id = $1`, [id])).toEqual({
      channel: "PAPER", day: today, entered_by_id: operator.userId, paper_sheet_number: "101", answers: ANSWERS, service: "LAHIR",
      gender: "P", age: 34, education: "SMA", occupation: "SWASTA", saran: "Antrean pagi terlalu panjang", idempotency_key: `paper:${input.nonce}`,
    });
    const audit = await one<{ action: string; actor_id: string; target_id: string; detail: { new: Record<string, unknown> } }>(
      `SELECT action, actor_id, target_id, detail FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ action: "paper.enter", actor_id: operator.userId, target_id: id, detail: { new: { date: today, sheetNumber: "101", answers: ANSWERS, service: "LAHIR" } } });

    // The same form sent twice (a double click, a retry): one response, one audit entry.
    const [responses, audits] = [await count("response"), await count("audit_log")];
    expect(await paper.enterPaperSheet(operator, input, meta)).toEqual({ ok: false, error: "replayed" });
    expect([await count("response"), await count("audit_log")]).toEqual([responses, audits]);
    // Two submits of one new form at the same moment: one sheet.
    const twice = sheet({ sheetNumber: "100" });
    const both = await Promise.all([paper.enterPaperSheet(operator, twice, meta), paper.enterPaperSheet(operator, twice, meta)]);
    expect(both.map((b) => b.ok).sort()).toEqual([false, true]);
    expect(both.find((b) => !b.ok)).toEqual({ ok: false, error: "replayed" });
    expect([await count("response"), await count("audit_log")]).toEqual([responses + 1, audits + 1]);

    await expectRollupsEqualRecount();
    const after = await dashboardAndRecount();
    expect(after.shown.respondents).toBe(before.shown.respondents + 2);
    expect(after.shown.respondents).toBe(after.expected.respondents);
    expect(after.shown.konversiRounded).toBe(after.expected.konversiRounded);
    expect(after.shown.konversi).toBeCloseTo(after.expected.konversi!, 10);
  });

  it("warns about a sheet number already entered in the period, saves it when told to, and flags both in the list", async () => {
    const responses = await count("response");
    expect(await paper.enterPaperSheet(operator, sheet({ sheetNumber: "101" }), meta)).toEqual({ ok: false, error: "duplicateSheet" });
    expect(await count("response")).toBe(responses);
    const saved = await paper.enterPaperSheet(operator, sheet({ sheetNumber: "101", allowDuplicate: "1" }), meta);
    expect(saved).toMatchObject({ ok: true, value: { duplicate: true } });
    expect(await paper.enterPaperSheet(operator, sheet({ sheetNumber: "102" }), meta)).toMatchObject({ ok: true, value: { duplicate: false } });
    const listed = (await list.listPaperSheets(operator, UNIT))!.rows;
    expect(listed.map((r) => [r.sheetNumber, r.repeated]).sort()).toEqual([["100", false], ["101", true], ["101", true], ["102", false]]);
    expect(listed.every((r) => r.enteredBy === operator.name && r.date === today)).toBe(true);
  });

  it("refuses bad sheets field by field and writes nothing", async () => {
    const [responses, audits] = [await count("response"), await count("audit_log")];
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const long = new Date(Date.parse(`${today}T00:00:00Z`) - 400 * 86_400_000).toISOString().slice(0, 10);
    const cases: [Record<string, unknown>, unknown][] = [
      [{ answers: { U1: 5, U2: "x" } }, { ok: false, error: "invalid", fields: { "answers.U2": "invalid" } }],
      [{ answers: { U1: 5, U99: 2 } }, { ok: false, error: "invalid", fields: { "answers.U1": "scoreOutOfScale", "answers.U99": "unknownItem" } }],
      [{ answers: {} }, { ok: false, error: "invalid", fields: { answers: "noAnswer" } }],
      [{ service: "" }, { ok: false, error: "invalid", fields: { service: "serviceRequired" } }],
      [{ service: "NOPE" }, { ok: false, error: "invalid", fields: { service: "unknownService" } }],
      [{ date: "2026-02-30" }, { ok: false, error: "invalid", fields: { date: "invalidDate" } }],
      [{ age: "7", gender: "X" }, { ok: false, error: "invalid", fields: { age: "ageRange", gender: "invalid" } }],
      [{ date: tomorrow }, { ok: false, error: "dateFuture" }],
      [{ date: long }, { ok: false, error: "dateTooOld" }],
    ];
    for (const [over, expected] of cases) expect(await paper.enterPaperSheet(operator, sheet(over), meta), JSON.stringify(over)).toEqual(expected);
    expect([await count("response"), await count("audit_log")]).toEqual([responses, audits]);
  });

  it("answers not found for a foreign unit or sheet, for reading, entering, correcting and deleting", async () => {
    const foreign = await one<{ id: string }>(`SELECT r.id FROM response r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'RSUD' LIMIT 1`);
    await rows(`UPDATE response SET channel = 'PAPER' WHERE id = $1`, [foreign.id]);
    const [responses, audits] = [await count("response"), await count("audit_log")];
    expect(await paper.enterPaperSheet(operator, sheet({ unitCode: "RSUD", service: undefined }), meta)).toEqual({ ok: false, error: "notFound" });
    expect(await paper.correctPaperSheet(operator, { ...sheet({ unitCode: "RSUD", service: undefined }), responseId: foreign.id }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await paper.correctPaperSheet(operator, { ...sheet(), responseId: foreign.id }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await paper.deletePaperSheet(operator, { responseId: foreign.id }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await list.listPaperSheets(operator, "RSUD")).toBeNull();
    expect(await list.getPaperScreen(operator, "RSUD")).toBeNull();
    expect(await paper.getPaperSheet(operator, "RSUD", foreign.id)).toBeNull();
    // A citizen's own (web) response of the operator's unit is not paper entry's to change.
    const web = await one<{ id: string }>(`SELECT r.id FROM response r JOIN unit u ON u.id = r.unit_id WHERE u.code = $1 AND r.channel <> 'PAPER' LIMIT 1`, [UNIT]);
    expect(await paper.deletePaperSheet(operator, { responseId: web.id }, meta)).toEqual({ ok: false, error: "notFound" });
    expect([await count("response"), await count("audit_log")]).toEqual([responses, audits]);
  });

  it("corrects and deletes a sheet with the old and new values audited; the rollups follow", async () => {
    const saved = await paper.enterPaperSheet(operator, sheet({ sheetNumber: "200" }), meta);
    const id = saved.ok ? saved.value.id : "";
    const earlier = new Date(Date.parse(`${today}T00:00:00Z`) - 120 * 86_400_000).toISOString().slice(0, 10);
    const corrected = { ...ANSWERS, U5: 4, U9: 3 };
    const before = await dashboardAndRecount();
    const r = await paper.correctPaperSheet(operator, { ...sheet({ sheetNumber: "201", date: earlier, answers: corrected, service: "LAHIR", saran: "" }), responseId: id }, meta);
    expect(r).toMatchObject({ ok: true, value: { id } });
    expect(await one(`SELECT (submitted_at AT TIME ZONE 'Asia/Jakarta')::date::text AS day, answers, paper_sheet_number, saran FROM response WHERE id = $1`, [id])).toEqual({
      day: earlier, answers: corrected, paper_sheet_number: "201", saran: null,
    });
    const audit = await one<{ action: string; detail: { old: Record<string, unknown>; new: Record<string, unknown> } }>(`SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(audit.action).toBe("paper.correct");
    expect(audit.detail.old).toMatchObject({ date: today, sheetNumber: "200", answers: ANSWERS, saran: "Antrean pagi terlalu panjang" });
    expect(audit.detail.new).toMatchObject({ date: earlier, sheetNumber: "201", answers: corrected, saran: null });
    await expectRollupsEqualRecount();
    // Moved 120 days back: out of the running period when that lies in an earlier triwulan.
    const moved = await dashboardAndRecount();
    expect(moved.shown.respondents).toBe(moved.expected.respondents);
    expect(moved.shown.konversi).toBeCloseTo(moved.expected.konversi!, 10);
    expect(before.shown.respondents - moved.shown.respondents).toBe(periodKey(runningPeriod(CLOCK)) === periodKey(runningPeriod(CLOCK, new Date(`${earlier}T12:00:00+07:00`))) ? 0 : 1);

    const responses = await count("response");
    expect(await paper.deletePaperSheet(operator, { responseId: id }, meta)).toEqual({ ok: true, value: { unitCode: UNIT } });
    expect(await count("response")).toBe(responses - 1);
    const gone = await one<{ action: string; target_id: string; detail: { old: Record<string, unknown> } }>(`SELECT action, target_id, detail FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(gone).toMatchObject({ action: "paper.delete", target_id: id, detail: { old: { date: earlier, sheetNumber: "201", answers: corrected } } });
    await expectRollupsEqualRecount();
    expect(await paper.deletePaperSheet(operator, { responseId: id }, meta)).toEqual({ ok: false, error: "notFound" });
  });

  it("refuses a date before the unit existed", async () => {
    await rows(`UPDATE unit SET created_at = now() WHERE code = $1`, [UNIT]);
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(await paper.enterPaperSheet(operator, sheet({ date: yesterday }), meta)).toEqual({ ok: false, error: "dateBeforeUnit" });
  });
});
