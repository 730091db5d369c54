import "server-only";
import { compareNrr, type NrrComparison, type ScoreMoments } from "@/lib/ikm";
import { agencyTimeZone } from "@/lib/dal/settings";
import { queryRows, sql } from "@/lib/dal/sql";
import { measuredPeriod } from "@/lib/follow-up/metrics";
import { inProgress, periodKey, periodMonths, shiftPeriod, monthStart, type TPeriod, type TPeriodKind } from "@/lib/periods";
import { can, type TCaller } from "@/lib/permissions";

// "Did the plan work": per planned unsur, its NRR in the plan's period against the NEXT period of
// the same kind, for the plan's unit and its sub-units, and whether the change is beyond noise.
//
// The rollups keep per item only sums and counts; the standard error needs sums of squares, so
// they come from raw `response.answers`, one query per comparison over both periods, reading the
// unit subtree's rows through the (unit_id, submitted_at) index. Cost: one index range scan per
// unit plus a JSON lookup per (response, unsur): linear in the responses of two periods of the
// subtree, never in the agency's total. Not measured on the 1M-response benchmark data (no time).

export type TUnsurEffect = {
  unsur: string;
  /** null: not yet measurable (the next period is still running or has no answers for this unsur). */
  comparison: NrrComparison | null;
};

export type TPlanEffects = {
  planId: string | null;
  unit: { id: string; code: string; name: string };
  period: string;
  nextPeriod: string;
  /** The next period has ended on the agency's clock; until then nothing is measurable. */
  nextEnded: boolean;
  /** The plan is approved (only an approved plan is measured: the effect of a draft means nothing). */
  approved: boolean;
  effects: TUnsurEffect[];
};

export type TPlanTarget = string | { unitId: string; periodId: string; unsur: string[] };

type TPlanRow = {
  planId: string | null;
  unitId: string;
  code: string;
  name: string;
  path: string;
  kind: TPeriodKind;
  year: number;
  number: number;
  unsur: string[];
  /** When the plan was approved; null while it is not. */
  approvedAt: Date | null;
};

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

async function loadTarget(target: TPlanTarget): Promise<TPlanRow | null> {
  if (typeof target === "string") {
    if (!isUuid(target)) return null;
    const [row] = await queryRows<TPlanRow>(sql`
      SELECT p.id AS "planId", u.id AS "unitId", u.code, u.name, u.path, sp.kind::text AS kind, sp.year, sp.number,
             CASE WHEN p.status = 'DISETUJUI' THEN p.approved_at END AS "approvedAt",
             COALESCE((SELECT array_agg(DISTINCT a.unsur_code ORDER BY a.unsur_code) FROM follow_up_action a WHERE a.plan_id = p.id), '{}') AS unsur
        FROM follow_up_plan p JOIN unit u ON u.id = p.unit_id JOIN survey_period sp ON sp.id = p.period_id
       WHERE p.id = ${target}::uuid`);
    return row ?? null;
  }
  if (!isUuid(target.unitId) || !isUuid(target.periodId)) return null;
  const [row] = await queryRows<TPlanRow>(sql`
    SELECT NULL AS "planId", u.id AS "unitId", u.code, u.name, u.path, sp.kind::text AS kind, sp.year, sp.number, ${target.unsur}::text[] AS unsur,
           -- No plan: as if one had been approved as the period ended (measured against the next).
           sp.end_date::timestamp AT TIME ZONE suara_timezone() AS "approvedAt"
      FROM unit u, survey_period sp WHERE u.id = ${target.unitId}::uuid AND sp.id = ${target.periodId}::uuid`);
  return row ?? null;
}

const dateOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Per item code, the moments of its scores for the subtree under `path` in two periods: one
 * statement, split by which period a response falls in (on the agency's clock). Suspicious
 * responses are left out, as on the dashboards.
 */
export async function momentsFor(
  path: string,
  codes: string[],
  periods: [TPeriod, TPeriod],
  timeZone: string,
): Promise<Map<string, [ScoreMoments, ScoreMoments]>> {
  const a = periodMonths(periods[0]);
  const b = periodMonths(periods[1]);
  const edge = (m: number) => sql`(${dateOf(monthStart(m))}::date::timestamp AT TIME ZONE ${timeZone})`;
  const rows = await queryRows<{ which: number; code: string; n: number; sum: number; sumSq: number }>(sql`
    SELECT CASE WHEN r.submitted_at < ${edge(a.end)} THEN 0 ELSE 1 END AS which, k.code,
           count(*)::int AS n, sum(k.v)::float8 AS sum, sum(k.v * k.v)::float8 AS "sumSq"
      FROM unit u
      JOIN response r ON r.unit_id = u.id
       AND r.submitted_at >= ${edge(a.start)} AND r.submitted_at < ${edge(b.end)}
       AND (r.submitted_at < ${edge(a.end)} OR r.submitted_at >= ${edge(b.start)})
      CROSS JOIN LATERAL (
        SELECT c AS code, (r.answers ->> c)::int AS v FROM unnest(${codes}::text[]) AS c
      ) k
     WHERE u.path LIKE ${path.replace(/[\\%_]/g, "\\$&") + "%"} AND NOT r.suspicious AND k.v IS NOT NULL
     GROUP BY 1, 2`);
  const zero: ScoreMoments = { sum: 0, sumSq: 0, n: 0 };
  const out = new Map<string, [ScoreMoments, ScoreMoments]>(codes.map((c) => [c, [zero, zero]]));
  for (const r of rows) {
    const pair = out.get(r.code)!;
    pair[r.which] = { sum: r.sum, sumSq: r.sumSq, n: r.n };
  }
  return out;
}

/**
 * For each planned unsur, its NRR in the plan's period vs the next period of the same kind.
 * Readable by anyone with dashboard.read on the plan's unit; otherwise null (404), like a plan
 * that does not exist. `target`: a plan id, or a unit, period and unsur (no plan yet).
 */
export async function planEffects(caller: TCaller | null, target: TPlanTarget, now = new Date()): Promise<TPlanEffects | null> {
  if (!caller) return null;
  const plan = await loadTarget(target);
  if (!plan || !can(caller, "dashboard.read", plan.path)) return null;
  return effectsOf(plan, await agencyTimeZone(), now);
}

/** No authorization: callers (planEffects, the peer lessons) decide what may be shown. */
export async function effectsOf(plan: TPlanRow, timeZone: string, now: Date): Promise<TPlanEffects> {
  const period: TPeriod = { kind: plan.kind, year: plan.year, number: plan.number };
  const measured = measuredPeriod(period, plan.approvedAt ? new Date(plan.approvedAt) : null, timeZone);
  const next = measured ?? shiftPeriod(period, 1);
  const nextEnded = !inProgress(next, timeZone, now);
  const moments = measured && nextEnded && plan.unsur.length > 0 ? await momentsFor(plan.path, plan.unsur, [period, next], timeZone) : new Map();
  return {
    planId: plan.planId,
    unit: { id: plan.unitId, code: plan.code, name: plan.name },
    period: periodKey(period),
    nextPeriod: periodKey(next),
    nextEnded,
    approved: measured !== null,
    effects: plan.unsur.map((unsur) => {
      const pair = moments.get(unsur);
      const comparison = pair ? compareNrr(pair[1], pair[0]) : null;
      return { unsur, comparison: comparison && comparison.delta !== null ? comparison : null };
    }),
  };
}

export type { TPlanRow };

/**
 * For the unit dashboard of `period`: the effect of the unit's approved plan measured on it (the
 * plan of the period before, or an earlier one approved late: lib/follow-up/metrics.ts
 * measuredPeriod), its period against the one shown. Null when there is none or the caller may
 * not read the unit.
 */
export async function previousPlanEffects(caller: TCaller | null, unitCode: string, period: TPeriod, now = new Date()): Promise<TPlanEffects | null> {
  if (!caller || !/^[A-Za-z0-9-]{1,40}$/.test(unitCode)) return null;
  const [rows, timeZone] = await Promise.all([
    queryRows<{ id: string; kind: TPeriodKind; year: number; number: number; approvedAt: Date }>(sql`
      SELECT p.id, sp.kind::text AS kind, sp.year, sp.number, p.approved_at AS "approvedAt"
        FROM follow_up_plan p JOIN unit u ON u.id = p.unit_id JOIN survey_period sp ON sp.id = p.period_id
       WHERE u.code = ${unitCode.toUpperCase()} AND sp.kind::text = ${period.kind} AND sp.start_date < ${dateOf(monthStart(periodMonths(period).start))}::date
         AND p.status = 'DISETUJUI' AND p.approved_at IS NOT NULL
       ORDER BY sp.start_date DESC`),
    agencyTimeZone(),
  ]);
  const shown = periodKey(period);
  const row = rows.find((r) => {
    const m = measuredPeriod({ kind: r.kind, year: r.year, number: r.number }, new Date(r.approvedAt), timeZone);
    return m !== null && periodKey(m) === shown;
  });
  return row ? planEffects(caller, row.id, now) : null;
}
