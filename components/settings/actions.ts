"use server";
import { revalidatePath } from "next/cache";
import { getCaller } from "@/lib/auth/session";
import { removeAgencyLogo, setAgencyLogo, updateAgencySettings } from "@/lib/dal/settings";
import type { TFieldErrors } from "@/lib/dal/write";
import { currentRequestMeta } from "@/lib/request/meta";

// Thin: each action hands its raw input to the data layer, which parses it with
// zod and checks that the caller is an admin of the agency's root unit.

/** `values`: what was sent, shown again after a refusal (React resets a form after its action, to its defaults). */
export type TSettingsState = { saved?: boolean; error?: "form" | "notFound" | "template"; fields?: TFieldErrors; values?: Record<string, string> };

export async function updateSettingsAction(_prev: TSettingsState, form: FormData): Promise<TSettingsState> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const values = { name: text("name"), timeZone: text("timeZone"), rhythm: text("rhythm"), defaultTemplateKey: text("defaultTemplateKey"), feedbackTargetDays: text("feedbackTargetDays") };
  const r = await updateAgencySettings(await getCaller(), values, await currentRequestMeta());
  if (!r.ok) return r.error === "invalid" ? { error: "form", fields: r.fields, values } : { error: r.error, values };
  revalidatePath("/", "layout");
  return { saved: true };
}

export type TLogoState = { done?: "saved" | "removed"; error?: "form" | "notFound"; fields?: TFieldErrors };

export async function logoAction(_prev: TLogoState, form: FormData): Promise<TLogoState> {
  const caller = await getCaller();
  const meta = await currentRequestMeta();
  if (form.get("remove") === "1") {
    const r = await removeAgencyLogo(caller, {}, meta);
    if (!r.ok) return { error: r.error === "invalid" ? "form" : r.error };
    revalidatePath("/", "layout");
    return { done: "removed" };
  }
  const file = form.get("logo");
  // The request body is already capped at 1 MB (proxy.ts); the schema says what a logo may be.
  const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : null;
  const r = await setAgencyLogo(caller, { bytes }, meta);
  if (!r.ok) return r.error === "invalid" ? { error: "form", fields: r.fields } : { error: r.error };
  revalidatePath("/", "layout");
  return { done: "saved" };
}
