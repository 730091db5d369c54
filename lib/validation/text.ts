// Free text from outside: refused, with a field error, when it holds control
// characters. PostgreSQL cannot store U+0000 in text at all (a NUL in a saran
// answered 500), and the other controls and the bidirectional overrides are
// never typed by a person: they hide or reorder what a reader sees.
import { z } from "zod";

/** The code a schema reports for such text (a field error the UI words in the reader's language). */
export const CONTROL_CHAR = "controlChar";

const BIDI = "\\u202A-\\u202E\\u2066-\\u2069";
/** Every C0 and C1 control, DEL and the bidi overrides: for one-line fields. */
const IN_LINE = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F${BIDI}]`);
/** The same but tab, line feed and carriage return: for text areas. */
const IN_TEXT = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${BIDI}]`);

export function hasControlChars(value: string, { multiline = false } = {}): boolean {
  return (multiline ? IN_TEXT : IN_LINE).test(value);
}

/** A string without control characters (multi-line text keeps tabs and line breaks). */
export function plainString({ multiline = false } = {}) {
  return z.string().refine((v) => !hasControlChars(v, { multiline }), { error: CONTROL_CHAR });
}
