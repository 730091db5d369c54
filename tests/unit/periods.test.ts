import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  currentMonth,
  inProgress,
  monthIndex,
  monthStart,
  parsePeriodKey,
  periodKey,
  periodMonths,
  periodOfMonth,
  periodsBetween,
  previousPeriod,
  shiftPeriod,
  trendPeriods,
  PERIOD_KINDS,
} from "@/lib/periods";

const period = fc.oneof(
  fc.record({ kind: fc.constant("MONTH" as const), year: fc.integer({ min: 2000, max: 2099 }), number: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant("QUARTER" as const), year: fc.integer({ min: 2000, max: 2099 }), number: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant("SEMESTER" as const), year: fc.integer({ min: 2000, max: 2099 }), number: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant("YEAR" as const), year: fc.integer({ min: 2000, max: 2099 }), number: fc.constant(1) }),
);

describe("survey periods", () => {
  it("lays every period out as whole months", () => {
    expect(periodMonths({ kind: "QUARTER", year: 2026, number: 4 })).toEqual({ start: monthIndex(2026, 10), end: monthIndex(2027, 1) });
    expect(periodMonths({ kind: "SEMESTER", year: 2026, number: 1 })).toEqual({ start: monthIndex(2026, 1), end: monthIndex(2026, 7) });
    expect(periodMonths({ kind: "YEAR", year: 2025, number: 1 })).toEqual({ start: monthIndex(2025, 1), end: monthIndex(2026, 1) });
    expect(periodMonths({ kind: "MONTH", year: 2026, number: 11 })).toEqual({ start: monthIndex(2026, 11), end: monthIndex(2026, 12) });
    expect(monthStart(monthIndex(2026, 10)).toISOString()).toBe("2026-10-01T00:00:00.000Z");
  });

  it("steps back across a year boundary", () => {
    expect(previousPeriod({ kind: "QUARTER", year: 2026, number: 1 })).toEqual({ kind: "QUARTER", year: 2025, number: 4 });
    expect(previousPeriod({ kind: "MONTH", year: 2026, number: 1 })).toEqual({ kind: "MONTH", year: 2025, number: 12 });
    expect(previousPeriod({ kind: "SEMESTER", year: 2026, number: 1 })).toEqual({ kind: "SEMESTER", year: 2025, number: 2 });
    expect(previousPeriod({ kind: "YEAR", year: 2026, number: 1 })).toEqual({ kind: "YEAR", year: 2025, number: 1 });
    fc.assert(fc.property(period, fc.integer({ min: -30, max: 30 }), (p, n) => {
      expect(shiftPeriod(shiftPeriod(p, n), -n)).toEqual(p);
      const a = periodMonths(p);
      const b = periodMonths(shiftPeriod(p, 1));
      expect(b.start).toBe(a.end); // consecutive periods tile the months
    }));
  });

  it("round-trips its URL key and refuses anything else", () => {
    fc.assert(fc.property(period, (p) => {
      expect(parsePeriodKey(periodKey(p))).toEqual(p);
    }));
    expect(periodKey({ kind: "QUARTER", year: 2026, number: 4 })).toBe("2026-T4");
    expect(periodKey({ kind: "MONTH", year: 2026, number: 3 })).toBe("2026-03");
    expect(parsePeriodKey("2026-t4")).toEqual({ kind: "QUARTER", year: 2026, number: 4 });
    for (const bad of ["", "2026-T5", "2026-13", "2026-00", "2026-S3", "26-T1", "2026-T1; DROP", "1999", "2026-3"]) {
      expect(parsePeriodKey(bad)).toBeNull();
    }
  });

  it("gives the trend periods ending with the chosen one, of any kind", () => {
    const q4 = { kind: "QUARTER", year: 2026, number: 4 } as const;
    expect(trendPeriods(q4, "QUARTER", 3).map(periodKey)).toEqual(["2026-T2", "2026-T3", "2026-T4"]);
    expect(trendPeriods(q4, "MONTH", 4).map(periodKey)).toEqual(["2026-09", "2026-10", "2026-11", "2026-12"]);
    expect(trendPeriods(q4, "YEAR", 2).map(periodKey)).toEqual(["2025", "2026"]);
    expect(trendPeriods({ kind: "MONTH", year: 2026, number: 5 }, "SEMESTER", 2).map(periodKey)).toEqual(["2025-S2", "2026-S1"]);
  });

  it("knows today's month on WIB and whether a period is still running", () => {
    // 31 Dec 2026 20:00 UTC is already 1 Jan 2027 in Jakarta.
    expect(currentMonth("Asia/Jakarta", new Date("2026-12-31T20:00:00Z"))).toBe(monthIndex(2027, 1));
    expect(currentMonth("Asia/Jakarta", new Date("2026-12-31T16:00:00Z"))).toBe(monthIndex(2026, 12));
    const now = new Date("2026-12-01T03:00:00Z");
    expect(inProgress({ kind: "QUARTER", year: 2026, number: 4 }, "Asia/Jakarta", now)).toBe(true);
    expect(inProgress({ kind: "QUARTER", year: 2026, number: 3 }, "Asia/Jakarta", now)).toBe(false);
    expect(inProgress({ kind: "MONTH", year: 2026, number: 11 }, "Asia/Jakarta", now)).toBe(false);
  });

  it("lists the periods a range of months touches, newest first", () => {
    const list = periodsBetween(monthIndex(2025, 12), monthIndex(2026, 11));
    expect(list.YEAR.map(periodKey)).toEqual(["2026", "2025"]);
    expect(list.QUARTER.map(periodKey)).toEqual(["2026-T4", "2026-T3", "2026-T2", "2026-T1", "2025-T4"]);
    expect(list.MONTH).toHaveLength(12);
    for (const kind of PERIOD_KINDS) expect(periodOfMonth(kind, monthIndex(2026, 11))).toEqual(list[kind][0]);
  });
});
