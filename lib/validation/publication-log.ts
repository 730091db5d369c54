// The publication log: where a unit's result for a period was announced, with a
// link or a photo as evidence (PermenPANRB 29/2022, amended by 4/2023, counts
// the media an agency publishes in). Pure.
import { z } from "zod";
import { unitCode } from "@/lib/validation/codes";
import { periodKeyInput } from "@/lib/validation/periods";
import { imageType } from "@/lib/validation/settings";
import { plainString } from "@/lib/validation/text";

export const PUBLICATION_MEDIA = ["WEBSITE", "SOCIAL_MEDIA", "NOTICE_BOARD", "PRINTED", "APPLICATION"] as const;
export type TPublicationMedium = (typeof PUBLICATION_MEDIA)[number];

// Under the 1 MB a server action accepts by default, with room for the rest of the form.
export const LOG_PHOTO_MAX_BYTES = 512 * 1024;

/** A link a reader can open: http or https only (no javascript:, data: or file:). */
const url = z
  .string()
  .trim()
  .max(2000, { error: "tooLong" })
  .transform((v, ctx): string | null => {
    if (v === "") return null;
    let parsed: URL;
    try {
      parsed = new URL(v);
    } catch {
      ctx.addIssue({ code: "custom", message: "url" });
      return z.NEVER;
    }
    if ((parsed.protocol !== "http:" && parsed.protocol !== "https:") || /\s/.test(v) || !parsed.hostname) {
      ctx.addIssue({ code: "custom", message: "url" });
      return z.NEVER;
    }
    return parsed.href;
  });

const photo = z
  .instanceof(Uint8Array)
  .nullable()
  .transform((b) => (b && b.length > 0 ? b : null))
  .refine((b) => !b || b.length <= LOG_PHOTO_MAX_BYTES, { error: "photoTooBig" })
  .refine((b) => !b || imageType(b) !== null, { error: "imageType" });

/** A date as a date input sends it (YYYY-MM-DD), a real calendar day. */
const day = z
  .string({ error: "required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "required" })
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, { error: "invalid" });

export const ZAddLogEntry = z
  .object({
    period: periodKeyInput,
    unitCode,
    medium: z.enum(PUBLICATION_MEDIA, { error: "invalidChoice" }),
    publishedOn: day,
    url,
    photo,
    note: plainString({ multiline: true }).trim().max(500, { error: "tooLong" }).transform((v) => (v === "" ? null : v)),
  })
  .superRefine((v, ctx) => {
    if (!v.url && !v.photo) ctx.addIssue({ code: "custom", path: ["url"], message: "evidenceRequired" });
  });
export type TAddLogEntryInput = z.input<typeof ZAddLogEntry>;

export const ZRemoveLogEntry = z.object({ entryId: z.uuid() });
