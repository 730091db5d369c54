// Each fixture under tests/fixtures/import read, mapped and previewed: the mapping, every
// accepted row's scores and profile, and the IKM, against hand-written expected rows run
// through lib/ikm; bad files refused with row and column named.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMENPAN_14_2017, computeIkmFromRows } from "@/lib/ikm";
import { previewFile, type FileImport } from "@/lib/import";
import { MICROSOFT_ROWS } from "../fixtures/import/make-microsoft-forms";

const DIR = path.resolve(__dirname, "../fixtures/import");
const CODES = PERMENPAN_14_2017.items.map((item) => item.code);

async function load(name: string, timeZone = "Asia/Jakarta"): Promise<FileImport> {
  return previewFile(name, await readFile(path.join(DIR, name)), { template: PERMENPAN_14_2017, timeZone });
}

function scoresOf(result: FileImport): (number | null)[][] {
  return result.preview.accepted.map((row) => CODES.map((code) => row.answers[code] ?? null));
}

function expectIkm(result: FileImport, rows: (number | null)[][]) {
  const expected = computeIkmFromRows(rows, { template: PERMENPAN_14_2017 });
  expect(result.preview.ikm.items.map((i) => [i.answered, i.sum])).toEqual(expected.items.map((i) => [i.answered, i.sum]));
  expect(result.preview.ikm.konversi).toBe(expected.konversi);
  expect(result.preview.ikm.mutu).toBe(expected.mutu);
}

const GOOGLE_ROWS: (number | null)[][] = [
  [3, 3, 2, 2, 3, 3, 4, 3, 3],
  [4, 4, 3, 3, 4, 4, 4, 4, 4],
  [2, 2, 1, 1, 2, 3, 3, 2, 1],
  [3, null, 3, 4, 3, 3, 3, 3, 2],
  [4, 3, 4, 2, 4, 4, 4, 4, 3],
  [1, 2, 2, 4, 2, 2, 2, 1, 2],
  [3, 3, 3, 3, 3, 3, 3, 2, 3],
];

