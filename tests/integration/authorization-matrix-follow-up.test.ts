import { beforeAll } from "vitest";
import { withClient } from "@/tests/support/database";
import { RELS, UNIT, runMatrix, setupMatrix, type Check, type Rel } from "@/tests/support/matrix";

// The authorization matrix (tests/support/matrix.ts) for the follow-up loop: the
// feedback inbox and its publication, follow-up reads, plans, digests, attachments and
// the evaluation evidence.
// The units, dashboards, admin and agency-wide rows are in authorization-matrix.test.ts.

const ctx = setupMatrix();
const { closedPeriod } = ctx;
let feedback: typeof import("@/lib/dal/feedback");
let feedbackPublish: typeof import("@/lib/dal/feedback-public/publish");
let feedbackPublicRead: typeof import("@/lib/dal/feedback-public/read");
let followUpEffect: typeof import("@/lib/dal/follow-up/effect");
let followUpOverview: typeof import("@/lib/dal/follow-up/overview");
let followUpMetrics: typeof import("@/lib/dal/follow-up/metrics");
let followUpLessons: typeof import("@/lib/dal/follow-up/lessons");
let planRead: typeof import("@/lib/dal/plans/read");
let plans: typeof import("@/lib/dal/plans");
let digestFigures: typeof import("@/lib/dal/digest/figures");
let attachments: typeof import("@/lib/dal/attachments");
let evidence: typeof import("@/lib/dal/evidence");
let feedbackId: Record<Rel, string>;

/** The related unit's plan for the closed quarter (made here when the seed has none). */
const planOf = (rel: Rel) =>
  withClient(ctx.db.url, async (c) =>
    (
      await c.query(
        `INSERT INTO follow_up_plan (id, unit_id, period_id, status, updated_at)
         SELECT gen_random_uuid(), u.id, p.id, 'DRAFT', now() FROM unit u, survey_period p
          WHERE u.code = $1 AND p.kind = 'QUARTER' AND p.year = $2 AND p.number = $3
         ON CONFLICT (unit_id, period_id) DO UPDATE SET updated_at = now() RETURNING id`,
        [UNIT[rel], closedPeriod().year, closedPeriod().number],
      )
    ).rows[0].id as string,
  );
/** The quarter before the closed one: ended, and no plan in the seed. */
const earlierKey = () => `${closedPeriod().number === 1 ? closedPeriod().year - 1 : closedPeriod().year}-T${closedPeriod().number === 1 ? 4 : closedPeriod().number - 1}`;
/** The related unit's plan for the earlier quarter, put in `status` with one action (made here on first use). */
const planAt = (rel: Rel, status: "DRAFT" | "DIAJUKAN" | "DISETUJUI") =>
  withClient(ctx.db.url, async (c) => {
    const [y, q] = earlierKey().split("-T").map(Number);
    const planId = (
      await c.query(
        `INSERT INTO follow_up_plan (id, unit_id, period_id, status, updated_at)
         SELECT gen_random_uuid(), u.id, p.id, $4::"PlanStatus", now() FROM unit u, survey_period p
          WHERE u.code = $1 AND p.kind = 'QUARTER' AND p.year = $2 AND p.number = $3
         ON CONFLICT (unit_id, period_id) DO UPDATE SET status = EXCLUDED.status RETURNING id`,
        [UNIT[rel], y, q, status],
      )
    ).rows[0].id as string;
    await c.query(
      `INSERT INTO follow_up_action (id, plan_id, unsur_code, action, owner, updated_at)
       SELECT gen_random_uuid(), $1, 'U1', 'Kegiatan uji', 'Kasi', now() WHERE NOT EXISTS (SELECT 1 FROM follow_up_action WHERE plan_id = $1)`,
      [planId],
    );
    const actionId = (await c.query(`SELECT id FROM follow_up_action WHERE plan_id = $1 ORDER BY position LIMIT 1`, [planId])).rows[0].id as string;
    return { planId, actionId };
  });
/** A saran on the related unit at its own instant in 2001 (nothing else is then), for the weekly digest's window. */
const saranAt: Partial<Record<Rel, Promise<Date>>> = {};
const lonelySaran = (rel: Rel) =>
  (saranAt[rel] ??= withClient(ctx.db.url, async (c) => {
    const at = new Date(Date.UTC(2001, 0, 1 + RELS.indexOf(rel)));
    await c.query(
      `INSERT INTO response (id, unit_id, template_version_id, channel, answers, idempotency_key, saran, submitted_at)
       SELECT gen_random_uuid(), u.id, (SELECT id FROM template_version WHERE published_at IS NOT NULL LIMIT 1), 'WEB', '{"U1": 3}', gen_random_uuid()::text, 'Saran uji', $2
         FROM unit u WHERE u.code = $1`,
      [UNIT[rel], at],
    );
    return at;
  }));
