import "server-only";
import { resolveScope, unitsAt } from "@/lib/dal/dashboard/scope";
import { agencyTimeZone } from "@/lib/dal/settings";
import { queryRows, sql } from "@/lib/dal/sql";
import { followUpMetricsOf, type TFollowUpMetrics } from "@/lib/follow-up/metrics";
import { scopePaths, type TCaller } from "@/lib/permissions";

export type TUnitFollowUpMetrics = TFollowUpMetrics & { code: string; name: string };

/**
 * The evaluators' figures for the plans of `year`'s periods: for the unit `unitCode` (its
 * subtree), or the caller's top unit (agency-wide for pimpinan/admin), and per unit in it.
 * Report date: the unit's publication of the period (still public), else the period's end on
 * the agency's clock. One query. Null when the unit is outside the caller's scope.
 */
export async function followUpMetrics(
  caller: TCaller | null,
  unitCode: string | undefined,
  year: number,
): Promise<{ total: TFollowUpMetrics; units: TUnitFollowUpMetrics[] } | null> {
  const roots = await unitsAt(scopePaths(caller, "dashboard.read"));
  const scoped = await resolveScope(caller, unitCode ?? roots[0]?.code ?? "", "gabungan");
  if (!scoped || !Number.isInteger(year)) return null;
  const tz = await agencyTimeZone();
  const rows = await queryRows<{ unitId: string; reportedAt: Date; approvedAt: Date | null; actions: number[] }>(sql`
    SELECT p.unit_id AS "unitId",
           COALESCE(pub.published_at, sp.end_date::timestamp AT TIME ZONE ${tz}) AS "reportedAt",
           CASE WHEN p.status = 'DISETUJUI' THEN p.approved_at END AS "approvedAt",
           COALESCE((SELECT array_agg(a.progress) FROM follow_up_action a WHERE a.plan_id = p.id), '{}') AS actions
      FROM follow_up_plan p
      JOIN survey_period sp ON sp.id = p.period_id AND sp.year = ${year}
      LEFT JOIN publication pub ON pub.unit_id = p.unit_id AND pub.period_id = p.period_id AND pub.unpublished_at IS NULL
     WHERE p.unit_id = ANY(${scoped.tree.map((u) => u.id)}::uuid[])`);
  const facts = rows.map((r) => ({ ...r, reportedAt: new Date(r.reportedAt), approvedAt: r.approvedAt ? new Date(r.approvedAt) : null }));
  return {
    total: followUpMetricsOf(facts),
    units: scoped.tree
      .map((u) => ({ code: u.code, name: u.name, ...followUpMetricsOf(facts.filter((f) => f.unitId === u.id)) }))
      .filter((u) => u.plans > 0),
  };
}
