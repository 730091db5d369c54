import { describe, expect, it } from "vitest";
import { addWorkingDays, isoWeekKey, isOverdue, localDay, mondayOf, overdueCutoff, workingDaysBetween } from "@/lib/jobs/working-days";

describe("working days", () => {
  it("counts Monday to Friday after the first day up to the last", () => {
    expect(workingDaysBetween("2026-11-30", "2026-11-30")).toBe(0); // Monday
    expect(workingDaysBetween("2026-11-30", "2026-12-04")).toBe(4); // to Friday
    expect(workingDaysBetween("2026-12-04", "2026-12-07")).toBe(1); // Friday to Monday
    expect(workingDaysBetween("2026-12-05", "2026-12-06")).toBe(0); // a weekend
    expect(workingDaysBetween("2026-11-30", "2026-12-21")).toBe(15);
    expect(workingDaysBetween("2026-12-21", "2026-11-30")).toBe(0);
  });

  it("adds working days, skipping weekends", () => {
    expect(addWorkingDays("2026-12-04", 1)).toBe("2026-12-07");
    expect(addWorkingDays("2026-12-05", 5)).toBe("2026-12-11");
    expect(addWorkingDays("2026-12-02", 0)).toBe("2026-12-02");
  });

  it("puts the overdue cut-off where an item stops being on time, for every day and target", () => {
    const days = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 10, 1 + i)).toISOString().slice(0, 10));
    for (const today of days.slice(20)) {
      for (const target of [1, 3, 5, 10]) {
        const cutoff = overdueCutoff(today, target);
        for (const received of days.filter((d) => d <= today)) {
          expect(isOverdue(received, today, target)).toBe(received < cutoff);
        }
      }
    }
    // Received on a Saturday, target 5: on time through Friday, overdue the Monday after.
    expect(isOverdue("2026-12-05", "2026-12-11", 5)).toBe(false);
    expect(isOverdue("2026-12-05", "2026-12-14", 5)).toBe(true);
  });

  it("names ISO weeks and local days", () => {
    expect(isoWeekKey("2026-12-02")).toBe("2026-W49");
    expect(isoWeekKey("2027-01-01")).toBe("2026-W53");
    expect(isoWeekKey("2026-01-01")).toBe("2026-W01");
    expect(mondayOf("2026-12-06")).toBe("2026-11-30");
    expect(localDay(new Date("2026-12-01T18:30:00Z"), "Asia/Jakarta")).toBe("2026-12-02");
    expect(localDay(new Date("2026-12-01T16:30:00Z"), "Asia/Jakarta")).toBe("2026-12-01");
  });
});
