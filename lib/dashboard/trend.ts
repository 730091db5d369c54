// The trend: the index per period, pooled over the units a view reads. Pure.
import { poolBy, resultOf, type TFamily, type TRollupRow, type TVersion } from "@/lib/dashboard/pool";
import type { Mutu } from "@/lib/ikm";
import { periodMonths, type TMonthIndex, type TPeriod } from "@/lib/periods";

export type TTrendPoint = {
  period: TPeriod;
  /** The period runs past what the view reads (it has not ended, or it ends after the chosen period). */
  partial: boolean;
  respondents: number;
  konversi: number | null;
  mutu: Mutu | null;
  lower: number | null;
  upper: number | null;
  /** NRR per item code. */
  nrr: Record<string, number | null>;
};

/** The months the trend reads: from its first period to the end of the chosen one. */
export function trendMonths(chosen: TPeriod, trend: readonly TPeriod[]): { from: TMonthIndex; to: TMonthIndex } {
  return { from: periodMonths(trend[0]!).start, to: periodMonths(chosen).end };
}

/**
 * The index per trend period, pooled over the units read. `population` gives the people served
 * in a period (when known), so each point's interval is the headline's for the same period.
 */
export function trendOf(
  rows: readonly TRollupRow[],
  versions: ReadonlyMap<string, TVersion>,
  family: TFamily | null,
  periods: readonly TPeriod[],
  readEnd: TMonthIndex,
  population: (p: TPeriod) => number | null,
  /** This month on the agency's clock: a period not over by then is partial. */
  current: TMonthIndex,
): TTrendPoint[] {
  const index = new Map<TMonthIndex, number>();
  periods.forEach((p, i) => {
    const { start, end } = periodMonths(p);
    for (let m = start; m < end; m++) index.set(m, i);
  });
  const pooled = poolBy(rows, versions, (r) => index.get(r.month) ?? null);
  return periods.map((period, i) => {
    const partial = periodMonths(period).end > current || periodMonths(period).end > readEnd;
    const p = family ? pooled.get(i)?.get(family.key) : undefined;
    if (!p || p.respondents === 0) return { period, partial, respondents: 0, konversi: null, mutu: null, lower: null, upper: null, nrr: {} };
    const r = resultOf(p, partial ? null : population(period));
    return {
      period,
      partial,
      respondents: r.respondents,
      konversi: r.konversiRounded,
      mutu: r.mutu,
      lower: r.confidence?.lower ?? null,
      upper: r.confidence?.upper ?? null,
      nrr: Object.fromEntries(r.items.map((it) => [it.code, it.nrr])),
    };
  });
}

/** The trend as the screen and the report show it: periods before the first response say nothing, so it starts at the first with data. */
export function fromFirstData<T extends { respondents: number }>(trend: readonly T[]): readonly T[] {
  const first = trend.findIndex((p) => p.respondents > 0);
  return first > 0 ? trend.slice(first) : trend;
}
