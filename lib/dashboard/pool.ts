// From rollup rows to lib/ikm inputs. Pure: the data layer reads the monthly
// rollup and hands the rows here; every index is then computed by lib/ikm
// from pooled sums and counts (never an average of averages).
//
// Rollup arrays are indexed by the item positions of the template version a
// response answered. Versions that share scale, item codes and bands form a
// "family": their sums can be added by item code and computed with one
// template. Different families (the 2004 and 2017 questionnaires) are never
// pooled into one index.
import {
  analyseImportance,
  compareIkm,
  computeIkmFromSums,
  defineTemplate,
  type IkmComparison,
  type IkmResult,
  type IkmTemplate,
  type ImportanceResult,
  type ItemStats,
  type Mutu,
} from "@/lib/ikm";
import type { TMonthIndex } from "@/lib/periods";

export type TVersionRow = {
  id: string;
  templateKey: string;
  templateName: string;
  templateNameEn: string | null;
  scaleMin: number;
  scaleMax: number;
  bands: unknown;
  asksHarapan: boolean;
  items: { code: string; name: string; nameEn: string }[];
};

export type TFamily = { key: string; template: IkmTemplate };
/** `asksHarapan` is the version's own: a family can hold versions that ask importance and versions that do not. */
export type TVersion = { id: string; codes: readonly string[]; family: TFamily; asksHarapan: boolean };

/** Versions grouped into families; the first version of a family names its template. */
export function buildVersions(rows: readonly TVersionRow[]): Map<string, TVersion> {
  const families = new Map<string, TFamily>();
  const out = new Map<string, TVersion>();
  for (const v of rows) {
    const codes = v.items.map((i) => i.code);
    const key = `${v.scaleMin}-${v.scaleMax}|${codes.join(",")}|${JSON.stringify(v.bands)}`;
    let family = families.get(key);
    if (!family) {
      family = {
        key,
        template: defineTemplate({
          id: v.templateKey,
          name: v.templateName,
          nameEn: v.templateNameEn ?? undefined,
          scale: { min: v.scaleMin, max: v.scaleMax },
          items: v.items.map((i) => ({ code: i.code, name: i.name, nameEn: i.nameEn })),
          bands: v.bands as { mutu: Mutu; kinerja: string; kinerjaEn?: string; min: number; max: number }[],
        }),
      };
      families.set(key, family);
    }
    out.set(v.id, { id: v.id, codes, family, asksHarapan: v.asksHarapan });
  }
  return out;
}

/**
 * Decimals of each respondent's own mean in the rollups (numeric(32,12); squares keep 24).
 * Sums of those means travel as integers scaled by 10^MEAN_DIGITS (squares by 10^(2 MEAN_DIGITS))
 * and are added as bigints: exact, so pooling rows in any grouping or order gives the same
 * interval, bit for bit (a period's interval on the headline equals its trend point's).
 */
export const MEAN_DIGITS = 12;
const MEAN_SCALE = 10 ** MEAN_DIGITS;

/** One respondent's mean score (total / answered) as the rollup stores it: rounded half up to MEAN_DIGITS, scaled. */
export function scaledMean(total: number, answered: number): bigint {
  if (answered === 0) return 0n;
  const num = BigInt(total) * 10n ** BigInt(MEAN_DIGITS);
  const den = BigInt(answered);
  return (num + den / 2n) / den;
}

/** One row of the monthly rollup, summed over whatever the query grouped away. */
export type TRollupRow = {
  unitId: string;
  month: TMonthIndex;
  versionId: string;
  suspicious: boolean;
  responses: number;
  /** Σ respondent mean × 10^MEAN_DIGITS, exact. */
  meanSum: bigint;
  /** Σ (respondent mean)² × 10^(2 MEAN_DIGITS), exact. */
  meanSumSq: bigint;
  sums: readonly number[];
  counts: readonly number[];
  harapanSums: readonly number[];
  harapanCounts: readonly number[];
};

/** Sums of one family over a set of rollup rows: lib/ikm's IkmStats plus importance. */
export type TPooled = {
  family: TFamily;
  respondents: number;
  /** Scaled as TRollupRow.meanSum / meanSumSq. */
  indexSum: bigint;
  indexSumSquares: bigint;
  items: Record<string, { answered: number; sum: number }>;
  harapan: Record<string, { answered: number; sum: number }>;
};

export function emptyPooled(family: TFamily): TPooled {
  const items: TPooled["items"] = {};
  const harapan: TPooled["harapan"] = {};
  for (const { code } of family.template.items) {
    items[code] = { answered: 0, sum: 0 };
    harapan[code] = { answered: 0, sum: 0 };
  }
  return { family, respondents: 0, indexSum: 0n, indexSumSquares: 0n, items, harapan };
}

