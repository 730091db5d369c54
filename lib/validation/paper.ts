// Inputs of paper entry: an operator types a stack of paper questionnaires
// (lib/dal/paper.ts). One schema for the sheet, shared by the screen's action
// and the data layer; the scores are checked against the unit's questionnaire
// there (it knows the items and the scale), as for the citizen's form.
import { z } from "zod";
import { EDUCATION, GENDER, OCCUPATION, SARAN_MAX } from "@/lib/validation/response-fields";
import { PROFILE_KEYS } from "@/lib/validation/paper-keys";
import { plainString } from "@/lib/validation/text";

const code = z.string().regex(/^[A-Za-z0-9-]{1,40}$/).transform((v) => v.toUpperCase());
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

/** The sheet's fields, as the form posts them (strings) or a caller passes them. */
export const ZPaperSheet = z.object({
  unitCode: code,
  /** The date written on the sheet, YYYY-MM-DD on the agency's clock. */
  date: z.string({ error: "required" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalidDate" }).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { error: "invalidDate" }),
  sheetNumber: optional(plainString().trim().max(20, { error: "tooLong" }).regex(/^[A-Za-z0-9/.-]*$/, { error: "invalid" })),
  service: optional(code),
  /** Item code -> score; an item left blank is unanswered. */
  answers: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,15}$/), z.coerce.number({ error: "invalid" }).int({ error: "invalid" })),
  gender: optional(z.enum(GENDER, { error: "invalid" })),
  age: optional(z.coerce.number({ error: "ageRange" }).int({ error: "ageRange" }).min(10, { error: "ageRange" }).max(120, { error: "ageRange" })),
  education: optional(z.enum(EDUCATION, { error: "invalid" })),
  occupation: optional(z.enum(OCCUPATION, { error: "invalid" })),
  saran: optional(plainString({ multiline: true }).max(SARAN_MAX * 2).transform((v) => v.trim()).pipe(z.string().max(SARAN_MAX, { error: "tooLong" }))).transform((v) => v || undefined),
  /** The operator saw the warning that this sheet number is already entered for the period, and saves it all the same. */
  allowDuplicate: z.preprocess((v) => v === true || v === "1" || v === "on", z.boolean()).default(false),
});

/** A new sheet: `nonce` is the blank form's own id, so a double submit of the same form saves once. */
export const ZPaperEntry = ZPaperSheet.extend({ nonce: z.uuid({ error: "invalid" }) });

/** A correction of an entered sheet: every field again, for the record by its id. */
export const ZPaperCorrection = ZPaperSheet.extend({ responseId: z.uuid() });

export const ZPaperDelete = z.object({ responseId: z.uuid() });

export type TPaperSheet = z.output<typeof ZPaperSheet>;

/** The form's flat fields ("a_U1", "date", "education" = "3", ...) into the sheet's shape. */
export function paperSheetFromForm(form: FormData): Record<string, unknown> {
  const answers: Record<string, string> = {};
  const out: Record<string, unknown> = { answers };
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (key.startsWith("a_")) {
      if (value.trim() !== "") answers[key.slice(2)] = value.trim();
    } else if (!key.startsWith("$")) out[key] = value;
  }
  for (const [field, keys] of Object.entries(PROFILE_KEYS)) {
    const typed = typeof out[field] === "string" ? (out[field] as string).trim().toUpperCase() : "";
    if (typed in keys) out[field] = (keys as Record<string, string>)[typed];
  }
  return out;
}
