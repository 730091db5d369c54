// Turning DTOs into what the sections draw. Server-side, pure; every number
// still comes from lib/ikm.
import type { TBand, TNrrBar } from "@/components/dashboard/charts";
import type { TFormat } from "@/lib/i18n";
import { PRIORITY_COUNT } from "@/lib/plans/priority";
import { classifyMutu, toKonversi, type IkmResult, type IkmTemplate, type Mutu } from "@/lib/ikm";

/** The grade an NRR reaches when read on the index's bands (the heat map's colour, the bar's colour). */
export function mutuOfNrr(nrr: number | null, template: IkmTemplate): Mutu | null {
  return nrr === null ? null : classifyMutu(toKonversi(nrr, template), template).mutu;
}

/** Band edges on the konversi scale (for the trend), labelled "A · Sangat Baik". */
export function konversiBands(template: IkmTemplate, f: TFormat): TBand[] {
  return template.bands.map((b) => ({ mutu: b.mutu, label: `${b.mutu} · ${f.pick(b.kinerja, b.kinerjaEn)}`, min: b.min, max: b.max }));
}

/** The same edges on the item scale (1..4): 65,00 -> 2,60 ... (for the NRR bars). */
export function nrrBands(template: IkmTemplate, f: TFormat): TBand[] {
  const { min, max } = template.scale;
  const back = (k: number) => min + ((k - 25) * (max - min)) / 75;
  return konversiBands(template, f).map((b) => ({ ...b, min: back(b.min), max: back(b.max) }));
}

export { PRIORITY_COUNT };

/** Items weakest first (ranked by lib/ikm), answered ones only. */
export function nrrBars(result: IkmResult, template: IkmTemplate, f: TFormat): TNrrBar[] {
  return result.items
    .filter((i) => i.nrr !== null && i.rank !== null)
    .sort((a, b) => a.rank! - b.rank!)
    .map((i) => {
      const mutu = mutuOfNrr(i.nrr, template);
      return {
        code: i.code,
        label: `${i.code} ${f.pick(i.name, i.nameEn)}`,
        nrr: i.nrr!,
        // The value drawn beside the bar, with its grade (the colour alone does not say it).
        valueLabel: `${f.nrr(i.nrr)}${mutu ? ` (${mutu})` : ""}`,
        mutu,
        priority: i.rank! <= PRIORITY_COUNT,
      };
    });
}
