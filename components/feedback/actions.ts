"use server";
import { revalidatePath } from "next/cache";
import { getCaller } from "@/lib/auth/session";
import { addFeedbackNote, assignFeedback, replyToFeedback, setFeedbackStatus, viewContact, type TContact } from "@/lib/dal/feedback";
import type { TFieldErrors, TWriteResult } from "@/lib/dal/write";
import { currentRequestMeta } from "@/lib/request/meta";

// Thin: the data layer parses each input (zod) and checks the capability on the
// item's own unit (feedback.manage; contact.read for the contact details).

export type TFeedbackActionState = { result?: "saved" | "notFound"; fields?: TFieldErrors; contact?: TContact };

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : null;
};

/** The page to refresh: the item under the inbox unit the form was on. */
function refresh(form: FormData) {
  const unit = text(form, "unitCode");
  const id = text(form, "responseId");
  if (unit && /^[A-Z0-9-]{1,40}$/.test(unit)) {
    revalidatePath(`/dasbor/unit/${unit}/saran`);
    if (id && /^[0-9a-f-]{36}$/.test(id)) revalidatePath(`/dasbor/unit/${unit}/saran/${id}`);
  }
}

function answer(form: FormData, r: TWriteResult<unknown, "assignee">): TFeedbackActionState {
  if (r.ok) {
    refresh(form);
    return { result: "saved" };
  }
  if (r.error === "invalid") return { fields: r.fields };
  // A staff member who may not follow the item up is the assignee field's error.
  if (r.error === "assignee") return { fields: { assigneeId: "notEligible" } };
  return { result: "notFound" };
}

export async function setStatusAction(_prev: TFeedbackActionState, form: FormData): Promise<TFeedbackActionState> {
  return answer(form, await setFeedbackStatus(await getCaller(), { responseId: text(form, "responseId"), status: text(form, "status") }, await currentRequestMeta()));
}

export async function assignAction(_prev: TFeedbackActionState, form: FormData): Promise<TFeedbackActionState> {
  return answer(form, await assignFeedback(await getCaller(), { responseId: text(form, "responseId"), assigneeId: text(form, "assigneeId") }, await currentRequestMeta()));
}

export async function noteAction(_prev: TFeedbackActionState, form: FormData): Promise<TFeedbackActionState> {
  return answer(form, await addFeedbackNote(await getCaller(), { responseId: text(form, "responseId"), body: text(form, "body") }, await currentRequestMeta()));
}

export async function replyAction(_prev: TFeedbackActionState, form: FormData): Promise<TFeedbackActionState> {
  return answer(form, await replyToFeedback(await getCaller(), { responseId: text(form, "responseId"), body: text(form, "body") }, await currentRequestMeta()));
}

/** The contact details, shown once asked for (each view is audited). */
export async function viewContactAction(_prev: TFeedbackActionState, form: FormData): Promise<TFeedbackActionState> {
  const r = await viewContact(await getCaller(), { responseId: text(form, "responseId") }, await currentRequestMeta());
  return r.ok ? { contact: r.value } : { result: "notFound" };
}
