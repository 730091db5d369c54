// Reads an import file into a header and rows of text cells, with the row numbers a
// spreadsheet program shows (a quoted multi-line CSV cell stays in its one row).
// CSV with ";", "," or tab, with or without a BOM; XLSX through exceljs (first sheet or a named one).
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { detectDelimiter } from "@/lib/tabulation/read-tabulation";

export interface ImportRow {
  /** 1-based, as a spreadsheet program numbers it. */
  readonly rowNumber: number;
  /** Cell text, trimmed; "" = blank. XLSX dates as ISO wall-clock text "2026-03-14T09:41:22". */
  readonly cells: readonly string[];
}

export interface ImportTable {
  readonly format: "csv" | "xlsx";
  readonly delimiter?: string;
  readonly sheet?: string;
  /** 0 when the file has no non-blank row. */
  readonly headerRow: number;
  readonly header: readonly string[];
  /** Non-blank rows below the header. */
  readonly rows: readonly ImportRow[];
}

/** Not a CSV or XLSX the reader can open; `key` is a message key under `import.refusal`. */
export class ImportReadError extends Error {
  readonly key: "unreadableXlsx" | "unsupportedFormat" | "unclosedQuote" | "noSheet";
  readonly params: Readonly<Record<string, string | number>>;

  constructor(key: ImportReadError["key"], params: Record<string, string | number> = {}) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = "ImportReadError";
    this.key = key;
    this.params = params;
  }
}

export interface ReadOptions {
  /** XLSX: the sheet to read (default the first). */
  readonly sheet?: string;
  /**
   * Codes that mark a tabulation's header row (U1..U9): the first row among the first 20 holding
   * at least half of them is the header (a tabulation may start with a title row). Otherwise the
   * first non-blank row.
   */
  readonly headerCodes?: readonly string[];
}

const HEADER_SEARCH = 20;

/**
 * An import file opened for reading row by row: its header, and its non-blank rows below the
 * header read again from the file on each `eachRow`, so a large file is never held as rows.
 */
export interface ImportSheet {
  readonly format: "csv" | "xlsx";
  readonly delimiter?: string;
  readonly sheet?: string;
  /** 0 when the file has no non-blank row. */
  readonly headerRow: number;
  readonly header: readonly string[];
  /** How many non-blank rows lie below the header. */
  readonly rowCount: number;
  eachRow(visit: (row: ImportRow) => void): void;
}

type TRawRows = (visit: (row: ImportRow) => void) => void;

const isBlank = (row: ImportRow) => row.cells.every((cell) => cell === "");

/** The header row among the first non-blank rows (see ReadOptions.headerCodes) and the rows below it. */
function toSheet(format: "csv" | "xlsx", raw: TRawRows, extra: { delimiter?: string; sheet?: string }, options: ReadOptions): ImportSheet {
  const first: ImportRow[] = [];
  let nonBlank = 0;
  raw((row) => {
    if (isBlank(row)) return;
    if (first.length < HEADER_SEARCH) first.push(row);
    nonBlank += 1;
  });
  let at = 0;
  const codes = options.headerCodes?.map((code) => code.toUpperCase());
  if (codes && codes.length > 0) {
    const found = first.findIndex((row) => {
      const cells = new Set(row.cells.map((cell) => cell.toUpperCase()));
      return codes.filter((code) => cells.has(code)).length * 2 >= codes.length;
    });
    if (found > 0) at = found;
  }
  const headerRow = first[at];
  if (!headerRow) return { format, ...extra, headerRow: 0, header: [], rowCount: 0, eachRow: () => {} };
  const below = headerRow.rowNumber;
  return {
    format,
    ...extra,
    headerRow: below,
    header: headerRow.cells,
    rowCount: nonBlank - at - 1,
    eachRow: (visit) => raw((row) => {
      if (row.rowNumber > below && !isBlank(row)) visit(row);
    }),
  };
}

/** Every row of a sheet at once (small files, the `ikm` command, tests). */
export function tableOf(sheet: ImportSheet): ImportTable {
  const rows: ImportRow[] = [];
  sheet.eachRow((row) => rows.push(row));
  const { format, delimiter, sheet: name, headerRow, header } = sheet;
  return { format, ...(delimiter === undefined ? {} : { delimiter }), ...(name === undefined ? {} : { sheet: name }), headerRow, header, rows };
}

/** CSV text as a sheet: each pass parses the text again row by row (papaparse's step), holding one row at a time. */
export function openCsvText(text: string, options: ReadOptions = {}): ImportSheet {
  const content = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(content);
  const raw: TRawRows = (visit) => {
    let index = 0;
    Papa.parse<string[]>(content, {
      delimiter,
      header: false,
      skipEmptyLines: false,
      step: (result) => {
        index += 1;
        if (result.errors.some((error) => error.type === "Quotes")) throw new ImportReadError("unclosedQuote", { row: index });
        visit({ rowNumber: index, cells: result.data.map((f) => f.trim()) });
      },
    });
  };
  return toSheet("csv", raw, { delimiter }, options);
}

export function readCsvText(text: string, options: ReadOptions = {}): ImportTable {
  return tableOf(openCsvText(text, options));
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function excelText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    // exceljs gives the sheet's wall-clock time as if it were UTC.
    const d = value;
    return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  }
  if ("error" in value) return String(value.error);
  if ("richText" in value) return value.richText.map((part) => part.text).join("").trim();
  if ("hyperlink" in value) return String(value.text).trim();
  if ("formula" in value || "sharedFormula" in value) return value.result === undefined ? "" : excelText(value.result as ExcelJS.CellValue);
  return String(value);
}

/** An XLSX sheet (exceljs loads the workbook whole; its rows are turned into text one at a time, on each pass). */
export async function openXlsxBytes(data: Uint8Array, options: ReadOptions = {}): Promise<ImportSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportReadError("unreadableXlsx");
  }
  const worksheet = options.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.sheet);
  if (!worksheet) throw new ImportReadError("noSheet", { sheet: options.sheet ?? "" });
  const raw: TRawRows = (visit) =>
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column++) cells.push(excelText(row.getCell(column).value));
      visit({ rowNumber, cells });
    });
  return toSheet("xlsx", raw, { sheet: worksheet.name }, options);
}

export async function readXlsxBytes(data: Uint8Array, options: ReadOptions = {}): Promise<ImportTable> {
  return tableOf(await openXlsxBytes(data, options));
}

/** Open file content by its name's extension (.csv, .txt, .xlsx, .xlsm). */
export async function openImportBytes(fileName: string, data: Uint8Array, options: ReadOptions = {}): Promise<ImportSheet> {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === ".csv" || extension === ".txt") return openCsvText(Buffer.from(data).toString("utf8"), options);
  if (extension === ".xlsx" || extension === ".xlsm") return openXlsxBytes(data, options);
  throw new ImportReadError("unsupportedFormat", { extension: extension || "-" });
}

/** Read file content by its name's extension (.csv, .xlsx, .xlsm). */
export async function readImportBytes(fileName: string, data: Uint8Array, options: ReadOptions = {}): Promise<ImportTable> {
  return tableOf(await openImportBytes(fileName, data, options));
}
