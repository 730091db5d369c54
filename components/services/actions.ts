"use server";
import { revalidatePath } from "next/cache";
import { getCaller } from "@/lib/auth/session";
import { createService, moveService, renameService, setServiceActive } from "@/lib/dal/services";
import type { TFieldErrors } from "@/lib/dal/write";
import { currentRequestMeta } from "@/lib/request/meta";

// Thin: each action hands its raw input to the data layer, which parses it with
// zod and checks the caller's admin role on the service's own unit.

/**
 * `values`: what was sent, for the form to show again after a refusal (React resets a form
 * once its action has run, back to its default values).
 */
export type TServiceFormState = { done?: boolean; error?: "form" | "notFound" | "exists"; fields?: TFieldErrors; values?: Record<string, string> };

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** Every unit's services page (not a path built from the form's own words). */
const revalidateServices = () => revalidatePath("/dasbor/unit/[code]/layanan", "page");

export async function createServiceAction(_prev: TServiceFormState, form: FormData): Promise<TServiceFormState> {
  const values = { code: text(form, "code"), name: text(form, "name"), nameEn: text(form, "nameEn") };
  const r = await createService(await getCaller(), { unitCode: form.get("unitCode"), ...values }, await currentRequestMeta());
  if (!r.ok) return r.error === "invalid" ? { error: "form", fields: r.fields, values } : { error: r.error, values };
  revalidateServices();
  // Added: the form starts empty for the next one.
  return { done: true };
}

export async function renameServiceAction(_prev: TServiceFormState, form: FormData): Promise<TServiceFormState> {
  const values = { name: text(form, "name"), nameEn: text(form, "nameEn") };
  const r = await renameService(await getCaller(), { serviceId: form.get("serviceId"), ...values }, await currentRequestMeta());
  if (!r.ok) return r.error === "invalid" ? { error: "form", fields: r.fields, values } : { error: r.error, values };
  revalidateServices();
  return { done: true };
}

export async function moveServiceAction(form: FormData) {
  await moveService(await getCaller(), { serviceId: form.get("serviceId"), direction: form.get("direction") }, await currentRequestMeta());
  revalidateServices();
}

export async function setServiceActiveAction(form: FormData) {
  await setServiceActive(await getCaller(), { serviceId: form.get("serviceId"), active: form.get("active") === "true" }, await currentRequestMeta());
  revalidateServices();
}
