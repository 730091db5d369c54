"use server";
import { revalidatePath } from "next/cache";
import { getCaller } from "@/lib/auth/session";
import { publishFeedback, unpublishFeedback } from "@/lib/dal/feedback-public/publish";
import type { TFieldErrors } from "@/lib/dal/write";
import { currentRequestMeta } from "@/lib/request/meta";

export type TPublishFormState = { result?: "saved" | "invalid" | "notFound" | "notResolved" | "notPublished"; fields?: TFieldErrors };

function revalidate(form: FormData) {
  const unit = form.get("unitCode");
  if (typeof unit === "string" && /^[A-Z0-9-]{1,40}$/.test(unit)) revalidatePath(`/dasbor/unit/${unit}/saran/publikasi`);
}

/** Thin: the data layer parses (and screens) the texts and checks feedback.manage on the item's unit. */
export async function publishFeedbackAction(_prev: TPublishFormState, form: FormData): Promise<TPublishFormState> {
  const input = { responseId: form.get("responseId"), publicSaran: form.get("publicSaran"), publicAction: form.get("publicAction") };
  const r = form.get("intent") === "unpublish"
    ? await unpublishFeedback(await getCaller(), { responseId: input.responseId }, await currentRequestMeta())
    : await publishFeedback(await getCaller(), input, await currentRequestMeta());
  if (!r.ok) return r.error === "invalid" ? { result: "invalid", fields: r.fields } : { result: r.error };
  revalidate(form);
  return { result: "saved" };
}
