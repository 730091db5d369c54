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
