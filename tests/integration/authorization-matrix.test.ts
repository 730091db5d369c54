import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import { parseDashboardQuery, type TSearchParams } from "@/lib/validation/dashboard";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

const query = (params: TSearchParams = {}) => parseDashboardQuery(params, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }).query;

// Every role, holding it on Dinas Dukcapil (a middle unit), against every
// data-access function that serves agency data, on its own unit, a child, the
// parent and a sibling. Allowed or "not found" (404): removing any single
// check in lib/dal makes a row of this matrix fail.

type Rel = "own" | "child" | "parent" | "sibling";
const UNIT: Record<Rel, string> = { own: "DISDUKCAPIL", child: "DUKCAPIL-DAFDUK", parent: "KAB-SUKAMAJU", sibling: "DINKES" };
const ROLES = ["ADMIN", "PIMPINAN", "KEPALA_UNIT", "OPERATOR"] as const;
type Role = (typeof ROLES)[number];

let db: TestDatabase;
let units: typeof import("@/lib/dal/units");
let users: typeof import("@/lib/dal/users");
let userImport: typeof import("@/lib/dal/user-import");
let operate: typeof import("@/lib/dal/operate");
let auditLog: typeof import("@/lib/dal/audit-log");
let dashboard: typeof import("@/lib/dal/dashboard");
let feedback: typeof import("@/lib/dal/feedback");
let feedbackPublish: typeof import("@/lib/dal/feedback-public/publish");
let feedbackPublicRead: typeof import("@/lib/dal/feedback-public/read");
let exporter: typeof import("@/lib/dal/export");
let services: typeof import("@/lib/dal/services");
let settings: typeof import("@/lib/dal/settings");
let unitAdmin: typeof import("@/lib/dal/unit-admin");
let templates: typeof import("@/lib/dal/templates");
let unitTemplate: typeof import("@/lib/dal/unit-template");
let periods: typeof import("@/lib/dal/periods");
let publication: typeof import("@/lib/dal/publication");
let publicationLog: typeof import("@/lib/dal/publication-log");
let followUpEffect: typeof import("@/lib/dal/follow-up/effect");
let followUpOverview: typeof import("@/lib/dal/follow-up/overview");
let followUpMetrics: typeof import("@/lib/dal/follow-up/metrics");
let followUpLessons: typeof import("@/lib/dal/follow-up/lessons");
let planRead: typeof import("@/lib/dal/plans/read");
let plans: typeof import("@/lib/dal/plans");
let digestFigures: typeof import("@/lib/dal/digest/figures");
let attachments: typeof import("@/lib/dal/attachments");
/** The latest period the seed closed and published ("2026-T3"). */
let closedKey = "";
/** Withdraws the closed quarter's live publications at and under a unit (straight in the database), so a publish can be tried. */
const withdrawLive = (rel: keyof typeof UNIT) =>
  withClient(db.url, (cl) =>
    cl.query(
      `UPDATE publication x SET unpublished_at = now(), unpublish_reason = 'Uji matriks wewenang'
        FROM unit u, survey_period p
        WHERE u.id = x.unit_id AND p.id = x.period_id AND x.unpublished_at IS NULL AND x.result IS NOT NULL
          AND u.path LIKE (SELECT path FROM unit WHERE code = $1) || '%' AND p.kind = 'QUARTER' AND p.year = $2 AND p.number = $3`,
      [UNIT[rel], closedPeriod().year, closedPeriod().number],
    ),
  );
/** Puts the unit's withdrawn publication of the closed quarter back live (a refused publish above may have withdrawn it). */
const makeLive = (rel: keyof typeof UNIT) =>
  withClient(db.url, (cl) =>
    cl.query(
      `UPDATE publication x SET unpublished_at = NULL, unpublished_by_id = NULL, unpublish_reason = NULL
        FROM unit u, survey_period p
        WHERE u.id = x.unit_id AND p.id = x.period_id AND x.result IS NOT NULL AND u.code = $1 AND p.kind = 'QUARTER' AND p.year = $2 AND p.number = $3`,
      [UNIT[rel], closedPeriod().year, closedPeriod().number],
    ),
  );
