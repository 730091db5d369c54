// Turning DTOs into what the sections draw. Server-side, pure; every number
// still comes from lib/ikm.
import type { TBand, TNrrBar } from "@/components/dashboard/charts";
import { classifyMutu, toKonversi, type IkmResult, type IkmTemplate, type Mutu } from "@/lib/ikm";
import type { Locale } from "@/lib/i18n";

/** The grade an NRR reaches when read on the index's bands (the heat map's colour, the bar's colour). */
export function mutuOfNrr(nrr: number | null, template: IkmTemplate): Mutu | null {
  return nrr === null ? null : classifyMutu(toKonversi(nrr, template), template).mutu;
}

/** Band edges on the konversi scale (for the trend), labelled "A · Sangat Baik". */
export function konversiBands(template: IkmTemplate, locale: Locale): TBand[] {
  return template.bands.map((b) => ({ mutu: b.mutu, label: `${b.mutu} · ${locale === "en" ? b.kinerjaEn : b.kinerja}`, min: b.min, max: b.max }));
}

/** The same edges on the item scale (1..4): 65,00 -> 2,60 ... (for the NRR bars). */
export function nrrBands(template: IkmTemplate, locale: Locale): TBand[] {
  const { min, max } = template.scale;
  const back = (k: number) => min + ((k - 25) * (max - min)) / 75;
  return konversiBands(template, locale).map((b) => ({ ...b, min: back(b.min), max: back(b.max) }));
}

/** How many of the weakest unsur a report lists as priorities for improvement. */
export const PRIORITY_COUNT = 3;

/** Items weakest first (ranked by lib/ikm), answered ones only. */
export function nrrBars(result: IkmResult, template: IkmTemplate, locale: Locale): TNrrBar[] {
  return result.items
    .filter((i) => i.nrr !== null && i.rank !== null)
    .sort((a, b) => a.rank! - b.rank!)
    .map((i) => ({
      code: i.code,
      label: `${i.code} ${locale === "en" ? i.nameEn : i.name}`,
      nrr: i.nrr!,
      mutu: mutuOfNrr(i.nrr, template),
      priority: i.rank! <= PRIORITY_COUNT,
    }));
}