export function addRow(p: TPooled, row: TRollupRow, version: TVersion): void {
  p.respondents += row.responses;
  p.indexSum += row.meanSum;
  p.indexSumSquares += row.meanSumSq;
  version.codes.forEach((code, i) => {
    const item = p.items[code]!;
    item.answered += row.counts[i] ?? 0;
    item.sum += row.sums[i] ?? 0;
    const h = p.harapan[code]!;
    h.answered += row.harapanCounts[i] ?? 0;
    h.sum += row.harapanSums[i] ?? 0;
  });
}

export function mergePooled(list: readonly TPooled[], family: TFamily): TPooled {
  const out = emptyPooled(family);
  for (const p of list) {
    if (p.family.key !== family.key) continue;
    out.respondents += p.respondents;
    out.indexSum += p.indexSum;
    out.indexSumSquares += p.indexSumSquares;
    for (const code of Object.keys(out.items)) {
      out.items[code]!.answered += p.items[code]!.answered;
      out.items[code]!.sum += p.items[code]!.sum;
      out.harapan[code]!.answered += p.harapan[code]!.answered;
      out.harapan[code]!.sum += p.harapan[code]!.sum;
    }
  }
  return out;
}

/**
 * Pools the non-suspicious rows that `pick` keys (null = leave out) by key and family:
 * key -> family key -> pooled sums.
 */
export function poolBy<K>(
  rows: readonly TRollupRow[],
  versions: ReadonlyMap<string, TVersion>,
  pick: (row: TRollupRow) => K | null,
): Map<K, Map<string, TPooled>> {
  const out = new Map<K, Map<string, TPooled>>();
  for (const row of rows) {
    if (row.suspicious) continue;
    const key = pick(row);
    if (key === null) continue;
    const version = versions.get(row.versionId);
    if (!version) throw new Error(`template version ${row.versionId} not loaded`);
    let byFamily = out.get(key);
    if (!byFamily) out.set(key, (byFamily = new Map()));
    let p = byFamily.get(version.family.key);
    if (!p) byFamily.set(version.family.key, (p = emptyPooled(version.family)));
    addRow(p, row, version);
  }
  return out;
}

/** Sums per family across every key. */
export function familyTotals<K>(pooled: ReadonlyMap<K, ReadonlyMap<string, TPooled>>): Map<string, TPooled> {
  const out = new Map<string, TPooled>();
  for (const byFamily of pooled.values()) {
    for (const p of byFamily.values()) out.set(p.family.key, mergePooled([out.get(p.family.key) ?? emptyPooled(p.family), p], p.family));
  }
  return out;
}

/** The family with the most respondents, if any. */
export function largestFamily(byFamily: ReadonlyMap<string, TPooled> | undefined): TPooled | undefined {
  let best: TPooled | undefined;
  for (const p of byFamily?.values() ?? []) if (!best || p.respondents > best.respondents) best = p;
  return best;
}

/** The index of pooled sums, by lib/ikm. */
export function resultOf(p: TPooled, population?: number | null): IkmResult {
  const items: Record<string, ItemStats> = {};
  for (const [code, s] of Object.entries(p.items)) items[code] = { answered: s.answered, sum: s.sum };
  return computeIkmFromSums(
    {
      respondents: p.respondents,
      items,
      // One rounding each, from the exact sums.
      indexSum: Number(p.indexSum) / MEAN_SCALE,
      indexSumSquares: Number(p.indexSumSquares) / MEAN_SCALE / MEAN_SCALE,
    },
    {
      template: p.family.template,
      // A population below the respondents is a data-entry slip: no sample check, no correction.
      population: population && population >= p.respondents ? population : undefined,
    },
  );
}

/**
 * Expectation against perception for the rows `keep` selects, in `familyKey`: performance and
 * importance from the same respondents, those whose questionnaire version asked importance
 * (a unit that does not ask it never enters the chart, whatever its rows hold).
 */
export function importanceFor(
  rows: readonly TRollupRow[],
  versions: ReadonlyMap<string, TVersion>,
  familyKey: string,
  keep: (row: TRollupRow) => boolean,
): ImportanceResult | null {
  const asked = poolBy(rows, versions, (r) => (keep(r) && versions.get(r.versionId)?.asksHarapan ? "asked" : null)).get("asked")?.get(familyKey);
  if (!asked || asked.respondents === 0) return null;
  return analyseImportance(resultOf(asked), asked.harapan);
}

export type TScore = {
  result: IkmResult;
  previous: IkmResult | null;
  change: IkmComparison | null;
  /** People served in the period, when known for every unit counted. */
  population: number | null;
};

export function scoreOf(current: TPooled, previous: TPooled | undefined, population: number | null, previousPopulation: number | null): TScore {
  const result = resultOf(current, population);
  const prev = previous && previous.respondents > 0 ? resultOf(previous, previousPopulation) : null;
  return { result, previous: prev, change: prev ? compareIkm(result, prev) : null, population: result.sample ? population : null };
}
