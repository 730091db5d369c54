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

function toTable(format: "csv" | "xlsx", raw: ImportRow[], extra: { delimiter?: string; sheet?: string }, options: ReadOptions): ImportTable {
  const nonBlank = raw.filter((row) => row.cells.some((cell) => cell !== ""));
  let at = 0;
  const codes = options.headerCodes?.map((code) => code.toUpperCase());
  if (codes && codes.length > 0) {
    const found = nonBlank.slice(0, HEADER_SEARCH).findIndex((row) => {
      const cells = new Set(row.cells.map((cell) => cell.toUpperCase()));
      return codes.filter((code) => cells.has(code)).length * 2 >= codes.length;
    });
    if (found > 0) at = found;
  }
  const headerRow = nonBlank[at];
  if (!headerRow) return { format, ...extra, headerRow: 0, header: [], rows: [] };
  return { format, ...extra, headerRow: headerRow.rowNumber, header: headerRow.cells, rows: nonBlank.slice(at + 1) };
}

export function readCsvText(text: string, options: ReadOptions = {}): ImportTable {
  const content = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(content);
  const parsed = Papa.parse<string[]>(content, { delimiter, header: false, skipEmptyLines: false });
  const quoteError = parsed.errors.find((error) => error.type === "Quotes");
  if (quoteError) throw new ImportReadError("unclosedQuote", { row: (quoteError.row ?? 0) + 1 });
  const rows = parsed.data.map((fields, index) => ({ rowNumber: index + 1, cells: fields.map((f) => f.trim()) }));
  return toTable("csv", rows, { delimiter }, options);
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

export async function readXlsxBytes(data: Uint8Array, options: ReadOptions = {}): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportReadError("unreadableXlsx");
  }
  const worksheet = options.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.sheet);
  if (!worksheet) throw new ImportReadError("noSheet", { sheet: options.sheet ?? "" });
  const rows: ImportRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(excelText(row.getCell(column).value));
    rows.push({ rowNumber, cells });
  });
  return toTable("xlsx", rows, { sheet: worksheet.name }, options);
}

/** Read file content by its name's extension (.csv, .xlsx, .xlsm). */
export async function readImportBytes(fileName: string, data: Uint8Array, options: ReadOptions = {}): Promise<ImportTable> {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === ".csv" || extension === ".txt") return readCsvText(Buffer.from(data).toString("utf8"), options);
  if (extension === ".xlsx" || extension === ".xlsm") return readXlsxBytes(data, options);
  throw new ImportReadError("unsupportedFormat", { extension: extension || "-" });
}
