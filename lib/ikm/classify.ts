import { roundDecimalScaled, type Fraction, fraction } from "./decimal";
import { resolveTemplate } from "./templates";
import type { IkmTemplate, MutuBand } from "./types";

/** The band holding a konversi value given in hundredths (already rounded). */
export function bandForHundredths(hundredths: bigint, template: IkmTemplate): MutuBand {
  // Lower edges are inclusive (>=); bands are contiguous in steps of 0.01, so the highest band
  // whose lower edge is reached is the one.
  let found: MutuBand | undefined;
  for (const band of template.bands) {
    if (hundredths >= BigInt(Math.round(band.min * 100))) found = band;
  }
  const top = template.bands[template.bands.length - 1];
  if (!found || !top || hundredths > BigInt(Math.round(top.max * 100))) {
    throw new RangeError(
      `Nilai konversi ${Number(hundredths) / 100} di luar rentang 25,00–100,00`,
    );
  }
  return found;
}

/**
 * Mutu and kinerja for a konversi value (25..100). The value is first rounded half-up to two
 * decimals as it is printed (64.994 -> 64.99 -> D, 64.995 -> 65.00 -> C), then placed in the
 * band whose lower edge it reaches. Throws RangeError outside 25..100.
 */
export function classifyMutu(konversi: number, template?: IkmTemplate | string): MutuBand {
  return bandForHundredths(roundDecimalScaled(konversi, 2), resolveTemplate(template));
}

/**
 * IKM (item scale) -> konversi (25..100), a linear map with scale.min -> 25 and scale.max -> 100.
 * For 1..4 scales (both built-in templates) that is exactly ikm x 25, computed as such.
 */
export function toKonversi(ikm: number, template?: IkmTemplate | string): number {
  const { min, max } = resolveTemplate(template).scale;
  if (min === 1 && max === 4) return ikm * 25;
  return 25 + (75 * (ikm - min)) / (max - min);
}

/** Same map on an exact fraction. */
export function toKonversiFraction(ikm: Fraction, template: IkmTemplate): Fraction {
  const min = BigInt(template.scale.min);
  const range = BigInt(template.scale.max - template.scale.min);
  // 25 + 75 (num/den - min) / range = (25 range den + 75 (num - min den)) / (range den)
  return fraction(25n * range * ikm.den + 75n * (ikm.num - min * ikm.den), range * ikm.den);
}
