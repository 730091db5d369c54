import { describe, expect, it } from "vitest";
import { daysToFollowUp, followUpMetricsOf, measuredPeriod } from "@/lib/follow-up/metrics";

const d = (iso: string) => new Date(iso);

describe("daysToFollowUp", () => {
  it("counts whole days and never goes negative", () => {
    expect(daysToFollowUp(d("2026-04-01T00:00:00Z"), d("2026-04-15T12:00:00Z"))).toBe(14);
    expect(daysToFollowUp(d("2026-04-01T00:00:00Z"), d("2026-04-01T23:59:00Z"))).toBe(0);
    expect(daysToFollowUp(d("2026-04-10T00:00:00Z"), d("2026-04-01T00:00:00Z"))).toBe(0);
  });
});

describe("followUpMetricsOf", () => {
  it("counts only approved plans' actions and their days", () => {
    const m = followUpMetricsOf([
      { unitId: "a", reportedAt: d("2026-04-01T00:00:00Z"), approvedAt: d("2026-04-11T00:00:00Z"), actions: [100, 100, 50] },
      { unitId: "b", reportedAt: d("2026-04-01T00:00:00Z"), approvedAt: d("2026-05-01T00:00:00Z"), actions: [100] },
      { unitId: "c", reportedAt: d("2026-04-01T00:00:00Z"), approvedAt: null, actions: [100, 100] },
    ]);
    expect(m).toEqual({
      plans: 3,
      approvedPlans: 2,
      actions: 4,
      realised: 3,
      realisedShare: 0.75,
      meanDaysToFollowUp: 20, // (10 + 30) / 2
      maxDaysToFollowUp: 30,
    });
  });

  it("has no shares without plans or actions", () => {
    expect(followUpMetricsOf([])).toMatchObject({ plans: 0, realisedShare: null, meanDaysToFollowUp: null, maxDaysToFollowUp: null });
    const m = followUpMetricsOf([{ unitId: "a", reportedAt: d("2026-04-01T00:00:00Z"), approvedAt: d("2026-04-02T00:00:00Z"), actions: [] }]);
    expect(m.realisedShare).toBeNull();
    expect(m.meanDaysToFollowUp).toBe(1);
  });
});

describe("measuredPeriod", () => {
  const q3 = { kind: "QUARTER", year: 2026, number: 3 } as const;
  it("is the next period for a plan approved before it ended", () => {
    expect(measuredPeriod(q3, new Date("2026-09-30T10:00:00Z"), "Asia/Jakarta")).toEqual({ kind: "QUARTER", year: 2026, number: 4 });
    expect(measuredPeriod(q3, new Date("2026-10-14T03:00:00Z"), "Asia/Jakarta")).toEqual({ kind: "QUARTER", year: 2026, number: 4 });
  });
  it("is the period of the approval for a plan approved later: a change before it is not its doing", () => {
    expect(measuredPeriod(q3, new Date("2027-01-05T03:00:00Z"), "Asia/Jakarta")).toEqual({ kind: "QUARTER", year: 2027, number: 1 });
    // 31 December 17:30 UTC is already 1 January on the agency's clock (WIB).
    expect(measuredPeriod(q3, new Date("2026-12-31T17:30:00Z"), "Asia/Jakarta")).toEqual({ kind: "QUARTER", year: 2027, number: 1 });
    expect(measuredPeriod(q3, new Date("2026-12-31T16:30:00Z"), "Asia/Jakarta")).toEqual({ kind: "QUARTER", year: 2026, number: 4 });
  });
  it("is none while the plan is not approved", () => {
    expect(measuredPeriod(q3, null, "Asia/Jakarta")).toBeNull();
  });
});
