import { describe, expect, it } from "vitest";
import { analyseImportance, computeIkmFromSums, quadrantOf, type ItemStats } from "@/lib/ikm";

const stats = (nrr: number[]) => ({
  respondents: 100,
  items: Object.fromEntries(nrr.map((v, i) => [`U${i + 1}`, { answered: 100, sum: Math.round(v * 100) }])),
});
const harapan = (mean: (number | null)[]): Record<string, ItemStats> =>
  Object.fromEntries(mean.flatMap((v, i) => (v === null ? [] : [[`U${i + 1}`, { answered: 50, sum: Math.round(v * 50) }]])));

describe("importance against performance", () => {
  it("places every unsur in its quadrant around the means and gives gap and conformity", () => {
    const result = computeIkmFromSums(stats([3.2, 3.0, 2.6, 3.8, 3.1, 3.3, 3.4, 2.7, 2.9]));
    const a = analyseImportance(result, harapan([3.5, 3.4, 3.9, 3.8, 3.6, 3.3, 3.4, 3.2, 2.8]))!;
    expect(a.items).toHaveLength(9);
    expect(a.meanPerformance).toBeCloseTo(28 / 9, 12);
    expect(a.meanImportance).toBeCloseTo(30.9 / 9, 12);
    const by = Object.fromEntries(a.items.map((i) => [i.code, i]));
    expect(by.U3).toMatchObject({ quadrant: "concentrate", performance: 2.6, importance: 3.9 }); // important, weak
    expect(by.U4!.quadrant).toBe("keep"); // important, strong
    expect(by.U8!.quadrant).toBe("low"); // less important, weak
    expect(by.U6!.quadrant).toBe("overkill"); // less important, strong
    expect(by.U3!.gap).toBeCloseTo(-1.3, 12);
    expect(by.U3!.conformity).toBeCloseTo((2.6 / 3.9) * 100, 12);
    expect(a.missing).toEqual([]);
  });

  it("sends ties with a mean to the upper side", () => {
    expect(quadrantOf(3, 3, 3, 3)).toBe("keep");
    expect(quadrantOf(3, 2.99, 3, 3)).toBe("concentrate");
    expect(quadrantOf(2.99, 3, 3, 3)).toBe("overkill");
    expect(quadrantOf(2.99, 2.99, 3, 3)).toBe("low");
  });

  it("leaves out unsur without importance answers, and gives null when none has them", () => {
    const result = computeIkmFromSums(stats([3, 3, 3, 3, 3, 3, 3, 3, 3]));
    const partial = analyseImportance(result, harapan([4, null, 3, null, null, null, null, null, null]))!;
    expect(partial.items.map((i) => i.code)).toEqual(["U1", "U3"]);
    expect(partial.missing).toEqual(["U2", "U4", "U5", "U6", "U7", "U8", "U9"]);
    expect(partial.meanImportance).toBe(3.5);
    expect(analyseImportance(result, {})).toBeNull();
  });
});
