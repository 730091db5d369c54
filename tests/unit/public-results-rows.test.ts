import { describe, expect, it } from "vitest";
import { badgeSvg, csvField, escapeXml, filterRows, latestPerUnit, OPEN_DATA_COLUMNS, toCsv, toOpenData, type TPublicRow } from "@/lib/public-results/rows";

const row = (unitCode: string, number: number, over: Partial<TPublicRow> = {}): TPublicRow => ({
  unitCode, unitName: `Unit ${unitCode}`, unitKind: "DINAS", depth: 1,
  period: { kind: "QUARTER", year: 2026, number }, periodKey: `2026-T${number}`, periodEnd: new Date(Date.UTC(2026, number * 3, 1)),
  konversi: 80 + number, mutu: "B", kinerja: "Baik", kinerjaEn: "Good", respondents: 10 * number, scope: "sendiri", belowMinimum: false, unsur: [],
  publishedAt: new Date(Date.UTC(2026, number * 3, 5)), ...over,
});

describe("latestPerUnit", () => {
  it("keeps each unit's newest period, whatever the order, in first-seen order", () => {
    const rows = [row("A", 1), row("A", 3), row("B", 2), row("A", 2), row("B", 1)];
    expect(latestPerUnit(rows).map((r) => r.periodKey + r.unitCode)).toEqual(["2026-T3A", "2026-T2B"]);
  });
  it("breaks a tie on the period's end by the newer publication", () => {
    const year = row("A", 4, { period: { kind: "YEAR", year: 2026, number: 1 }, periodKey: "2026", publishedAt: new Date(Date.UTC(2027, 0, 9)) });
    expect(latestPerUnit([row("A", 4), year])[0]!.periodKey).toBe("2026");
  });
});

describe("filterRows", () => {
  const rows = [row("DINKES", 1, { unitName: "Dinas Kesehatan" }), row("RSUD", 1, { unitName: "RSUD Sukamaju", depth: 2 }), row("KAB", 1, { unitName: "Pemkab", depth: 0 })];
  it("matches name or code without case, and a level (1 = the agency)", () => {
    expect(filterRows(rows, "kesehatan", null).map((r) => r.unitCode)).toEqual(["DINKES"]);
    expect(filterRows(rows, "rsud", null).map((r) => r.unitCode)).toEqual(["RSUD"]);
    expect(filterRows(rows, "", "1").map((r) => r.unitCode)).toEqual(["KAB"]);
    expect(filterRows(rows, "  ", "3").map((r) => r.unitCode)).toEqual(["RSUD"]);
    expect(filterRows(rows, "dinas", "3")).toEqual([]);
  });
});

describe("open data", () => {
  it("writes the documented columns, quoting and neutralising formulas", () => {
    expect(csvField('Dinas "A", Utara')).toBe('"Dinas ""A"", Utara"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(-1)).toBe("-1");
    const csv = toCsv([toOpenData(row("A", 3, { unitName: "=cmd" }))]);
    expect(csv).toBe(`${OPEN_DATA_COLUMNS.join(",")}\r\n'=cmd,A,2026-T3,83,B,30,2026-10-05T00:00:00.000Z\r\n`);
  });
});

describe("badge", () => {
  it("escapes its text and colours by mutu", () => {
    expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    const svg = badgeSvg("IKM <TW III>", "83,00 · A", "A");
    expect(svg).toContain("IKM &lt;TW III&gt;");
    expect(svg).not.toContain("<TW");
    expect(svg).toContain("#15803d");
    expect(badgeSvg("IKM", "belum terbit", null)).toContain("#64748b");
  });
});
