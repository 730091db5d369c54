import "server-only";
import { agencyTimeZone } from "@/lib/dal/settings";
import { empty, join, queryRows, raw, sql, type TSql } from "@/lib/dal/sql";
import { buildVersions, MEAN_DIGITS, type TFamily, type TRollupRow, type TVersion, type TVersionRow } from "@/lib/dashboard/pool";
import { populationKey, type TPopulations } from "@/lib/dashboard/rows";
import { currentMonth, monthStart, periodMonths, periodsBetween, type TMonthIndex, type TPeriod, type TPeriodKind } from "@/lib/periods";
import type { TChannel } from "@/lib/validation/dashboard";

// The dashboards' reads of the per-unit per-month rollups (never a scan of
// responses), of the questionnaires and of the populations. Callers have
// authorized on the units already.

export type TRollupFilter = { unitIds: string[]; from: TMonthIndex; to: TMonthIndex; channel?: TChannel; verifiedOnly: boolean; service?: string };

const ym = (i: TMonthIndex) => monthStart(i).toISOString().slice(0, 10);

/**
 * The view's filters but the units, on a rollup (`on: "rollup"`, by month) or on `response r`
 * (by submission time on the agency's clock).
 */
export function filterConditions(f: TRollupFilter, on: "rollup" | "response"): TSql {
  const time =
    on === "rollup"
      ? sql`r.month >= ${ym(f.from)}::date AND r.month < ${ym(f.to)}::date`
      : sql`r.submitted_at >= (${ym(f.from)}::date::timestamp AT TIME ZONE suara_timezone()) AND r.submitted_at < (${ym(f.to)}::date::timestamp AT TIME ZONE suara_timezone())`;
  const channel = f.channel ? sql` AND r.channel = ${f.channel}::"Channel"` : empty;
  const verified = f.verifiedOnly ? sql` AND r.verified` : empty;
  const service = f.service
    ? sql` AND r.service_id IN (SELECT s.id FROM service s WHERE s.code = ${f.service} AND s.unit_id = ANY(${f.unitIds}::uuid[]))`
    : empty;
  return sql`${time}${channel}${verified}${service}`;
}

/** The view's filters as a WHERE clause, the units included. */
export function filterSql(f: TRollupFilter, on: "rollup" | "response"): TSql {
  return sql`r.unit_id = ANY(${f.unitIds}::uuid[]) AND ${filterConditions(f, on)}`;
}

/**
 * Without a service, channel or verified filter a view reads the monthly summary (a few rows per
 * unit and month, whatever the volume); with one, the monthly rollup that keeps those apart.
 */
export function rollupTable(f: TRollupFilter): TSql {
  return raw(f.channel || f.service || f.verifiedOnly ? "unit_monthly_rollup" : "unit_monthly_summary");
}

/** The respondents' means summed exactly, as integers scaled by MEAN_SCALE and MEAN_SQ_SCALE (see TRollupRow). */
const MEAN_SUMS = raw(`trunc(sum(r.mean_sum) * 1e${MEAN_DIGITS})::text AS ms, trunc(sum(r.mean_sum_sq) * 1e${2 * MEAN_DIGITS})::text AS mss`);

type TArrayColumn = "sums" | "counts" | "harapan_sums" | "harapan_counts" | "profile";

/** Position by position, the sum of an array column over the rows grouped: `k` positions. */
export const sumArray = (column: TArrayColumn, k: number) =>
  raw(`ARRAY[${Array.from({ length: k }, (_, i) => `coalesce(sum(r.${column}[${i + 1}]), 0)`).join(", ")}]::int[]`);

/** A month column as its TMonthIndex. */
const monthIndexOf = (column: TSql) => sql`(extract(year FROM ${column}) * 12 + extract(month FROM ${column}) - 1)::int`;

/** How many item positions a rollup array can hold: the longest questionnaire's (read once per view). */
export async function itemSlots(): Promise<number> {
  return (await queryRows<{ k: number }>(sql`SELECT coalesce(max(position), 0)::int AS k FROM template_item`))[0]!.k;
}

/**
 * Rollup rows of the units, summed per (unit or not, month, version, suspicious). With `periods`,
 * months are summed into the period that holds them (each row's month is then the period's first):
 * far fewer rows to send when only whole periods are needed.
 */
