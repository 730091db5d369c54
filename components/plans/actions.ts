"use server";
import { revalidatePath } from "next/cache";
import { getCaller } from "@/lib/auth/session";
import { commentOnPlan, deletePlanAction, recordProgress, reviewPlan, savePlanAction, savePlanFkp, startPlan, submitPlan } from "@/lib/dal/plans";
import type { TFieldErrors, TWriteResult } from "@/lib/dal/write";
import { parsePeriodKey, periodKey } from "@/lib/periods";
import { currentRequestMeta } from "@/lib/request/meta";

// Thin: the data layer parses each input (zod), locks the plan and checks the capability on the
// plan's own unit (plan.edit for the unit's steps, plan.review for pimpinan's).

/** A step the plan's state refuses (it says why), besides saved / not found. */
export type TPlanRefusal = "locked" | "noActions" | "notSubmitted" | "periodRunning" | "periodKind" | "noData" | "exists" | "notApproved";
type TFieldRefusal = "unsur" | "attachmentType";
/** `values`: what the refused form held, to show it again (a refused save never costs what was typed; files cannot be refilled). */
export type TPlanActionState = { result?: "saved" | "notFound" | TPlanRefusal; fields?: TFieldErrors; values?: Record<string, string>; seq?: number };

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : null;
};

/** The plan page (and the unit's list of plans) the form was on. */
function refresh(form: FormData) {
  const unit = text(form, "unitCode");
  const period = text(form, "period");
  if (unit && /^[A-Z0-9-]{1,40}$/.test(unit)) {
    revalidatePath(`/dasbor/unit/${unit}/rtl`);
    const parsed = period ? parsePeriodKey(period) : null;
    if (parsed) revalidatePath(`/dasbor/unit/${unit}/rtl/${periodKey(parsed)}`);
  }
}

/** The form's text fields as sent (capped: they go back to the browser), for a refused form to show again. */
function sent(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$")) out[k] = v.slice(0, 5000);
  return out;
}

function answer(form: FormData, r: TWriteResult<unknown, TPlanRefusal | TFieldRefusal>): TPlanActionState {
  // Each answer is new (seq), so the form's fields take the values given back even when the same error repeats.
  const seq = Date.now();
  if (r.ok) {
    refresh(form);
    return { result: "saved", seq };
  }
  const values = sent(form);
  if (r.error === "invalid") return { fields: r.fields, values, seq };
  // An unsur the plan's questionnaire does not have is that field's error.
  if (r.error === "unsur") return { fields: { unsurCode: "invalidChoice" }, values, seq };
  // A file that is not a JPEG, PNG, WebP or PDF by its bytes is the file field's.
  if (r.error === "attachmentType") return { fields: { files: "attachmentType" }, values, seq };
  return { result: r.error, values, seq };
}

const planFields = (form: FormData) => ({ planId: text(form, "planId") });

export async function startPlanAction(_prev: TPlanActionState, form: FormData): Promise<TPlanActionState> {
  return answer(form, await startPlan(await getCaller(), { unitCode: text(form, "unitCode"), period: text(form, "period") }, await currentRequestMeta()));
}

export async function savePlanActionAction(_prev: TPlanActionState, form: FormData): Promise<TPlanActionState> {
  const input = {
    ...planFields(form),
    actionId: text(form, "actionId"),
    unsurCode: text(form, "unsurCode"),
    action: text(form, "action"),
    owner: text(form, "owner"),
    dueDate: text(form, "dueDate"),
    expectedEffect: text(form, "expectedEffect"),
  };
  return answer(form, await savePlanAction(await getCaller(), input, await currentRequestMeta()));
}

export async function deletePlanActionAction(_prev: TPlanActionState, form: FormData): Promise<TPlanActionState> {
  return answer(form, await deletePlanAction(await getCaller(), { ...planFields(form), actionId: text(form, "actionId") }, await currentRequestMeta()));
}

export async function saveFkpAction(_prev: TPlanActionState, form: FormData): Promise<TPlanActionState> {
  const input = { ...planFields(form), fkpDate: text(form, "fkpDate"), fkpParticipants: text(form, "fkpParticipants"), files: form.getAll("files") };
  return answer(form, await savePlanFkp(await getCaller(), input, await currentRequestMeta()));
}

export async function submitPlanAction(_prev: TPlanActionState, form: FormData): Promise<TPlanActionState> {
  return answer(form, await submitPlan(await getCaller(), { ...planFields(form), body: text(form, "body") }, await currentRequestMeta()));
}

/** Approve or return: the decision is the button pressed. */
export async function reviewPlanAction(_prev: TPlanActionState, form: FormData): Promise<TPlanActionState> {
  const input = { ...planFields(form), decision: text(form, "decision"), body: text(form, "body") };
  return answer(form, await reviewPlan(await getCaller(), input, await currentRequestMeta()));
}

export async function commentPlanAction(_prev: TPlanActionState, form: FormData): Promise<TPlanActionState> {
  return answer(form, await commentOnPlan(await getCaller(), { ...planFields(form), body: text(form, "body") }, await currentRequestMeta()));
}

export async function progressAction(_prev: TPlanActionState, form: FormData): Promise<TPlanActionState> {
  const input = { actionId: text(form, "actionId"), progress: text(form, "progress"), note: text(form, "note"), files: form.getAll("files") };
  return answer(form, await recordProgress(await getCaller(), input, await currentRequestMeta()));
}
