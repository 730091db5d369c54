import { describe, expect, it } from "vitest";
import { agencyFamily, agencyPools, agencyUnitRows, otherTemplateOf, scoreUnits, type TTreeUnit } from "@/lib/dashboard/agency";
import { buildVersions, familyTotals, poolBy, resultOf, type TRollupRow } from "@/lib/dashboard/pool";
import { inPeriod, populationIn, populationKey, populationOf, respondentsByUnit, sumSuspicious } from "@/lib/dashboard/rows";
import { trendMonths, trendOf } from "@/lib/dashboard/trend";
import { unitHeadline } from "@/lib/dashboard/unit";
import { computeIkmFromRows, KEPMENPAN_25_2004, PERMENPAN_14_2017 } from "@/lib/ikm";
import { currentMonth, monthIndex, type TPeriod } from "@/lib/periods";
import { row, version } from "@/tests/support/rollup-rows";

// The dashboards' figures from rollup rows, as lib/dal/dashboard hands them over:
// periods and populations, the trend, a unit's headline and the agency table.

const Q2: TPeriod = { kind: "QUARTER", year: 2026, number: 2 };
const Q3: TPeriod = { kind: "QUARTER", year: 2026, number: 3 };
const AFTER_Q4 = new Date("2027-01-15T00:00:00Z");
const versions = buildVersions([version("v1"), version("v1h", PERMENPAN_14_2017, true, "permenpan-harapan"), version("old", KEPMENPAN_25_2004)]);
const at = (m: number) => ({ month: monthIndex(2026, m) });
const answers = (score: number, n: number) => Array.from({ length: n }, (_, i) => new Array(9).fill(i % 2 ? score : Math.max(1, score - 1)));

describe("rows of a period", () => {
  const rows: TRollupRow[] = [
    row("A", "v1", answers(4, 3), at(7)),
    row("A", "v1", answers(3, 2), at(9)),
    row("A", "v1", answers(1, 5), { ...at(8), suspicious: true }),
    row("B", "v1", answers(2, 4), at(10)),
    row("B", "v1", answers(2, 1), at(6)),
  ];

  it("takes a period's first month and leaves out the month after its end", () => {
    const q3 = inPeriod(Q3);
    expect([6, 7, 9, 10].map((m) => q3(row("A", "v1", answers(3, 1), at(m))))).toEqual([false, true, true, false]);
  });

  it("counts respondents per unit without the suspicious, and the suspicious apart", () => {
    expect(respondentsByUnit(rows, Q3)).toEqual(new Map([["A", 5]]));
    expect(respondentsByUnit(rows, Q2)).toEqual(new Map([["B", 1]]));
    expect(sumSuspicious(rows, Q3)).toBe(5);
    expect(sumSuspicious(rows, Q2)).toBe(0);
  });

  it("sums a population only when every unit with respondents has one", () => {
    const pops = new Map([[populationKey("A", Q3), 400], [populationKey("C", Q3), 100]]);
    const respondents = new Map([["A", 5], ["B", 0]]);
    // B has no population but no respondent either: it does not make the sum unknown.
    expect(populationOf(pops, ["A", "B", "C"], respondents, Q3)).toBe(500);
    expect(populationOf(pops, ["A", "B"], new Map([["B", 2]]), Q3)).toBeNull();
    expect(populationOf(pops, ["B"], respondents, Q3)).toBeNull();
    expect(populationOf(pops, ["A"], respondents, Q2)).toBeNull();
  });

  it("knows populations for the periods read per unit only", () => {
    const pops = new Map([[populationKey("A", Q3), 400], [populationKey("A", Q2), 300]]);
    const population = populationIn(pops, ["A"], rows, [Q3]);
    expect(population(Q3)).toBe(400);
    expect(population(Q2)).toBeNull();
  });
});

