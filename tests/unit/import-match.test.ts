import { describe, expect, it } from "vitest";
import { PERMENPAN_14_2017, computeIkmFromRows } from "@/lib/ikm";
import { applyMappingOverride, buildPreview, detectSource, proposeMapping, readCsvText } from "@/lib/import";

const T = PERMENPAN_14_2017;
const Q = T.items.map((item) => item.question);

describe("reading CSV", () => {
  it("reads ';' with a BOM and ',' without, quoted multi-line cells keep spreadsheet row numbers", () => {
    const semi = readCsvText('\uFEFFNo;U1\r\n1;"a;\r\nb"\r\n\r\n2;3\r\n');
    expect(semi.delimiter).toBe(";");
    expect(semi.header).toEqual(["No", "U1"]);
    expect(semi.rows).toEqual([
      { rowNumber: 2, cells: ["1", "a;\r\nb"] },
      { rowNumber: 4, cells: ["2", "3"] },
    ]);
    const comma = readCsvText('Timestamp,"Saran, masukan"\n14/03/2026 9:41:22,"x\ny"\n');
    expect(comma.delimiter).toBe(",");
    expect(comma.header).toEqual(["Timestamp", "Saran, masukan"]);
    expect(comma.rows[0]).toEqual({ rowNumber: 2, cells: ["14/03/2026 9:41:22", "x\ny"] });
  });
});

describe("matching columns", () => {
  it("matches wording regardless of numbering, case, punctuation, diacritics and English", () => {
    const header = [
      "Timestamp",
      `1) ${Q[0]!.toUpperCase()}`,
      `[2] ${Q[1]!.replace("?", "")}`,
      `Pertanyaan 3`,
      `U4`,
      `Q5. ${Q[4]}`,
      T.items[5]!.questionEn,
      `7. ${Q[6]!.replace("sopan", "sópan")}`,
      "Sarana dan Prasarana",
      `Unsur 9`,
      "Kritik dan saran",
      "Alamat email",
    ];
    const mapping = proposeMapping(header, T);
    expect(mapping.items).toEqual({ U1: 1, U2: 2, U3: 3, U4: 4, U5: 5, U6: 6, U7: 7, U8: 8, U9: 9 });
    expect(mapping.roles.timestamp).toBe(0);
    expect(mapping.roles.saran).toBe(10);
    expect(mapping.unmatched).toEqual([{ column: 11, header: "Alamat email" }]);
    expect(detectSource(header, T)).toBe("google-forms");
  });

  it("a corrected mapping takes the column from the field that held it", () => {
    const header = ["Timestamp", ...Q, "Saran"];
    const mapping = proposeMapping(header, T);
    const corrected = applyMappingOverride(header, mapping, { items: { U8: 9, U9: 8 } });
    expect(corrected.items.U8).toBe(9);
    expect(corrected.items.U9).toBe(8);
    const moved = applyMappingOverride(header, mapping, { roles: { saran: 1 } });
    expect(moved.roles.saran).toBe(1);
    expect(moved.items.U1).toBeNull();
    expect(moved.unmatched).toEqual([{ column: 10, header: "Saran" }]);
    expect(() => applyMappingOverride(header, mapping, { items: { U10: 1 } })).toThrow(RangeError);
    expect(() => applyMappingOverride(header, mapping, { roles: { saran: 99 } })).toThrow(RangeError);
  });
});

describe("preview", () => {
  const csv = (lines: string[]) => readCsvText(lines.join("\n"));
  const header = ["Timestamp", ...Q].map((h) => `"${h}"`).join(",");

  it("identical rows get distinct fingerprints, stable across files that append rows", () => {
    const row = "3/14/2026 9:41:22," + T.items.map((i) => i.options[2]!.id).join(",");
    const other = "3/15/2026 9:41:22," + T.items.map((i) => i.options[3]!.id).join(",");
    const first = buildPreview(csv([header, row, row]), proposeMapping(["Timestamp", ...Q], T), { template: T, timeZone: "Asia/Jakarta" });
    const longer = buildPreview(csv([header, row, other, row, row]), proposeMapping(["Timestamp", ...Q], T), { template: T, timeZone: "Asia/Jakarta" });
    const a = first.accepted.map((r) => r.fingerprint);
    const b = longer.accepted.map((r) => r.fingerprint);
    expect(a[0]).not.toBe(a[1]);
    expect([b[0], b[2]]).toEqual(a);
    expect(b[3]).not.toBe(a[0]);
    expect(longer.ikm.konversi).toBe(computeIkmFromRows([[3, 3, 3, 3, 3, 3, 3, 3, 3], [4, 4, 4, 4, 4, 4, 4, 4, 4], [3, 3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3]]).konversi);
  });

  it("refuses a bad timestamp and a file mixing date orders, naming row and column", () => {
    const answers = T.items.map((i) => i.options[0]!.id).join(",");
    const bad = buildPreview(csv([header, `kemarin,${answers}`]), proposeMapping(["Timestamp", ...Q], T), { template: T, timeZone: "Asia/Jakarta" });
    expect(bad.refused.map((r) => [r.key, r.row, r.column, r.value])).toEqual([["badTimestamp", 2, "Timestamp", "kemarin"]]);
    const mixed = buildPreview(csv([header, `14/03/2026 9:00,${answers}`, `3/14/2026 9:00,${answers}`]), proposeMapping(["Timestamp", ...Q], T), { template: T, timeZone: "Asia/Jakarta" });
    expect(mixed.refused.map((r) => [r.key, r.row])).toEqual([["mixedDateOrder", 2], ["mixedDateOrder", 3]]);
    const ambiguous = buildPreview(csv([header, `3/4/2026 9:00,${answers}`]), proposeMapping(["Timestamp", ...Q], T), { template: T, timeZone: "Asia/Jakarta", locale: "en-US" });
    expect(ambiguous.dateOrder).toEqual({ order: "mdy", ambiguous: true, conflicting: false });
    expect(ambiguous.accepted[0]!.submittedAt?.toISOString()).toBe("2026-03-04T02:00:00.000Z");
  });

  it("a header with no rows is refused on the header row", () => {
    const result = buildPreview(csv([header]), proposeMapping(["Timestamp", ...Q], T), { template: T, timeZone: "Asia/Jakarta" });
    expect(result.refused.map((r) => [r.key, r.row])).toEqual([["noRows", 1]]);
  });
});
