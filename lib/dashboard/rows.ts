// What rollup rows say about a period and its units: which rows fall in a period,
// respondents per unit, responses set aside as suspicious, and the population a
// set of units served. Pure: the data layer reads the rows and the populations.
import type { TRollupRow } from "@/lib/dashboard/pool";
import { periodKey, periodMonths, type TPeriod } from "@/lib/periods";

export function inPeriod(p: TPeriod): (row: TRollupRow) => boolean {
  const { start, end } = periodMonths(p);
  return (row) => row.month >= start && row.month < end;
}

/** Respondents (non-suspicious) per unit in a period. */
export function respondentsByUnit(rows: readonly TRollupRow[], p: TPeriod): Map<string, number> {
  const inside = inPeriod(p);
  const m = new Map<string, number>();
  for (const r of rows) if (!r.suspicious && inside(r)) m.set(r.unitId, (m.get(r.unitId) ?? 0) + r.responses);
  return m;
}

/** Responses flagged suspicious in a period (left out of every index). */
export function sumSuspicious(rows: readonly TRollupRow[], p: TPeriod): number {
  const inside = inPeriod(p);
  return rows.filter((r) => r.suspicious && inside(r)).reduce((a, r) => a + r.responses, 0);
}

/** People served by each unit per period, keyed by populationKey. */
export type TPopulations = ReadonlyMap<string, number>;

export const populationKey = (unitId: string, p: { kind: string; year: number; number: number }) => `${unitId}|${p.kind}-${p.year}-${p.number}`;

/**
 * Population of a set of units in a period: the sum, when every unit that has respondents
 * in the period has one recorded; otherwise unknown (the sample cannot be judged).
 */
export function populationOf(pops: TPopulations, unitIds: readonly string[], respondents: ReadonlyMap<string, number>, p: TPeriod): number | null {
  let total = 0;
  let any = false;
  for (const id of unitIds) {
    const n = pops.get(populationKey(id, p));
    if (n === undefined) {
      if ((respondents.get(id) ?? 0) > 0) return null;
      continue;
    }
    total += n;
    any = true;
  }
  return any ? total : null;
}

/**
 * The population of the units in a period, for the periods whose rows were read per unit
 * (`compared`: the chosen period and the one before); unknown for any other period.
 */
export function populationIn(pops: TPopulations, unitIds: readonly string[], rows: readonly TRollupRow[], compared: readonly TPeriod[]): (p: TPeriod) => number | null {
  const keys = compared.map(periodKey);
  return (p) => (keys.includes(periodKey(p)) ? populationOf(pops, unitIds, respondentsByUnit(rows, p), p) : null);
}
