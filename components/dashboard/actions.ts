"use server";
import { revalidatePath } from "next/cache";
import { getCaller } from "@/lib/auth/session";
import { updateFeedback } from "@/lib/dal/dashboard";
import { currentRequestMeta } from "@/lib/request/meta";

export type TFeedbackFormState = { result?: "saved" | "invalid" | "notFound" };

/** Thin: the data layer parses the input (zod) and checks feedback.manage on the response's own unit. */
export async function updateFeedbackAction(_prev: TFeedbackFormState, form: FormData): Promise<TFeedbackFormState> {
  const r = await updateFeedback(
    await getCaller(),
    { responseId: form.get("responseId"), status: form.get("status"), note: form.get("note") ?? null },
    await currentRequestMeta(),
  );
  if (!r.ok) return { result: r.error };
  const unit = form.get("unitCode");
  if (typeof unit === "string" && /^[A-Z0-9-]{1,40}$/.test(unit)) revalidatePath(`/dasbor/unit/${unit}/saran`);
  return { result: "saved" };
}
