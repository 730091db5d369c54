import "server-only";
import { submittedBefore } from "@/lib/dal/feedback/overdue-sql";
import { resolveScope, unitsAt } from "@/lib/dal/dashboard/scope";
import { agencySettings } from "@/lib/dal/settings";
import { queryRows, sql } from "@/lib/dal/sql";
import { localDate, overdueCutoff } from "@/lib/feedback/working-days";
import { periodKey, periodMonths, monthStart, type TPeriod } from "@/lib/periods";
import { scopePaths, type TCaller } from "@/lib/permissions";

// Top management's view of the follow-up, per unit of a subtree: the plan for the period, its
// realisation, the feedback waiting, and what needs attention. Set-based: one query per column
// group (plans, feedback, attention), whatever the number of units.

export type TPlanState = "none" | "draft" | "submitted" | "approved" | "overdue" | "done";

export type TFollowUpRow = {
  unitId: string;
  code: string;
  name: string;
  plan: TPlanState;
  /** Mean progress of the plan's actions, 0..100; null without actions. */
  realisation: number | null;
  openFeedback: number;
  overdueFeedback: number;
  /** Age of the oldest open item, whole days; null when none is open. */
  oldestOpenDays: number | null;
};

export type TAttention =
  | { kind: "no-plan"; code: string; name: string; href: string }
  | { kind: "submitted"; code: string; name: string; href: string }
  | { kind: "overdue-actions"; code: string; name: string; count: number; href: string }
  | { kind: "overdue-feedback"; code: string; name: string; count: number; href: string };

export type TFollowUpOverview = { period: string; rows: TFollowUpRow[]; attention: TAttention[] };

type TUnit = { id: string; code: string; name: string; path: string };

/** The service level: working days a feedback item may wait (agency_settings, default 5). */
function planState(status: string | null, actions: number, done: number, late: number): TPlanState {
  if (status === null) return "none";
  if (status === "DRAFT" || status === "DIKEMBALIKAN") return "draft";
  if (status === "DIAJUKAN") return "submitted";
  if (actions > 0 && done === actions) return "done";
  return late > 0 ? "overdue" : "approved";
}

