// What an operator sends to preview or commit an import of a tabulation or an online-form
// export (lib/dal/import), and to undo one. Pure.
import { z } from "zod";
import { ROLE_FIELDS } from "@/lib/import/match";
import { unitCode } from "@/lib/validation/codes";
import { SERVICE_CODE } from "@/lib/validation/services";
import { plainString } from "@/lib/validation/text";

/** Larger files go through the command line (`npm run import`), which reads the same way. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/**
 * The import screen's limit: the proxy's upload limit (lib/request/body-limit.ts) less room for
 * the form's other fields. A 100,000-row tabulation is about 3 MB; a Google Forms export of as
 * many rows, with its option labels, about 15 MB.
 */
export const IMPORT_SCREEN_MAX_BYTES = 20 * 1024 * 1024;

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

/**
 * The import screen's form fields as the schema takes them (the file's bytes are read by the
 * action): "" = not given; the mapping as the JSON the screen writes, null when it is not JSON.
 */
export function importFieldsFromForm(form: FormData): { serviceCode?: string; date?: string; mappingOverride?: unknown } {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v.trim() !== "" ? v : undefined;
  };
  const mapping = text("mapping");
  let mappingOverride: unknown;
  if (mapping !== undefined) {
    try {
      mappingOverride = JSON.parse(mapping);
    } catch {
      mappingOverride = null;
    }
  }
  return {
    ...(text("serviceCode") === undefined ? {} : { serviceCode: text("serviceCode") }),
    ...(text("date") === undefined ? {} : { date: text("date") }),
    ...(mapping === undefined ? {} : { mappingOverride }),
  };
}
