"use server";
import { revalidatePath } from "next/cache";
import { getCaller } from "@/lib/auth/session";
import { createService, moveService, renameService, setServiceActive } from "@/lib/dal/services";
import type { TFieldErrors } from "@/lib/dal/write";
import { currentRequestMeta } from "@/lib/request/meta";

// Thin: each action hands its raw input to the data layer, which parses it with
// zod and checks the caller's admin role on the service's own unit.

export type TServiceFormState = { done?: boolean; error?: "form" | "notFound" | "exists"; fields?: TFieldErrors; at?: number };

const pagePath = (form: FormData) => `/dasbor/unit/${String(form.get("unitCode") ?? "")}/layanan`;

export async function createServiceAction(_prev: TServiceFormState, form: FormData): Promise<TServiceFormState> {
  const raw = { unitCode: form.get("unitCode"), code: form.get("code"), name: form.get("name"), nameEn: form.get("nameEn") ?? "" };
  const r = await createService(await getCaller(), raw, await currentRequestMeta());
  if (!r.ok) return r.error === "invalid" ? { error: "form", fields: r.fields } : { error: r.error };
  revalidatePath(pagePath(form));
  // `at` tells the form to start empty again after a service was added.
  return { done: true, at: Date.now() };
}

export async function renameServiceAction(_prev: TServiceFormState, form: FormData): Promise<TServiceFormState> {
  const raw = { serviceId: form.get("serviceId"), name: form.get("name"), nameEn: form.get("nameEn") ?? "" };
  const r = await renameService(await getCaller(), raw, await currentRequestMeta());
  if (!r.ok) return r.error === "invalid" ? { error: "form", fields: r.fields } : { error: r.error };
  revalidatePath(pagePath(form));
  return { done: true };
}

export async function moveServiceAction(form: FormData) {
  await moveService(await getCaller(), { serviceId: form.get("serviceId"), direction: form.get("direction") }, await currentRequestMeta());
  revalidatePath(pagePath(form));
}

export async function setServiceActiveAction(form: FormData) {
  await setServiceActive(await getCaller(), { serviceId: form.get("serviceId"), active: form.get("active") === "true" }, await currentRequestMeta());
  revalidatePath(pagePath(form));
}
