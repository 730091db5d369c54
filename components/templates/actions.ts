"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCaller } from "@/lib/auth/session";
import { createTemplate, discardDraft, publishDraft, saveDraft, startDraft } from "@/lib/dal/templates";
import { setUnitTemplate } from "@/lib/dal/unit-template";
import type { TFieldErrors } from "@/lib/dal/write";
import { currentRequestMeta } from "@/lib/request/meta";
import { templateContentFromForm } from "@/lib/validation/template-form";
import { ZDraftStep } from "@/lib/validation/templates";

// Thin: the data layer parses the input and checks the caller's admin role on the
// agency's root (the library) or on the specific unit (a unit's choice).

export type TTemplateFormState = {
  done?: string;
  error?: string;
  fields?: TFieldErrors;
  values?: Record<string, unknown>;
  /** Bumped on every answer: the editor re-renders its fields from `values` after a refusal. */
  at?: number;
};

const text = (form: FormData, name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
const revalidateTemplates = () => {
  revalidatePath("/admin/kuesioner", "page");
  revalidatePath("/admin/kuesioner/[key]", "page");
};

export async function createTemplateAction(_prev: TTemplateFormState, form: FormData): Promise<TTemplateFormState> {
  const values = { key: text(form, "key"), name: text(form, "name"), nameEn: text(form, "nameEn"), from: text(form, "from") };
  const r = await createTemplate(await getCaller(), values, await currentRequestMeta());
  if (!r.ok) return r.error === "invalid" ? { error: "form", fields: r.fields, values } : { error: r.error, values };
  revalidateTemplates();
  redirect(`/admin/kuesioner/${r.value.key}`);
}

export async function saveDraftAction(_prev: TTemplateFormState, form: FormData): Promise<TTemplateFormState> {
  const values = { name: text(form, "name"), nameEn: text(form, "nameEn"), content: templateContentFromForm(form) };
  const r = await saveDraft(await getCaller(), { key: form.get("key"), ...values }, await currentRequestMeta());
  if (!r.ok) return r.error === "invalid" ? { error: "form", fields: r.fields, values, at: Date.now() } : { error: r.error, values, at: Date.now() };
  revalidateTemplates();
  return { done: "saved", at: Date.now() };
}

/** Publish, start or discard a draft: one button each. */
export async function draftStepAction(_prev: TTemplateFormState, form: FormData): Promise<TTemplateFormState> {
  const parsed = ZDraftStep.safeParse(form.get("step"));
  if (!parsed.success) return { error: "form" };
  const step = parsed.data === "publish" ? publishDraft : parsed.data === "start" ? startDraft : discardDraft;
  const r = await step(await getCaller(), { key: form.get("key") }, await currentRequestMeta());
  if (!r.ok) return { error: r.error === "invalid" ? "form" : r.error };
  revalidateTemplates();
  return { done: parsed.data };
}

export async function setUnitTemplateAction(_prev: TTemplateFormState, form: FormData): Promise<TTemplateFormState> {
  const r = await setUnitTemplate(await getCaller(), { unitId: form.get("unitId"), templateKey: text(form, "templateKey") }, await currentRequestMeta());
  if (!r.ok) return r.error === "invalid" ? { error: "form", fields: r.fields } : { error: r.error };
  revalidatePath("/admin/unit/[code]", "page");
  revalidatePath("/admin/kuesioner", "page");
  return { done: "saved" };
}
