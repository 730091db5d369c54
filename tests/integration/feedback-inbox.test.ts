import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import { parseInboxQuery } from "@/lib/validation/feedback";
import type { TSearchParams } from "@/lib/validation/dashboard";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The feedback inbox on feedback_item: each filter changes the list as it says,
// triage moves an item through its states with the service-level clock, notes
// and replies are kept, contact details are shown only with contact.read and
// every view is audited. A few responses of our own on Bidang Dafduk (under Dinas
// Dukcapil), with known dates, saran and scores; "now" is fixed.

let db: TestDatabase;
let fb: typeof import("@/lib/dal/feedback");
const NOW = new Date("2026-11-30T05:00:00Z"); // a Monday
const callers = {} as Record<"kepala" | "pimpinan" | "operator" | "sibling" | "child", TCaller>;
const ids = {} as Record<"slow" | "lowOnly" | "hot" | "hidden", string>;
const q = (params: TSearchParams) => parseInboxQuery(params).query;
const listIds = async (params: TSearchParams, who: TCaller = callers.kepala) => (await fb.listInbox(who, "DISDUKCAPIL", q(params), NOW))!.items.map((i) => i.id);
const audits = (target: string, action: string) =>
  withClient(db.url, async (c) => (await c.query(`SELECT actor_id FROM audit_log WHERE target_id = $1 AND action = $2`, [target, action])).rows);
