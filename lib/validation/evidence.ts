// The evaluation evidence download's query: `tahun` (required, a year that has begun on the
// agency's clock), `cakupan` for the reports (as the dashboard writes it), `bahasa` (the route's).
// Pure.
import { z } from "zod";

export const ZEvidenceQuery = z.object({
  tahun: z.string().regex(/^\d{4}$/).transform(Number).pipe(z.number().int().min(2000).max(2100)),
  cakupan: z.enum(["sendiri", "gabungan"]).optional(),
});
export type TEvidenceQuery = z.output<typeof ZEvidenceQuery>;

/** The names the download reads; any other is refused (a file must not quietly hold another view). */
export const EVIDENCE_PARAMS = new Set(["tahun", "cakupan", "bahasa"]);
