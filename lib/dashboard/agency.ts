// The agency table's derived views: sorting, movers beyond noise, units
// without data or below the minimum sample, and the spread of units by mutu.
// Pure.
import type { Mutu } from "@/lib/ikm";
import type { TScore } from "@/lib/dashboard/pool";
import type { TSortKey } from "@/lib/validation/dashboard";

export type TUnitRow = {
  code: string;
  name: string;
  depth: number;
  parentName: string | null;
  hasChildren: boolean;
  /** What the row counts: the unit's own responses, or with its sub-units pooled (its dashboard link opens the same). */
  scope: "sendiri" | "gabungan";
  /** Null: no respondent in the period (with the filters applied). */
  score: TScore | null;
  /** False when the unit answers another questionnaire than the one the view pools (its index stands alone). */
  comparable: boolean;
};

const konversiOf = (r: TUnitRow) => r.score?.result.konversi ?? null;
const deltaOf = (r: TUnitRow) => r.score?.change?.delta ?? null;

/** Sorts by `key`; rows without the value sort last in either direction; ties by name. */
export function sortUnitRows(rows: readonly TUnitRow[], key: TSortKey = "konversi", direction: "naik" | "turun" = "turun"): TUnitRow[] {
  const value = (r: TUnitRow): number | string | null => {
    switch (key) {
      case "nama":
        return r.name;
      case "konversi":
        return konversiOf(r);
      case "responden":
        return r.score?.result.respondents ?? 0;
      case "perubahan":
        return deltaOf(r);
      case "sampel": {
        const s = r.score?.result.sample;
        return s ? s.respondents / s.minimumSample : null;
      }
    }
  };
  const sign = direction === "naik" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return a.name.localeCompare(b.name, "id");
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = typeof va === "string" ? va.localeCompare(vb as string, "id") : va - (vb as number);
    return c !== 0 ? sign * c : a.name.localeCompare(b.name, "id");
  });
}

/** Rises and falls whose change is beyond sampling noise, biggest first. */
export function moversOf(rows: readonly TUnitRow[], limit = 5): { rises: TUnitRow[]; falls: TUnitRow[] } {
  const significant = rows.filter((r) => r.score?.change?.significant && r.score.change.delta !== null);
  const rises = significant.filter((r) => deltaOf(r)! > 0).sort((a, b) => deltaOf(b)! - deltaOf(a)!);
  const falls = significant.filter((r) => deltaOf(r)! < 0).sort((a, b) => deltaOf(a)! - deltaOf(b)!);
  return { rises: rises.slice(0, limit), falls: falls.slice(0, limit) };
}

export type TMutuSpread = Record<Mutu | "none", number>;

/** How many units fall in each mutu; "none" = no data or an index that cannot be computed. */
export function mutuSpread(rows: readonly TUnitRow[]): TMutuSpread {
  const out: TMutuSpread = { A: 0, B: 0, C: 0, D: 0, none: 0 };
  for (const r of rows) out[r.score?.result.mutu ?? "none"] += 1;
  return out;
}

/** Units to look at: no respondent at all, or fewer than the minimum sample for their population. */
export function attentionOf(rows: readonly TUnitRow[]): { noData: TUnitRow[]; belowSample: TUnitRow[] } {
  return {
    noData: rows.filter((r) => !r.score),
    belowSample: rows.filter((r) => r.score?.result.sample && !r.score.result.sample.met),
  };
}
