import { describe, expect, it } from "vitest";
import { decideDateOrder, localeDateOrder, parseTimestamp } from "@/lib/import";

describe("timestamps", () => {
  it("decides day-first from a day above 12 and reads on the agency's zone", () => {
    const order = decideDateOrder(["3/04/2026 13:20:45", "14/03/2026 9:41:22"], "mdy");
    expect(order).toEqual({ order: "dmy", ambiguous: false, conflicting: false });
    expect(parseTimestamp("14/03/2026 9:41:22", "dmy", "Asia/Jakarta")?.toISOString()).toBe("2026-03-14T02:41:22.000Z");
    expect(parseTimestamp("3/04/2026 13:20:45", "dmy", "Asia/Jakarta")?.toISOString()).toBe("2026-04-03T06:20:45.000Z");
    expect(parseTimestamp("14/03/2026 9.41.22", "dmy", "Asia/Makassar")?.toISOString()).toBe("2026-03-14T01:41:22.000Z");
  });

  it("decides month-first from a second number above 12, with AM/PM", () => {
    const order = decideDateOrder(["3/4/2026 9:41:22 AM", "3/14/2026 9:41:22 PM"], "dmy");
    expect(order).toEqual({ order: "mdy", ambiguous: false, conflicting: false });
    expect(parseTimestamp("3/14/2026 9:41:22 PM", "mdy", "Asia/Jayapura")?.toISOString()).toBe("2026-03-14T12:41:22.000Z");
    expect(parseTimestamp("3/4/2026 12:05:00 AM", "mdy", "Asia/Jakarta")?.toISOString()).toBe("2026-03-03T17:05:00.000Z");
  });

  it("says so when the file does not tell, and uses the locale's order", () => {
    expect(decideDateOrder(["3/4/2026 9:41:22", "5/6/2026 10:00"], localeDateOrder("id"))).toEqual({ order: "dmy", ambiguous: true, conflicting: false });
    expect(decideDateOrder(["3/4/2026 9:41:22"], localeDateOrder("en-US"))).toEqual({ order: "mdy", ambiguous: true, conflicting: false });
    expect(parseTimestamp("3/4/2026 9:41:22", "dmy", "Asia/Jakarta")?.toISOString()).toBe("2026-04-03T02:41:22.000Z");
    expect(parseTimestamp("3/4/2026 9:41:22", "mdy", "Asia/Jakarta")?.toISOString()).toBe("2026-03-04T02:41:22.000Z");
    // ISO values only: nothing to decide, nothing ambiguous.
    expect(decideDateOrder(["2026-03-04T09:41:22"], "dmy").ambiguous).toBe(false);
  });

  it("flags files with both orders", () => {
    expect(decideDateOrder(["14/03/2026 9:00", "3/14/2026 9:00"], "dmy").conflicting).toBe(true);
  });

  it("reads ISO with and without an offset, and refuses impossible dates", () => {
    expect(parseTimestamp("2026-03-14T09:41:22.000+07:00", "dmy", "Asia/Jayapura")?.toISOString()).toBe("2026-03-14T02:41:22.000Z");
    expect(parseTimestamp("2026-03-14T02:41:22Z", "dmy", "Asia/Jakarta")?.toISOString()).toBe("2026-03-14T02:41:22.000Z");
    expect(parseTimestamp("2026-03-14T09:41:22", "dmy", "Asia/Jakarta")?.toISOString()).toBe("2026-03-14T02:41:22.000Z");
    expect(parseTimestamp("2026-03-14 09:41", "dmy", "Asia/Makassar")?.toISOString()).toBe("2026-03-14T01:41:00.000Z");
    expect(parseTimestamp("31/02/2026 9:00", "dmy", "Asia/Jakarta")).toBeNull();
    expect(parseTimestamp("14/13/2026 9:00", "dmy", "Asia/Jakarta")).toBeNull();
    expect(parseTimestamp("kemarin", "dmy", "Asia/Jakarta")).toBeNull();
  });
});
