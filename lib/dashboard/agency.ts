// The agency table: every unit's score pooled from its rollup rows, and the
// table's derived views (sorting, movers beyond noise, units without data or
// below the minimum sample, the spread of units by mutu). Pure.
import type { Mutu } from "@/lib/ikm";
import { familyTotals, largestFamily, mergePooled, poolBy, scoreOf, type TFamily, type TPooled, type TRollupRow, type TScore, type TVersion } from "@/lib/dashboard/pool";
import { inPeriod, populationOf, respondentsByUnit, type TPopulations } from "@/lib/dashboard/rows";
import { previousPeriod, type TPeriod } from "@/lib/periods";
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

/** A unit of the tree the table lists (closed units too: their past responses count). */
export type TTreeUnit = { id: string; code: string; name: string; path: string; depth: number; parentId: string | null; active: boolean };

/** unit id -> family key -> pooled sums. */
type TPerUnit = ReadonlyMap<string, ReadonlyMap<string, TPooled>>;

/** Per unit, the period shown and the one before: pooled sums and respondents. */
export type TAgencyPools = {
  period: TPeriod;
  current: TPerUnit;
  previous: TPerUnit;
  respondents: { current: ReadonlyMap<string, number>; previous: ReadonlyMap<string, number> };
};

/** `rows`: per unit, the period and the one before. */
export function agencyPools(rows: readonly TRollupRow[], versions: ReadonlyMap<string, TVersion>, period: TPeriod): TAgencyPools {
  const previous = previousPeriod(period);
  const isCurrent = inPeriod(period);
  const isPrevious = inPeriod(previous);
  return {
    period,
    current: poolBy(rows, versions, (r) => (isCurrent(r) ? r.unitId : null)),
    previous: poolBy(rows, versions, (r) => (isPrevious(r) ? r.unitId : null)),
    respondents: { current: respondentsByUnit(rows, period), previous: respondentsByUnit(rows, previous) },
  };
}

/** The questionnaire the view pools: the one most respondents answered this period (else the period before); null without data. */
export function agencyFamily(pools: TAgencyPools): TFamily | null {
  return largestFamily(familyTotals(pools.current))?.family ?? largestFamily(familyTotals(pools.previous))?.family ?? null;
}

/** The score of a set of units pooled, in the view's family if they answered it, else in their own. */
export function scoreUnits(pools: TAgencyPools, pops: TPopulations, family: TFamily | null, ids: readonly string[]): { score: TScore | null; comparable: boolean } {
  const pick = (pooled: TPerUnit, key: string | undefined) => {
    const list = ids.map((id) => (key ? pooled.get(id)?.get(key) : undefined)).filter((p): p is TPooled => !!p);
    return list.length ? mergePooled(list, list[0]!.family) : undefined;
  };
  let key = family?.key;
  let cur = pick(pools.current, key);
  let comparable = true;
  if (!cur || cur.respondents === 0) {
    // Units answering another questionnaire keep an index of their own.
    const own = largestFamily(familyTotals(new Map(ids.map((id) => [id, pools.current.get(id) ?? new Map()]))));
    if (!own || own.respondents === 0) return { score: null, comparable: true };
    key = own.family.key;
    cur = pick(pools.current, key)!;
    comparable = own.family.key === family?.key;
  }
  const prev = pick(pools.previous, key);
  const previous = previousPeriod(pools.period);
  return {
    score: scoreOf(cur, prev, populationOf(pops, ids, pools.respondents.current, pools.period), populationOf(pops, ids, pools.respondents.previous, previous)),
    comparable,
  };
}

/**
 * The table's rows under `root`: every unit with its own responses ("semua"), or the root's own
 * (when it takes any) then each child with its subtree pooled ("anak"). A closed unit stays in the
 * table while it has data in the two periods compared.
 */
export function agencyUnitRows<U extends TTreeUnit>(
  tree: readonly U[],
  root: U,
  level: "semua" | "anak",
  pools: TAgencyPools,
  pops: TPopulations,
  family: TFamily | null,
): TUnitRow[] {
  const hasData = (id: string) => !!(pools.respondents.current.get(id) || pools.respondents.previous.get(id));
  const children = new Map<string, U[]>();
  for (const u of tree) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const descendants = (u: U) => tree.filter((x) => x.path.startsWith(u.path));
  const nameOf = new Map(tree.map((u) => [u.id, u.name]));
  const listed: { unit: U; ids: string[]; scope: TUnitRow["scope"] }[] =
    level === "anak"
      ? [
          ...(hasData(root.id) ? [{ unit: root, ids: [root.id], scope: "sendiri" as const }] : []),
          ...(children.get(root.id) ?? []).map((u) => ({ unit: u, ids: descendants(u).map((d) => d.id), scope: "gabungan" as const })),
        ]
      : tree.map((u) => ({ unit: u, ids: [u.id], scope: "sendiri" as const }));
  return listed
    .filter(({ unit, ids }) => unit.active || ids.some(hasData))
    .map(({ unit, ids, scope }) => ({
      code: unit.code,
      name: unit.name,
      depth: unit.depth - root.depth,
      parentName: unit.parentId ? (nameOf.get(unit.parentId) ?? null) : null,
      hasChildren: (children.get(unit.id)?.length ?? 0) > 0,
      scope,
      ...scoreUnits(pools, pops, family, ids),
    }));
}

/** Respondents this period who answered another questionnaire than the view's. */
export function otherTemplateOf(pools: TAgencyPools, family: TFamily | null): number {
  return [...familyTotals(pools.current).values()].filter((p) => p.family.key !== family?.key).reduce((a, p) => a + p.respondents, 0);
}
