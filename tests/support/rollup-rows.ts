// Rollup rows and template versions for the unit tests of lib/dashboard: a row
// holds exactly the answers given, as the rollup trigger would have summed them.
import { scaledMean, type TRollupRow, type TVersionRow } from "@/lib/dashboard/pool";
import { PERMENPAN_14_2017 } from "@/lib/ikm";
import { monthIndex } from "@/lib/periods";

export const version = (id: string, tpl = PERMENPAN_14_2017, harapan = false, key = tpl.id): TVersionRow => ({
  id,
  templateKey: key,
  templateName: tpl.name,
  templateNameEn: tpl.nameEn,
  scaleMin: tpl.scale.min,
  scaleMax: tpl.scale.max,
  bands: tpl.bands,
  asksHarapan: harapan,
  items: tpl.items.map((i) => ({ code: i.code, name: i.name, nameEn: i.nameEn })),
});

/** A rollup row holding exactly `answers` (one array of scores per respondent). */
export function row(unitId: string, versionId: string, answers: number[][], extra: Partial<TRollupRow> = {}): TRollupRow {
  const k = answers[0]!.length;
  const means = answers.map((a) => scaledMean(a.reduce((x, y) => x + y, 0), a.length));
  return {
    unitId,
    versionId,
    month: monthIndex(2026, 8),
    suspicious: false,
    responses: answers.length,
    meanSum: means.reduce((a, b) => a + b, 0n),
    meanSumSq: means.reduce((a, b) => a + b * b, 0n),
    sums: Array.from({ length: k }, (_, i) => answers.reduce((a, r) => a + r[i]!, 0)),
    counts: Array.from({ length: k }, () => answers.length),
    harapanSums: new Array(k).fill(0),
    harapanCounts: new Array(k).fill(0),
    ...extra,
  };
}
