"use server";
import { cookies } from "next/headers";
import { redirect, RedirectType } from "next/navigation";
import { SENT_COOKIE } from "@/components/survey/sent-cookie";
import { submitResponse } from "@/lib/dal/responses";
import { currentRequestMeta } from "@/lib/request/meta";
import { responseInputFromForm, type TFieldErrors } from "@/lib/validation/response";

export type TSurveyFormState = {
  errors: TFieldErrors;
  /** What the citizen entered, so a rejected form comes back filled in. */
  values: Record<string, string>;
};

/** The web form's submit: the same validation and data path as the JSON API. */
export async function submitSurveyAction(_prev: TSurveyFormState, form: FormData): Promise<TSurveyFormState> {
  const result = await submitResponse(responseInputFromForm(form), form.get("idempotencyKey"), {
    channel: "WEB",
    clientKey: (await currentRequestMeta()).clientKey,
    requireService: true,
  });
  if (result.ok) {
    // Remember the key for a while: going back to the form and sending again
    // replays this response instead of counting it twice.
    (await cookies()).set(SENT_COOKIE, `${result.unitCode}.${String(form.get("idempotencyKey"))}`, {
      httpOnly: true,
      sameSite: "lax",
      path: "/s",
      maxAge: 30 * 60,
    });
    // Only the reply code travels in the URL: nothing personal, and the page needs no lookup.
    const query = result.replyCode ? `?balasan=${result.replyCode}` : "";
    redirect(`/s/${encodeURIComponent(result.unitCode)}/terima-kasih${query}`, RedirectType.replace);
  }
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) values[k] = v;
  return { errors: result.errors, values };
}
