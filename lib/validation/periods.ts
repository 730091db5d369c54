// Survey periods as an admin keeps them, the people served (N) per unit and
// period, and the publication of results. One schema per write. Pure.
import { z } from "zod";
import { parsePeriodKey, type TPeriod } from "@/lib/periods";
import { unitCode } from "@/lib/validation/codes";
import { plainString } from "@/lib/validation/text";

/** A period as its URL names it (2026-T3, 2026-S1, 2026): never a month, which no agency reports on. */
export const periodKeyInput = z
  .string({ error: "invalid" })
  .transform((v, ctx): TPeriod => {
    const p = parsePeriodKey(v);
    if (!p || p.kind === "MONTH") {
      ctx.addIssue({ code: "custom", message: "invalid" });
      return z.NEVER;
    }
    return p;
  });

export const ZClosePeriod = z.object({ period: periodKeyInput });

export const POPULATION_MAX = 100_000_000;

/** People served: a whole number from 1, as typed (spaces and thousands dots allowed); empty = not known. */
export const populationValue = z
  .string()
  .transform((v, ctx): number | null => {
    const s = v.replace(/[\s.]/g, "");
    if (s === "") return null;
    if (!/^\d+$/.test(s)) {
      ctx.addIssue({ code: "custom", message: "notWhole" });
      return z.NEVER;
    }
    const n = Number(s);
    if (n < 1) {
      ctx.addIssue({ code: "custom", message: "notPositive" });
      return z.NEVER;
    }
    if (n > POPULATION_MAX) {
      ctx.addIssue({ code: "custom", message: "tooLarge" });
      return z.NEVER;
    }
    return n;
  });

/** At most the units an admin page lists, and the lines a population CSV holds (one limit for both). */
export const POPULATION_MAX_ROWS = 2000;

/**
 * The grid: unit code -> N as typed, every row saved or none. `was`: the value each row was loaded
 * with (the grid posts it): a row whose stored N no longer equals it was changed meanwhile by
 * someone else, and the whole save is refused (stale). Without `was` (a CSV) the rows are written as given.
 */
export const ZSavePopulations = z.object({
  period: periodKeyInput,
  populations: z
    .record(unitCode, populationValue)
    .refine((r) => Object.keys(r).length > 0, { error: "invalid" })
    .refine((r) => Object.keys(r).length <= POPULATION_MAX_ROWS, { error: "tooManyRows" }),
  was: z.record(unitCode, populationValue).refine((r) => Object.keys(r).length <= POPULATION_MAX_ROWS, { error: "invalid" }).optional(),
});
export type TSavePopulationsInput = z.input<typeof ZSavePopulations>;

export const PUBLICATION_SCOPES = ["sendiri", "gabungan"] as const;
export const scopeInput = z.enum(PUBLICATION_SCOPES, { error: "invalidChoice" });

/** Publish one unit's result for a closed period (a live publication is withdrawn first). */
export const ZPublishUnit = z.object({ period: periodKeyInput, unitCode, scope: scopeInput });

/** Publish every unit under `rootCode` (itself included) at once. */
export const ZPublishAll = z.object({ period: periodKeyInput, rootCode: unitCode, scope: scopeInput });

export const ZUnpublish = z.object({
  period: periodKeyInput,
  unitCode,
  reason: plainString({ multiline: true }).trim().min(5, { error: "reasonRequired" }).max(1000, { error: "tooLong" }),
});
