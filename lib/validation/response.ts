// One schema for a citizen's response, shared by the web form, the kiosk and
// POST /api/v1/responses. Scores are checked against the unit's template in
// the data layer (lib/dal/responses.ts), which knows the items and the scale.
import { z } from "zod";

import { EDUCATION, GENDER, OCCUPATION, SARAN_MAX, type TResponseErrorCode } from "@/lib/validation/response-fields";
import { CONTROL_CHAR, plainString } from "@/lib/validation/text";

export { EDUCATION, GENDER, OCCUPATION, SARAN_MAX, type TResponseErrorCode };

const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/)
  .transform((v) => v.toUpperCase());

const optionalText = (max: number, multiline = false) =>
  plainString({ multiline })
    .max(max * 2) // hard cap before trimming; the exact limit is checked below
    .transform((v) => v.trim())
    .pipe(z.string().max(max, { error: "tooLong" }))
    .transform((v) => (v === "" ? undefined : v))
    .optional();

export const ZResponseInput = z.object({
  unit: code,
  service: code.optional(),
  /** Item code -> score; an item left out is unanswered. */
  answers: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,15}$/), z.number({ error: "invalid" }).int({ error: "invalid" })),
  /** Importance per item, for templates that ask it. */
  harapan: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,15}$/), z.number().int()).optional(),
  profile: z
    .object({
      gender: z.enum(GENDER).optional(),
      age: z.number({ error: "ageRange" }).int({ error: "ageRange" }).min(10, { error: "ageRange" }).max(120, { error: "ageRange" }).optional(),
      education: z.enum(EDUCATION).optional(),
      occupation: z.enum(OCCUPATION).optional(),
    })
    .default({}),
  saran: optionalText(SARAN_MAX, true),
  contact: z
    .object({
      name: optionalText(100),
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()-]{6,20}$/, { error: "invalid" })
        .optional()
        .or(z.literal("").transform(() => undefined)),
      email: z.email({ error: "invalid" }).max(200).optional().or(z.literal("").transform(() => undefined)),
      consent: z.literal(true, { error: "consentRequired" }),
    })
    .refine((c) => c.phone || c.email, { error: "contactRequired", path: ["phone"] })
    .optional(),
  /** One-time transaction token printed on a receipt or queue ticket. */
  token: plainString().trim().min(8).max(100).optional(),
  locale: z.enum(["id", "en"]).default("id"),
  /**
   * The questionnaire version the form showed. A form opened (or a kiosk answer queued) before
   * the unit's questionnaire got a new version is checked against, and counted on, the one shown.
   */
  version: z.uuid().optional(),
  /** Filled only by bots (hidden from people): such a response is flagged, not dropped. */
  website: plainString({ multiline: true }).max(500).optional(),
});

export type TResponseInput = z.input<typeof ZResponseInput>;
export type TResponse = z.output<typeof ZResponseInput>;

/** A client-chosen key: the same key twice is the same response. */
export const ZIdempotencyKey = z
  .string()
  .trim()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/);

export type TFieldErrors = Record<string, TResponseErrorCode>;

/** Zod issues -> one error code per field path ("answers.U3", "profile.age", "contact.email"). */
export function toFieldErrors(error: z.ZodError): TFieldErrors {
  const out: TFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    if (out[field]) continue;
    const known: TResponseErrorCode[] = ["tooLong", "consentRequired", "contactRequired", "invalid", "ageRange", CONTROL_CHAR];
    out[field] = known.includes(issue.message as TResponseErrorCode)
      ? (issue.message as TResponseErrorCode)
      : issue.code === "invalid_type" && issue.input === undefined
        ? "required"
        : "invalid";
  }
  return out;
}

/**
 * Reads the web form (which posts flat fields) into the shared input shape.
 * Item fields are named "a_<code>", importance "h_<code>".
 */
export function responseInputFromForm(form: FormData): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const harapan: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || value === "") continue;
    if (key.startsWith("a_")) answers[key.slice(2)] = toNumber(value);
    if (key.startsWith("h_")) harapan[key.slice(2)] = toNumber(value);
  }
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  const wantsContact = text("contact_consent") === "yes" || !!text("contact_phone") || !!text("contact_email");
  return {
    unit: text("unit"),
    service: text("service"),
    version: text("version"),
    answers,
    harapan: Object.keys(harapan).length ? harapan : undefined,
    profile: {
      gender: text("gender"),
      age: text("age") === undefined ? undefined : toNumber(text("age")!),
      education: text("education"),
      occupation: text("occupation"),
    },
    saran: text("saran"),
    contact: wantsContact
      ? {
          name: text("contact_name"),
          phone: text("contact_phone"),
          email: text("contact_email"),
          consent: text("contact_consent") === "yes" ? true : undefined,
        }
      : undefined,
    token: text("token"),
    locale: text("locale"),
    website: text("website"),
  };
}

function toNumber(v: string): number | string {
  return /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v;
}
