import { describe, expect, it } from "vitest";
import { defaultPeriod, parseDashboardQuery, runningPeriod } from "@/lib/validation/dashboard";

describe("the dashboard's URL", () => {
  it("opens on the last completed triwulan, on the agency's clock", () => {
    // 1 December 2026: triwulan IV is running, III is the last completed.
    expect(parseDashboardQuery({}, new Date("2026-12-01T03:00:00Z")).query.period).toEqual({ kind: "QUARTER", year: 2026, number: 3 });
    // 1 January 2027 at 06:00 WIB is still 31 December in UTC: the year has turned for the agency.
    const newYear = new Date("2026-12-31T23:00:00Z");
    expect(runningPeriod(newYear)).toEqual({ kind: "QUARTER", year: 2027, number: 1 });
    expect(defaultPeriod(newYear)).toEqual({ kind: "QUARTER", year: 2026, number: 4 });
    // A period asked for is kept, the running one included; a bad one is named and the default used.
    expect(parseDashboardQuery({ periode: "2026-T4" }).query.period).toEqual({ kind: "QUARTER", year: 2026, number: 4 });
    const bad = parseDashboardQuery({ periode: "2026-T9" }, new Date("2026-12-01T03:00:00Z"));
    expect(bad.ignored).toEqual(["periode"]);
    expect(bad.query.period).toEqual({ kind: "QUARTER", year: 2026, number: 3 });
  });
});
