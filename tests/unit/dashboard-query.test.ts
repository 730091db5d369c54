import { describe, expect, it } from "vitest";
import { defaultPeriod, parseDashboardQuery, runningPeriod } from "@/lib/validation/dashboard";

const WIB = { timeZone: "Asia/Jakarta", rhythm: "QUARTER" } as const;
const clock = (timeZone: string) => ({ timeZone, rhythm: "QUARTER" }) as const;

describe("the dashboard's URL", () => {
  it("opens on the last completed triwulan, on the agency's clock", () => {
    // 1 December 2026: triwulan IV is running, III is the last completed.
    expect(parseDashboardQuery({}, WIB, new Date("2026-12-01T03:00:00Z")).query.period).toEqual({ kind: "QUARTER", year: 2026, number: 3 });
    // 1 January 2027 at 06:00 WIB is still 31 December in UTC: the year has turned for the agency.
    const newYear = new Date("2026-12-31T23:00:00Z");
    expect(runningPeriod(WIB, newYear)).toEqual({ kind: "QUARTER", year: 2027, number: 1 });
    expect(defaultPeriod(WIB, newYear)).toEqual({ kind: "QUARTER", year: 2026, number: 4 });
    // A period asked for is kept, the running one included; a bad one is named and the default used.
    expect(parseDashboardQuery({ periode: "2026-T4" }, WIB).query.period).toEqual({ kind: "QUARTER", year: 2026, number: 4 });
    const bad = parseDashboardQuery({ periode: "2026-T9" }, WIB, new Date("2026-12-01T03:00:00Z"));
    expect(bad.ignored).toEqual(["periode"]);
    expect(bad.query.period).toEqual({ kind: "QUARTER", year: 2026, number: 3 });
  });

  it("turns the quarter on the agency's own clock: WIB, WITA or WIT", () => {
    // 30 September 2026, 16:30 UTC: 23:30 in Jakarta (still triwulan III), 00:30 on 1 October in Makassar and 01:30 in Jayapura.
    const at = new Date("2026-09-30T16:30:00Z");
    expect(runningPeriod(clock("Asia/Jakarta"), at)).toEqual({ kind: "QUARTER", year: 2026, number: 3 });
    expect(runningPeriod(clock("Asia/Makassar"), at)).toEqual({ kind: "QUARTER", year: 2026, number: 4 });
    expect(runningPeriod(clock("Asia/Jayapura"), at)).toEqual({ kind: "QUARTER", year: 2026, number: 4 });
  });

  it("follows the agency's reporting rhythm: a semester or a year opens on the last completed one", () => {
    const at = new Date("2026-12-01T03:00:00Z");
    expect(parseDashboardQuery({}, { timeZone: "Asia/Jakarta", rhythm: "SEMESTER" }, at).query.period).toEqual({ kind: "SEMESTER", year: 2026, number: 1 });
    expect(runningPeriod({ timeZone: "Asia/Jakarta", rhythm: "SEMESTER" }, at)).toEqual({ kind: "SEMESTER", year: 2026, number: 2 });
    expect(parseDashboardQuery({}, { timeZone: "Asia/Jakarta", rhythm: "YEAR" }, at).query.period).toEqual({ kind: "YEAR", year: 2025, number: 1 });
    // The trend's default follows the period's kind.
    expect(parseDashboardQuery({}, { timeZone: "Asia/Jakarta", rhythm: "YEAR" }, at).query.trend).toBe("YEAR");
    // The new year arrives on the agency's clock: 1 January 2027 00:30 WITA is still 2026 in Jakarta.
    const wita = new Date("2026-12-31T16:30:00Z");
    expect(runningPeriod({ timeZone: "Asia/Makassar", rhythm: "YEAR" }, wita)).toEqual({ kind: "YEAR", year: 2027, number: 1 });
    expect(runningPeriod({ timeZone: "Asia/Jakarta", rhythm: "YEAR" }, wita)).toEqual({ kind: "YEAR", year: 2026, number: 1 });
  });
});
