// Applies a mapping to every row of an import file: the rows it would add (scores keyed by item
// code, profile, saran, time, a fingerprint for de-duplication), the rows refused with their
// reason (message key under `import.refusal` and params, never text), and the IKM the accepted
// rows give, from lib/ikm. Pure: nothing is written.
import { createHash } from "node:crypto";
import { computeIkmFromSums, createIkmAccumulator, type IkmResult, type IkmTemplate } from "../ikm";
import { SARAN_MAX } from "../validation/response-fields";
import { parseAge, parseEducation, parseGender, parseOccupation, templateScorers } from "./labels";
import { missingItems, type ImportMapping } from "./match";
import type { ImportSheet, ImportTable } from "./read";
import { decideDateOrder, localeDateOrder, parseTimestamp, type DateOrderDecision } from "./time";

export type TRefusalKey =
  | "emptyFile"
  | "noRows"
  | "missingColumn"
  | "unknownLabel"
  | "outOfScale"
  | "badTimestamp"
  | "mixedDateOrder"
  | "unknownGender"
  | "unknownEducation"
  | "unknownOccupation"
  | "badAge"
  | "saranTooLong";

export interface Refusal {
  readonly key: TRefusalKey;
  /** Spreadsheet row number (the header row for a file-level refusal). */
  readonly row: number;
  /** Header text of the column concerned, or the missing item's code; null when none. */
  readonly column: string | null;
  readonly value: string;
  /** For the message: row, column, value and the key's own (min, max, code). */
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ImportProfile {
  readonly gender: string | null;
  readonly age: number | null;
  readonly education: string | null;
  readonly occupation: string | null;
}

export interface AcceptedRow {
  readonly rowNumber: number;
  readonly answers: Readonly<Record<string, number | null>>;
  readonly profile: ImportProfile;
  readonly saran: string | null;
  readonly service: string | null;
  readonly submittedAt: Date | null;
  /** sha256 hex of the normalised row and its occurrence among identical rows in the file. */
  readonly fingerprint: string;
}

export interface ImportPreview {
  readonly rowsRead: number;
  readonly accepted: readonly AcceptedRow[];
  readonly refused: readonly Refusal[];
  /** Rows with no item answered (pre-numbered blank sheets): skipped, not respondents. */
  readonly rowsWithoutAnswers: readonly number[];
  /** Rows whose No column holds text ("Jumlah", "NRR"): a tabulation's summary rows, skipped. */
  readonly summaryRows: readonly number[];
  /** How the timestamp column was read; null without one. */
  readonly dateOrder: DateOrderDecision | null;
  readonly ikm: IkmResult;
}

/** What a scan keeps of the rows: no accepted row (each went to `accept`), refusals up to a cap. */
export interface ImportScan extends Omit<ImportPreview, "accepted"> {
  /** Every refusal, also those past the cap. */
  readonly refusalCount: number;
}

/** The rows a scan reads: a sheet, or a table's rows. */
export type TScanSource = Pick<ImportSheet, "headerRow" | "header" | "rowCount" | "eachRow">;

export interface ScanHooks {
  /** Each accepted row, in file order. */
  readonly accept: (row: AcceptedRow) => void;
  /** The refusals kept (the first ones, by row); default all. */
  readonly refusalCap?: number;
}

export interface PreviewOptions {
  readonly template: IkmTemplate;
  /** IANA zone of the agency: times without an offset are read on it. */
  readonly timeZone: string;
  /** Locale whose day/month order an ambiguous file is read in; default "id". */
  readonly locale?: string;
}

function cell(cells: readonly string[], column: number | null): string {
  return column === null ? "" : (cells[column] ?? "");
}

function refusal(key: TRefusalKey, row: number, column: string | null, value: string, extra: Record<string, string | number> = {}): Refusal {
  return { key, row, column, value, params: { row, column: column ?? "", value, ...extra } };
}

export function buildPreview(table: ImportTable, mapping: ImportMapping, options: PreviewOptions): ImportPreview {
  const accepted: AcceptedRow[] = [];
  const source: TScanSource = { headerRow: table.headerRow, header: table.header, rowCount: table.rows.length, eachRow: (visit) => table.rows.forEach(visit) };
  const scan = scanRows(source, mapping, options, { accept: (row) => accepted.push(row) });
  return { rowsRead: scan.rowsRead, accepted, refused: scan.refused, rowsWithoutAnswers: scan.rowsWithoutAnswers, summaryRows: scan.summaryRows, dateOrder: scan.dateOrder, ikm: scan.ikm };
}

/**
 * buildPreview one row at a time: each accepted row goes to `hooks.accept` and is not kept, the
 * IKM is summed as the rows pass. The same rows, refusals, fingerprints and IKM as buildPreview.
 */
export function scanRows(table: TScanSource, mapping: ImportMapping, options: PreviewOptions, hooks: ScanHooks): ImportScan {
  const { template, timeZone } = options;
  const cap = hooks.refusalCap ?? Infinity;
  const empty = (refused: Refusal[], rowsRead = table.rowCount): ImportScan => ({
    rowsRead,
    refused,
    refusalCount: refused.length,
    rowsWithoutAnswers: [],
    summaryRows: [],
    dateOrder: null,
    ikm: computeIkmFromSums(createIkmAccumulator(template).stats(), { template }),
  });
  if (table.headerRow === 0) return empty([refusal("emptyFile", 1, null, "")], 0);
  const missing = missingItems(mapping);
  if (missing.length > 0) {
    return empty(missing.map((code) => refusal("missingColumn", table.headerRow, code, "", { code })));
  }
  if (table.rowCount === 0) return empty([refusal("noRows", table.headerRow, null, "")]);

  const header = table.header;
  const name = (column: number) => header[column] || template.items.find((i) => mapping.items[i.code] === column)?.code || String(column + 1);
  const { roles } = mapping;
  let dateOrder: DateOrderDecision | null = null;
  if (roles.timestamp !== null) {
    const values: string[] = [];
    table.eachRow((row) => values.push(cell(row.cells, roles.timestamp)));
    dateOrder = decideDateOrder(values, localeDateOrder(options.locale ?? "id"));
  }
  const scorers = templateScorers(template);
  const items = template.items.map((item) => ({ code: item.code, column: mapping.items[item.code] as number, score: scorers[item.code]! }));
  const { min, max } = template.scale;

  const ikm = createIkmAccumulator(template);
  const refused: Refusal[] = [];
  let refusalCount = 0;
  const rowsWithoutAnswers: number[] = [];
  const summaryRows: number[] = [];
  const seen = new Map<string, number>();

  table.eachRow((row) => {
    const at = row.rowNumber;
    const numberText = cell(row.cells, roles.number);
    if (numberText !== "" && !/^\d+$/.test(numberText)) {
      summaryRows.push(at);
      return;
    }
    const problems: Refusal[] = [];
    const answers: Record<string, number | null> = {};
    let answered = 0;
    for (const item of items) {
      const value = cell(row.cells, item.column);
      const result = item.score(value);
      if (!result.ok) {
        problems.push(refusal(result.reason, at, name(item.column), value, { code: item.code, min, max }));
        continue;
      }
      answers[item.code] = result.score;
      if (result.score !== null) answered += 1;
    }
    if (problems.length === 0 && answered === 0) {
      rowsWithoutAnswers.push(at);
      return;
    }

    let submittedAt: Date | null = null;
    if (roles.timestamp !== null) {
      const value = cell(row.cells, roles.timestamp);
      if (value !== "") {
        if (dateOrder?.conflicting) problems.push(refusal("mixedDateOrder", at, name(roles.timestamp), value));
        else {
          submittedAt = parseTimestamp(value, dateOrder!.order, timeZone);
          if (!submittedAt) problems.push(refusal("badTimestamp", at, name(roles.timestamp), value));
        }
      }
    }
    const profileField = <T>(column: number | null, parse: (text: string) => { ok: true; value: T | null } | { ok: false }, key: TRefusalKey): T | null => {
      const value = cell(row.cells, column);
      const result = parse(value);
      if (!result.ok) {
        problems.push(refusal(key, at, name(column!), value));
        return null;
      }
      return result.value;
    };
    const profile: ImportProfile = {
      gender: profileField(roles.gender, parseGender, "unknownGender"),
      age: profileField(roles.age, parseAge, "badAge"),
      education: profileField(roles.education, parseEducation, "unknownEducation"),
      occupation: profileField(roles.occupation, parseOccupation, "unknownOccupation"),
    };
    const saranText = cell(row.cells, roles.saran).replace(/\r\n?/g, "\n").trim();
    if (saranText.length > SARAN_MAX) problems.push(refusal("saranTooLong", at, name(roles.saran!), saranText.slice(0, 40), { max: SARAN_MAX }));
    if (problems.length > 0) {
      for (const problem of problems) if (refused.length < cap) refused.push(problem);
      refusalCount += problems.length;
      return;
    }
    const service = cell(row.cells, roles.service).trim() || null;
    const saran = saranText === "" ? null : saranText;
    const normalised = JSON.stringify([
      template.id,
      items.map((item) => answers[item.code] ?? null),
      profile.gender, profile.age, profile.education, profile.occupation,
      service === null ? null : service.toLowerCase().replace(/\s+/g, " "),
      saran === null ? null : saran.replace(/\s+/g, " "),
      submittedAt === null ? null : submittedAt.toISOString(),
    ]);
    const occurrence = (seen.get(normalised) ?? 0) + 1;
    seen.set(normalised, occurrence);
    const fingerprint = createHash("sha256").update(`${normalised}#${occurrence}`).digest("hex");
    ikm.add(answers);
    hooks.accept({ rowNumber: at, answers, profile, saran, service, submittedAt, fingerprint });
  });
  return {
    rowsRead: table.rowCount,
    refused,
    refusalCount,
    rowsWithoutAnswers,
    summaryRows,
    dateOrder,
    ikm: computeIkmFromSums(ikm.stats(), { template }),
  };
}
