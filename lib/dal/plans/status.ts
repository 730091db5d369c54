import "server-only";
import { queryRows, sql, empty } from "@/lib/dal/sql";
import { agencyTimeZone } from "@/lib/dal/settings";

export type TPlanStatusKind = "none" | "draft" | "submitted" | "returned" | "approved" | "overdue" | "done";

export type TPlanStatusRow = {
  unitId: string;
  planId: string | null;
  periodId: string | null;
  status: TPlanStatusKind;
  /** Mean realisation of the plan's actions, 0..100 (0 without actions). */
  realisationPct: number;
  overdueActions: number;
};

type TRaw = {
  unit_id: string;
  plan_id: string | null;
  period_id: string | null;
  status: string | null;
  actions: number;
  done: number;
  pct: number | null;
  overdue: number;
};

/**
 * Per unit, the latest relevant plan (that period's when `periodId` is given, else the plan of the
 * latest-starting period) and where it stands, in ONE query. Trusted helper: the caller has already
 * limited `unitIds` to the units in its scope. Overdue = deadline passed on the agency's clock and
 * realisation below 100 %; an approved plan is "overdue" when any action is, "done" when all are at 100 %.
 */
export async function planStatusByUnit(unitIds: string[], periodId?: string): Promise<TPlanStatusRow[]> {
  if (unitIds.length === 0) return [];
  const tz = await agencyTimeZone();
  const rows = await queryRows<TRaw>(sql`
    SELECT u.id::text AS unit_id, p.id::text AS plan_id, p.period_id::text AS period_id, p.status::text AS status,
           COALESCE(a.actions, 0)::int AS actions, COALESCE(a.done, 0)::int AS done,
           a.pct::float8 AS pct, COALESCE(a.overdue, 0)::int AS overdue
      FROM unnest(${unitIds}::uuid[]) AS u(id)
      LEFT JOIN LATERAL (
        SELECT fp.id, fp.period_id, fp.status
          FROM follow_up_plan fp JOIN survey_period sp ON sp.id = fp.period_id
         WHERE fp.unit_id = u.id ${periodId ? sql`AND fp.period_id = ${periodId}::uuid` : empty}
         ORDER BY sp.start_date DESC, fp.created_at DESC
         LIMIT 1
      ) p ON true
      LEFT JOIN LATERAL (
        SELECT count(*) AS actions,
               count(*) FILTER (WHERE fa.progress >= 100) AS done,
               avg(LEAST(GREATEST(fa.progress, 0), 100)) AS pct,
               count(*) FILTER (WHERE fa.progress < 100 AND fa.due_date IS NOT NULL
                                  AND fa.due_date < (now() AT TIME ZONE ${tz})::date) AS overdue
          FROM follow_up_action fa WHERE fa.plan_id = p.id
      ) a ON p.id IS NOT NULL`);
  return rows.map((r) => ({
    unitId: r.unit_id,
    planId: r.plan_id,
    periodId: r.period_id,
    status: statusOf(r),
    realisationPct: r.pct === null ? 0 : Math.round(r.pct),
    overdueActions: r.overdue,
  }));
}

function statusOf(r: TRaw): TPlanStatusKind {
  switch (r.status) {
    case null:
      return "none";
    case "DRAFT":
      return "draft";
    case "DIAJUKAN":
      return "submitted";
    case "DIKEMBALIKAN":
      return "returned";
    default:
      if (r.actions > 0 && r.done === r.actions) return "done";
      return r.overdue > 0 ? "overdue" : "approved";
  }
}
