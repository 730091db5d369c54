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
});

export type TPublishedResult = z.output<typeof ZPublishedResult>;
