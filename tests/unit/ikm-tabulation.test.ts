import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { KEPMENPAN_25_2004, PERMENPAN_14_2017 } from "@/lib/ikm";
import {
  TabulationError,
  columnLetter,
  parseCsvTabulation,
  parseXlsxTabulation,
  readTabulationFile,
} from "@/lib/tabulation/read-tabulation";

const T = PERMENPAN_14_2017;
const HEADER_ID = "No;U1;U2;U3;U4;U5;U6;U7;U8;U9;Saran";
const HEADER_EN = "No,U1,U2,U3,U4,U5,U6,U7,U8,U9,Saran";

function expectError(fn: () => unknown, pattern: RegExp, row?: number, column?: string) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TabulationError);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).not.toContain("\n");
    if (row !== undefined) expect((error as TabulationError).row).toBe(row);
    if (column !== undefined) expect((error as TabulationError).column).toBe(column);
    return;
  }
  throw new Error("expected a TabulationError");
}

async function expectAsyncError(promise: Promise<unknown>, pattern: RegExp, row?: number, column?: string) {
  const error = await promise.then(
    () => {
      throw new Error("expected a TabulationError");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TabulationError);
  expect((error as Error).message).toMatch(pattern);
  if (row !== undefined) expect((error as TabulationError).row).toBe(row);
  if (column !== undefined) expect((error as TabulationError).column).toBe(column);
}

describe("CSV", () => {
  it("Indonesian locale: ';', BOM, CRLF, quoted saran with ';', decimal-comma zeros accepted", () => {
    const text = `\uFEFF${HEADER_ID}\r\n1;4;3;3;4;3;3;4;3;3;"Antre; lama"\r\n2;4,0;3;;4;3;3;4;3;3;\r\n`;
    const tab = parseCsvTabulation(text, T, "a.csv");
    expect(tab.delimiter).toBe(";");
    expect(tab.headerRow).toBe(1);
    expect(tab.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(tab.rows[1]!.scores).toEqual([4, 3, null, 4, 3, 3, 4, 3, 3]);
    expect(tab.columns).toMatchObject({ U1: "B", U9: "J" });
  });

  it("English locale: ',' with decimal point zeros accepted", () => {
    const tab = parseCsvTabulation(`${HEADER_EN}\n1,4.0,3,3,4,3,3,4,3,3,"Slow, crowded"\n`, T, "b.csv");
    expect(tab.delimiter).toBe(",");
    expect(tab.rows[0]!.scores).toEqual([4, 3, 3, 4, 3, 3, 4, 3, 3]);
  });

  it("does not read a thousands-style or foreign decimal as a score", () => {
    expectError(() => parseCsvTabulation(`${HEADER_ID}\n1;4.000;3;3;4;3;3;4;3;3;\n`, T, "a.csv"), /baris 2, kolom U1 \(B\): nilai "4\.000"/, 2, "U1");
    expectError(() => parseCsvTabulation(`${HEADER_ID}\n1;3,5;3;3;4;3;3;4;3;3;\n`, T, "a.csv"), /"3,5"/);
    expectError(() => parseCsvTabulation(`${HEADER_EN}\n1,3,3,3.5,4,3,3,4,3,3,\n`, T, "b.csv"), /kolom U3 \(D\): nilai "3\.5"/);
    expectError(() => parseCsvTabulation(`${HEADER_EN}\n1,3,3,-,4,3,3,4,3,3,\n`, T, "b.csv"), /"-"/);
    expectError(() => parseCsvTabulation(`${HEADER_EN}\n1,3,3,0,4,3,3,4,3,3,\n`, T, "b.csv"), /"0"/);
    expectError(() => parseCsvTabulation(`${HEADER_EN}\n1,3,3,5,4,3,3,4,3,3,\n`, T, "b.csv"), /"5".*1 sampai 4/);
  });

  it("tab-separated: whole numbers only", () => {
    const header = HEADER_EN.replaceAll(",", "\t");
    expect(parseCsvTabulation(`${header}\n1\t4\t3\t3\t4\t3\t3\t4\t3\t3\t\n`, T, "c.csv").rows).toHaveLength(1);
    expectError(() => parseCsvTabulation(`${header}\n1\t4,0\t3\t3\t4\t3\t3\t4\t3\t3\t\n`, T, "c.csv"), /"4,0"/);
  });

  it("finds the header below title rows; matches headers case-insensitively and trimmed", () => {
    const text = "REKAP SKM 2025;;\n;;\nno; u1 ;U2;u3;U4;U5;U6;U7;U8; U9\n1;4;4;4;4;4;4;4;4;4\n";
    const tab = parseCsvTabulation(text, T, "a.csv");
    expect(tab.headerRow).toBe(3);
    expect(tab.rows[0]!.rowNumber).toBe(4);
  });

  it("skips blank rows and reports rows with content but no scores", () => {
    const text = `${HEADER_ID}\n1;4;4;4;4;4;4;4;4;4;\n;;;;;;;;;;\n\n3;;;;;;;;;;\n4;;;;;;;;;;belum diisi\n`;
    const tab = parseCsvTabulation(text, T, "a.csv");
    expect(tab.rows).toHaveLength(1);
    expect(tab.rowsWithoutAnswers).toEqual([5, 6]);
  });

  it("skips the processing sheet's summary rows, labelled in the No column", () => {
    const text = [HEADER_ID, "1;4;4;4;4;4;4;4;4;4;", "2;3;3;3;;3;3;3;3;3;", "Jumlah nilai per unsur;7;7;7;4;7;7;7;7;7;", "NRR per unsur;3,5;3,5;3,5;4;3,5;3,5;3,5;3,5;3,5;", "IKM;3,556"].join("\r\n");
    const tab = parseCsvTabulation(text, T, "olah.csv");
    expect(tab.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(tab.summaryRows).toEqual([4, 5, 6]);
    // Without a No column nothing is taken for a label: a total is still an invalid score.
    expectError(() => parseCsvTabulation(text.replace(/^No;/, "Nomor;"), T, "olah.csv"), /baris 4, kolom U1/, 4, "U1");
  });

  it("a short row leaves its trailing items blank", () => {
    const tab = parseCsvTabulation(`${HEADER_ID}\n1;4;4;4\n`, T, "a.csv");
    expect(tab.rows[0]!.scores).toEqual([4, 4, 4, null, null, null, null, null, null]);
  });

  it("structural errors name file, row and column", () => {
    expectError(() => parseCsvTabulation("", T, "e.csv"), /berkas "e\.csv" kosong/);
    expectError(() => parseCsvTabulation("\uFEFF\r\n  \r\n", T, "e.csv"), /kosong/);
    expectError(() => parseCsvTabulation(HEADER_ID, T, "h.csv"), /tidak ada baris responden/);
    expectError(() => parseCsvTabulation(`${HEADER_ID}\n1;;;;;;;;;;x\n`, T, "h.csv"), /tidak ada baris responden/);
    expectError(() => parseCsvTabulation("No;A;B\n1;2;3\n", T, "x.csv"), /baris 1: kolom U1 tidak ditemukan/, 1, "U1");
    expectError(
      () => parseCsvTabulation("No;U1;U2;U3;U4;U5;U6;U8;U9\n1;4;4;4;4;4;4;4;4\n", T, "m.csv"),
      /berkas "m\.csv" baris 1: kolom U7 tidak ada/,
      1,
      "U7",
    );
    expectError(
      () => parseCsvTabulation(`${HEADER_ID};u3\n1;4;4;4;4;4;4;4;4;4;;4\n`, T, "d.csv"),
      /kolom U3 muncul lebih dari sekali \(kolom D, L\)/,
    );
    expectError(() => parseCsvTabulation(`${HEADER_ID}\n1;4;4;4;4;4;4;4;4;4;"tanpa penutup\n`, T, "q.csv"), /tanda kutip/, 2);
  });

  it("lists item-like columns the template does not have", () => {
    const header = ["No", ...Array.from({ length: 14 }, (_, i) => `U${i + 1}`)].join(",");
    const tab = parseCsvTabulation(`${header}\n1,${Array(14).fill(3).join(",")}\n`, T, "k.csv");
    expect(tab.ignoredItemColumns).toEqual(["U10", "U11", "U12", "U13", "U14"]);
    const tab14 = parseCsvTabulation(`${header}\n1,${Array(14).fill(3).join(",")}\n`, KEPMENPAN_25_2004, "k.csv");
    expect(tab14.ignoredItemColumns).toEqual([]);
    expect(tab14.rows[0]!.scores).toHaveLength(14);
  });
});

async function workbook(fill: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet("Data"), book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const HEADER_ROW = ["No", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "Saran"];

describe("XLSX", () => {
  it("reads numbers, numeric text, formula results, rich text; blanks are unanswered", async () => {
    const data = await workbook((sheet) => {
      sheet.addRow(["Rekap SKM"]);
      sheet.addRow(HEADER_ROW);
      sheet.addRow([1, 4, "3", { formula: "1+2", result: 3 }, 4, null, 3, 4, { richText: [{ text: "3" }] }, 3, "ok"]);
      sheet.addRow([]);
      sheet.addRow([3, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    });
    const tab = await parseXlsxTabulation(data, T, "a.xlsx");
    expect(tab.sheet).toBe("Data");
    expect(tab.headerRow).toBe(2);
    expect(tab.rows.map((r) => r.rowNumber)).toEqual([3, 5]);
    expect(tab.rows[0]!.scores).toEqual([4, 3, 3, 4, null, 3, 4, 3, 3]);
  });

  it("rejects non-integers, dates, booleans, errors and formulas without a stored result", async () => {
    const bad = async (value: ExcelJS.CellValue, pattern: RegExp) => {
      const data = await workbook((sheet) => {
        sheet.addRow(HEADER_ROW);
        sheet.addRow([1, 4, 4, 4, 4, value, 4, 4, 4, 4]);
      });
      await expectAsyncError(parseXlsxTabulation(data, T, "b.xlsx"), pattern, 2, "U5");
    };
    await bad(3.5, /berkas "b\.xlsx" baris 2, kolom U5 \(F\): nilai "3\.5"/);
    await bad(5, /"5"/);
    await bad("baik", /"baik"/);
    await bad(new Date(Date.UTC(2025, 0, 3)), /"2025-01-03"/);
    await bad(true, /"TRUE"/);
    await bad({ error: "#N/A" }, /"#N\/A"/);
    await bad({ formula: "A1*2" } as ExcelJS.CellValue, /tanpa hasil tersimpan/);
  });

  it("reads the named sheet, or says which sheets exist", async () => {
    const data = await workbook((sheet, book) => {
      sheet.addRow(["Catatan"]);
      const other = book.addWorksheet("Tabulasi");
      other.addRow(HEADER_ROW);
      other.addRow([1, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
    });
    await expectAsyncError(parseXlsxTabulation(data, T, "s.xlsx"), /kolom U1 tidak ditemukan/);
    expect((await parseXlsxTabulation(data, T, "s.xlsx", { sheet: "Tabulasi" })).rows).toHaveLength(1);
    await expectAsyncError(parseXlsxTabulation(data, T, "s.xlsx", { sheet: "Rekap" }), /"Rekap" tidak ada \(tersedia: Data, Tabulasi\)/);
  });

  it("empty and unreadable workbooks", async () => {
    await expectAsyncError(parseXlsxTabulation(await workbook(() => {}), T, "e.xlsx"), /kosong/);
    await expectAsyncError(parseXlsxTabulation(new Uint8Array(0), T, "z.xlsx"), /kosong/);
    await expectAsyncError(
      parseXlsxTabulation(new TextEncoder().encode("bukan zip"), T, "r.xlsx"),
      /tidak dapat dibaca sebagai spreadsheet XLSX/,
    );
  });
});

describe("readTabulationFile", () => {
  it("missing files and unsupported formats", async () => {
    await expectAsyncError(readTabulationFile("tests/fixtures/ikm/tidak-ada.csv", T), /tidak ditemukan/);
    await expectAsyncError(readTabulationFile("data.xls", T), /\.xls .*tidak didukung/);
    await expectAsyncError(readTabulationFile("data.ods", T), /format tidak didukung/);
    await expectAsyncError(readTabulationFile("tests/fixtures/ikm.csv", T), /tidak ditemukan/);
  });

  it("reads the fixtures", async () => {
    const id = await readTabulationFile("tests/fixtures/ikm/tabulasi-id.csv", T);
    const en = await readTabulationFile("tests/fixtures/ikm/tabulasi-en.csv", T);
    expect(id.rows.map((r) => r.scores)).toEqual(en.rows.map((r) => r.scores));
    expect(id.headerRow).toBe(3);
    expect(id.rowsWithoutAnswers).toEqual([16]);
  });
});

it("columnLetter", () => {
  expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
    "A",
    "B",
    "Z",
    "AA",
    "AB",
    "AZ",
    "BA",
    "ZZ",
    "AAA",
  ]);
});
