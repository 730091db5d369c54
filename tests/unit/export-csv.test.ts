import { describe, expect, it } from "vitest";
import { csvCell, csvStream, exportLayout, localTimestamp, type TExportLabels, type TExportRow, type TExportVersion } from "@/lib/export/csv";

const items = (codes: string[], name = (c: string) => `Unsur ${c}`) => codes.map((code) => ({ code, name: name(code), nameEn: `Element ${code}` }));
const U = (n: number) => Array.from({ length: n }, (_, i) => `U${i + 1}`);
const V2017: TExportVersion = { id: "v17", templateKey: "permenpan-14-2017", version: 1, asksHarapan: false, items: items(U(9)) };
const V2017H: TExportVersion = { ...V2017, id: "v17h", templateKey: "permenpan-14-2017-harapan", asksHarapan: true };
const V2004: TExportVersion = { id: "v04", templateKey: "kepmenpan-25-2004", version: 1, asksHarapan: false, items: items(U(14), (c) => `Lama ${c}`) };

const LABELS: TExportLabels = {
  number: "No", time: "Waktu", unitCode: "Kode unit", unit: "Unit", service: "Layanan", channel: "Kanal", questionnaire: "Kuesioner",
  item: (code, item) => (item ? `${code} ${item.name}` : code), harapan: (code) => `Harapan ${code}`,
  gender: "JK", age: "Usia", education: "Pendidikan", occupation: "Pekerjaan", verified: "Terverifikasi", suspicious: "Mencurigakan", saran: "Saran", yes: "ya", no: "tidak",
};

const row = (over: Partial<TExportRow> = {}): TExportRow => ({
  id: "r", submittedAt: new Date("2026-11-30T00:15:00Z"), unitCode: "RSUD", unitName: "RSUD Sukamaju", service: "IGD", channel: "WEB", versionId: "v17",
  answers: { U1: 4, U3: 2 }, harapan: null, gender: "P", age: 41, education: "S1", occupation: null, saran: null, verified: true, suspicious: false, ...over,
});

describe("csvCell", () => {
  it("writes numbers bare, nothing for a missing value, text quoted with quotes doubled", () => {
    expect([csvCell(4), csvCell(null), csvCell(undefined), csvCell(Number.NaN), csvCell('a "b"; c\r\nd')]).toEqual(["4", "", "", "", '"a ""b""; c\r\nd"']);
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    for (const v of ["=1+1", "+62", "-1", "@SUM(A1)", " =1", "\t=1", "\rx", "\n =1"]) expect(csvCell(v)).toBe(`"'${v}"`);
    for (const v of ["a=b", "Baik", "1-2", "email@x.test", "😀 =1"]) expect(csvCell(v)).toBe(`"${v}"`);
  });
});

describe("localTimestamp", () => {
  it("writes the agency's wall clock with its offset", () => {
    const at = new Date("2026-11-30T00:15:00.999Z");
    expect(localTimestamp(at, "Asia/Jakarta")).toBe("2026-11-30T07:15:00+07:00");
    expect(localTimestamp(at, "Asia/Makassar")).toBe("2026-11-30T08:15:00+08:00");
    expect(localTimestamp(at, "Asia/Jayapura")).toBe("2026-11-30T09:15:00+09:00");
    // Across midnight and a month: 16:30 UTC on 31 October is 1 November on WITA.
    expect(localTimestamp(new Date("2026-10-31T16:30:00Z"), "Asia/Makassar")).toBe("2026-11-01T00:30:00+08:00");
  });

  it("follows a zone that changes offset within the day (the memo is per day)", () => {
    // Europe/Paris leaves summer time at 01:00 UTC on 25 October 2026.
    expect(localTimestamp(new Date("2026-10-25T00:30:00Z"), "Europe/Paris")).toBe("2026-10-25T02:30:00+02:00");
    expect(localTimestamp(new Date("2026-10-25T01:30:00Z"), "Europe/Paris")).toBe("2026-10-25T02:30:00+01:00");
    expect(localTimestamp(new Date("2026-03-01T12:00:00Z"), "America/Sao_Paulo")).toBe("2026-03-01T09:00:00-03:00");
  });
});

describe("exportLayout", () => {
  it("has the columns of each questionnaire: 9 for 2017, 14 for 2004, harapan only where asked", () => {
    expect(exportLayout([V2017]).items.map((c) => c.item?.name)).toEqual(U(9).map((c) => `Unsur ${c}`));
    expect(exportLayout([V2017]).harapan).toEqual([]);
    expect(exportLayout([V2004]).items.map((c) => c.code)).toEqual(U(14));
    expect(exportLayout([V2017, V2017H]).harapan.map((c) => c.code)).toEqual(U(9));
  });

  it("takes the union when a unit changed questionnaire, naming only the columns every version agrees on", () => {
    const l = exportLayout([V2017, V2004]);
    expect(l.items.map((c) => c.code)).toEqual(U(14));
    expect(l.items.map((c) => c.item?.name ?? null)).toEqual([...U(9).map(() => null), ...U(14).slice(9).map((c) => `Lama ${c}`)]);
    expect([...l.versionLabel.values()]).toEqual(["permenpan-14-2017 v1", "kepmenpan-25-2004 v1"]);
  });
});

describe("csvStream", () => {
  async function text(batches: TExportRow[][], versions: TExportVersion[]) {
    async function* gen() {
      yield* batches;
    }
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(csvStream(gen(), versions, LABELS, "Asia/Makassar")).arrayBuffer());
  }

  it("starts with the BOM and the header, numbers rows across batches, and marks suspicious ones", async () => {
    const out = await text([[row()], [row({ suspicious: true, saran: "=x", harapan: { U1: 3 }, versionId: "v17h" })]], [V2017, V2017H]);
    const lines = out.split("\r\n");
    expect(out.startsWith("\uFEFF")).toBe(true);
    expect(lines[0]).toBe(
      '\uFEFF"No";"Waktu";"Kode unit";"Unit";"Layanan";"Kanal";"Kuesioner";' + U(9).map((c) => `"${c} Unsur ${c}"`).join(";") + ";" + U(9).map((c) => `"Harapan ${c}"`).join(";") +
        ';"JK";"Usia";"Pendidikan";"Pekerjaan";"Terverifikasi";"Mencurigakan";"Saran"',
    );
    const start = '"2026-11-30T08:15:00+08:00";"RSUD";"RSUD Sukamaju";"IGD";"WEB"';
    const scores = (answers: (number | "")[]) => [...answers, ...Array(9 - answers.length).fill("")].join(";");
    expect(lines[1]).toBe(`1;${start};"permenpan-14-2017 v1";${scores([4, "", 2])};${scores([])};"P";41;"S1";;"ya";"tidak";`);
    expect(lines[2]).toBe(`2;${start};"permenpan-14-2017-harapan v1";${scores([4, "", 2])};${scores([3])};"P";41;"S1";;"ya";"ya";"'=x"`);
    expect(lines[3]).toBe("");
  });

  it("stops asking for batches when the reader cancels", async () => {
    let asked = 0;
    let closed = false;
    async function* gen() {
      try {
        for (;;) {
          asked++;
          yield [row()];
        }
      } finally {
        closed = true;
      }
    }
    const reader = csvStream(gen(), [V2017], LABELS, "Asia/Jakarta").getReader();
    await reader.read(); // header
    await reader.read(); // first batch
    await reader.cancel();
    expect(closed).toBe(true);
    expect(asked).toBeLessThanOrEqual(2);
  });
});
