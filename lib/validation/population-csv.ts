// The people served per unit, uploaded as CSV: "unit code;population" per line,
// separated by ";" (what Excel writes in an Indonesian locale) or ",", with or
// without a header line and a byte-order mark. Every bad line is reported by its
// number; the caller saves nothing unless there are none. Pure.
import { POPULATION_MAX_ROWS, populationValue } from "@/lib/validation/periods";

export const POPULATION_CSV_MAX_BYTES = 200 * 1024;
/** The grid's own limit (one write saves them all): one limit, one message. */
export const POPULATION_CSV_MAX_ROWS = POPULATION_MAX_ROWS;

export type TCsvLineError = { line: number; code: "columns" | "unitCode" | "duplicate" | "notWhole" | "notPositive" | "tooLarge" | "missing" };
export type TPopulationCsv =
  | { ok: true; rows: { line: number; unitCode: string; population: number }[] }
  | { ok: false; error: "empty" | "tooBig" | "tooManyRows" }
  | { ok: false; error: "lines"; lines: TCsvLineError[] };

const CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;
const unquote = (v: string) => v.trim().replace(/^"(.*)"$/s, "$1").replace(/""/g, '"').trim();

export function parsePopulationCsv(bytes: Uint8Array): TPopulationCsv {
  if (bytes.length > POPULATION_CSV_MAX_BYTES) return { ok: false, error: "tooBig" };
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  const lines = text.split(/\r\n|\n|\r/);
  const filled = lines.map((l, i) => ({ line: i + 1, text: l })).filter((l) => l.text.trim() !== "");
  if (filled.length === 0) return { ok: false, error: "empty" };
  // One separator for the file, told by its first line: ";" if it has one, else ",".
  const sep = filled[0]!.text.includes(";") ? ";" : ",";
  const cells = (l: string) => l.split(sep).map(unquote);
  // A header is a first line whose second cell holds no digit ("kode;populasi").
  const [first] = filled;
  const head = cells(first!.text);
  const body = head.length === 2 && head[1] !== "" && !/\d/.test(head[1]!) ? filled.slice(1) : filled;
  if (body.length > POPULATION_CSV_MAX_ROWS) return { ok: false, error: "tooManyRows" };
  const errors: TCsvLineError[] = [];
  const rows: { line: number; unitCode: string; population: number }[] = [];
  const seen = new Set<string>();
  for (const { line, text: l } of body) {
    const c = cells(l);
    if (c.length !== 2) {
      errors.push({ line, code: "columns" });
      continue;
    }
    const [code, n] = c as [string, string];
    if (!CODE.test(code)) {
      errors.push({ line, code: "unitCode" });
      continue;
    }
    const upper = code.toUpperCase();
    if (seen.has(upper)) {
      errors.push({ line, code: "duplicate" });
      continue;
    }
    seen.add(upper);
    const parsed = populationValue.safeParse(n);
    if (!parsed.success) {
      errors.push({ line, code: parsed.error.issues[0]!.message as TCsvLineError["code"] });
      continue;
    }
    if (parsed.data === null) {
      errors.push({ line, code: "missing" });
      continue;
    }
    rows.push({ line, unitCode: upper, population: parsed.data });
  }
  if (errors.length > 0) return { ok: false, error: "lines", lines: errors };
  if (rows.length === 0) return { ok: false, error: "empty" };
  return { ok: true, rows };
}
