import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attentionOf, moversOf, mutuSpread, sortUnitRows, type TUnitRow } from "@/lib/dashboard/agency";
import { buildVersions, importanceFor, mergePooled, poolBy, resultOf, scaledMean, scoreOf, type TPooled, type TRollupRow } from "@/lib/dashboard/pool";
import { computeIkmFromRows, KEPMENPAN_25_2004, PERMENPAN_14_2017 } from "@/lib/ikm";
import { monthIndex } from "@/lib/periods";
import { row, version } from "@/tests/support/rollup-rows";

/** Every key's pooled sums merged into one (the view's family is the only one here). */
function mergePooledOf<K>(byKey: Map<K, Map<string, TPooled>>): TPooled {
  const list = [...byKey.values()].flatMap((m) => [...m.values()]);
  return mergePooled(list, list[0]!.family);
}

describe("pooling rollup rows", () => {
  const versions = buildVersions([version("v1"), version("v2", PERMENPAN_14_2017, true, "permenpan-14-2017-harapan"), version("old", KEPMENPAN_25_2004)]);

  it("puts versions with the same items, scale and bands in one family, and others apart", () => {
    expect(versions.get("v1")!.family).toBe(versions.get("v2")!.family);
    // Whether importance was asked stays with each version, not with the family.
    expect([versions.get("v1")!.asksHarapan, versions.get("v2")!.asksHarapan]).toEqual([false, true]);
    expect(versions.get("old")!.family).not.toBe(versions.get("v1")!.family);
  });

  it("pools responses, not indexes, and equals lib/ikm on the same rows", () => {
    const a = [[4, 4, 4, 4, 4, 4, 4, 4, 4], [3, 4, 3, 4, 3, 4, 3, 4, 3]];
    const b = Array.from({ length: 20 }, (_, i) => Array.from({ length: 9 }, (_, j) => 1 + ((i + j) % 3)));
    const pooled = poolBy([row("A", "v1", a), row("B", "v2", b)], versions, () => "all").get("all")!;
    expect(pooled.size).toBe(1);
    const result = resultOf([...pooled.values()][0]!);
    const direct = computeIkmFromRows([...a, ...b], { template: PERMENPAN_14_2017 });
    expect(result.konversiRounded).toBe(direct.konversiRounded);
    expect(result.items.map((i) => i.nrr)).toEqual(direct.items.map((i) => i.nrr));
    expect(result.confidence!.standardError).toBeCloseTo(direct.confidence!.standardError, 12);
    // The mean of the two units' indexes would be another (wrong) number.
    const meanOfMeans = (computeIkmFromRows(a).konversi! + computeIkmFromRows(b).konversi!) / 2;
    expect(Math.abs(result.konversi! - meanOfMeans)).toBeGreaterThan(1);
  });

  it("gives bit-identical figures whatever the grouping and order of the rows pooled", () => {
    // The headline pools per unit then across units; the trend per month then across months.
    // Both must show the same interval for the same period (floating sums in another order did not).
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (groups, seed) => {
          const rows = groups.map((g, i) => row(`U${i % 3}`, "v1", g, { month: monthIndex(2026, 7 + (i % 3)) }));
          const shuffled = [...rows].sort((a, b) => ((rows.indexOf(a) * seed) % 7) - ((rows.indexOf(b) * seed) % 7));
          const pooledOnce = (rs: TRollupRow[]) => [...poolBy(rs, versions, () => "all").get("all")!.values()][0]!;
          const byUnitThenAll = mergePooledOf(poolBy(rows, versions, (r) => r.unitId));
          const byMonthThenAll = mergePooledOf(poolBy(shuffled, versions, (r) => r.month));
          const a = resultOf(pooledOnce(shuffled), 5_000).confidence;
          expect(resultOf(byUnitThenAll, 5_000).confidence).toEqual(a);
          expect(resultOf(byMonthThenAll, 5_000).confidence).toEqual(a);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("stores a respondent's mean rounded half up to 12 decimals", () => {
    expect(scaledMean(31, 9)).toBe(3_444_444_444_444n);
    expect(scaledMean(32, 9)).toBe(3_555_555_555_556n);
    expect(scaledMean(36, 9)).toBe(4_000_000_000_000n);
    expect(scaledMean(0, 0)).toBe(0n);
  });

  it("leaves suspicious rows out and never pools two questionnaires", () => {
    const p = poolBy(
      [row("A", "v1", [[4, 4, 4, 4, 4, 4, 4, 4, 4]]), row("A", "v1", [[1, 1, 1, 1, 1, 1, 1, 1, 1]], { suspicious: true }), row("A", "old", [new Array(14).fill(2)])],
      versions,
      (r) => r.unitId,
    ).get("A")!;
    expect([...p.values()].map((x) => x.respondents).sort()).toEqual([1, 1]);
    expect(() => poolBy([row("A", "missing", [[1]])], versions, () => 1)).toThrow(/not loaded/);
  });

  it("reads importance against the performance of the same respondents only (those asked it)", () => {
    const asked = row("PKM", "v2", [new Array(9).fill(4), new Array(9).fill(4)], { harapanSums: new Array(9).fill(8), harapanCounts: new Array(9).fill(2) });
    const notAsked = row("DINKES", "v1", Array.from({ length: 6 }, () => new Array(9).fill(2)));
    // A forged importance on a version that does not ask it is not read either.
    const forged = row("RSUD", "v1", [new Array(9).fill(1)], { harapanSums: new Array(9).fill(4), harapanCounts: new Array(9).fill(1) });
    const family = versions.get("v1")!.family.key;
    const imp = importanceFor([asked, notAsked, forged], versions, family, () => true)!;
    expect(imp.items).toHaveLength(9);
    for (const i of imp.items) expect([i.performance, i.importance, i.gap]).toEqual([4, 4, 0]);
    expect(importanceFor([notAsked, forged], versions, family, () => true)).toBeNull();
    expect(importanceFor([asked], versions, family, () => false)).toBeNull();
  });

  it("ignores a population smaller than the respondents (a typing slip), and uses a real one", () => {
    const p = [...poolBy([row("A", "v1", [[4, 3, 4, 3, 4, 3, 4, 3, 4], [2, 3, 2, 3, 2, 3, 2, 3, 2], [3, 3, 3, 3, 3, 3, 3, 3, 3]])], versions, () => 1).get(1)!.values()][0]!;
    expect(scoreOf(p, undefined, 2, null).result.sample).toBeNull();
    const s = scoreOf(p, undefined, 100, null);
    expect(s.result.sample).toMatchObject({ population: 100, minimumSample: 80, met: false });
    expect(s.population).toBe(100);
    expect(s.change).toBeNull();
  });
});

describe("the agency table", () => {
  const versions = buildVersions([version("v1")]);
  const unitRow = (code: string, now: number[][] | null, before: number[][] | null): TUnitRow => {
    const pooled = (a: number[][] | null) => (a ? [...poolBy([row(code, "v1", a)], versions, () => 1).get(1)!.values()][0]! : undefined);
    const cur = pooled(now);
    return { code, name: code, depth: 1, parentName: null, hasChildren: false, scope: "sendiri", comparable: true, score: cur ? scoreOf(cur, pooled(before), null, null) : null };
  };
  const many = (score: number, n = 60) => Array.from({ length: n }, (_, i) => new Array(9).fill(i % 2 ? score : Math.max(1, score - 1)));
  const rows = [
    unitRow("RISING", many(4), many(2)),
    unitRow("FALLING", many(2), many(4)),
    unitRow("STEADY", many(3), many(3)),
    unitRow("NEW", many(3, 3), null),
    unitRow("EMPTY", null, many(3)),
  ];

  it("sorts by konversi (no data last either way), by name, and by change", () => {
    expect(sortUnitRows(rows, "konversi", "turun").map((r) => r.code)).toEqual(["RISING", "STEADY", "NEW", "FALLING", "EMPTY"]);
    expect(sortUnitRows(rows, "konversi", "naik").map((r) => r.code).at(-1)).toBe("EMPTY");
    expect(sortUnitRows(rows, "nama", "naik").map((r) => r.code)).toEqual(["EMPTY", "FALLING", "NEW", "RISING", "STEADY"]);
    expect(sortUnitRows(rows, "perubahan", "turun").map((r) => r.code).slice(0, 2)).toEqual(["RISING", "STEADY"]);
    expect(sortUnitRows(rows, "responden", "turun").map((r) => r.code)).toEqual(["FALLING", "RISING", "STEADY", "NEW", "EMPTY"]);
    expect(sortUnitRows(rows, "responden", "naik").map((r) => r.code)[0]).toBe("EMPTY");
  });

  it("names only moves beyond sampling noise, and the units to look at", () => {
    const movers = moversOf(rows);
    expect(movers.rises.map((r) => r.code)).toEqual(["RISING"]);
    expect(movers.falls.map((r) => r.code)).toEqual(["FALLING"]);
    expect(attentionOf(rows).noData.map((r) => r.code)).toEqual(["EMPTY"]);
    const spread = mutuSpread(rows);
    expect(spread.none).toBe(1);
    expect(spread.A + spread.B + spread.C + spread.D).toBe(4);
  });
});
