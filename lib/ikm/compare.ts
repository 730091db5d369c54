import { Z_95 } from "./compute";
import type { IkmResult } from "./types";

export type Trend = "naik" | "turun" | "tetap";

export interface IkmComparison {
  /** Both results come from the same template (otherwise the bands differ; compare with care). */
  readonly sameTemplate: boolean;
  /** current.konversi - previous.konversi, unrounded; null if either index is not computable. */
  readonly delta: number | null;
  /** Difference of the two values as shown (two decimals), so it matches what a reader subtracts. */
  readonly deltaRounded: number | null;
  /** Sign of deltaRounded. Says nothing about noise: see `significant`. */
  readonly direction: Trend | null;
  /** sqrt(se_current² + se_previous²): the periods are independent samples. */
  readonly standardError: number | null;
  /** 1.96 x standardError: a change smaller than this is within sampling noise. */
  readonly margin: number | null;
  /** |delta| > margin; null when either result has no confidence interval. */
  readonly significant: boolean | null;
  readonly mutuChanged: boolean | null;
}

/** Compare a period's result with an earlier one (trend per unit, "naik/turun"). */
export function compareIkm(current: IkmResult, previous: IkmResult): IkmComparison {
  const sameTemplate = current.templateId === previous.templateId;
  if (
    current.konversi === null ||
    previous.konversi === null ||
    current.konversiRounded === null ||
    previous.konversiRounded === null
  ) {
    return {
      sameTemplate,
      delta: null,
      deltaRounded: null,
      direction: null,
      standardError: null,
      margin: null,
      significant: null,
      mutuChanged: null,
    };
  }
  const delta = current.konversi - previous.konversi;
  const hundredths = Math.round(current.konversiRounded * 100) - Math.round(previous.konversiRounded * 100);
  const deltaRounded = hundredths / 100;
  const direction: Trend = hundredths > 0 ? "naik" : hundredths < 0 ? "turun" : "tetap";
  let standardError: number | null = null;
  let margin: number | null = null;
  let significant: boolean | null = null;
  if (current.confidence && previous.confidence) {
    standardError = Math.hypot(current.confidence.standardError, previous.confidence.standardError);
    margin = Z_95 * standardError;
    significant = Math.abs(delta) > margin;
  }
  return {
    sameTemplate,
    delta,
    deltaRounded,
    direction,
    standardError,
    margin,
    significant,
    mutuChanged: current.mutu !== previous.mutu,
  };
}

/** One item's scores in one period: their sum, sum of squares and how many answered. */
export interface ScoreMoments {
  readonly sum: number;
  readonly sumSq: number;
  readonly n: number;
}

export interface NrrComparison {
  /** NRR (mean score, 1..4) of each period; null when nobody answered the item. */
  readonly current: number | null;
  readonly previous: number | null;
  /** current - previous NRR, unrounded; null if either period has no answers. */
  readonly delta: number | null;
  /** delta x 25: the change on the 25..100 scale the unsur is shown in. */
  readonly delta25: number | null;
  /** Sign of the NRR delta rounded to two decimals (what a reader subtracts). Says nothing about noise. */
  readonly direction: Trend | null;
  /** sqrt(s1²/n1 + s2²/n2) on the NRR scale (Welch): the periods are independent samples. */
  readonly standardError: number | null;
  /** Z_95 x standardError (NRR scale): a change smaller than this is within sampling noise. */
  readonly margin: number | null;
  /** |delta| > margin; null when either period has fewer than two answers (no variance). */
  readonly significant: boolean | null;
}

function mean(m: ScoreMoments): number | null {
  return m.n > 0 ? m.sum / m.n : null;
}

/** Sample variance (n - 1), clamped at 0 against rounding; null below two answers. */
function variance(m: ScoreMoments): number | null {
  if (m.n < 2) return null;
  return Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1));
}

/**
 * Compare one unsur's NRR between two periods ("did the plan work"): the change and whether it is
 * beyond sampling noise. Unlike compareIkm this works from raw moments, because the dashboard's
 * rollups keep per item only sums and counts; the caller reads sums of squares from responses.
 * No finite-population correction: it would narrow the margin only for units that survey a large
 * share of their users, and the per-item population is not known.
 */
export function compareNrr(current: ScoreMoments, previous: ScoreMoments): NrrComparison {
  const a = mean(current);
  const b = mean(previous);
  if (a === null || b === null) {
    return { current: a, previous: b, delta: null, delta25: null, direction: null, standardError: null, margin: null, significant: null };
  }
  const delta = a - b;
  const hundredths = Math.round(a * 100) - Math.round(b * 100);
  const direction: Trend = hundredths > 0 ? "naik" : hundredths < 0 ? "turun" : "tetap";
  const va = variance(current);
  const vb = variance(previous);
  let standardError: number | null = null;
  let margin: number | null = null;
  let significant: boolean | null = null;
  if (va !== null && vb !== null) {
    standardError = Math.sqrt(va / current.n + vb / previous.n);
    margin = Z_95 * standardError;
    significant = Math.abs(delta) > margin;
  }
  return { current: a, previous: b, delta, delta25: delta * 25, direction, standardError, margin, significant };
}
