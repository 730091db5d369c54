// A publication freezes a unit's result for a period as it was announced. Read
// back through this schema everywhere it is shown (the citizen's thank-you
// page, the unit dashboard), so both say the same thing.
import { z } from "zod";

export const ZPublishedResult = z.object({
  konversi: z.number(),
  mutu: z.enum(["A", "B", "C", "D"]),
  kinerja: z.string(),
  kinerjaEn: z.string(),
  respondents: z.number().int(),
  /** Which responses it counted: the unit's own ("sendiri"), or with its sub-units ("gabungan"). Older publications counted their own. */
  scope: z.enum(["sendiri", "gabungan"]).default("sendiri"),
  /**
   * The people served (N) the result was judged against, its Krejcie-Morgan minimum sample, and
   * whether fewer answered (DOMAIN.md: still shown, marked below the minimum sample). Absent when
   * N was not recorded, and in publications frozen before these were kept.
   */
  population: z.number().int().positive().optional(),
  minimumSample: z.number().int().positive().optional(),
  belowMinimum: z.boolean().optional(),
  /** Each answered unsur's NRR (exact, from lib/ikm), in questionnaire order; absent in publications frozen before these were kept. */
  unsur: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), nrr: z.number() })).max(30).optional(),
});

export type TPublishedResult = z.output<typeof ZPublishedResult>;
