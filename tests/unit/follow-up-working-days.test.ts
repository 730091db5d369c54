import { describe, expect, it } from "vitest";
import { isOverdue, localDate, overdueCutoff, workingDaysBetween } from "@/lib/follow-up/working-days";

const JKT = "Asia/Jakarta";
// 2026-11-02 is a Monday.
const wib = (iso: string) => new Date(`${iso}+07:00`);

describe("workingDaysBetween", () => {
  it("counts Monday to Friday, not weekends", () => {
    expect(workingDaysBetween(wib("2026-11-02T09:00:00"), wib("2026-11-02T17:00:00"), JKT)).toBe(0);
    expect(workingDaysBetween(wib("2026-11-02T09:00:00"), wib("2026-11-03T08:00:00"), JKT)).toBe(1);
    expect(workingDaysBetween(wib("2026-11-02T09:00:00"), wib("2026-11-06T09:00:00"), JKT)).toBe(4);
    // Friday -> Saturday, Sunday: 0; Monday: 1.
    expect(workingDaysBetween(wib("2026-11-06T20:00:00"), wib("2026-11-08T12:00:00"), JKT)).toBe(0);
    expect(workingDaysBetween(wib("2026-11-06T20:00:00"), wib("2026-11-09T07:00:00"), JKT)).toBe(1);
    // Two full weeks and a day from a Monday: 10 + 1.
    expect(workingDaysBetween(wib("2026-11-02T09:00:00"), wib("2026-11-17T09:00:00"), JKT)).toBe(11);
    // Saturday -> next Saturday: the five days in between.
    expect(workingDaysBetween(wib("2026-11-07T10:00:00"), wib("2026-11-14T10:00:00"), JKT)).toBe(5);
  });

  it("uses the agency's calendar date, not UTC's", () => {
    // 2026-11-02 23:30 WIB is 16:30 UTC the same day; 2026-11-03 00:30 WIB is still 2 Nov in UTC.
    expect(localDate(wib("2026-11-03T00:30:00"), JKT).toISOString().slice(0, 10)).toBe("2026-11-03");
    expect(workingDaysBetween(wib("2026-11-02T23:30:00"), wib("2026-11-03T00:30:00"), JKT)).toBe(1);
    // In WIT (UTC+9) the same two instants are already 3 Nov 01:30 and 02:30: no day passed.
    expect(workingDaysBetween(wib("2026-11-02T23:30:00"), wib("2026-11-03T00:30:00"), "Asia/Jayapura")).toBe(0);
  });

  it("is zero when `to` is not after `from`", () => {
    expect(workingDaysBetween(wib("2026-11-05T09:00:00"), wib("2026-11-02T09:00:00"), JKT)).toBe(0);
  });
});

describe("isOverdue", () => {
  it("is overdue only past the target", () => {
    const received = wib("2026-11-02T09:00:00"); // Monday
    expect(isOverdue(received, wib("2026-11-09T09:00:00"), 5, JKT)).toBe(false); // 5 working days
    expect(isOverdue(received, wib("2026-11-10T09:00:00"), 5, JKT)).toBe(true); // 6
  });
});

describe("overdueCutoff", () => {
  it("matches isOverdue at the boundary", () => {
    const now = wib("2026-11-10T09:00:00"); // Tuesday
    // Monday 2 Nov is 6 working days back (overdue with target 5), Tuesday 3 Nov is 5.
    expect(overdueCutoff(now, 5, JKT)).toBe("2026-11-02");
    // From Monday 9 Nov, an item from Sunday 1 Nov has waited Mon 2..Fri 6 and Mon 9: 6 days.
    expect(overdueCutoff(wib("2026-11-09T09:00:00"), 5, JKT)).toBe("2026-11-01");
    for (let d = 0; d < 30; d += 1) {
      const submitted = new Date(now.getTime() - d * 86_400_000);
      const day = localDate(submitted, JKT).toISOString().slice(0, 10);
      expect(day <= overdueCutoff(now, 5, JKT)).toBe(isOverdue(submitted, now, 5, JKT));
    }
  });
});
