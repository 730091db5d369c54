// The agency's settings (admin of the whole agency): its name, clock, reporting
// rhythm, default questionnaire and logo. One schema each, for the form, the
// action and the data layer. Pure.
import { z } from "zod";
import { AGENCY_TIME_ZONES } from "@/lib/periods";
import { templateKey } from "@/lib/validation/codes";
import { plainString } from "@/lib/validation/text";

/** Reporting rhythms: the period a dashboard opens on and a report covers. Never a month. */
export const RHYTHMS = ["QUARTER", "SEMESTER", "YEAR"] as const;
export type TRhythm = (typeof RHYTHMS)[number];

export const ZAgencySettings = z.object({
  name: plainString()
    .trim()
    .max(200, { error: "tooLong" })
    .transform((v) => (v === "" ? null : v)),
  timeZone: z.enum(AGENCY_TIME_ZONES, { error: "invalidChoice" }),
  rhythm: z.enum(RHYTHMS, { error: "invalidChoice" }),
  defaultTemplateKey: templateKey,
  /** Working days to answer a saran in; absent keeps the saved value. */
  feedbackTargetDays: z.coerce
    .number({ error: "targetDays" })
    .int({ error: "targetDays" })
    .min(1, { error: "targetDays" })
    .max(60, { error: "targetDays" })
    .optional(),
});
export type TAgencySettingsInput = z.output<typeof ZAgencySettings>;

export const LOGO_MAX_BYTES = 256 * 1024;

/** PNG and JPEG, told by their first bytes (a file's name and declared type are the sender's to choose). */
export function imageType(bytes: Uint8Array): "image/png" | "image/jpeg" | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((b, i) => bytes[i] === b)) return "image/png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}

/** A new logo: the bytes of an uploaded file. */
export const ZAgencyLogo = z.object({
  bytes: z
    .instanceof(Uint8Array, { error: "required" })
    .refine((b) => b.length > 0, { error: "required" })
    .refine((b) => b.length <= LOGO_MAX_BYTES, { error: "tooBig" })
    .refine((b) => imageType(b) !== null, { error: "imageType" }),
});

/** Going back to no logo. */
export const ZRemoveAgencyLogo = z.object({});
