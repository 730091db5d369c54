import { describe, expect, it } from "vitest";
import { KREJCIE_MORGAN_TABLE, krejcieMorganRow, minimumSample } from "@/lib/ikm";

// The Krejcie & Morgan table the SKM report quotes: every published row is what the formula
// gives (so the table and minimumSample never disagree), and a population reads its row.

describe("the Krejcie & Morgan table", () => {
  it("holds the 90 published rows, ascending, each equal to minimumSample", () => {
    expect(KREJCIE_MORGAN_TABLE).toHaveLength(90);
    for (const [i, [n, s]] of KREJCIE_MORGAN_TABLE.entries()) {
      expect(minimumSample(n), `N=${n}`).toBe(s);
      if (i > 0) expect(n).toBeGreaterThan(KREJCIE_MORGAN_TABLE[i - 1]![0]);
    }
    // The rows DOMAIN.md quotes from the published table.
    const row = new Map(KREJCIE_MORGAN_TABLE.map(([n, s]) => [n, s]));
    expect([100, 550, 1000, 10000, 75000, 1000000].map((n) => row.get(n))).toEqual([80, 226, 278, 370, 382, 384]);
  });

  it("gives a population the first row at or above it, the last beyond a million", () => {
    expect(krejcieMorganRow(100)).toEqual({ index: 18, population: 100, sample: 80 });
    expect(krejcieMorganRow(101)).toEqual({ index: 19, population: 110, sample: 86 });
    expect(krejcieMorganRow(1)).toEqual({ index: 0, population: 10, sample: 10 });
    expect(krejcieMorganRow(76000)).toMatchObject({ population: 1000000, sample: 384 });
    expect(krejcieMorganRow(5_000_000)).toMatchObject({ index: 89, population: 1000000, sample: 384 });
    // The row's sample is never below the formula's for the population itself.
    for (const n of [7, 33, 101, 999, 1001, 4321, 12345, 99999]) expect(krejcieMorganRow(n).sample).toBeGreaterThanOrEqual(minimumSample(n));
    expect(() => krejcieMorganRow(0)).toThrow(RangeError);
  });
});