/** An attachment (a PNG kept in the row) of the related unit's plan. */
const attachmentOf = async (rel: Rel) => {
  const planId = await planOf(rel);
  return withClient(ctx.db.url, async (c) =>
    (
      await c.query(
        `INSERT INTO attachment (id, unit_id, plan_id, kind, filename, content_type, size, sha256, data)
         SELECT gen_random_uuid(), p.unit_id, p.id, 'EVIDENCE', 'bukti.png', 'image/png', 9, encode(sha256(b.data), 'hex'), b.data
           FROM follow_up_plan p, (SELECT '\\x89504e470d0a1a0a00'::bytea AS data) b WHERE p.id = $1 RETURNING id`,
        [planId],
      )
    ).rows[0].id as string,
  );
};

beforeAll(async () => {
  feedback = await import("@/lib/dal/feedback");
  feedbackPublish = await import("@/lib/dal/feedback-public/publish");
  feedbackPublicRead = await import("@/lib/dal/feedback-public/read");
  followUpEffect = await import("@/lib/dal/follow-up/effect");
  followUpOverview = await import("@/lib/dal/follow-up/overview");
  followUpMetrics = await import("@/lib/dal/follow-up/metrics");
  followUpLessons = await import("@/lib/dal/follow-up/lessons");
  planRead = await import("@/lib/dal/plans/read");
  plans = await import("@/lib/dal/plans");
  digestFigures = await import("@/lib/dal/digest/figures");
  attachments = await import("@/lib/dal/attachments");
  evidence = await import("@/lib/dal/evidence");
  // One response with a saran on each related unit, for the feedback inbox.
  feedbackId = {} as Record<Rel, string>;
  await withClient(ctx.db.url, async (c) => {
    for (const rel of RELS) {
      feedbackId[rel] = (
        await c.query(
          `INSERT INTO response (id, unit_id, template_version_id, channel, answers, idempotency_key, saran)
           SELECT gen_random_uuid(), u.id, v.id, 'WEB', '{"U1": 3}', gen_random_uuid()::text, 'Saran uji'
             FROM unit u, template_version v JOIN questionnaire_template t ON t.id = v.template_id
            WHERE u.code = $1 AND t.key = 'permenpan-14-2017' RETURNING id`,
          [UNIT[rel]],
        )
      ).rows[0].id;
    }
  });
});