const closedPeriod = () => {
  const [year, q] = closedKey.split("-T");
  return { kind: "QUARTER" as const, year: Number(year), number: Number(q) };
};
/** A publication log entry (with a photo) on the related unit, in the closed period. */
const logEntryOf = (rel: Rel) =>
  withClient(db.url, async (c) =>
    (
      await c.query(
        `INSERT INTO publication_log_entry (id, unit_id, period_id, medium, published_on, photo, photo_type)
         SELECT gen_random_uuid(), u.id, p.id, 'NOTICE_BOARD', p.end_date, '\\x89504e470d0a1a0a00'::bytea, 'image/png'
           FROM unit u, survey_period p WHERE u.code = $1 AND p.kind = 'QUARTER' AND p.year = $2 AND p.number = $3 RETURNING id`,
        [UNIT[rel], closedPeriod().year, closedPeriod().number],
      )
    ).rows[0].id as string,
  );
let feedbackId: Record<Rel, string>;
const path: Record<string, string> = {};
const callers = {} as Record<Role | "ROOT_ADMIN", TCaller>;
const targetUser = {} as Record<Rel, string>;
let newCode = 0;
/** A service of the related unit (the first in its order). */
const unitIdOf = (rel: Rel) => withClient(db.url, async (c) => (await c.query(`SELECT id FROM unit WHERE code = $1`, [UNIT[rel]])).rows[0].id as string);
/** A new leaf unit under the related unit, written as an admin's earlier change would have left it. */
const leafUnder = (rel: Rel) =>
  withClient(db.url, async (c) => {
    const code = `MATRIX-L${++newCode}`;
    await c.query(
      `INSERT INTO unit (id, parent_id, path, depth, name, kind, code, updated_at) SELECT gen_random_uuid(), id, '', 0, 'Daun uji', 'UPT', $2, now() FROM unit WHERE code = $1`,
      [UNIT[rel], code],
    );
    return (await c.query(`SELECT id, code FROM unit WHERE code = $1`, [code])).rows[0] as { id: string; code: string };
  });
