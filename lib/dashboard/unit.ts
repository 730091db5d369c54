// A unit dashboard's headline from its rollup rows: the index of the questionnaire
// most respondents answered in the period, its change since the period before,
// importance against performance, and who answered another questionnaire. Pure.
import { importanceFor, largestFamily, poolBy, scoreOf, type TFamily, type TRollupRow, type TScore, type TVersion } from "@/lib/dashboard/pool";
import { inPeriod } from "@/lib/dashboard/rows";
import type { ImportanceResult } from "@/lib/ikm";
import { previousPeriod, type TPeriod } from "@/lib/periods";

export type TUnitHeadline = {
  /** The questionnaire the view pools: this period's largest, else the period before's; null without data. */
  family: TFamily | null;
  score: TScore | null;
  importance: ImportanceResult | null;
  /** Respondents in the period who answered another questionnaire (not pooled into this index). */
  otherTemplate: number;
};

/** `rows`: per unit, the period and the one before; `population` as populationIn gives it. */
export function unitHeadline(
  rows: readonly TRollupRow[],
  versions: ReadonlyMap<string, TVersion>,
  period: TPeriod,
  population: (p: TPeriod) => number | null,
): TUnitHeadline {
  const previous = previousPeriod(period);
  const isCurrent = inPeriod(period);
  const isPrevious = inPeriod(previous);
  const byPeriod = poolBy(rows, versions, (r) => (isCurrent(r) ? "current" : isPrevious(r) ? "previous" : null));
  const cur = largestFamily(byPeriod.get("current"));
  const family = cur?.family ?? largestFamily(byPeriod.get("previous"))?.family ?? null;
  let score: TScore | null = null;
  let importance: ImportanceResult | null = null;
  if (cur && cur.respondents > 0) {
    score = scoreOf(cur, byPeriod.get("previous")?.get(cur.family.key), population(period), population(previous));
    importance = importanceFor(rows, versions, cur.family.key, isCurrent);
  }
  const otherTemplate = [...(byPeriod.get("current")?.values() ?? [])].filter((p) => p !== cur).reduce((a, p) => a + p.respondents, 0);
  return { family, score, importance, otherTemplate };
}