export async function readRollup(f: TRollupFilter, k: number, byUnit: boolean, periods?: TPeriod[]): Promise<TRollupRow[]> {
  if (f.unitIds.length === 0 || f.from >= f.to || k === 0) return [];
  const monthIndex = monthIndexOf(raw("r.month"));
  const month = periods
    ? sql`CASE ${join(
        [...periods]
          .map((p) => periodMonths(p).start)
          .sort((a, b) => b - a)
          .map((start) => sql`WHEN ${monthIndex} >= ${start}::int THEN ${start}::int`),
        " ",
      )} END`
    : monthIndex;
  const rows = await queryRows<{
    unit_id: string | null; m: number; v: string; sus: boolean; n: number; ms: string; mss: string;
    s: number[]; c: number[]; hs: number[]; hc: number[];
  }>(
    sql`SELECT ${byUnit ? raw("r.unit_id") : raw("NULL::uuid AS unit_id")},
               ${month} AS m,
               r.template_version_id AS v, r.suspicious AS sus,
               sum(r.responses)::int AS n, ${MEAN_SUMS},
               ${sumArray("sums", k)} AS s, ${sumArray("counts", k)} AS c,
               ${sumArray("harapan_sums", k)} AS hs, ${sumArray("harapan_counts", k)} AS hc
          FROM ${rollupTable(f)} r
         WHERE ${filterSql(f, "rollup")}
         GROUP BY ${byUnit ? raw("r.unit_id, ") : empty}m, r.template_version_id, r.suspicious
        HAVING sum(r.responses) > 0`,
  );
  return rows.map((r) => ({
    unitId: r.unit_id ?? "",
    month: r.m,
    versionId: r.v,
    suspicious: r.sus,
    responses: r.n,
    meanSum: BigInt(r.ms),
    meanSumSq: BigInt(r.mss),
    sums: r.s,
    counts: r.c,
    harapanSums: r.hs,
    harapanCounts: r.hc,
  }));
}

const versionCache = new Map<string, TVersion>();

/**
 * Published or answered template versions are frozen (the database refuses any change:
 * template_version_frozen): loaded once per process. A draft still changes, so it is never
 * cached (no response answers a draft: it has nothing to show).
 */
export async function versionsFor(ids: Iterable<string>): Promise<Map<string, TVersion>> {
  const missing = [...new Set(ids)].filter((id) => !versionCache.has(id));
  if (missing.length > 0) {
    // Load every frozen version, so a family is always built from the same first version.
    const rows = await queryRows<TVersionRow>(
      sql`SELECT v.id, t.key AS "templateKey", t.name AS "templateName", t.name_en AS "templateNameEn",
                 v.scale_min AS "scaleMin", v.scale_max AS "scaleMax", v.bands, v.asks_harapan AS "asksHarapan",
                 json_agg(json_build_object('code', i.code, 'name', i.unsur, 'nameEn', i.unsur_en) ORDER BY i.position) AS items
            FROM template_version v
            JOIN questionnaire_template t ON t.id = v.template_id
            JOIN template_item i ON i.version_id = v.id
           WHERE v.published_at IS NOT NULL OR v.id = ANY(${missing}::uuid[])
           GROUP BY v.id, t.id
           ORDER BY v.created_at, v.id`,
    );
    versionCache.clear();
    for (const [id, v] of buildVersions(rows)) versionCache.set(id, v);
  }
  return versionCache;
}

/** The family units use by default (the default template's latest version), for a view with no data. */
export async function defaultFamily(): Promise<TFamily | null> {
  const [row] = await queryRows<{ id: string }>(
    sql`SELECT v.id FROM template_version v JOIN questionnaire_template t ON t.id = v.template_id
         WHERE t.is_default AND v.published_at IS NOT NULL ORDER BY v.version DESC LIMIT 1`,
  );
  if (!row) return null;
  return (await versionsFor([row.id])).get(row.id)?.family ?? null;
}

/** People served per unit in the periods (survey_period + unit_population), keyed by populationKey. */
export async function populations(unitIds: string[], periods: TPeriod[]): Promise<TPopulations> {
  if (unitIds.length === 0 || periods.length === 0) return new Map();
  const rows = await queryRows<{ unit_id: string; kind: string; year: number; number: number; population: number }>(
    sql`SELECT up.unit_id, p.kind::text, p.year, p.number, up.population
          FROM unit_population up JOIN survey_period p ON p.id = up.period_id
         WHERE up.unit_id = ANY(${unitIds}::uuid[])
           AND (p.kind::text, p.year, p.number) IN (SELECT * FROM unnest(${periods.map((p) => p.kind)}::text[], ${periods.map((p) => p.year)}::int[], ${periods.map((p) => p.number)}::int[]))`,
  );
  return new Map(rows.map((r) => [populationKey(r.unit_id, r), r.population]));
}

export type TFilterChoices = {
  periods: Record<TPeriodKind, TPeriod[]>;
  services: { code: string; name: string }[];
};

/** Periods from the units' first month of data to today (or their last, if later), and their services. */
export async function choicesFor(unitIds: string[]): Promise<TFilterChoices> {
  const [range, services] = await Promise.all([
    queryRows<{ first: number | null; last: number | null }>(
      sql`SELECT ${monthIndexOf(raw("min(month)"))} AS first, ${monthIndexOf(raw("max(month)"))} AS last
            FROM unit_monthly_summary WHERE unit_id = ANY(${unitIds}::uuid[])`,
    ),
    queryRows<{ code: string; name: string }>(
      sql`SELECT DISTINCT ON (code) code, name FROM service WHERE unit_id = ANY(${unitIds}::uuid[]) AND active ORDER BY code, sort_order, name`,
    ),
  ]);
  const now = currentMonth(await agencyTimeZone());
  const first = Math.min(range[0]?.first ?? now, now);
  const last = Math.max(range[0]?.last ?? now, now);
  return { periods: periodsBetween(first, last), services };
}