/** The follow-up columns for every unit under `code` (default: the caller's top unit), for `period`. */
export async function followUpOverview(caller: TCaller | null, period: TPeriod, code?: string, now = new Date()): Promise<TFollowUpOverview | null> {
  const roots = await unitsAt(scopePaths(caller, "dashboard.read"));
  const scoped = await resolveScope(caller, code ?? roots[0]?.code ?? "", "gabungan");
  if (!scoped) return null;
  const units: TUnit[] = scoped.tree.filter((u) => u.active);
  const ids = units.map((u) => u.id);
  const { timeZone: tz, feedbackTargetDays: targetDays } = await agencySettings();
  const today = localDate(now, tz);
  const key = periodKey(period);
  const { start, end } = periodMonths(period);

  const [plans, feedback, lateActions, submitted, noPlan] = await Promise.all([
    queryRows<{ unitId: string; status: string; actions: number; done: number; late: number; realisation: number | null }>(sql`
      SELECT p.unit_id AS "unitId", p.status::text AS status, count(a.id)::int AS actions,
             count(a.id) FILTER (WHERE a.progress >= 100)::int AS done,
             count(a.id) FILTER (WHERE a.progress < 100 AND a.due_date < ${today}::date)::int AS late,
             avg(a.progress)::float8 AS realisation
        FROM follow_up_plan p
        JOIN survey_period sp ON sp.id = p.period_id AND sp.kind::text = ${period.kind} AND sp.year = ${period.year} AND sp.number = ${period.number}
        LEFT JOIN follow_up_action a ON a.plan_id = p.id
       WHERE p.unit_id = ANY(${ids}::uuid[])
       GROUP BY p.unit_id, p.status`),
    queryRows<{ unitId: string; open: number; overdue: number; oldest: Date | null }>(sql`
      SELECT f.unit_id AS "unitId", count(*)::int AS open,
             count(*) FILTER (WHERE f.answered_at IS NULL
               AND ${submittedBefore(overdueCutoff(now, targetDays, tz), tz)})::int AS overdue,
             min(f.submitted_at) AS oldest
        FROM feedback_item f
       WHERE f.unit_id = ANY(${ids}::uuid[]) AND f.closed_at IS NULL AND NOT f.suspicious AND f.status IN ('BARU', 'DITINDAKLANJUTI')
       GROUP BY f.unit_id`),
    // Late actions of any approved plan (not only this period's): they are still owed.
    queryRows<{ unitId: string; periodKind: string; year: number; number: number; count: number }>(sql`
      SELECT p.unit_id AS "unitId", sp.kind::text AS "periodKind", sp.year, sp.number, count(*)::int AS count
        FROM follow_up_plan p JOIN survey_period sp ON sp.id = p.period_id
        JOIN follow_up_action a ON a.plan_id = p.id
       WHERE p.unit_id = ANY(${ids}::uuid[]) AND p.status = 'DISETUJUI' AND a.progress < 100 AND a.due_date < ${today}::date
       GROUP BY 1, 2, 3, 4 ORDER BY 3, 4`),
    // Plans of any period waiting for pimpinan's review, longest waiting first.
    queryRows<{ unitId: string; periodKind: string; year: number; number: number }>(sql`
      SELECT p.unit_id AS "unitId", sp.kind::text AS "periodKind", sp.year, sp.number
        FROM follow_up_plan p JOIN survey_period sp ON sp.id = p.period_id
       WHERE p.unit_id = ANY(${ids}::uuid[]) AND p.status = 'DIAJUKAN'
       ORDER BY p.submitted_at NULLS FIRST`),
    // Units that had responses in the period, which closed (or ended, if never closed) over a
    // month ago, and have no plan at all for it.
    queryRows<{ unitId: string }>(sql`
      SELECT u.id AS "unitId"
        FROM unit u
        JOIN survey_period sp ON sp.kind::text = ${period.kind} AND sp.year = ${period.year} AND sp.number = ${period.number}
       WHERE u.id = ANY(${ids}::uuid[])
         AND COALESCE(sp.closed_at, sp.end_date::timestamp AT TIME ZONE ${tz}) + interval '1 month' <= ${now}
         AND NOT EXISTS (SELECT 1 FROM follow_up_plan p WHERE p.unit_id = u.id AND p.period_id = sp.id)
         AND EXISTS (SELECT 1 FROM response r WHERE r.unit_id = u.id
               AND r.submitted_at >= (${monthStart(start).toISOString().slice(0, 10)}::date::timestamp AT TIME ZONE ${tz})
               AND r.submitted_at < (${monthStart(end).toISOString().slice(0, 10)}::date::timestamp AT TIME ZONE ${tz}))`),
  ]);

  const planOf = new Map(plans.map((p) => [p.unitId, p]));
  const fbOf = new Map(feedback.map((f) => [f.unitId, f]));
  const day = 86_400_000;
  const rows: TFollowUpRow[] = units.map((u) => {
    const p = planOf.get(u.id);
    const f = fbOf.get(u.id);
    return {
      unitId: u.id,
      code: u.code,
      name: u.name,
      plan: planState(p?.status ?? null, p?.actions ?? 0, p?.done ?? 0, p?.late ?? 0),
      realisation: p?.realisation ?? null,
      openFeedback: f?.open ?? 0,
      overdueFeedback: f?.overdue ?? 0,
      oldestOpenDays: f?.oldest ? Math.floor((now.getTime() - new Date(f.oldest).getTime()) / day) : null,
    };
  });

  const byId = new Map(units.map((u) => [u.id, u]));
  const attention: TAttention[] = [];
  for (const p of submitted) {
    const u = byId.get(p.unitId)!;
    const k = periodKey({ kind: p.periodKind as TPeriod["kind"], year: p.year, number: p.number });
    attention.push({ kind: "submitted", code: u.code, name: u.name, href: `/dasbor/unit/${u.code}/rtl/${k}` });
  }
  for (const { unitId } of noPlan) {
    const u = byId.get(unitId)!;
    attention.push({ kind: "no-plan", code: u.code, name: u.name, href: `/dasbor/unit/${u.code}/rtl/${key}` });
  }
  const lateByUnit = new Map<string, { count: number; key: string }>();
  for (const a of lateActions) {
    const prev = lateByUnit.get(a.unitId);
    // Link to the oldest plan with late actions (rows come oldest first).
    lateByUnit.set(a.unitId, {
      count: (prev?.count ?? 0) + a.count,
      key: prev?.key ?? periodKey({ kind: a.periodKind as TPeriod["kind"], year: a.year, number: a.number }),
    });
  }
  for (const [unitId, { count, key: k }] of lateByUnit) {
    const u = byId.get(unitId)!;
    attention.push({ kind: "overdue-actions", code: u.code, name: u.name, count, href: `/dasbor/unit/${u.code}/rtl/${k}` });
  }
  for (const r of rows) {
    if (r.overdueFeedback === 0) continue;
    const u = byId.get(r.unitId)!;
    attention.push({ kind: "overdue-feedback", code: u.code, name: u.name, count: r.overdueFeedback, href: `/dasbor/unit/${u.code}/saran?usia=terlambat` });
  }
  return { period: key, rows, attention };
}
