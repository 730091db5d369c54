// Expectation against perception (importance-performance analysis, Martilla &
// James 1977), as Indonesian SKM reports draw it in the "diagram kartesius":
// each unsur is placed by the mean importance citizens gave it (harapan) and
// the NRR they gave its performance; the cross-hairs are the means over the
// unsur. Pure.
import type { IkmResult, ItemStats } from "./types";

/**
 * I   concentrate: important, performing below the mean (prioritas utama)
 * II  keep:        important, performing at or above the mean (pertahankan prestasi)
 * III low:         less important, performing below the mean (prioritas rendah)
 * IV  overkill:    less important, performing at or above the mean (berlebihan)
 */
export type Quadrant = "concentrate" | "keep" | "low" | "overkill";

export interface ImportanceItem {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** NRR of the unsur (performance), from computeIkm. */
  readonly performance: number;
  /** Mean importance score. */
  readonly importance: number;
  /** Answers the importance mean rests on. */
  readonly importanceAnswered: number;
  /** performance - importance: below zero, citizens got less than they expect. */
  readonly gap: number;
  /** Tingkat kesesuaian: performance / importance x 100 (%). */
  readonly conformity: number;
  readonly quadrant: Quadrant;
}

export interface ImportanceResult {
  /** Unsur with both a performance NRR and at least one importance answer, in template order. */
  readonly items: readonly ImportanceItem[];
  readonly meanPerformance: number;
  readonly meanImportance: number;
  /** Codes of items left out: nobody rated their importance or their performance. */
  readonly missing: readonly string[];
}

/**
 * Place each unsur of `result` against the importance sums in `harapan` (per item code,
 * answered + sum of importance scores). Null when no unsur has both.
 */
export function analyseImportance(
  result: Pick<IkmResult, "items">,
  harapan: Readonly<Record<string, ItemStats>>,
): ImportanceResult | null {
  const placed: Omit<ImportanceItem, "quadrant">[] = [];
  const missing: string[] = [];
  for (const item of result.items) {
    const h = harapan[item.code];
    if (item.nrr === null || !h || h.answered === 0) {
      missing.push(item.code);
      continue;
    }
    const importance = h.sum / h.answered;
    placed.push({
      code: item.code,
      name: item.name,
      nameEn: item.nameEn,
      performance: item.nrr,
      importance,
      importanceAnswered: h.answered,
      gap: item.nrr - importance,
      conformity: (item.nrr / importance) * 100,
    });
  }
  if (placed.length === 0) return null;
  const meanPerformance = placed.reduce((a, i) => a + i.performance, 0) / placed.length;
  const meanImportance = placed.reduce((a, i) => a + i.importance, 0) / placed.length;
  const items = placed.map((i) => ({ ...i, quadrant: quadrantOf(i.importance, i.performance, meanImportance, meanPerformance) }));
  return { items, meanPerformance, meanImportance, missing };
}

/** Ties with a mean go to the upper side (important / performing). */
export function quadrantOf(importance: number, performance: number, meanImportance: number, meanPerformance: number): Quadrant {
  const important = importance >= meanImportance;
  const performing = performance >= meanPerformance;
  if (important) return performing ? "keep" : "concentrate";
  return performing ? "overkill" : "low";
}
