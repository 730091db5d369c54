// Display helpers: the only place numbers are rounded. Values are rounded half-up on the
// decimal they print as (see decimal.ts), so what is shown agrees with the band mutu came from.
import { roundDecimalScaled, scaledToString } from "./decimal";
import type { IkmResult } from "./types";

export type DisplayLocale = "id" | "en";

/** Shown for a value that cannot be computed. */
export const NOT_AVAILABLE = "–";

/** 88.305 -> "88,31" (id) / "88.31" (en); null/undefined -> "–". No thousands separator. */
export function formatDecimal(
  value: number | null | undefined,
  digits = 2,
  locale: DisplayLocale = "id",
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  return scaledToString(roundDecimalScaled(value, digits), digits, locale === "id" ? "," : ".");
}

/** Whole numbers with a thousands separator: 1234567 -> "1.234.567" (id) / "1,234,567" (en). */
export function formatInteger(value: number | null | undefined, locale: DisplayLocale = "id"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  const digits = Math.abs(Math.round(value)).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, locale === "id" ? "." : ",");
  return (value < 0 ? "-" : "") + grouped;
}

/** NRR as reports print it (2 decimals). */
export function formatNrr(nrr: number | null | undefined, locale: DisplayLocale = "id"): string {
  return formatDecimal(nrr, 2, locale);
}

/** IKM on the item scale (3 decimals, as reports print it: 3,215). */
export function formatIkm(ikm: number | null | undefined, locale: DisplayLocale = "id"): string {
  return formatDecimal(ikm, 3, locale);
}

/** Konversi of a result, from its exact rounding (2 decimals): "80,38". */
export function formatKonversi(result: Pick<IkmResult, "konversiRounded">, locale: DisplayLocale = "id"): string {
  return formatDecimal(result.konversiRounded, 2, locale);
}

/** Weight as reports print it (0,111 for 1/9) — display only, never compute with it. */
export function formatWeight(weight: number, locale: DisplayLocale = "id"): string {
  return formatDecimal(weight, 3, locale);
}
