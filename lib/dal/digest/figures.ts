import "server-only";
import { unitsAt } from "@/lib/dal/dashboard/scope";
import { feedbackCountsByUnit } from "@/lib/dal/feedback/service-level";
import { followUpOverview } from "@/lib/dal/follow-up/overview";
import { agencyClock, agencySettings } from "@/lib/dal/settings";
import { queryRows, sql } from "@/lib/dal/sql";
import type { TDigestAction, TMonthlyUnit, TWeeklyUnit } from "@/lib/digest/compose";
import type { TDigestKind } from "@/lib/digest/schedule";
import type { Role } from "@/lib/generated/prisma/enums";
import { periodKey, type TPeriod } from "@/lib/periods";
import { agencyToday, isOverdue } from "@/lib/plans/overdue";
import { scopePaths, type TCaller } from "@/lib/permissions";
import { defaultPeriod } from "@/lib/validation/dashboard";

// What a digest reports, read for one recipient. The recipient is a caller made of their own
// assignments of the digest's role (kepala unit for the weekly, pimpinan for the monthly), so
// every figure is limited to the subtrees those assignments cover, like the dashboards they read.

const ROLE_OF: Record<TDigestKind, Role> = { WEEKLY: "KEPALA_UNIT", MONTHLY: "PIMPINAN" };

/** Actions due within this many days are listed with the overdue ones. */
export const DUE_SOON_DAYS = 14;

export type TDigestRecipient = { caller: TCaller; email: string; name: string; locale: string };

/** Active accounts holding the digest's role somewhere (a one-time password still unchanged: none). */
export async function listDigestRecipients(kind: TDigestKind): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(sql`
    SELECT DISTINCT u.id::text AS id FROM "user" u JOIN role_assignment r ON r.user_id = u.id
     WHERE u.active AND NOT u.must_change_password AND r.role = ${ROLE_OF[kind]}::"Role"
     ORDER BY 1`);
  return rows.map((r) => r.id);
}

/** The recipient, read fresh when the job runs (a user deactivated since the scan gets nothing). */
export async function loadDigestRecipient(userId: string, kind: TDigestKind): Promise<TDigestRecipient | null> {
  const rows = await queryRows<{ email: string; name: string; locale: string; unitId: string; path: string }>(sql`
    SELECT u.email, u.name, u.locale, r.unit_id::text AS "unitId", un.path
      FROM "user" u JOIN role_assignment r ON r.user_id = u.id JOIN unit un ON un.id = r.unit_id
     WHERE u.id = ${userId}::uuid AND u.active AND NOT u.must_change_password AND r.role = ${ROLE_OF[kind]}::"Role"`);
  const first = rows[0];
  if (!first) return null;
  const caller: TCaller = {
    userId,
    email: first.email,
    name: first.name,
    mustChangePassword: false,
    assignments: rows.map((r) => ({ role: ROLE_OF[kind], unitId: r.unitId, unitPath: r.path })),
  };
  return { caller, email: first.email, name: first.name, locale: first.locale };
}

/**
 * The weekly figures per unit the caller manages feedback for (each with its subtree): new
 * feedback in [from, to), open and overdue feedback now, and the actions of approved plans
 * below 100 % that are overdue or due within DUE_SOON_DAYS.
 */
export async function weeklyDigestUnits(caller: TCaller, window: { from: Date; to: Date }, now: Date): Promise<TWeeklyUnit[]> {
  const roots = (await unitsAt(scopePaths(caller, "feedback.manage"))).filter((u) => u.active);
  if (roots.length === 0) return [];
  const ids = roots.map((u) => u.id);
  const { timeZone } = await agencySettings();
  const today = agencyToday(now, timeZone);
  const [counts, fresh, actions] = await Promise.all([
    feedbackCountsByUnit(ids, now),
    queryRows<{ id: string; n: number }>(sql`
      SELECT p.id::text AS id, count(f.response_id)::int AS n
        FROM unit p JOIN unit u ON u.path LIKE p.path || '%'
        JOIN feedback_item f ON f.unit_id = u.id AND NOT f.suspicious
             AND f.submitted_at >= ${window.from} AND f.submitted_at < ${window.to}
       WHERE p.id = ANY(${ids}::uuid[])
       GROUP BY p.id`),
    queryRows<{ rootId: string; unitCode: string; action: string; dueDate: string; progress: number; kind: TPeriod["kind"]; year: number; number: number }>(sql`
      SELECT p.id::text AS "rootId", u.code AS "unitCode", a.action, a.due_date::text AS "dueDate", a.progress,
             sp.kind::text AS kind, sp.year, sp.number
        FROM unit p JOIN unit u ON u.path LIKE p.path || '%'
        JOIN follow_up_plan fp ON fp.unit_id = u.id AND fp.status = 'DISETUJUI'
        JOIN survey_period sp ON sp.id = fp.period_id
        JOIN follow_up_action a ON a.plan_id = fp.id
       WHERE p.id = ANY(${ids}::uuid[]) AND a.progress < 100 AND a.due_date IS NOT NULL
         AND a.due_date <= ${today}::date + ${DUE_SOON_DAYS}::int
       ORDER BY a.due_date, u.code, a.position`),
  ]);
  const freshOf = new Map(fresh.map((r) => [r.id, r.n]));
  return roots.map((u) => {
    const c = counts.get(u.id) ?? { open: 0, overdue: 0, oldestOpenDays: null };
    const listed: TDigestAction[] = actions
      .filter((a) => a.rootId === u.id)
      .map((a) => ({
        action: a.action,
        unitCode: a.unitCode,
        dueDate: a.dueDate,
        progress: a.progress,
        overdue: isOverdue(a.dueDate, a.progress, now, timeZone),
        planKey: periodKey({ kind: a.kind, year: a.year, number: a.number }),
      }));
    return { code: u.code, name: u.name, newFeedback: freshOf.get(u.id) ?? 0, ...c, actions: listed };
  });
}

/**
 * The monthly figures: the agency view's follow-up columns (plan status, realisation, overdue
 * feedback, what needs attention) for every unit under the caller's pimpinan assignments, for
 * the period that view opens on (the last completed one of the agency's rhythm).
 */
export async function monthlyDigestUnits(caller: TCaller, now: Date): Promise<{ period: TPeriod; units: TMonthlyUnit[]; needsAttention: number }> {
  const period = defaultPeriod(await agencyClock(), now);
  const roots = await unitsAt(scopePaths(caller, "dashboard.read"));
  const units: TMonthlyUnit[] = [];
  let needsAttention = 0;
  for (const root of roots) {
    const overview = await followUpOverview(caller, period, root.code, now);
    if (!overview) continue;
    for (const r of overview.rows) units.push({ code: r.code, name: r.name, plan: r.plan, realisation: r.realisation, overdueFeedback: r.overdueFeedback });
    needsAttention += overview.attention.length;
  }
  return { period, units, needsAttention };
}
