import "server-only";
import { agencyTimeZone } from "@/lib/dal/settings";
import { readSaran, type TSaranSummary } from "@/lib/dal/dashboard/feedback";
import {
  choicesFor,
  defaultFamily,
  filterSql,
  itemSlots,
  populations,
  readRollup,
  rollupTable,
  sumArray,
  versionsFor,
  type TFilterChoices,
  type TRollupFilter,
} from "@/lib/dal/dashboard/rollup";
import { publishedFor, type TPublished } from "@/lib/dal/dashboard/published";
import { ancestorsFor, resolveScope, type TCrumb, type TUnitNode } from "@/lib/dal/dashboard/scope";
import { queryRows, sql } from "@/lib/dal/sql";
import type { TFamily, TScore } from "@/lib/dashboard/pool";
import { populationIn, sumSuspicious } from "@/lib/dashboard/rows";
import { trendMonths, trendOf, type TTrendPoint } from "@/lib/dashboard/trend";
import { unitHeadline } from "@/lib/dashboard/unit";
import type { ImportanceResult } from "@/lib/ikm";
import { currentMonth, inProgress, periodMonths, previousPeriod, trendPeriods } from "@/lib/periods";
import type { TCaller } from "@/lib/permissions";
import { readProfile, PROFILE_SLOTS, type TProfileCounts } from "@/lib/profile";
import type { TChannel, TDashboardQuery } from "@/lib/validation/dashboard";

export type TUnitDashboard = {
  unit: TUnitNode & { hasChildren: boolean };
  ancestors: TCrumb[];
  scope: "sendiri" | "gabungan";
  subtreeUnits: number;
  family: TFamily | null;
  score: TScore | null;
  inProgress: boolean;
  suspiciousExcluded: number;
  /** Respondents in the period who answered another questionnaire (not pooled into this index). */
  otherTemplate: number;
  trend: TTrendPoint[];
  importance: ImportanceResult | null;
  profile: TProfileCounts;
  /** Per service of each unit counted (codes repeat across units: "KTP" at the dinas and at its UPT). */
  byService: { code: string; name: string; unit: string; respondents: number }[];
  byChannel: { channel: TChannel; respondents: number }[];
  saran: TSaranSummary;
  choices: TFilterChoices;
  /** What the unit published for this period (its own figure, frozen), to read beside the live one. */
  published: TPublished | null;
};

/** A unit's dashboard: its own responses, or with its sub-units pooled (`cakupan`). */
export async function getUnitDashboard(caller: TCaller | null, code: string, q: TDashboardQuery): Promise<TUnitDashboard | null> {
  const scoped = await resolveScope(caller, code, q.cakupan);
  if (!scoped) return null;
  const { unit, tree, scope, unitIds } = scoped;
  const trend = trendPeriods(q.period, q.trend);
  const months = trendMonths(q.period, trend);
  const filter = { unitIds, channel: q.kanal, verifiedOnly: q.verifiedOnly, service: q.layanan };
  const current = periodMonths(q.period);
  const previous = previousPeriod(q.period);

  // Per unit only the two periods compared (populations need per-unit respondents); the trend per month, pooled.
  const [k, timeZone] = await Promise.all([itemSlots(), agencyTimeZone()]);
  const [rows, trendRows, breakdown, saran, choices, ancestors, published] = await Promise.all([
    readRollup({ ...filter, from: periodMonths(previous).start, to: current.end }, k, true, [previous, q.period]),
    readRollup({ ...filter, ...months }, k, false),
    readBreakdown({ ...filter, from: current.start, to: current.end }),
    readSaran({ ...filter, from: current.start, to: current.end }),
    choicesFor(unitIds),
    ancestorsFor(caller, unit),
    publishedFor(unit.id, q.period),
  ]);
  const versions = await versionsFor([...rows, ...trendRows].map((r) => r.versionId));
  const pops = await populations(unitIds, [q.period, previous]);
  const population = populationIn(pops, unitIds, rows, [q.period, previous]);
  const headline = unitHeadline(rows, versions, q.period, population);
  const family = headline.family ?? (await defaultFamily());

  return {
    unit: { ...unit, hasChildren: tree.length > 1 },
    ancestors,
    scope,
    subtreeUnits: tree.length,
    family,
    score: headline.score,
    inProgress: inProgress(q.period, timeZone),
    suspiciousExcluded: sumSuspicious(rows, q.period),
    otherTemplate: headline.otherTemplate,
    trend: trendOf(trendRows, versions, family, trend, months.to, population, currentMonth(timeZone)),
    importance: headline.importance,
    ...breakdown,
    saran,
    choices,
    published,
  };
}

/**
 * Profile, services and channels of the period's respondents (every questionnaire counts).
 * The profile is one summed vector (from the monthly summary when no filter needs the detail);
 * services and channels are plain counts from the monthly rollup.
 */
async function readBreakdown(f: TRollupFilter): Promise<Pick<TUnitDashboard, "profile" | "byService" | "byChannel">> {
  const where = filterSql(f, "rollup");
  const [[profile], counts] = await Promise.all([
    queryRows<{ p: number[] }>(sql`SELECT ${sumArray("profile", PROFILE_SLOTS)} AS p FROM ${rollupTable(f)} r WHERE ${where} AND NOT r.suspicious`),
    queryRows<{ service_id: string; channel: TChannel; n: number }>(
      sql`SELECT r.service_id, r.channel::text AS channel, sum(r.responses)::int AS n
            FROM unit_monthly_rollup r WHERE ${where} AND NOT r.suspicious
           GROUP BY r.service_id, r.channel HAVING sum(r.responses) > 0`,
    ),
  ]);
  const byServiceId = new Map<string, number>();
  const channels = new Map<TChannel, number>();
  for (const r of counts) {
    byServiceId.set(r.service_id, (byServiceId.get(r.service_id) ?? 0) + r.n);
    channels.set(r.channel, (channels.get(r.channel) ?? 0) + r.n);
  }
  const names = await queryRows<{ id: string; code: string; name: string; unit: string }>(
    sql`SELECT s.id, s.code, s.name, u.name AS unit FROM service s JOIN unit u ON u.id = s.unit_id WHERE s.id = ANY(${[...byServiceId.keys()]}::uuid[])`,
  );
  const serviceOf = new Map(names.map((r) => [r.id, r]));
  return {
    profile: readProfile(profile?.p ?? []),
    byService: [...byServiceId.entries()]
      .map(([id, respondents]) => {
        const s = serviceOf.get(id);
        return { code: s?.code ?? "", name: s?.name ?? "", unit: s?.unit ?? "", respondents };
      })
      .sort((a, b) => b.respondents - a.respondents),
    byChannel: [...channels.entries()].map(([channel, respondents]) => ({ channel, respondents })).sort((a, b) => b.respondents - a.respondents),
  };
}
