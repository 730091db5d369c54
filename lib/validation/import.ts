// What an operator sends to preview or commit an import of a tabulation or an online-form
// export (lib/dal/import), and to undo one. Pure.
import { z } from "zod";
import { ROLE_FIELDS } from "@/lib/import/match";
import { unitCode } from "@/lib/validation/codes";
import { SERVICE_CODE } from "@/lib/validation/services";
import { plainString } from "@/lib/validation/text";

/** Larger files go through the command line (`npm run import`), which reads the same way. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

const column = z.int().min(0).max(10_000).nullable();

/** The operator's corrections to the proposed mapping: item code or field -> 0-based column (null = none). */
export const ZMappingOverride = z.object({
  items: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,20}$/), column).optional(),
  roles: z.partialRecord(z.enum(ROLE_FIELDS), column).optional(),
});

export const ZImportFile = z.object({
  fileName: plainString().trim().min(1, { error: "required" }).max(255, { error: "tooLong" }),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { error: "required" }).refine((b) => b.length <= IMPORT_MAX_BYTES, { error: "tooBig" }),
  /** Every row on this service; without it the file's service column (or the unit's only service) decides. */
  serviceCode: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(SERVICE_CODE, { error: "codeFormat" }))
    .optional(),
  /** The day (agency time, noon) given to rows without a time of their own: a tabulation's period. */
  date: z.iso.date({ error: "dateFormat" }).optional(),
  mappingOverride: ZMappingOverride.optional(),
});
export type TImportFile = z.input<typeof ZImportFile>;

export const ZImportInput = ZImportFile.extend({ unitCode });
export type TImportInput = z.output<typeof ZImportInput>;

export const ZUndoImport = z.object({ batchId: z.uuid() });
