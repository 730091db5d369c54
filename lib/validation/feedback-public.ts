import { z } from "zod";
import { findPersonalData } from "@/lib/privacy/screen";
import { plainString } from "@/lib/validation/text";

// Publishing a resolved saran on the unit's public page: the text as the officer reviewed it
// (screened again here: any personal data still detected refuses it, on its field) and what
// the unit did.

const publicText = (max: number) =>
  plainString({ multiline: true })
    .transform((v) => v.trim())
    .pipe(z.string().min(1, { error: "required" }).max(max, { error: "tooLong" }));

export const ZFeedbackPublish = z.object({
  responseId: z.uuid(),
  publicSaran: publicText(2000).refine((v) => findPersonalData(v).length === 0, { error: "personalData" }),
  publicAction: publicText(2000),
});
export type TFeedbackPublish = z.infer<typeof ZFeedbackPublish>;

export const ZFeedbackUnpublish = z.object({ responseId: z.uuid() });
