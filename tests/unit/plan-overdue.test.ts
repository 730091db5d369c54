import { describe, expect, it } from "vitest";
import { agencyToday, isOverdue, isPlanDone } from "@/lib/plans/overdue";

describe("plan realisation rules", () => {
  it("counts the deadline's day on the agency's clock", () => {
    // 2026-12-01 17:30 UTC is already 2026-12-02 in Jakarta (UTC+7): the 1st has passed there.
    const now = new Date("2026-12-01T17:30:00Z");
    expect(agencyToday(now, "Asia/Jakarta")).toBe("2026-12-02");
    expect(isOverdue("2026-12-01", 50, now, "Asia/Jakarta")).toBe(true);
    expect(isOverdue("2026-12-02", 50, now, "Asia/Jakarta")).toBe(false);
    expect(isOverdue(new Date("2026-12-01T00:00:00Z"), 50, new Date("2026-12-01T16:00:00Z"), "Asia/Jakarta")).toBe(false);
  });
  it("is never overdue at 100 % or without a deadline", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    expect(isOverdue("2026-01-01", 100, now, "Asia/Jayapura")).toBe(false);
    expect(isOverdue(null, 0, now, "Asia/Jayapura")).toBe(false);
  });
  it("a plan is done when every action is at 100 %, and has actions", () => {
    expect(isPlanDone([100, 100])).toBe(true);
    expect(isPlanDone([100, 99])).toBe(false);
    expect(isPlanDone([])).toBe(false);
  });
});