const item = (id: string) =>
  withClient(db.url, async (c) => (await c.query(`SELECT status::text, assignee_id, answered_at, closed_at FROM feedback_item WHERE response_id = $1`, [id])).rows[0]);

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 200, until: new Date("2026-11-20T00:00:00Z") });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  fb = await import("@/lib/dal/feedback");
  await withClient(db.url, async (c) => {
    const unit = async (code: string) => (await c.query(`SELECT id, path FROM unit WHERE code = $1`, [code])).rows[0] as { id: string; path: string };
    const user = async (key: keyof typeof callers, role: string, code: string) => {
      const u = await unit(code);
      const id = (await c.query(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), $1, $2) RETURNING id`, [`${key}@inbox.test`, `Petugas ${key}`])).rows[0].id;
      await c.query(`INSERT INTO role_assignment (id, user_id, unit_id, role) VALUES (gen_random_uuid(), $1, $2, $3)`, [id, u.id, role]);
      callers[key] = { userId: id, email: `${key}@inbox.test`, name: key, mustChangePassword: false, assignments: [{ role: role as never, unitId: u.id, unitPath: u.path }] };
    };
    await user("kepala", "KEPALA_UNIT", "DISDUKCAPIL");
    await user("pimpinan", "PIMPINAN", "DISDUKCAPIL");
    await user("operator", "OPERATOR", "DISDUKCAPIL");
    await user("sibling", "KEPALA_UNIT", "DINKES");
    await user("child", "KEPALA_UNIT", "DUKCAPIL-DAFDUK");
    const insert = async (key: keyof typeof ids, at: string, answers: object, saran: string | null, extra: { suspicious?: boolean; service?: boolean } = {}) => {
      ids[key] = (
        await c.query(
          `INSERT INTO response (id, unit_id, service_id, template_version_id, channel, answers, idempotency_key, saran, submitted_at, suspicious)
           SELECT gen_random_uuid(), u.id, CASE WHEN $4 THEN (SELECT s.id FROM service s WHERE s.unit_id = u.id ORDER BY s.sort_order LIMIT 1) END, v.id, 'WEB', $1::jsonb, gen_random_uuid()::text, $2, $3::timestamptz, $5
             FROM unit u, template_version v JOIN questionnaire_template t ON t.id = v.template_id
            WHERE u.code = 'DUKCAPIL-DAFDUK' AND t.key = 'permenpan-14-2017' AND v.published_at IS NOT NULL ORDER BY v.version LIMIT 1 RETURNING id`,
          [JSON.stringify(answers), saran, at, !!extra.service, !!extra.suspicious],
        )
      ).rows[0].id;
    };
    await insert("slow", "2026-11-02T03:00:00Z", { U1: 1, U3: 2, U5: 4 }, "Pelayanan di loket sangat lambat");
    await insert("lowOnly", "2026-11-25T03:00:00Z", { U1: 4, U5: 1 }, null);
    await insert("hot", "2026-08-10T03:00:00Z", { U1: 4 }, "Ruang tunggu panas sekali", { service: true });
    await insert("hidden", "2026-11-26T03:00:00Z", { U1: 1 }, "Pelayanan tersembunyi", { suspicious: true });
    await c.query(`INSERT INTO response_contact (response_id, name, phone, email) VALUES ($1, 'Budi', '0812-3456-7890', 'budi@example.test')`, [ids.slow]);
  });
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("inbox list and filters", () => {
  it("lists a parent's subtree, newest first, low-score-only items too, suspicious ones never", async () => {
    const page = (await fb.listInbox(callers.kepala, "DISDUKCAPIL", q({}), NOW))!;
    const all = page.items.map((i) => i.id);
    expect(all).toContain(ids.lowOnly);
    expect(all).not.toContain(ids.hidden);
    expect(page.items.map((i) => i.at.getTime())).toEqual([...page.items.map((i) => i.at.getTime())].sort((a, b) => b - a));
    const low = page.items.find((i) => i.id === ids.lowOnly)!;
    expect(low).toMatchObject({ saran: null, lowItems: ["U5"], unitCode: "DUKCAPIL-DAFDUK", status: "BARU", assignee: null, ageDays: 3, overdue: false });
    expect(await listIds({ cakupan: "sendiri" })).not.toContain(ids.lowOnly);
    expect(await fb.listInbox(callers.sibling, "DISDUKCAPIL", q({}), NOW)).toBeNull();
    expect(await fb.listInbox(callers.operator, "DISDUKCAPIL", q({}), NOW)).toBeNull();
  });

  it("filters by low unsur, service, period, age and search (with Indonesian stemming)", async () => {
    const u3 = await listIds({ unsur: "U3" });
    expect(u3).toContain(ids.slow);
    expect(u3).not.toContain(ids.lowOnly);
    const service = await withClient(db.url, async (c) => (await c.query(`SELECT s.code FROM service s JOIN response r ON r.service_id = s.id WHERE r.id = $1`, [ids.hot])).rows[0].code as string);
    const byService = await listIds({ layanan: service });
    expect(byService).toContain(ids.hot);
    expect(byService).not.toContain(ids.slow);
    const q3 = await listIds({ periode: "2026-T3" });
    expect(q3).toContain(ids.hot);
    expect(q3).not.toContain(ids.slow);
    const late = await listIds({ usia: "terlambat" });
    expect(late).toEqual(expect.arrayContaining([ids.slow, ids.hot]));
    expect(late).not.toContain(ids.lowOnly);
    expect(await listIds({ usia: "2" })).toContain(ids.lowOnly);
    expect(await listIds({ usia: "3" })).not.toContain(ids.lowOnly);
    // "layanan" finds "Pelayanan" (the stem), not the hidden one; a phrase with a word the saran lacks finds nothing of ours.
    const found = await listIds({ cari: "layanan" });
    expect(found).toContain(ids.slow);
    expect(found).not.toContain(ids.hidden);
    expect(found).not.toContain(ids.hot);
    expect(await listIds({ cari: "ruang tunggu" })).toContain(ids.hot);
    expect(await listIds({ cari: "ruang -panas" })).not.toContain(ids.hot);
  });

  it("ignores a filter value that does not parse", () => {
    expect(parseInboxQuery({ usia: "lama", status: "HILANG", petugas: "x", hal: "2" })).toEqual({ query: { hal: 2, period: undefined }, ignored: ["status", "petugas", "usia"] });
  });
});

describe("triage", () => {
  it("assigns to staff with feedback.manage on the unit, and refuses anyone else as a field error", async () => {
    expect(await fb.assignFeedback(callers.kepala, { responseId: ids.slow, assigneeId: callers.sibling.userId })).toEqual({ ok: false, error: "assignee" });
    expect(await fb.assignFeedback(callers.kepala, { responseId: ids.slow, assigneeId: callers.pimpinan.userId })).toEqual({ ok: false, error: "assignee" });
    expect(await fb.assignFeedback(callers.kepala, { responseId: ids.slow, assigneeId: "nobody" })).toMatchObject({ ok: false, error: "invalid", fields: { assigneeId: expect.any(String) } });
    // A kepala of the item's own unit (below the inbox) qualifies, and so does one above it.
    expect((await fb.assignFeedback(callers.kepala, { responseId: ids.slow, assigneeId: callers.child.userId })).ok).toBe(true);
    expect((await fb.assignFeedback(callers.kepala, { responseId: ids.slow, assigneeId: callers.kepala.userId })).ok).toBe(true);
    expect((await item(ids.slow)).assignee_id).toBe(callers.kepala.userId);
    expect(await listIds({ petugas: callers.kepala.userId })).toEqual([ids.slow]);
    expect(await listIds({ petugas: "none" })).not.toContain(ids.slow);
    expect(await audits(ids.slow, "feedback.assign")).toHaveLength(2);
    const page = await fb.getFeedbackItem(callers.kepala, "DISDUKCAPIL", ids.slow, NOW);
    // The demo's own staff qualify too (its admins and kepala unit); pimpinan and other units' staff do not.
    const staff = page!.assignees.map((a) => a.id);
    expect(staff).toEqual(expect.arrayContaining([callers.kepala.userId, callers.child.userId]));
    expect(staff).not.toContain(callers.pimpinan.userId);
    expect(staff).not.toContain(callers.sibling.userId);
    expect((await fb.assignFeedback(callers.kepala, { responseId: ids.slow, assigneeId: "" })).ok).toBe(true);
    expect((await item(ids.slow)).assignee_id).toBeNull();
  });

  it("moves through the states: closing sets closed_at and the first answer, reopening clears closed_at", async () => {
    expect((await fb.setFeedbackStatus(callers.kepala, { responseId: ids.hot, status: "DITINDAKLANJUTI" })).ok).toBe(true);
    expect(await item(ids.hot)).toMatchObject({ status: "DITINDAKLANJUTI", answered_at: null, closed_at: null });
    const inProgress = await listIds({ status: "DITINDAKLANJUTI" });
    expect(inProgress).toContain(ids.hot);
    expect(inProgress).not.toContain(ids.lowOnly);
    expect((await fb.setFeedbackStatus(callers.kepala, { responseId: ids.hot, status: "DIABAIKAN" })).ok).toBe(true);
    const closed = await item(ids.hot);
    expect(closed.closed_at).toBeInstanceOf(Date);
    expect(closed.answered_at).toEqual(closed.closed_at);
    expect(await listIds({ usia: "terlambat" })).not.toContain(ids.hot);
    expect((await fb.setFeedbackStatus(callers.kepala, { responseId: ids.hot, status: "BARU" })).ok).toBe(true);
    expect(await item(ids.hot)).toMatchObject({ status: "BARU", closed_at: null, answered_at: closed.answered_at });
    expect(await audits(ids.hot, "feedback.status")).toHaveLength(3);
    // Not on a sibling's item, not as pimpinan, not on a hidden one.
    expect(await fb.setFeedbackStatus(callers.sibling, { responseId: ids.hot, status: "SELESAI" })).toEqual({ ok: false, error: "notFound" });
    expect(await fb.setFeedbackStatus(callers.pimpinan, { responseId: ids.hot, status: "SELESAI" })).toEqual({ ok: false, error: "notFound" });
    expect(await fb.setFeedbackStatus(callers.kepala, { responseId: ids.hidden, status: "SELESAI" })).toEqual({ ok: false, error: "notFound" });
    expect(await fb.setFeedbackStatus(callers.kepala, { responseId: ids.hot, status: "HILANG" })).toEqual({ ok: false, error: "invalid", fields: { status: "invalidChoice" } });
  });

  it("keeps the notes as a thread with author and time", async () => {
    expect((await fb.addFeedbackNote(callers.kepala, { responseId: ids.slow, body: "Dibahas di rapat" })).ok).toBe(true);
    expect((await fb.addFeedbackNote(callers.child, { responseId: ids.slow, body: "Loket ditambah" })).ok).toBe(true);
    expect(await fb.addFeedbackNote(callers.kepala, { responseId: ids.slow, body: "  " })).toEqual({ ok: false, error: "invalid", fields: { body: "required" } });
    const page = await fb.getFeedbackItem(callers.pimpinan, "DISDUKCAPIL", ids.slow, NOW);
    expect(page!.notes.map((n) => [n.body, n.author])).toEqual([["Dibahas di rapat", "Petugas kepala"], ["Loket ditambah", "Petugas child"]]);
    expect(page!.canManage).toBe(false);
    expect(page!.scores.find((s) => s.code === "U3")).toMatchObject({ score: 2, unsur: expect.any(String), question: expect.any(String) });
    expect(await audits(ids.slow, "feedback.note")).toHaveLength(2);
  });

  it("replies: the first answer stops the clock and a new item is in progress; the email status is kept", async () => {
    expect((await fb.getFeedbackItem(callers.kepala, "DISDUKCAPIL", ids.slow, NOW))!.level).toMatchObject({ overdue: true, ageDays: 20 });
    const r = await fb.replyToFeedback(callers.kepala, { responseId: ids.slow, body: "Terima kasih, loket ditambah." });
    expect(r.ok).toBe(true);
    const after = await item(ids.slow);
    expect(after.status).toBe("DITINDAKLANJUTI");
    expect(after.answered_at).toBeInstanceOf(Date);
    expect((await fb.replyToFeedback(callers.kepala, { responseId: ids.slow, body: "Sudah selesai." })).ok).toBe(true);
    expect((await item(ids.slow)).answered_at).toEqual(after.answered_at);
    const page = (await fb.getFeedbackItem(callers.kepala, "DISDUKCAPIL", ids.slow, new Date("2027-01-30T05:00:00Z")))!;
    expect(page.replies.map((x) => [x.body, x.emailStatus])).toEqual([["Terima kasih, loket ditambah.", "NONE"], ["Sudah selesai.", "NONE"]]);
    expect(page.level.overdue).toBe(false);
    expect(await listIds({ usia: "terlambat" })).not.toContain(ids.slow);
    expect(await fb.replyToFeedback(callers.pimpinan, { responseId: ids.slow, body: "x" })).toEqual({ ok: false, error: "notFound" });
  });
});

describe("contact details", () => {
  it("says only yes/no without the capability, and shows them with contact.read, audited each time", async () => {
    const seen = (await fb.getFeedbackItem(callers.pimpinan, "DISDUKCAPIL", ids.slow, NOW))!;
    expect(seen.left).toEqual({ email: true, phone: true, name: true });
    expect(seen.canSeeContact).toBe(false);
    expect(JSON.stringify(seen)).not.toContain("0812");
    expect(await fb.viewContact(callers.pimpinan, { responseId: ids.slow })).toEqual({ ok: false, error: "notFound" });
    expect(await fb.viewContact(callers.sibling, { responseId: ids.slow })).toEqual({ ok: false, error: "notFound" });
    expect(await audits(ids.slow, "contact.view")).toHaveLength(0);
    expect(await fb.viewContact(callers.kepala, { responseId: ids.slow })).toEqual({ ok: true, value: { name: "Budi", phone: "0812-3456-7890", email: "budi@example.test" } });
    expect(await fb.viewContact(callers.child, { responseId: ids.slow })).toMatchObject({ ok: true });
    expect(await audits(ids.slow, "contact.view")).toEqual([{ actor_id: callers.kepala.userId }, { actor_id: callers.child.userId }].sort(() => 0));
  });
});

describe("service levels", () => {
  it("counts open and overdue per unit with its subtree, in one query, and a unit's median first answer", async () => {
    const ours = await withClient(db.url, async (c) =>
      (await c.query(`SELECT u.code, u.id FROM unit u WHERE u.code IN ('DISDUKCAPIL', 'DUKCAPIL-DAFDUK', 'DINKES')`)).rows as { code: string; id: string }[],
    );
    const counts = await fb.feedbackCountsByUnit(ours.map((u) => u.id), NOW);
    // Recomputed from the table with the same rule: open = not closed; overdue = also unanswered and more than 5 working days old.
    const expected = await withClient(db.url, async (c) =>
      (
        await c.query(
          `SELECT p.id, f.submitted_at, f.answered_at, f.closed_at FROM unit p JOIN unit u ON u.path LIKE p.path || '%' JOIN feedback_item f ON f.unit_id = u.id AND NOT f.suspicious
            WHERE p.id = ANY($1::uuid[])`,
          [ours.map((u) => u.id)],
        )
      ).rows as { id: string; submitted_at: Date; answered_at: Date | null; closed_at: Date | null }[],
    );
    const { serviceLevel } = await import("@/lib/feedback/working-days");
    for (const u of ours) {
      const rows = expected.filter((r) => r.id === u.id);
      const open = rows.filter((r) => !r.closed_at);
      expect(counts.get(u.id), u.code).toMatchObject({
        open: open.length,
        overdue: rows.filter((r) => serviceLevel({ submittedAt: r.submitted_at, answeredAt: r.answered_at, closedAt: r.closed_at }, 5, "Asia/Jakarta", NOW).overdue).length,
      });
    }
    expect(counts.get(ours.find((u) => u.code === "DISDUKCAPIL")!.id)!.open).toBeGreaterThanOrEqual(counts.get(ours.find((u) => u.code === "DUKCAPIL-DAFDUK")!.id)!.open);
    const levels = await fb.feedbackServiceLevels(callers.kepala, "DISDUKCAPIL", NOW);
    expect(levels).toMatchObject({ targetDays: 5, open: counts.get(ours.find((u) => u.code === "DISDUKCAPIL")!.id)!.open });
    expect(levels!.answered).toBeGreaterThan(0);
    expect(levels!.medianFirstAnswerHours).not.toBeNull();
    expect(await fb.feedbackServiceLevels(callers.sibling, "DISDUKCAPIL", NOW)).toBeNull();
  });
});
