import { describe, expect, it } from "vitest";
import { Z_95, compareNrr } from "@/lib/ikm";

// Hand-computed: scores 4,4,3,3 give sum 14, sum of squares 50, mean 3.5,
// sample variance (50 - 14²/4) / 3 = 1/3; scores 3,3,2,2 give 10, 26, 2.5, 1/3.
describe("compareNrr", () => {
  it("finds a clear rise beyond noise", () => {
    const c = compareNrr({ sum: 14, sumSq: 50, n: 4 }, { sum: 10, sumSq: 26, n: 4 });
    expect(c.current).toBe(3.5);
    expect(c.previous).toBe(2.5);
    expect(c.delta).toBe(1);
    expect(c.delta25).toBe(25);
    expect(c.direction).toBe("naik");
    // sqrt(1/3 / 4 + 1/3 / 4) = sqrt(1/6) = 0.408248...
    expect(c.standardError).toBeCloseTo(0.408248, 6);
    expect(c.margin).toBeCloseTo(Z_95 * 0.4082483, 6);
    expect(c.margin).toBeCloseTo(0.80015, 4);
    expect(c.significant).toBe(true);
  });

  it("keeps a rise within noise not significant", () => {
    // 4,3: sum 7, squares 25, variance 0.5; 3,3: sum 6, squares 18, variance 0.
    const c = compareNrr({ sum: 7, sumSq: 25, n: 2 }, { sum: 6, sumSq: 18, n: 2 });
    expect(c.delta).toBe(0.5);
    expect(c.delta25).toBe(12.5);
    expect(c.direction).toBe("naik");
    expect(c.standardError).toBeCloseTo(0.5, 12);
    expect(c.margin).toBeCloseTo(0.979982, 6);
    expect(c.significant).toBe(false);
  });

  it("reports a fall and a tie by the rounded NRR", () => {
    expect(compareNrr({ sum: 10, sumSq: 26, n: 4 }, { sum: 14, sumSq: 50, n: 4 }).direction).toBe("turun");
    // 3.001 vs 3.000: the same to two decimals.
    expect(compareNrr({ sum: 3001, sumSq: 9007, n: 1000 }, { sum: 3000, sumSq: 9000, n: 1000 }).direction).toBe("tetap");
  });

  it("gives no verdict without answers or without variance estimates", () => {
    const none = compareNrr({ sum: 0, sumSq: 0, n: 0 }, { sum: 10, sumSq: 26, n: 4 });
    expect(none).toMatchObject({ current: null, previous: 2.5, delta: null, delta25: null, direction: null, significant: null });
    const one = compareNrr({ sum: 4, sumSq: 16, n: 1 }, { sum: 10, sumSq: 26, n: 4 });
    expect(one.delta).toBe(1.5);
    expect(one.direction).toBe("naik");
    expect(one.standardError).toBeNull();
    expect(one.significant).toBeNull();
  });

  it("treats zero variance on both sides as exact: any change is beyond noise", () => {
    const c = compareNrr({ sum: 8, sumSq: 32, n: 2 }, { sum: 6, sumSq: 18, n: 2 });
    expect(c.standardError).toBe(0);
    expect(c.significant).toBe(true);
  });
});
