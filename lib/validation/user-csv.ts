// A list of new accounts as an admin pastes or uploads it: one `name;email` per line
// (`;` as Indonesian-locale Excel writes it, or `,`), an optional header line naming the
// columns (in either order), a byte-order mark tolerated. Pure, for the browser's preview
// and the data layer's check alike. Every problem names its line in the file as the admin
// sees it in an editor (the header is line 1), so that it can be found and fixed.
//
// Split line by line rather than by a general CSV reader: a quoted field spanning lines
// would shift every line number after it, and a line break has no place in a name.
import { z } from "zod";
import { hasControlChars } from "@/lib/validation/text";

/** The most characters a file may hold (about 64 KiB of text): a few hundred lines. */
export const USER_CSV_MAX_CHARS = 64 * 1024;
/** The most accounts one file creates: each gets its own password hash in one transaction. */
export const USER_CSV_MAX_ROWS = 200;

export type TUserCsvRow = { line: number; name: string; email: string };
export type TUserCsvReason = "columns" | "controlChar" | "name" | "email" | "duplicate" | "exists";
/** `firstLine`: for a duplicate, the line the address first appears on. */
export type TUserCsvProblem = { line: number; reason: TUserCsvReason; firstLine?: number };
export type TUserCsvResult =
  | { ok: true; rows: TUserCsvRow[]; problems: TUserCsvProblem[] }
  /** The file as a whole: nothing in it, too many lines, too large. */
  | { ok: false; error: "empty" | "tooMany" | "tooBig" };

const EMAIL = z.email().max(200);
const HEADER_NAME = /^(nama|name|nama lengkap|full name)$/i;
const HEADER_EMAIL = /^(e-?mail|surel|alamat e-?mail|email address)$/i;

/** The cells of one line: `"..."` quotes a cell (`""` inside is a quote), spaces around a cell dropped. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') {
      quoted = false;
    } else if (quoted) {
      cell += ch;
    } else if (ch === '"' && cell.trim() === "") {
      cell = "";
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = "";
    } else {
      cell += ch;
    }
  }
  cells.push(cell.trim());
  return cells;
}

/** `;` when the first line with content has one (a name may hold a comma: "Budi, S.Kom"), else `,`. */
function delimiterOf(lines: string[]): string {
  const first = lines.find((l) => l.trim() !== "") ?? "";
  return first.includes(";") ? ";" : ",";
}

export function parseUserCsv(text: string): TUserCsvResult {
  if (text.length > USER_CSV_MAX_CHARS) return { ok: false, error: "tooBig" };
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const delimiter = delimiterOf(lines);
  let columns = { name: 0, email: 1 };
  const rows: TUserCsvRow[] = [];
  const problems: TUserCsvProblem[] = [];
  const seen = new Map<string, number>();
  let headerChecked = false;
  let dataLines = 0;
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    if (raw.trim() === "") continue;
    // A trailing delimiter (Excel leaves one for an empty third column) is no column.
    const cells = splitCsvLine(raw, delimiter);
    while (cells.length > 2 && cells[cells.length - 1] === "") cells.pop();
    if (!headerChecked) {
      headerChecked = true;
      const name = cells.findIndex((c) => HEADER_NAME.test(c));
      const email = cells.findIndex((c) => HEADER_EMAIL.test(c));
      if (cells.length === 2 && name >= 0 && email >= 0 && name !== email) {
        columns = { name, email };
        continue;
      }
    }
    if (++dataLines > USER_CSV_MAX_ROWS) return { ok: false, error: "tooMany" };
    if (hasControlChars(raw)) {
      problems.push({ line, reason: "controlChar" });
      continue;
    }
    if (cells.length !== 2) {
      problems.push({ line, reason: "columns" });
      continue;
    }
    const name = cells[columns.name]!;
    const email = cells[columns.email]!.toLowerCase();
    if (name.length < 2 || name.length > 120) problems.push({ line, reason: "name" });
    else if (!EMAIL.safeParse(email).success) problems.push({ line, reason: "email" });
    else if (seen.has(email)) problems.push({ line, reason: "duplicate", firstLine: seen.get(email) });
    else {
      seen.set(email, line);
      rows.push({ line, name, email });
    }
  }
  if (dataLines === 0) return { ok: false, error: "empty" };
  return { ok: true, rows, problems };
}