describe("the trend", () => {
  it("reads from the first trend period's start to the chosen period's end", () => {
    expect(trendMonths(Q3, [Q2, Q3])).toEqual({ from: monthIndex(2026, 4), to: monthIndex(2026, 10) });
  });

  it("pools each period, marks a period past what was read as partial, and corrects the interval by its population", () => {
    const q2 = answers(3, 10);
    const q3 = answers(4, 12);
    const rows = [row("A", "v1", q2.slice(0, 4), at(4)), row("B", "v1", q2.slice(4), at(6)), row("A", "v1", q3, at(8))];
    const family = versions.get("v1")!.family;
    const Q4: TPeriod = { kind: "QUARTER", year: 2026, number: 4 };
    const points = trendOf(rows, versions, family, [Q2, Q3, Q4], monthIndex(2026, 10), (p) => (p === Q3 ? 50 : null), currentMonth("Asia/Jakarta", AFTER_Q4));
    expect(points.map((p) => [p.respondents, p.partial])).toEqual([[10, false], [12, false], [0, true]]);
    expect(points[0]!.konversi).toBe(computeIkmFromRows(q2, { template: PERMENPAN_14_2017 }).konversiRounded);
    expect(points[1]!.lower).toBe(computeIkmFromRows(q3, { template: PERMENPAN_14_2017, population: 50 }).confidence!.lower);
    expect(points[2]).toMatchObject({ konversi: null, mutu: null, lower: null, nrr: {} });
    // A period not over yet is partial, and gets no population.
    const running = trendOf(rows, versions, family, [Q3], monthIndex(2026, 10), () => 50, currentMonth("Asia/Jakarta", new Date("2026-09-10T00:00:00Z")));
    expect(running[0]!.partial).toBe(true);
    expect(running[0]!.lower).toBe(computeIkmFromRows(q3, { template: PERMENPAN_14_2017 }).confidence!.lower);
  });

  it("shows nothing for a family nobody answered", () => {
    const points = trendOf([row("A", "old", [new Array(14).fill(3)], at(8))], versions, versions.get("v1")!.family, [Q3], monthIndex(2026, 10), () => null, currentMonth("Asia/Jakarta", AFTER_Q4));
    expect(points[0]!.respondents).toBe(0);
  });
});

describe("a unit's headline", () => {
  it("pools the questionnaire most answered, compares it with the period before, and counts the others apart", () => {
    const now = answers(4, 6);
    const before = answers(3, 6);
    const rows = [row("A", "v1", now, at(8)), row("A", "v1", before, at(5)), row("A", "old", [new Array(14).fill(2), new Array(14).fill(3)], at(8))];
    const h = unitHeadline(rows, versions, Q3, () => null);
    expect(h.family).toBe(versions.get("v1")!.family);
    expect(h.score!.result.konversiRounded).toBe(computeIkmFromRows(now, { template: PERMENPAN_14_2017 }).konversiRounded);
    expect(h.score!.previous!.respondents).toBe(6);
    expect(h.score!.change).not.toBeNull();
    expect(h.otherTemplate).toBe(2);
    expect(h.importance).toBeNull();
  });

  it("keeps the period before's questionnaire when this period has no respondent", () => {
    const h = unitHeadline([row("A", "v1", answers(3, 2), at(5))], versions, Q3, () => null);
    expect(h).toMatchObject({ family: versions.get("v1")!.family, score: null, importance: null, otherTemplate: 0 });
    expect(unitHeadline([], versions, Q3, () => null).family).toBeNull();
  });

  it("reads importance where the version asks it, and passes each period its population", () => {
    const asked = row("A", "v1h", answers(4, 4), { ...at(8), harapanSums: new Array(9).fill(16), harapanCounts: new Array(9).fill(4) });
    const h = unitHeadline([asked], versions, Q3, (p) => (p === Q3 ? 10 : null));
    expect(h.importance!.items).toHaveLength(9);
    expect(h.score!.population).toBe(10);
  });
});