/** The related unit's plan for the closed quarter (made here when the seed has none). */
const planOf = (rel: Rel) =>
  withClient(db.url, async (c) =>
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
  withClient(db.url, async (c) => {
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
  (saranAt[rel] ??= withClient(db.url, async (c) => {
    const at = new Date(Date.UTC(2001, 0, 1 + Object.keys(UNIT).indexOf(rel)));
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
  return withClient(db.url, async (c) =>
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
const serviceOf = (rel: Rel) =>
  withClient(db.url, async (c) => (await c.query(`SELECT s.id FROM service s JOIN unit u ON u.id = s.unit_id WHERE u.code = $1 ORDER BY s.sort_order LIMIT 1`, [UNIT[rel]])).rows[0].id as string);

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 300 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  units = await import("@/lib/dal/units");
  users = await import("@/lib/dal/users");
  userImport = await import("@/lib/dal/user-import");
  operate = await import("@/lib/dal/operate");
  auditLog = await import("@/lib/dal/audit-log");
  dashboard = await import("@/lib/dal/dashboard");
  feedback = await import("@/lib/dal/feedback");
  feedbackPublish = await import("@/lib/dal/feedback-public/publish");
  feedbackPublicRead = await import("@/lib/dal/feedback-public/read");
  exporter = await import("@/lib/dal/export");
  services = await import("@/lib/dal/services");
  settings = await import("@/lib/dal/settings");
  unitAdmin = await import("@/lib/dal/unit-admin");
  templates = await import("@/lib/dal/templates");
  unitTemplate = await import("@/lib/dal/unit-template");
  periods = await import("@/lib/dal/periods");
  publication = await import("@/lib/dal/publication");
  publicationLog = await import("@/lib/dal/publication-log");
  followUpEffect = await import("@/lib/dal/follow-up/effect");
  followUpOverview = await import("@/lib/dal/follow-up/overview");
  followUpMetrics = await import("@/lib/dal/follow-up/metrics");
  followUpLessons = await import("@/lib/dal/follow-up/lessons");
  planRead = await import("@/lib/dal/plans/read");
  plans = await import("@/lib/dal/plans");
  digestFigures = await import("@/lib/dal/digest/figures");
  attachments = await import("@/lib/dal/attachments");
  await withClient(db.url, async (c) => {
    const closed = (await c.query(`SELECT year, number FROM survey_period WHERE kind = 'QUARTER' AND closed_at IS NOT NULL ORDER BY end_date DESC LIMIT 1`)).rows[0];
    closedKey = `${closed.year}-T${closed.number}`;
    for (const r of (await c.query(`SELECT code, path, id FROM unit`)).rows) path[r.code] = r.path;
    const idOf = async (code: string) => (await c.query(`SELECT id FROM unit WHERE code = $1`, [code])).rows[0].id as string;
    for (const role of ROLES) {
      const id = (await c.query(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), $1, $1) RETURNING id`, [`${role.toLowerCase()}@matrix.test`])).rows[0].id;
      await c.query(`INSERT INTO role_assignment (id, user_id, unit_id, role) VALUES (gen_random_uuid(), $1, $2, $3)`, [id, await idOf(UNIT.own), role]);
      callers[role] = { userId: id, email: `${role}@matrix.test`, name: role, mustChangePassword: false, assignments: [{ role, unitId: await idOf(UNIT.own), unitPath: path[UNIT.own]! }] };
    }
    // Users to be managed, one holding a role on each related unit.
    for (const rel of Object.keys(UNIT) as Rel[]) {
      const id = (await c.query(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), $1, $1) RETURNING id`, [`target-${rel}@matrix.test`])).rows[0].id;
      await c.query(`INSERT INTO role_assignment (id, user_id, unit_id, role) VALUES (gen_random_uuid(), $1, $2, 'OPERATOR')`, [id, await idOf(UNIT[rel])]);
      targetUser[rel] = id;
    }
    // One response with a saran on each related unit, for the feedback inbox.
    feedbackId = {} as Record<Rel, string>;
    for (const rel of Object.keys(UNIT) as Rel[]) {
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
    const root = await idOf(UNIT.parent);
    callers.ROOT_ADMIN = { userId: "00000000-0000-0000-0000-000000000001", email: "root@matrix.test", name: "root", mustChangePassword: false, assignments: [{ role: "ADMIN", unitId: root, unitPath: path[UNIT.parent]! }] };
  });
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

const reads = ["own", "child"] as const;
type Cap = "unit.read" | "dashboard.read" | "feedback.manage" | "contact.read" | "operate" | "admin" | "plan.edit" | "plan.review" | "plan.edit|plan.review";
const expectAllowed = (role: Role, rel: Rel, capability: Cap) => {
  if (!(reads as readonly string[]).includes(rel)) return false;
  if (capability === "unit.read") return true;
  if (capability === "dashboard.read") return role !== "OPERATOR";
  if (capability === "feedback.manage" || capability === "contact.read") return role === "ADMIN" || role === "KEPALA_UNIT";
  if (capability === "operate") return role === "ADMIN" || role === "OPERATOR";
  if (capability === "plan.edit") return role === "ADMIN" || role === "KEPALA_UNIT";
  if (capability === "plan.review") return role === "ADMIN" || role === "PIMPINAN";
  if (capability === "plan.edit|plan.review") return role !== "OPERATOR";
  return role === "ADMIN";
};

type Check = { name: string; capability: Cap; run: (c: TCaller, rel: Rel) => Promise<boolean> };

const checks: Check[] = [
  { name: "getUnitForCaller", capability: "unit.read", run: async (c, rel) => !!(await units.getUnitForCaller(c, UNIT[rel], "unit.read")) },
  { name: "listUnitsForCaller", capability: "unit.read", run: async (c, rel) => (await units.listUnitsForCaller(c, "unit.read")).some((u) => u.code === UNIT[rel]) },
  { name: "getUnitCounts", capability: "unit.read", run: async (c, rel) => !!(await units.getUnitCounts(c, UNIT[rel])) },
  { name: "getUnitDashboard", capability: "dashboard.read", run: async (c, rel) => !!(await dashboard.getUnitDashboard(c, UNIT[rel], query())) },
  { name: "getAgencyDashboard", capability: "dashboard.read", run: async (c, rel) => !!(await dashboard.getAgencyDashboard(c, query({ unit: UNIT[rel] }))) },
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
      const drop = () => withClient(db.url, async (cl) => cl.query(`DELETE FROM follow_up_plan WHERE id = $1`, [(await planAt(rel, "DRAFT")).planId]));
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
      await withClient(db.url, (cl) => cl.query(`UPDATE feedback_item SET status = 'SELESAI' WHERE response_id = $1`, [feedbackId[rel]]));
      return (await feedbackPublish.publishFeedback(c, { responseId: feedbackId[rel], publicSaran: "Saran uji", publicAction: "Sudah diperbaiki" })).ok;
    },
  },
  {
    name: "unpublishFeedback",
    capability: "feedback.manage",
    run: async (c, rel) => {
      await withClient(db.url, (cl) => cl.query(`UPDATE feedback_item SET published_at = now() WHERE response_id = $1`, [feedbackId[rel]]));
      return (await feedbackPublish.unpublishFeedback(c, { responseId: feedbackId[rel] })).ok;
    },
  },
  { name: "openResponseExport", capability: "dashboard.read", run: async (c, rel) => !!(await exporter.openResponseExport(c, UNIT[rel], query())) },
  { name: "listUnitsForCaller(dashboard)", capability: "dashboard.read", run: async (c, rel) => (await units.listUnitsForCaller(c, "dashboard.read")).some((u) => u.code === UNIT[rel]) },
  { name: "getSurveyLink", capability: "operate", run: async (c, rel) => !!(await operate.getSurveyLink(c, UNIT[rel])) },
  { name: "listServicesForOperator", capability: "operate", run: async (c, rel) => !!(await operate.listServicesForOperator(c, UNIT[rel])) },
  {
    name: "issueTransactionTokens",
    capability: "operate",
    run: async (c, rel) => (await operate.issueTransactionTokens(c, { unitCode: UNIT[rel], count: 1, days: 1, origin: "http://x" })).ok,
  },
  { name: "enrollKioskForCaller", capability: "operate", run: async (c, rel) => (await operate.enrollKioskForCaller(c, { unitCode: UNIT[rel], name: "Tablet" })).ok },
  { name: "listKioskDevices", capability: "operate", run: async (c, rel) => !!(await operate.listKioskDevices(c, UNIT[rel])) },
  {
    name: "revokeKioskForCaller",
    capability: "operate",
    run: async (c, rel) => {
      const id = await withClient(db.url, async (cl) =>
        (await cl.query(`INSERT INTO kiosk_device (id, unit_id, name, token_hash) SELECT gen_random_uuid(), id, 'Matrix', gen_random_uuid()::text FROM unit WHERE code = $1 RETURNING id`, [UNIT[rel]])).rows[0].id,
      );
      return (await operate.revokeKioskForCaller(c, { deviceId: id })).ok;
    },
  },
  { name: "getUnitForAdmin", capability: "admin", run: async (c, rel) => !!(await unitAdmin.getUnitForAdmin(c, UNIT[rel])) },
  { name: "listUnitTree", capability: "admin", run: async (c, rel) => !!(await unitAdmin.listUnitTree(c))?.rows.some((u) => u.code === UNIT[rel]) },
  {
    name: "createUnit",
    capability: "admin",
    run: async (c, rel) => (await unitAdmin.createUnit(c, { parentCode: UNIT[rel], code: `MATRIX-U${++newCode}`, name: "Unit uji", kind: "UPT" })).ok,
  },
  { name: "updateUnit", capability: "admin", run: async (c, rel) => (await unitAdmin.updateUnit(c, { unitId: await unitIdOf(rel), name: `Unit ${rel}`, kind: "DINAS" })).ok },
  { name: "setUnitActive", capability: "admin", run: async (c, rel) => (await unitAdmin.setUnitActive(c, { unitId: await unitIdOf(rel), active: true })).ok },
  // A leaf moved under another leaf, both new under the related unit: allowed where the caller administers it.
  {
    name: "moveUnit",
    capability: "admin",
    run: async (c, rel) => {
      const [leaf, target] = [await leafUnder(rel), await leafUnder(rel)];
      return (await unitAdmin.moveUnit(c, { unitId: leaf.id, parentCode: target.code })).ok;
    },
  },
  { name: "changeUnitCode", capability: "admin", run: async (c, rel) => (await unitAdmin.changeUnitCode(c, { unitId: (await leafUnder(rel)).id, code: `MATRIX-C${++newCode}` })).ok },
  { name: "populationGrid", capability: "admin", run: async (c, rel) => !!(await periods.populationGrid(c, closedPeriod()))?.some((u) => u.code === UNIT[rel]) },
  { name: "savePopulations", capability: "admin", run: async (c, rel) => (await periods.savePopulations(c, { period: closedKey, populations: { [UNIT[rel]]: "1000" } })).ok },
  {
    name: "importPopulationCsv",
    capability: "admin",
    run: async (c, rel) => (await periods.importPopulationCsv(c, { period: closedKey, bytes: new TextEncoder().encode(`${UNIT[rel]};1200`) })).ok,
  },
  { name: "listPublications", capability: "admin", run: async (c, rel) => !!(await publication.listPublications(c, closedPeriod()))?.some((u) => u.code === UNIT[rel]) },
  { name: "getUnitPublication", capability: "admin", run: async (c, rel) => !!(await publicationLog.getUnitPublication(c, UNIT[rel], closedPeriod())) },
  // The parent (the agency root) has no responses of its own: pooled, it has its whole tree's.
  // A live result is never overwritten (alreadyPublished): withdrawn first, as an admin would.
  {
    name: "publishUnit",
    capability: "admin",
    run: async (c, rel) => (await withdrawLive(rel), (await publication.publishUnit(c, { period: closedKey, unitCode: UNIT[rel], scope: "gabungan" })).ok),
  },
  {
    name: "publishAll",
    capability: "admin",
    run: async (c, rel) => (await withdrawLive(rel), (await publication.publishAll(c, { period: closedKey, rootCode: UNIT[rel], scope: "sendiri" })).ok),
  },
  {
    name: "unpublishUnit",
    capability: "admin",
    run: async (c, rel) => (await makeLive(rel), (await publication.unpublishUnit(c, { period: closedKey, unitCode: UNIT[rel], reason: "Uji matriks wewenang" })).ok),
  },
  {
    name: "addLogEntry",
    capability: "admin",
    run: async (c, rel) =>
      (await publicationLog.addLogEntry(c, { period: closedKey, unitCode: UNIT[rel], medium: "WEBSITE", publishedOn: "2026-10-01", url: "https://example.go.id/ikm", note: "", photo: null })).ok,
  },
  { name: "removeLogEntry", capability: "admin", run: async (c, rel) => (await publicationLog.removeLogEntry(c, { entryId: await logEntryOf(rel) })).ok },
  { name: "logPhoto", capability: "dashboard.read", run: async (c, rel) => !!(await publicationLog.logPhoto(c, await logEntryOf(rel))) },
  { name: "readAttachment", capability: "dashboard.read", run: async (c, rel) => !!(await attachments.readAttachment(c, await attachmentOf(rel))) },
  { name: "listAttachments", capability: "dashboard.read", run: async (c, rel) => !!(await attachments.listAttachments(c, await planOf(rel))) },
  { name: "getUnitTemplateChoice", capability: "admin", run: async (c, rel) => !!(await unitTemplate.getUnitTemplateChoice(c, UNIT[rel])) },
  {
    name: "setUnitTemplate",
    capability: "admin",
    run: async (c, rel) => (await unitTemplate.setUnitTemplate(c, { unitId: await unitIdOf(rel), templateKey: "kepmenpan-25-2004" })).ok,
  },
  { name: "listServicesForAdmin", capability: "admin", run: async (c, rel) => !!(await services.listServicesForAdmin(c, UNIT[rel])) },
  {
    name: "createService",
    capability: "admin",
    run: async (c, rel) => (await services.createService(c, { unitCode: UNIT[rel], code: `MATRIX-${++newCode}`, name: "Layanan uji", nameEn: "" })).ok,
  },
  { name: "renameService", capability: "admin", run: async (c, rel) => (await services.renameService(c, { serviceId: await serviceOf(rel), name: `Nama ${rel}`, nameEn: "" })).ok },
  { name: "moveService", capability: "admin", run: async (c, rel) => (await services.moveService(c, { serviceId: await serviceOf(rel), direction: "down" })).ok },
  { name: "setServiceActive", capability: "admin", run: async (c, rel) => (await services.setServiceActive(c, { serviceId: await serviceOf(rel), active: true })).ok },
  {
    name: "renameKioskForCaller",
    capability: "operate",
    run: async (c, rel) => {
      const id = await withClient(db.url, async (cl) =>
        (await cl.query(`INSERT INTO kiosk_device (id, unit_id, name, token_hash) SELECT gen_random_uuid(), id, 'Matrix', gen_random_uuid()::text FROM unit WHERE code = $1 RETURNING id`, [UNIT[rel]])).rows[0].id,
      );
      return (await operate.renameKioskForCaller(c, { deviceId: id, name: "Matrix 2" })).ok;
    },
  },
  {
    name: "createUser",
    capability: "admin",
    run: async (c, rel) => (await users.createUser(c, { email: `new-${c.name}-${rel}@matrix.test`, name: "Baru", role: "OPERATOR", unitCode: UNIT[rel] })).ok,
  },
  { name: "assignRole", capability: "admin", run: async (c, rel) => (await users.assignRole(c, { userId: targetUser.own, role: "PIMPINAN", unitCode: UNIT[rel] })).ok },
  { name: "getUser", capability: "admin", run: async (c, rel) => !!(await users.getUser(c, targetUser[rel])) },
  { name: "listUsers", capability: "admin", run: async (c, rel) => !!(await users.listUsers(c, { cari: `target-${rel}@` }))?.rows.some((u) => u.id === targetUser[rel]) },
  {
    name: "listUsers(unit)",
    capability: "admin",
    run: async (c, rel) => !!(await users.listUsers(c, { unit: UNIT[rel], bawah: "1" }))?.rows.some((u) => u.id === targetUser[rel]),
  },
  {
    name: "previewBulkUsers",
    capability: "admin",
    run: async (c, rel) => (await userImport.previewBulkUsers(c, { csv: `Orang Baru;preview-${rel}@matrix.test`, unitCode: UNIT[rel], role: "OPERATOR" })).ok,
  },
  {
    name: "createUsersBulk",
    capability: "admin",
    run: async (c, rel) => (await userImport.createUsersBulk(c, { csv: `Orang Baru;bulk-${c.name}-${rel}@matrix.test`, unitCode: UNIT[rel], role: "OPERATOR" })).ok,
  },
  { name: "resetPassword", capability: "admin", run: async (c, rel) => (await users.resetPassword(c, { userId: targetUser[rel] })).ok },
  { name: "setUserActive", capability: "admin", run: async (c, rel) => (await users.setUserActive(c, { userId: targetUser[rel], active: true })).ok },
  {
    name: "removeRole",
    capability: "admin",
    run: async (c, rel) => {
      const id = await withClient(db.url, async (cl) =>
        (await cl.query(`INSERT INTO role_assignment (id, user_id, unit_id, role) SELECT gen_random_uuid(), $1, id, 'KEPALA_UNIT' FROM unit WHERE code = $2 RETURNING id`, [targetUser.own, UNIT[rel]])).rows[0].id,
      );
      const r = await users.removeRole(c, { assignmentId: id });
      await withClient(db.url, (cl) => cl.query(`DELETE FROM role_assignment WHERE id = $1`, [id]));
      return r.ok;
    },
  },
];

describe.each(ROLES)("%s on Dinas Dukcapil", (role) => {
  it.each(checks.flatMap((check) => (Object.keys(UNIT) as Rel[]).map((rel) => [check.name, rel, check] as const)))(
    "%s on the %s unit",
    async (_name, rel, check) => {
      expect(await check.run(callers[role], rel)).toBe(expectAllowed(role, rel, check.capability));
    },
  );
});

describe("agency-wide reads", () => {
  it("shows the audit log to an admin of the whole agency only", async () => {
    expect(await auditLog.listAuditLog(callers.ROOT_ADMIN)).not.toBeNull();
    expect(await auditLog.listAuditChoices(callers.ROOT_ADMIN)).not.toBeNull();
    for (const role of ROLES) expect(await auditLog.listAuditLog(callers[role])).toBeNull();
    for (const role of ROLES) expect(await auditLog.listAuditChoices(callers[role])).toBeNull();
    expect(await auditLog.listAuditLog(null)).toBeNull();
  });

  it("leaves the agency's settings to an admin of the whole agency: a dinas admin is refused too", async () => {
    expect(await settings.agencySettingsForm(callers.ROOT_ADMIN)).not.toBeNull();
    const input = { name: "Diambil alih", timeZone: "Asia/Jayapura", rhythm: "YEAR", defaultTemplateKey: "permenpan-14-2017" };
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    for (const who of [...ROLES.map((r) => callers[r]), null]) {
      expect(await settings.agencySettingsForm(who)).toBeNull();
      expect(await settings.adminsAgency(who)).toBe(false);
      expect(await settings.updateAgencySettings(who, input)).toEqual({ ok: false, error: "notFound" });
      expect(await settings.setAgencyLogo(who, { bytes: png })).toEqual({ ok: false, error: "notFound" });
      expect(await settings.removeAgencyLogo(who, {})).toEqual({ ok: false, error: "notFound" });
    }
    expect(await withClient(db.url, async (c) => (await c.query(`SELECT name, time_zone, logo FROM agency_settings`)).rows)).toEqual([{ name: null, time_zone: "Asia/Jakarta", logo: null }]);
  });

  it("leaves closing a period to an admin of the whole agency; lists periods to admins only", async () => {
    for (const who of [...ROLES.map((r) => callers[r]), null]) {
      expect(await periods.closePeriod(who, { period: "2020-T1" })).toEqual({ ok: false, error: "notFound" });
    }
    expect((await periods.listPeriods(callers.ADMIN))!.canClose).toBe(false);
    for (const role of ["PIMPINAN", "KEPALA_UNIT", "OPERATOR"] as const) expect(await periods.listPeriods(callers[role])).toBeNull();
    expect(await periods.listPeriods(null)).toBeNull();
    expect((await periods.listPeriods(callers.ROOT_ADMIN))!.canClose).toBe(true);
  });

  it("leaves the questionnaire library to an admin of the whole agency: a dinas admin sees it, edits nothing", async () => {
    // A real account: the writes' audit entries name their actor.
    const rootAdminId = await withClient(db.url, async (c) => (await c.query(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), 'root-tpl@matrix.test', 'root') RETURNING id`)).rows[0].id as string);
    const rootAdmin: TCaller = { ...callers.ROOT_ADMIN, userId: rootAdminId };
    const made = await templates.createTemplate(rootAdmin, { key: "matrix-tpl", name: "Kuesioner uji", nameEn: "", from: "permenpan-14-2017" });
    expect(made.ok).toBe(true);
    const content = (await templates.getTemplateForAdmin(callers.ROOT_ADMIN, "matrix-tpl"))!.draft!.content;
    expect((await templates.listTemplateLibrary(callers.ADMIN))!.canEdit).toBe(false);
    for (const role of ["PIMPINAN", "KEPALA_UNIT", "OPERATOR"] as const) {
      expect(await templates.listTemplateLibrary(callers[role])).toBeNull();
      expect(await templates.getTemplateForAdmin(callers[role], "matrix-tpl")).toBeNull();
      expect(await templates.getVersionForPreview(callers[role], "matrix-tpl")).toBeNull();
    }
    for (const who of [...ROLES.map((r) => callers[r]), null]) {
      expect(await templates.createTemplate(who, { key: "matrix-taken", name: "Diambil", nameEn: "", from: "scratch" })).toEqual({ ok: false, error: "notFound" });
      expect(await templates.saveDraft(who, { key: "matrix-tpl", name: "Diambil", nameEn: "", content })).toEqual({ ok: false, error: "notFound" });
      expect(await templates.publishDraft(who, { key: "matrix-tpl" })).toEqual({ ok: false, error: "notFound" });
      expect(await templates.startDraft(who, { key: "matrix-tpl" })).toEqual({ ok: false, error: "notFound" });
      expect(await templates.discardDraft(who, { key: "matrix-tpl" })).toEqual({ ok: false, error: "notFound" });
    }
    expect((await templates.saveDraft(rootAdmin, { key: "matrix-tpl", name: "Kuesioner uji", nameEn: "", content })).ok).toBe(true);
    expect((await templates.publishDraft(rootAdmin, { key: "matrix-tpl" })).ok).toBe(true);
    expect(await withClient(db.url, async (c) => (await c.query(`SELECT key, name FROM questionnaire_template WHERE key LIKE 'matrix-%'`)).rows)).toEqual([{ key: "matrix-tpl", name: "Kuesioner uji" }]);
  });

  it("gives nobody anything without a session", async () => {
    expect(await units.getUnitForCaller(null, UNIT.own, "unit.read")).toBeNull();
    expect(await units.listUnitsForCaller(null, "unit.read")).toEqual([]);
    expect(await exporter.openResponseExport(null, UNIT.own, query())).toBeNull();
    expect(await users.listUsers(null)).toBeNull();
  });

  it("lets an agency admin manage a user anywhere, and the pooled index of the root covers every unit", async () => {
    expect(await users.getUser(callers.ROOT_ADMIN, targetUser.sibling)).not.toBeNull();
    const year = query({ periode: String(new Date().getUTCFullYear()) });
    const agency = await dashboard.getAgencyDashboard(callers.ROOT_ADMIN, year);
    const total = await withClient(db.url, async (c) =>
      (await c.query(`SELECT sum(responses)::int AS n FROM unit_monthly_summary WHERE NOT suspicious AND extract(year FROM month) = $1`, [new Date().getUTCFullYear()])).rows[0].n,
    );
    expect(agency!.pooled!.result.respondents).toBe(total);
    expect(agency!.root.code).toBe(UNIT.parent);
  });

  it("gives the agency view of nobody without a dashboard role, and only subtrees in scope", async () => {
    expect(await dashboard.getAgencyDashboard(null, query())).toBeNull();
    expect((await dashboard.getAgencyDashboard(callers.KEPALA_UNIT, query()))!.root.code).toBe(UNIT.own);
    expect(await dashboard.getAgencyDashboard(callers.OPERATOR, query({ unit: UNIT.own }))).toBeNull();
  });
});
