import "server-only";
import { agencyTimeZone } from "@/lib/dal/settings";
import { choicesFor, defaultFamily, itemSlots, populations, readRollup, versionsFor, type TFilterChoices } from "@/lib/dal/dashboard/rollup";
import { ancestorsFor, resolveScope, unitsAt, type TCrumb, type TUnitNode } from "@/lib/dal/dashboard/scope";
import {
  agencyFamily,
  agencyPools,
  agencyUnitRows,
  attentionOf,
  moversOf,
  mutuSpread,
  otherTemplateOf,
  scoreUnits,
  type TMutuSpread,
  type TUnitRow,
} from "@/lib/dashboard/agency";
import type { TFamily, TScore } from "@/lib/dashboard/pool";
import { populationIn, sumSuspicious } from "@/lib/dashboard/rows";
import { trendMonths, trendOf, type TTrendPoint } from "@/lib/dashboard/trend";
import { currentMonth, inProgress, periodMonths, previousPeriod, trendPeriods } from "@/lib/periods";
import { scopePaths, type TCaller } from "@/lib/permissions";
import type { TDashboardQuery } from "@/lib/validation/dashboard";

export type TAgencyDashboard = {
  root: TUnitNode;
  ancestors: TCrumb[];
  /** The caller's own scope roots, to switch between when they hold several. */
  roots: TCrumb[];
  level: "semua" | "anak";
  family: TFamily | null;
  pooled: TScore | null;
  inProgress: boolean;
  trend: TTrendPoint[];
  rows: TUnitRow[];
  spread: TMutuSpread;
  movers: { rises: TUnitRow[]; falls: TUnitRow[] };
  attention: { noData: TUnitRow[]; belowSample: TUnitRow[] };
  suspiciousExcluded: number;
  otherTemplate: number;
  choices: TFilterChoices;
};

/**
 * Every unit under `q.unit` (default: the caller's own top unit) side by side, the pooled
 * index of the whole subtree, its trend, movers and the units to look at.
 */
export async function getAgencyDashboard(caller: TCaller | null, q: TDashboardQuery): Promise<TAgencyDashboard | null> {
  const rootPaths = scopePaths(caller, "dashboard.read");
  if (rootPaths.length === 0) return null;
  const rootUnits = await unitsAt(rootPaths);
  const code = q.unit ?? rootUnits[0]?.code;
  const scoped = code ? await resolveScope(caller, code, "gabungan") : null;
  if (!scoped) return null;
  const { unit: root, tree, unitIds } = scoped;
  const level = q.tingkat ?? "semua";
  const trend = trendPeriods(q.period, q.trend);
  const months = trendMonths(q.period, trend);
  const previous = previousPeriod(q.period);
  const filter = { unitIds, channel: q.kanal, verifiedOnly: q.verifiedOnly, service: q.layanan };

  // Per unit only the two periods compared; the trend pooled over all units, per month.
  const [k, timeZone] = await Promise.all([itemSlots(), agencyTimeZone()]);
  const [rows, trendRows, choices, ancestors, pops] = await Promise.all([
    readRollup({ ...filter, from: periodMonths(previous).start, to: periodMonths(q.period).end }, k, true, [previous, q.period]),
    readRollup({ ...filter, ...months }, k, false),
    choicesFor(unitIds),
    ancestorsFor(caller, root),
    populations(unitIds, [q.period, previous]),
  ]);
  const versions = await versionsFor([...rows, ...trendRows].map((r) => r.versionId));
  const pools = agencyPools(rows, versions, q.period);
  const family = agencyFamily(pools) ?? (await defaultFamily());
  const unitRows = agencyUnitRows(tree, root, level, pools, pops, family);
  const all = scoreUnits(pools, pops, family, unitIds);
  return {
    root,
    ancestors,
    roots: rootUnits.map(({ code, name }) => ({ code, name })),
    level,
    family,
    pooled: all.comparable ? all.score : null,
    inProgress: inProgress(q.period, timeZone),
    // Populations need per-unit respondents, read for the two periods compared only: the other trend
    // points carry an interval without the finite-population correction (slightly wider).
    trend: trendOf(trendRows, versions, family, trend, months.to, populationIn(pops, unitIds, rows, [q.period, previous]), currentMonth(timeZone)),
    rows: unitRows,
    spread: mutuSpread(unitRows),
    movers: moversOf(unitRows.filter((r) => r.comparable)),
    attention: attentionOf(unitRows),
    suspiciousExcluded: sumSuspicious(rows, q.period),
    otherTemplate: otherTemplateOf(pools, family),
    choices,
  };
}
