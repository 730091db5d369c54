// Reads an IKM tabulation as operators keep it: one row per respondent, item columns U1..U9
// (U1..U14 for 25/2004), anything else (No, profile, saran) ignored. CSV from spreadsheet
// programs in Indonesian locale (";" and decimal comma, often with a BOM) or English locale
// (","), or XLSX. Nothing is guessed: a cell that is not a whole score in the scale, a missing
// or doubled item column, an empty or unreadable file is an error naming file, row and column.
import { readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { IkmTemplate } from "../ikm";

export class TabulationError extends Error {
  readonly file: string;
  /** 1-based row as a spreadsheet program shows it. */
  readonly row: number | undefined;
  /** Column header (e.g. "U3"), when there is one. */
  readonly column: string | undefined;

  constructor(message: string, file: string, row?: number, column?: string) {
    super(message);
    this.name = "TabulationError";
    this.file = file;
    this.row = row;
    this.column = column;
  }
}

export interface TabulationRow {
  /** 1-based row number in the file (spreadsheet numbering). */
  readonly rowNumber: number;
  /** In template item order; null = unanswered. */
  readonly scores: readonly (number | null)[];
}

export interface Tabulation {
  readonly file: string;
  readonly format: "csv" | "xlsx";
  /** CSV only. */
  readonly delimiter?: string;
  /** XLSX only. */
  readonly sheet?: string;
  readonly headerRow: number;
  /** Item code -> column letter (A, B, ... AA). */
  readonly columns: Readonly<Record<string, string>>;
  /** Rows with at least one answered item: the respondents. */
  readonly rows: readonly TabulationRow[];
  /** Rows with some content but no answered item (e.g. pre-numbered empty rows): skipped. */
  readonly rowsWithoutAnswers: readonly number[];
  /** Headers that look like item codes (U10...) but are not in the template: ignored. */
  readonly ignoredItemColumns: readonly string[];
  /**
   * Rows labelled in the No column (text that is not a number: "Jumlah nilai", "NRR", "IKM"...):
   * the summary rows of the regulation's processing sheet, not respondents; skipped.
   */
  readonly summaryRows: readonly number[];
}

type Cell =
  | { readonly kind: "blank" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "other"; readonly display: string };

interface SheetRow {
  readonly rowNumber: number;
  readonly cells: readonly Cell[];
}

const BLANK: Cell = { kind: "blank" };

function textCell(text: string): Cell {
  return text.trim() === "" ? BLANK : { kind: "text", text };
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function quoteName(file: string): string {
  return `berkas "${file}"`;
}

function itemRange(template: IkmTemplate): string {
  const first = template.items[0]?.code ?? "";
  const last = template.items[template.items.length - 1]?.code ?? "";
  return first === last ? first : `${first}–${last}`;
}

function isBlankRow(row: SheetRow): boolean {
  return row.cells.every((cell) => cell.kind === "blank");
}

function headerText(cell: Cell | undefined): string | null {
  if (!cell) return null;
  if (cell.kind === "text") return cell.text.trim().toUpperCase();
  return null;
}

/**
 * Score from a cell. Accepted: a whole number; text of digits; text of digits followed by the
 * file's decimal separator and zeros only ("4,0" in a ";" CSV). Everything else is rejected.
 */
function parseScore(cell: Cell, decimalSeparator: string | null): number | null | "invalid" {
  switch (cell.kind) {
    case "blank":
      return null;
    case "number":
      return Number.isInteger(cell.value) ? cell.value : "invalid";
    case "text": {
      const text = cell.text.trim();
      if (/^\d+$/.test(text)) return Number(text);
      if (decimalSeparator) {
        const match = new RegExp(`^(\\d+)\\${decimalSeparator}0+$`).exec(text);
        if (match) return Number(match[1]);
      }
      return "invalid";
    }
    case "other":
      return "invalid";
  }
}

function cellDisplay(cell: Cell): string {
  switch (cell.kind) {
    case "blank":
      return "";
    case "number":
      return String(cell.value);
    case "text":
      return cell.text.trim();
    case "other":
      return cell.display;
  }
}

function tabulate(
  file: string,
  format: "csv" | "xlsx",
  sheetRows: readonly SheetRow[],
  template: IkmTemplate,
  decimalSeparator: string | null,
  extra: { delimiter?: string; sheet?: string },
): Tabulation {
  const name = quoteName(file);
  const nonBlank = sheetRows.filter((row) => !isBlankRow(row));
  if (nonBlank.length === 0) {
    throw new TabulationError(`${name} kosong: tidak ada baris judul maupun data.`, file);
  }

  const codes = template.items.map((item) => item.code);
  const upperCodes = new Set(codes.map((code) => code.toUpperCase()));
  const header = nonBlank.find((row) => row.cells.some((cell) => {
    const text = headerText(cell);
    return text !== null && upperCodes.has(text);
  }));
  if (!header) {
    const first = codes[0] ?? "U1";
    throw new TabulationError(
      `${name} baris ${nonBlank[0]!.rowNumber}: kolom ${first} tidak ditemukan; baris judul harus memuat kolom ${itemRange(template)} (${template.id}).`,
      file,
      nonBlank[0]!.rowNumber,
      first,
    );
  }

  const columnIndex: number[] = [];
  const columns: Record<string, string> = {};
  for (const code of codes) {
    const matches: number[] = [];
    header.cells.forEach((cell, index) => {
      if (headerText(cell) === code.toUpperCase()) matches.push(index);
    });
    if (matches.length === 0) {
      throw new TabulationError(
        `${name} baris ${header.rowNumber}: kolom ${code} tidak ada; template ${template.id} memerlukan kolom ${itemRange(template)}.`,
        file,
        header.rowNumber,
        code,
      );
    }
    if (matches.length > 1) {
      throw new TabulationError(
        `${name} baris ${header.rowNumber}: kolom ${code} muncul lebih dari sekali (kolom ${matches.map(columnLetter).join(", ")}).`,
        file,
        header.rowNumber,
        code,
      );
    }
    columnIndex.push(matches[0]!);
    columns[code] = columnLetter(matches[0]!);
  }
  const ignoredItemColumns = header.cells
    .map(headerText)
    .filter((text): text is string => text !== null && /^U\d+$/.test(text) && !upperCodes.has(text));

  const numberColumn = header.cells.findIndex((cell) => headerText(cell) === "NO");
  const { min, max } = template.scale;
  const rows: TabulationRow[] = [];
  const rowsWithoutAnswers: number[] = [];
  const summaryRows: number[] = [];
  for (const row of sheetRows) {
    if (row.rowNumber <= header.rowNumber || isBlankRow(row)) continue;
    const label = numberColumn >= 0 ? row.cells[numberColumn] : undefined;
    if (label?.kind === "text" && !/^\d+$/.test(label.text.trim())) {
      summaryRows.push(row.rowNumber);
      continue;
    }
    let answered = 0;
    const scores = codes.map((code, i) => {
      const cell = row.cells[columnIndex[i]!] ?? BLANK;
      const score = parseScore(cell, decimalSeparator);
      if (score === "invalid" || (score !== null && (score < min || score > max))) {
        throw new TabulationError(
          `${name} baris ${row.rowNumber}, kolom ${code} (${columns[code]}): nilai "${cellDisplay(cell)}" bukan skor yang sah; isi bilangan bulat ${min} sampai ${max}, atau kosongkan bila tidak dijawab.`,
          file,
          row.rowNumber,
          code,
        );
      }
      if (score !== null) answered += 1;
      return score;
    });
    if (answered > 0) rows.push({ rowNumber: row.rowNumber, scores });
    else rowsWithoutAnswers.push(row.rowNumber);
  }
  if (rows.length === 0) {
    throw new TabulationError(
      `${name}: tidak ada baris responden dengan skor di bawah baris judul (baris ${header.rowNumber}).`,
      file,
      header.rowNumber + 1,
    );
  }
  return {
    file,
    format,
    ...extra,
    headerRow: header.rowNumber,
    columns,
    rows,
    rowsWithoutAnswers,
    ignoredItemColumns,
    summaryRows,
  };
}

/** The delimiter of a CSV: the most frequent of ";", "\t", "," (outside quotes) on its first non-empty line. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== "") ?? "";
  const counts = new Map<string, number>([[";", 0], ["\t", 0], [",", 0]]);
  let inQuotes = false;
  for (const char of firstLine) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ",";
  let bestCount = 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parse CSV text. The delimiter sets the decimal separator used to accept "4,0" / "4.0":
 * ";" files (Indonesian locale) use a decimal comma, "," files a decimal point, tab files
 * accept whole numbers only.
 */
export function parseCsvTabulation(text: string, template: IkmTemplate, file: string): Tabulation {
  const content = text.replace(/^\uFEFF/, "");
  if (content.trim() === "") throw new TabulationError(`${quoteName(file)} kosong.`, file);
  const delimiter = detectDelimiter(content);
  const decimalSeparator = delimiter === ";" ? "," : delimiter === "," ? "." : null;
  const parsed = Papa.parse<string[]>(content, { delimiter, header: false, skipEmptyLines: false });
  const quoteError = parsed.errors.find((error) => error.type === "Quotes");
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    throw new TabulationError(
      `${quoteName(file)} baris ${row}: tanda kutip (") tidak ditutup; berkas CSV tidak dapat dibaca.`,
      file,
      row,
    );
  }
  const sheetRows: SheetRow[] = parsed.data.map((fields, index) => ({
    rowNumber: index + 1,
    cells: fields.map(textCell),
  }));
  return tabulate(file, "csv", sheetRows, template, decimalSeparator, { delimiter });
}

function excelCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "string") return textCell(value);
  if (typeof value === "boolean") return { kind: "other", display: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { kind: "other", display: value.toISOString().slice(0, 10) };
  if ("error" in value) return { kind: "other", display: value.error };
  if ("richText" in value) return textCell(value.richText.map((part) => part.text).join(""));
  if ("hyperlink" in value) return textCell(value.text);
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined) return { kind: "other", display: `=${value.formula ?? ""} (tanpa hasil tersimpan)` };
    return excelCell(result);
  }
  return { kind: "other", display: String(value) };
}

