import "server-only";
import { submittedBefore } from "@/lib/dal/feedback/overdue-sql";
import { resolveScope } from "@/lib/dal/dashboard/scope";
import { agencySettings } from "@/lib/dal/settings";
import { queryRows, sql } from "@/lib/dal/sql";
import { overdueCutoff, workingDaysBetween } from "@/lib/feedback/working-days";
import type { TCaller } from "@/lib/permissions";

// How quickly units answer their saran: per unit with its whole subtree, open
// items (not closed), overdue ones (neither answered nor closed after the agency's
// target in working days), the oldest open item's age, and the median time to a
// first answer. Suspicious responses are left out, as in the inbox.

export type TFeedbackCounts = { open: number; overdue: number; oldestOpenDays: number | null };
export type TFeedbackServiceLevels = TFeedbackCounts & { targetDays: number; answered: number; medianFirstAnswerHours: number | null };

/**
 * Per unit (each with its subtree), in ONE query, for a view that lists many units. Does NOT
 * check the caller: the view that calls it has already resolved which units the caller may read.
 */
export async function feedbackCountsByUnit(unitIds: string[], now = new Date()): Promise<Map<string, TFeedbackCounts>> {
  const out = new Map<string, TFeedbackCounts>();
  if (unitIds.length === 0) return out;
  const { feedbackTargetDays, timeZone } = await agencySettings();
  const rows = await queryRows<{ id: string; open: number; overdue: number; oldest: Date | null }>(
    sql`SELECT p.id,
               count(f.response_id) FILTER (WHERE f.closed_at IS NULL)::int AS open,
               count(f.response_id) FILTER (WHERE f.closed_at IS NULL AND f.answered_at IS NULL
                                              AND ${submittedBefore(overdueCutoff(now, feedbackTargetDays, timeZone), timeZone)})::int AS overdue,
               min(f.submitted_at) FILTER (WHERE f.closed_at IS NULL) AS oldest
          FROM unit p
          JOIN unit u ON u.path LIKE p.path || '%'
          LEFT JOIN feedback_item f ON f.unit_id = u.id AND NOT f.suspicious
         WHERE p.id = ANY(${unitIds}::uuid[])
         GROUP BY p.id`,
  );
  for (const r of rows) out.set(r.id, { open: r.open, overdue: r.overdue, oldestOpenDays: r.oldest ? workingDaysBetween(r.oldest, now, timeZone) : null });
  return out;
}

/** A unit's service levels with its subtree; null when it is missing or outside the caller's dashboards. */
export async function feedbackServiceLevels(caller: TCaller | null, unitCode: string, now = new Date()): Promise<TFeedbackServiceLevels | null> {
  const scoped = await resolveScope(caller, unitCode, "gabungan");
  if (!scoped) return null;
  const ids = scoped.tree.map((u) => u.id);
  const [counts, [median], { feedbackTargetDays }] = await Promise.all([
    feedbackCountsByUnit([scoped.unit.id], now),
    queryRows<{ answered: number; hours: number | null }>(
      sql`SELECT count(*)::int AS answered,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.answered_at - f.submitted_at)) / 3600 AS hours
            FROM feedback_item f WHERE f.unit_id = ANY(${ids}::uuid[]) AND NOT f.suspicious AND f.answered_at IS NOT NULL`,
    ),
    agencySettings(),
  ]);
  const c = counts.get(scoped.unit.id) ?? { open: 0, overdue: 0, oldestOpenDays: null };
  return { ...c, targetDays: feedbackTargetDays, answered: median?.answered ?? 0, medianFirstAnswerHours: median?.hours == null ? null : Number(median.hours) };
}
