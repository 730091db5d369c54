// Questionnaire templates as an agency admin keeps them: one schema per write, for the
// editor's form, its action and the data layer. Pure.
//
// A version's content is checked as a whole, so that what is saved can always be
// published and computed by lib/ikm: a small integer scale, every item labelled for
// every score of that scale in both languages, unique item codes, and mutu bands that
// cover the konversi range 25.00..100.00 exactly (two decimals, each band starting
// 0.01 after the one before, the worst mutu lowest).
import { z } from "zod";
import { templateKey } from "@/lib/validation/codes";
import { plainString } from "@/lib/validation/text";

export const KONVERSI_MIN = 25;
export const KONVERSI_MAX = 100;
/** At most 10 answer options per item: wider scales do not fit a phone. */
export const SCALE_SPAN_MAX = 9;
export const ITEMS_MAX = 30;
export const MUTU_LETTERS = ["D", "C", "B", "A"] as const;
export type TMutuLetter = (typeof MUTU_LETTERS)[number];

const text = (max: number) => plainString().trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
const label = text(120);

/** A number as a form sends it ("64,99" or "64.99"), or a number. */
const formNumber = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  const s = v.trim();
  return s === "" ? undefined : Number(s.replace(",", "."));
}, z.number({ error: "number" }));

const scaleValue = formNumber.pipe(z.number().int({ error: "integer" }).min(0, { error: "scaleRange" }).max(10, { error: "scaleRange" }));

const konversi = formNumber.pipe(
  z
    .number()
    .min(KONVERSI_MIN, { error: "konversiRange" })
    .max(KONVERSI_MAX, { error: "konversiRange" })
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: "twoDecimals" }),
);

export const ZTemplateOption = z.object({ value: formNumber.pipe(z.number().int()), label, labelEn: label });

export const ZTemplateItem = z.object({
  /** The item's key in every response (answers.<code>) and its column in reports. */
  code: z
    .string({ error: "required" })
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().min(1, { error: "required" }).regex(/^[A-Z][A-Z0-9]{0,9}$/, { error: "itemCode" })),
  unsur: label,
  unsurEn: label,
  question: text(500),
  questionEn: text(500),
  options: z.array(ZTemplateOption),
});

export const ZMutuBand = z.object({
  mutu: z.enum(MUTU_LETTERS, { error: "invalidChoice" }),
  kinerja: label,
  kinerjaEn: label,
  min: konversi,
  max: konversi,
});

const hundredths = (v: number) => Math.round(v * 100);

/** What one version asks and how it is judged. */
export const ZTemplateContent = z
  .object({
    scaleMin: scaleValue,
    scaleMax: scaleValue,
    asksHarapan: z.boolean().default(false),
    items: z.array(ZTemplateItem).min(1, { error: "noItems" }).max(ITEMS_MAX, { error: "tooMany" }),
    bands: z.array(ZMutuBand).min(1, { error: "noBands" }).max(MUTU_LETTERS.length, { error: "tooMany" }),
  })
  .superRefine((c, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (c.scaleMax <= c.scaleMin) issue(["scaleMax"], "scaleOrder");
    else if (c.scaleMax - c.scaleMin > SCALE_SPAN_MAX) issue(["scaleMax"], "scaleSpan");
    else {
      const values = Array.from({ length: c.scaleMax - c.scaleMin + 1 }, (_, i) => c.scaleMin + i);
      c.items.forEach((item, i) => {
        // One label per score, in order: option k carries the score scaleMin + k.
        if (item.options.length !== values.length || item.options.some((o, k) => o.value !== values[k])) issue(["items", i, "options"], "optionsScale");
      });
    }
    const seen = new Set<string>();
    c.items.forEach((item, i) => {
      if (seen.has(item.code)) issue(["items", i, "code"], "duplicate");
      seen.add(item.code);
    });
    // Bands in ascending order: D lowest, each starting 0.01 after the previous one ends.
    let expected = hundredths(KONVERSI_MIN);
    let lastRank = -1;
    c.bands.forEach((b, i) => {
      const lo = hundredths(b.min);
      const hi = hundredths(b.max);
      const rank = MUTU_LETTERS.indexOf(b.mutu);
      if (rank <= lastRank) issue(["bands", i, "mutu"], "mutuOrder");
      lastRank = Math.max(rank, lastRank);
      if (i === 0 && lo !== expected) issue(["bands", i, "min"], "bandStart");
      else if (lo > expected) issue(["bands", i, "min"], "bandGap");
      else if (lo < expected) issue(["bands", i, "min"], "bandOverlap");
      if (hi < lo) issue(["bands", i, "max"], "bandReversed");
      expected = hi + 1;
    });
    const last = c.bands.at(-1);
    if (last && hundredths(last.max) !== hundredths(KONVERSI_MAX)) issue(["bands", c.bands.length - 1, "max"], "bandEnd");
  });
export type TTemplateContent = z.output<typeof ZTemplateContent>;

const name = plainString().trim().min(2, { error: "tooShort" }).max(200, { error: "tooLong" });
const nameEn = plainString()
  .trim()
  .max(200, { error: "tooLong" })
  .transform((v) => (v === "" ? null : v));

/** Where a new template starts: from scratch, a preset (lib/ikm), or any template in the library. */
export const TEMPLATE_START_SCRATCH = "scratch";

export const ZCreateTemplate = z.object({
  key: z
    .string({ error: "required" })
    .trim()
    .transform((v) => v.toLowerCase())
    .pipe(z.string().min(1, { error: "required" }).regex(/^[a-z0-9][a-z0-9-]{1,39}$/, { error: "keyFormat" })),
  name,
  nameEn,
  from: z.string({ error: "invalidChoice" }).trim().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: "invalidChoice" }),
});

export const ZTemplateRef = z.object({ key: templateKey });

/** The draft buttons' `step` (a form value: never used as a property name before it is parsed). */
export const ZDraftStep = z.enum(["publish", "start", "discard"]);

export const ZSaveDraft = z.object({ key: templateKey, name, nameEn, content: ZTemplateContent });

/** A unit's questionnaire: a template's key, or null to follow its parent (at the root: the agency default). */
export const ZSetUnitTemplate = z.object({
  unitId: z.uuid(),
  templateKey: z.preprocess((v) => (v === "" ? null : v), templateKey.nullable()),
});

/** The preview's query: which version, in which language. */
export const ZPreviewQuery = z.object({
  versi: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  bahasa: z.enum(["id", "en"]).catch("id"),
});