/**
 * Parse an XLSX workbook. Reads the first worksheet, or the one named `sheet`. Text cells are
 * read like CSV text with no decimal separator: only whole numbers.
 */
export async function parseXlsxTabulation(
  data: ArrayBuffer | Uint8Array,
  template: IkmTemplate,
  file: string,
  options: { sheet?: string } = {},
): Promise<Tabulation> {
  const name = quoteName(file);
  if (data.byteLength === 0) throw new TabulationError(`${name} kosong.`, file);
  const workbook = new ExcelJS.Workbook();
  try {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    // exceljs' typings want its own Buffer type; a Uint8Array view is what it reads.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new TabulationError(
      `${name} tidak dapat dibaca sebagai spreadsheet XLSX (rusak atau bukan berkas .xlsx).`,
      file,
    );
  }
  const worksheet = options.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.sheet);
  if (!worksheet) {
    throw new TabulationError(
      options.sheet === undefined
        ? `${name} tidak memuat lembar kerja.`
        : `${name}: lembar kerja "${options.sheet}" tidak ada (tersedia: ${workbook.worksheets.map((w) => w.name).join(", ")}).`,
      file,
    );
  }
  const sheetRows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(excelCell(row.getCell(column).value));
    sheetRows.push({ rowNumber, cells });
  });
  return tabulate(file, "xlsx", sheetRows, template, null, { sheet: worksheet.name });
}

/** Read a .csv or .xlsx file from disk. `file` is used as given in messages. */
export async function readTabulationFile(
  file: string,
  template: IkmTemplate,
  options: { sheet?: string } = {},
): Promise<Tabulation> {
  const name = quoteName(file);
  const extension = path.extname(file).toLowerCase();
  if (extension === ".xls") {
    throw new TabulationError(
      `${name}: format .xls (Excel 97–2003) tidak didukung; simpan ulang sebagai .xlsx atau .csv.`,
      file,
    );
  }
  if (extension !== ".csv" && extension !== ".xlsx" && extension !== ".xlsm") {
    throw new TabulationError(`${name}: format tidak didukung; gunakan berkas .csv atau .xlsx.`, file);
  }
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "tidak ditemukan" : code === "EISDIR" ? "adalah folder, bukan berkas" : "tidak dapat dibuka";
    throw new TabulationError(`${name} ${reason}.`, file);
  }
  if (extension === ".csv") return parseCsvTabulation(data.toString("utf8"), template, file);
  return parseXlsxTabulation(data, template, file, options);
}