describe("Google Forms CSV (Indonesian locale)", () => {
  it("maps the numbered full questions, profile, time and saran columns", async () => {
    const result = await load("google-forms.csv");
    expect(result.source).toBe("google-forms");
    expect(result.mapping.items).toEqual({ U1: 6, U2: 7, U3: 8, U4: 9, U5: 10, U6: 11, U7: 12, U8: 13, U9: 14 });
    expect(result.mapping.roles).toMatchObject({ timestamp: 0, service: 1, gender: 2, age: 3, education: 4, occupation: 5, saran: 15 });
    expect(result.mapping.unmatched).toEqual([]);
  });

  it("scores labels with and without prefixes, in any case, and the scale's numbers", async () => {
    const result = await load("google-forms.csv");
    expect(result.preview.refused).toEqual([]);
    expect(result.preview.rowsRead).toBe(7);
    expect(scoresOf(result)).toEqual(GOOGLE_ROWS);
    // Row 3 holds a two-line saran inside quotes: the next record is still row 4.
    expect(result.preview.accepted.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(result.preview.accepted[1]!.saran).toBe('Petugas ramah.\nRuang tunggu panas, "kipas" rusak.');
    expect(result.preview.accepted.map((r) => r.profile)).toEqual([
      { gender: "L", age: 34, education: "SMA", occupation: "SWASTA" },
      { gender: "P", age: 27, education: "S1", occupation: "PNS" },
      { gender: "P", age: 45, education: "SMP", occupation: "WIRAUSAHA" },
      { gender: "L", age: 52, education: "D1_D3", occupation: "LAINNYA" },
      { gender: "L", age: null, education: "SD", occupation: "LAINNYA" },
      { gender: "P", age: 19, education: "SMA", occupation: null },
      { gender: "P", age: 61, education: "S2", occupation: "LAINNYA" },
    ]);
    expect(result.preview.accepted.map((r) => r.service)).toEqual([
      "Pembuatan KTP", "Pembuatan KTP", "Kartu Keluarga", "Kartu Keluarga", "Akta Kelahiran", "Akta Kelahiran", "Pembuatan KTP",
    ]);
    expectIkm(result, GOOGLE_ROWS);
  });

  it("reads the day-first timestamps on the agency's zone", async () => {
    const result = await load("google-forms.csv");
    expect(result.preview.dateOrder).toEqual({ order: "dmy", ambiguous: false, conflicting: false });
    expect(result.preview.accepted[3]!.submittedAt?.toISOString()).toBe("2026-04-03T06:20:45.000Z");
    const makassar = await load("google-forms.csv", "Asia/Makassar");
    expect(makassar.preview.accepted[0]!.submittedAt?.toISOString()).toBe("2026-03-14T01:41:22.000Z");
  });

  it("gives the same fingerprints when parsed again, distinct per row", async () => {
    const first = (await load("google-forms.csv")).preview.accepted.map((r) => r.fingerprint);
    const again = (await load("google-forms.csv")).preview.accepted.map((r) => r.fingerprint);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("applies a corrected mapping: a column moved to another item", async () => {
    const data = await readFile(path.join(DIR, "google-forms.csv"));
    const swapped = await previewFile("google-forms.csv", data, {
      template: PERMENPAN_14_2017,
      timeZone: "Asia/Jakarta",
      override: { items: { U1: null }, roles: { saran: null } },
    });
    expect(swapped.mapping.items.U1).toBeNull();
    expect(swapped.mapping.unmatched.map((c) => c.column)).toEqual([6, 15]);
    expect(swapped.preview.refused).toEqual([
      { key: "missingColumn", row: 1, column: "U1", value: "", params: { row: 1, column: "U1", value: "", code: "U1" } },
    ]);
  });
});

describe("Microsoft Forms XLSX", () => {
  it("maps unnumbered questions, reads date cells and English labels", async () => {
    const result = await load("microsoft-forms.xlsx");
    expect(result.source).toBe("microsoft-forms");
    expect(result.table.format).toBe("xlsx");
    expect(result.mapping.roles).toMatchObject({ timestamp: 2, gender: 5, saran: 15 });
    expect(result.mapping.unmatched.map((c) => c.header)).toEqual(["ID", "Start time", "Email", "Name"]);
    const rows = MICROSOFT_ROWS.map((r) => r.scores);
    expect(scoresOf(result)).toEqual(rows);
    expect(result.preview.accepted.map((r) => r.profile.gender)).toEqual(["P", "L", "L", "P", null]);
    expect(result.preview.accepted[0]!.submittedAt?.toISOString()).toBe("2026-03-14T02:41:00.000Z");
    expect(result.preview.dateOrder?.ambiguous).toBe(false);
    expectIkm(result, rows);
  });
});

describe("KoboToolbox CSV", () => {
  it("maps group-prefixed questions (one holding biaya/tarif) and ISO times with offset", async () => {
    const result = await load("kobotoolbox.csv", "Asia/Jayapura");
    expect(result.source).toBe("kobotoolbox");
    expect(result.table.delimiter).toBe(";");
    expect(result.mapping.items).toEqual({ U1: 7, U2: 8, U3: 9, U4: 10, U5: 11, U6: 12, U7: 13, U8: 14, U9: 15 });
    expect(result.mapping.roles).toMatchObject({ timestamp: 1, service: 2, gender: 3, age: 4, education: 5, occupation: 6, saran: 16 });
    const rows = [
      [4, 3, 3, 4, 3, 3, 4, 3, 3],
      [3, 3, 2, 2, 3, 4, 4, 4, 2],
      [2, 3, 3, 4, 2, 3, 3, 1, 1],
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
    ];
    expect(scoresOf(result)).toEqual(rows);
    expect(result.preview.accepted[0]!.submittedAt?.toISOString()).toBe("2026-03-14T02:41:22.000Z");
    expectIkm(result, rows);
  });
});

describe("Indonesian-locale tabulation CSV", () => {
  it("finds the header below the title, skips the blank numbered row, equals the ikm worked example", async () => {
    const result = await load("tabulasi-id.csv");
    expect(result.source).toBe("tabulation");
    expect(result.table.headerRow).toBe(3);
    expect(result.mapping.roles).toMatchObject({ number: 0, gender: 1, age: 2, education: 3, occupation: 4, saran: 14 });
    expect(result.preview.rowsWithoutAnswers).toEqual([16]);
    expect(result.preview.accepted).toHaveLength(12);
    expect(result.preview.ikm.items.map((i) => i.sum)).toEqual([40, 37, 32, 44, 38, 39, 45, 36, 30]);
    expect(result.preview.ikm.konversi).toBe(10625 / 132);
    expect(result.preview.accepted[0]!.saran).toBe("Antrean panjang; mohon tambah loket");
  });
});

describe("bad files", () => {
  it("refuses an empty file", async () => {
    const result = await load("kosong.csv");
    expect(result.preview.refused.map((r) => [r.key, r.row, r.column])).toEqual([["emptyFile", 1, null]]);
    expect(result.preview.accepted).toEqual([]);
  });

  it("refuses a file whose question column is missing, naming the header row and the item", async () => {
    const result = await load("kolom-salah.csv");
    expect(result.mapping.unmatched.map((c) => c.header)).toEqual(["3. Apakah Saudara akan datang lagi?"]);
    expect(result.preview.refused.map((r) => [r.key, r.row, r.column])).toEqual([["missingColumn", 1, "U3"]]);
    expect(result.preview.accepted).toEqual([]);
  });

  it("refuses a row with a label matching no option, naming row, column and value", async () => {
    const result = await load("label-tak-dikenal.csv");
    expect(result.preview.refused).toEqual([
      {
        key: "unknownLabel",
        row: 3,
        column: "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        value: "Lumayan baik",
        params: {
          row: 3,
          column: "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
          value: "Lumayan baik",
          code: "U8",
          min: 1,
          max: 4,
        },
      },
    ]);
    expect(scoresOf(result)).toEqual([[3, 3, 3, 3, 3, 3, 3, 3, 3]]);
    expect(result.preview.dateOrder).toEqual({ order: "mdy", ambiguous: false, conflicting: false });
  });

  it("refuses a score out of scale, naming row and column", async () => {
    const result = await load("skor-diluar-skala.csv");
    expect(result.preview.refused.map((r) => [r.key, r.row, r.column, r.value])).toEqual([["outOfScale", 3, "U3", "5"]]);
    expect(result.preview.accepted.map((r) => r.rowNumber)).toEqual([2, 4]);
  });
});
