import { describe, expect, it } from "vitest";
import { addWorkingDays, localDate, overdueCutoff, serviceLevel, workingDaysBetween } from "@/lib/feedback/working-days";

const WIB = "Asia/Jakarta";
const WIT = "Asia/Jayapura";
// 2026-12-04 is a Friday.
const at = (iso: string) => new Date(iso);

describe("working days", () => {
  it("counts Monday to Friday after the submission day", () => {
    expect(workingDaysBetween(at("2026-12-04T03:00:00Z"), at("2026-12-04T09:00:00Z"), WIB)).toBe(0);
    // Friday -> Saturday, Sunday: nothing; Monday: one.
    expect(workingDaysBetween(at("2026-12-04T03:00:00Z"), at("2026-12-05T03:00:00Z"), WIB)).toBe(0);
    expect(workingDaysBetween(at("2026-12-04T03:00:00Z"), at("2026-12-06T03:00:00Z"), WIB)).toBe(0);
    expect(workingDaysBetween(at("2026-12-04T03:00:00Z"), at("2026-12-07T03:00:00Z"), WIB)).toBe(1);
    // Two weeks and a day: ten and one.
    expect(workingDaysBetween(at("2026-11-30T03:00:00Z"), at("2026-12-15T03:00:00Z"), WIB)).toBe(11);
    expect(workingDaysBetween(at("2026-12-07T03:00:00Z"), at("2026-12-04T03:00:00Z"), WIB)).toBe(0);
  });

  it("cuts days on the agency's clock", () => {
    // 2026-12-04T16:30Z is Friday 23:30 in Jakarta but Saturday 01:30 in Jayapura.
    const late = at("2026-12-04T16:30:00Z");
    expect(localDate(late, WIB)).toBe("2026-12-04");
    expect(localDate(late, WIT)).toBe("2026-12-05");
    const monday = at("2026-12-07T03:00:00Z");
    expect(workingDaysBetween(late, monday, WIB)).toBe(1);
    expect(workingDaysBetween(late, monday, WIT)).toBe(1);
    // Thursday 23:30 WIB is already Friday in Jayapura.
    const thu = at("2026-12-03T16:30:00Z");
    expect(workingDaysBetween(thu, monday, WIB)).toBe(2);
    expect(workingDaysBetween(thu, monday, WIT)).toBe(1);
  });

  it("puts the due date that many working days later, over weekends", () => {
    expect(addWorkingDays(at("2026-12-04T03:00:00Z"), 5, WIB)).toBe("2026-12-11");
    expect(addWorkingDays(at("2026-12-02T03:00:00Z"), 5, WIB)).toBe("2026-12-09");
    expect(addWorkingDays(at("2026-12-05T03:00:00Z"), 1, WIB)).toBe("2026-12-07");
    expect(addWorkingDays(at("2026-12-05T03:00:00Z"), 0, WIB)).toBe("2026-12-05");
  });

  it("agrees with the ages on the overdue cutoff, every day and target", () => {
    for (let n = 0; n < 21; n++) {
      const now = new Date(Date.parse("2026-12-01T05:00:00Z") + n * 86_400_000);
      for (const target of [0, 1, 3, 5, 10]) {
        const cutoff = overdueCutoff(now, target, WIB);
        for (let back = 0; back < 30; back++) {
          const submitted = new Date(now.getTime() - back * 86_400_000);
          expect(localDate(submitted, WIB) < cutoff, `${now.toISOString()} ${target} ${back}`).toBe(workingDaysBetween(submitted, now, WIB) > target);
        }
      }
    }
  });

  it("calls an item overdue only while unanswered and open past the target", () => {
    const submittedAt = at("2026-11-30T03:00:00Z"); // Monday
    const now = at("2026-12-08T03:00:00Z"); // the next Tuesday: 6 working days
    expect(serviceLevel({ submittedAt, answeredAt: null, closedAt: null }, 5, WIB, now)).toEqual({ ageDays: 6, due: "2026-12-07", overdue: true });
    expect(serviceLevel({ submittedAt, answeredAt: null, closedAt: null }, 6, WIB, now).overdue).toBe(false);
    expect(serviceLevel({ submittedAt, answeredAt: at("2026-12-01T03:00:00Z"), closedAt: null }, 5, WIB, now)).toEqual({ ageDays: 1, due: "2026-12-07", overdue: false });
    expect(serviceLevel({ submittedAt, answeredAt: null, closedAt: at("2026-12-02T03:00:00Z") }, 5, WIB, now).overdue).toBe(false);
  });
});