const checks: Check[] = [
  { name: "listInbox", capability: "dashboard.read", run: async (c, rel) => !!(await feedback.listInbox(c, UNIT[rel], { hal: 1 })) },
  { name: "getFeedbackItem", capability: "dashboard.read", run: async (c, rel) => !!(await feedback.getFeedbackItem(c, UNIT[rel], feedbackId[rel])) },
  { name: "feedbackServiceLevels", capability: "dashboard.read", run: async (c, rel) => !!(await feedback.feedbackServiceLevels(c, UNIT[rel])) },
  { name: "setFeedbackStatus", capability: "feedback.manage", run: async (c, rel) => (await feedback.setFeedbackStatus(c, { responseId: feedbackId[rel], status: "DITINDAKLANJUTI" })).ok },
  { name: "assignFeedback", capability: "feedback.manage", run: async (c, rel) => (await feedback.assignFeedback(c, { responseId: feedbackId[rel], assigneeId: null })).ok },
  { name: "addFeedbackNote", capability: "feedback.manage", run: async (c, rel) => (await feedback.addFeedbackNote(c, { responseId: feedbackId[rel], body: "Catatan uji" })).ok },
  { name: "replyToFeedback", capability: "feedback.manage", run: async (c, rel) => (await feedback.replyToFeedback(c, { responseId: feedbackId[rel], body: "Balasan uji" })).ok },
  { name: "viewContact", capability: "contact.read", run: async (c, rel) => (await feedback.viewContact(c, { responseId: feedbackId[rel] })).ok },
  { name: "listPublicationItems", capability: "feedback.manage", run: async (c, rel) => !!(await feedbackPublicRead.listPublicationItems(c, UNIT[rel])) },
  { name: "planEffects", capability: "dashboard.read", run: async (c, rel) => !!(await followUpEffect.planEffects(c, await planOf(rel))) },
  { name: "followUpOverview", capability: "dashboard.read", run: async (c, rel) => !!(await followUpOverview.followUpOverview(c, closedPeriod(), UNIT[rel])) },
  { name: "followUpMetrics", capability: "dashboard.read", run: async (c, rel) => !!(await followUpMetrics.followUpMetrics(c, UNIT[rel], closedPeriod().year)) },
  { name: "readPlan", capability: "dashboard.read", run: async (c, rel) => !!(await planRead.readPlan(c, UNIT[rel], "2026-T3")) },
  { name: "listPlans", capability: "dashboard.read", run: async (c, rel) => !!(await plans.listPlans(c, UNIT[rel])) },
  // Each step puts the plan in the state it acts on first; startPlan removes the related unit's plan before and after.
  {
    name: "startPlan",
    capability: "plan.edit",
    run: async (c, rel) => {
      const drop = () => withClient(ctx.db.url, async (cl) => cl.query(`DELETE FROM follow_up_plan WHERE id = $1`, [(await planAt(rel, "DRAFT")).planId]));
      await drop();
      const r = await plans.startPlan(c, { unitCode: UNIT[rel], period: earlierKey() });
      await drop();
      return r.ok;
    },
  },
  {
    name: "savePlanAction",
    capability: "plan.edit",
    run: async (c, rel) => (await plans.savePlanAction(c, { planId: (await planAt(rel, "DRAFT")).planId, unsurCode: "U2", action: "Kegiatan", owner: "Kasi" })).ok,
  },
  {
    name: "deletePlanAction",
    capability: "plan.edit",
    run: async (c, rel) => {
      const { planId, actionId } = await planAt(rel, "DRAFT");
      return (await plans.deletePlanAction(c, { planId, actionId })).ok;
    },
  },
  { name: "savePlanFkp", capability: "plan.edit", run: async (c, rel) => (await plans.savePlanFkp(c, { planId: (await planAt(rel, "DRAFT")).planId, fkpDate: "2026-10-01" })).ok },
  { name: "submitPlan", capability: "plan.edit", run: async (c, rel) => (await plans.submitPlan(c, { planId: (await planAt(rel, "DRAFT")).planId })).ok },
  { name: "reviewPlan", capability: "plan.review", run: async (c, rel) => (await plans.reviewPlan(c, { planId: (await planAt(rel, "DIAJUKAN")).planId, decision: "DISETUJUI" })).ok },
  { name: "commentOnPlan", capability: "plan.edit|plan.review", run: async (c, rel) => (await plans.commentOnPlan(c, { planId: (await planAt(rel, "DRAFT")).planId, body: "Komentar uji" })).ok },
  { name: "recordProgress", capability: "plan.edit", run: async (c, rel) => (await plans.recordProgress(c, { actionId: (await planAt(rel, "DISETUJUI")).actionId, progress: 40 })).ok },
  {
    name: "weeklyDigestUnits",
    capability: "feedback.manage",
    run: async (c, rel) => {
      const from = await lonelySaran(rel);
      const units = await digestFigures.weeklyDigestUnits(c, { from, to: new Date(from.getTime() + 1) }, new Date());
      return units.reduce((n, u) => n + u.newFeedback, 0) > 0;
    },
  },
  { name: "monthlyDigestUnits", capability: "dashboard.read", run: async (c, rel) => (await digestFigures.monthlyDigestUnits(c, new Date())).units.some((u) => u.code === UNIT[rel]) },
  { name: "peerLessons", capability: "dashboard.read", run: async (c, rel) => !!(await followUpLessons.peerLessons(c, UNIT[rel], ["U1"])) },
  {
    name: "publishFeedback",
    capability: "feedback.manage",
    run: async (c, rel) => {
      await withClient(ctx.db.url, (cl) => cl.query(`UPDATE feedback_item SET status = 'SELESAI' WHERE response_id = $1`, [feedbackId[rel]]));
      return (await feedbackPublish.publishFeedback(c, { responseId: feedbackId[rel], publicSaran: "Saran uji", publicAction: "Sudah diperbaiki" })).ok;
    },
  },
  {
    name: "unpublishFeedback",
    capability: "feedback.manage",
    run: async (c, rel) => {
      await withClient(ctx.db.url, (cl) => cl.query(`UPDATE feedback_item SET published_at = now() WHERE response_id = $1`, [feedbackId[rel]]));
      return (await feedbackPublish.unpublishFeedback(c, { responseId: feedbackId[rel] })).ok;
    },
  },
  { name: "readAttachment", capability: "dashboard.read", run: async (c, rel) => !!(await attachments.readAttachment(c, await attachmentOf(rel))) },
  { name: "listAttachments", capability: "dashboard.read", run: async (c, rel) => !!(await attachments.listAttachments(c, await planOf(rel))) },
  { name: "getUnitEvidence", capability: "dashboard.read", run: async (c, rel) => !!(await evidence.getUnitEvidence(c, UNIT[rel], closedPeriod().year)) },
];

runMatrix(ctx, checks);
