// The files a plan form attaches (FKP minutes, evidence of an action's progress):
// FormData.getAll("files") as the action receives it. Pure. Their type is told
// from their bytes when they are stored (lib/dal/attachments.ts), not here.
import { z } from "zod";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES, ATTACHMENT_MAX_TOTAL_BYTES } from "@/lib/attachments/sniff";

/**
 * The chosen files: an empty file is a file input left empty (a form sends one then), so none
 * chosen is []. Errors sit on the field itself (one message under the input): "tooManyFiles",
 * "tooLarge" (one file over 8 MiB), "tooLargeTotal" (all over 20 MiB), "invalid" (not files).
 */
export const ZAttachmentFiles: z.ZodType<File[], unknown> = z
  .array(z.unknown())
  .optional()
  .transform((values, ctx): File[] => {
    const all = values ?? [];
    if (!all.every((v) => v instanceof File)) {
      ctx.addIssue({ code: "custom", message: "invalid" });
      return z.NEVER;
    }
    const files = all.filter((f) => f.size > 0);
    const issue = (message: string) => (ctx.addIssue({ code: "custom", message }), z.NEVER);
    if (files.length > ATTACHMENT_MAX_FILES) return issue("tooManyFiles");
    if (files.some((f) => f.size > ATTACHMENT_MAX_BYTES)) return issue("tooLarge");
    if (files.reduce((sum, f) => sum + f.size, 0) > ATTACHMENT_MAX_TOTAL_BYTES) return issue("tooLargeTotal");
    return files;
  });

/** What an attachment is to its plan: the minutes of the Forum Konsultasi Publik, or evidence of an action's progress. */
export const ATTACHMENT_KINDS = ["FKP_MINUTES", "EVIDENCE"] as const;
export type TAttachmentKind = (typeof ATTACHMENT_KINDS)[number];