describe("the agency table", () => {
  const unit = (id: string, parentId: string | null, path: string, active = true): TTreeUnit => ({ id, code: id, name: `Unit ${id}`, path, depth: path.split("/").length - 2, parentId, active });
  const tree = [
    unit("R", null, "/R/"),
    unit("A", "R", "/R/A/"),
    unit("A1", "A", "/R/A/A1/"),
    unit("B", "R", "/R/B/"),
    unit("C", "R", "/R/C/", false), // closed, no data: not listed
    unit("D", "R", "/R/D/", false), // closed, data last period: listed
    unit("E", "R", "/R/E/"), // answers the 2004 questionnaire
  ];
  const rows = [
    row("A", "v1", answers(4, 10), at(8)),
    row("A1", "v1", answers(2, 10), at(8)),
    row("A1", "v1", answers(3, 10), at(5)),
    row("B", "v1", answers(3, 4), at(9)),
    row("D", "v1", answers(3, 3), at(4)),
    row("E", "old", [new Array(14).fill(3)], at(8)),
  ];
  const pools = agencyPools(rows, versions, Q3);
  const family = agencyFamily(pools);
  const pops = new Map([[populationKey("A", Q3), 100], [populationKey("A1", Q3), 200]]);

  it("pools the family most respondents answered, and counts the others apart", () => {
    expect(family).toBe(versions.get("v1")!.family);
    expect(otherTemplateOf(pools, family)).toBe(1);
    expect(familyTotals(pools.current).get(family!.key)!.respondents).toBe(24);
  });

  it("scores a set of units pooled (responses, not indexes), with its population when known", () => {
    const { score, comparable } = scoreUnits(pools, pops, family, ["A", "A1"]);
    expect(comparable).toBe(true);
    expect(score!.result.konversiRounded).toBe(computeIkmFromRows([...answers(4, 10), ...answers(2, 10)], { template: PERMENPAN_14_2017 }).konversiRounded);
    expect(score!.result.sample?.population).toBe(300);
    expect(score!.previous!.respondents).toBe(10);
    // A unit on another questionnaire keeps an index of its own, not comparable with the view's.
    expect(scoreUnits(pools, pops, family, ["E"])).toMatchObject({ comparable: false, score: { result: { respondents: 1 } } });
    expect(scoreUnits(pools, pops, family, ["C"])).toEqual({ score: null, comparable: true });
  });

  it("lists every unit on its own, leaving out a closed unit without data", () => {
    const listed = agencyUnitRows(tree, tree[0]!, "semua", pools, pops, family);
    expect(listed.map((r) => [r.code, r.depth, r.scope, r.score?.result.respondents ?? null])).toEqual([
      ["R", 0, "sendiri", null],
      ["A", 1, "sendiri", 10],
      ["A1", 2, "sendiri", 10],
      ["B", 1, "sendiri", 4],
      ["D", 1, "sendiri", null],
      ["E", 1, "sendiri", 1],
    ]);
    expect(listed.find((r) => r.code === "A")).toMatchObject({ parentName: "Unit R", hasChildren: true });
    expect(listed.find((r) => r.code === "E")!.comparable).toBe(false);
  });

  it("lists the root's children with their subtrees pooled, and the root's own responses first when it takes any", () => {
    const children = agencyUnitRows(tree, tree[0]!, "anak", pools, pops, family);
    expect(children.map((r) => [r.code, r.scope, r.score?.result.respondents ?? null])).toEqual([
      ["A", "gabungan", 20],
      ["B", "gabungan", 4],
      ["D", "gabungan", null],
      ["E", "gabungan", 1],
    ]);
    const withOwn = agencyPools([...rows, row("R", "v1", answers(3, 2), at(8))], versions, Q3);
    expect(agencyUnitRows(tree, tree[0]!, "anak", withOwn, pops, family)[0]).toMatchObject({ code: "R", scope: "sendiri" });
  });

  it("agrees with pooling every row at once", () => {
    const all = scoreUnits(pools, new Map(), family, tree.map((u) => u.id));
    const direct = resultOf([...poolBy(rows, versions, (r) => (inPeriod(Q3)(r) ? 1 : null)).get(1)!.values()].find((p) => p.family === family)!);
    expect(all.score!.result.konversi).toBe(direct.konversi);
  });
});
