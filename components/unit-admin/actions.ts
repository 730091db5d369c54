"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCaller } from "@/lib/auth/session";
import { changeUnitCode, createUnit, moveUnit, setUnitActive, updateUnit } from "@/lib/dal/unit-admin";
import type { TFieldErrors } from "@/lib/dal/write";
import { currentRequestMeta } from "@/lib/request/meta";

// Thin: the data layer parses and checks the caller's admin role on the specific unit.

export type TUnitFormState = { done?: string; error?: "form" | "notFound" | "exists" | "root" | "ownSubtree" | "sameParent" | "sameCode"; fields?: TFieldErrors; values?: Record<string, string> };

const text = (form: FormData, name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
const revalidateUnits = () => {
  revalidatePath("/admin/unit", "page");
  revalidatePath("/admin/unit/[code]", "page");
};

export async function updateUnitAction(_prev: TUnitFormState, form: FormData): Promise<TUnitFormState> {
  const values = { name: text(form, "name"), kind: text(form, "kind"), headName: text(form, "headName"), headTitle: text(form, "headTitle"), headNip: text(form, "headNip") };
  const r = await updateUnit(await getCaller(), { unitId: form.get("unitId"), ...values }, await currentRequestMeta());
  if (!r.ok) return r.error === "invalid" ? { error: "form", fields: r.fields, values } : { error: r.error, values };
  revalidateUnits();
  return { done: "saved" };
}

export async function createUnitAction(_prev: TUnitFormState, form: FormData): Promise<TUnitFormState> {
  const values = { code: text(form, "code"), name: text(form, "name"), kind: text(form, "kind") };
  const r = await createUnit(await getCaller(), { parentCode: form.get("parentCode"), ...values }, await currentRequestMeta());
  if (!r.ok) return r.error === "invalid" ? { error: "form", fields: r.fields, values } : { error: r.error, values };
  revalidateUnits();
  return { done: r.value.code };
}

export async function setUnitActiveAction(_prev: TUnitFormState, form: FormData): Promise<TUnitFormState> {
  const r = await setUnitActive(await getCaller(), { unitId: form.get("unitId"), active: form.get("active") === "true" }, await currentRequestMeta());
  if (!r.ok) return { error: r.error === "invalid" ? "form" : r.error };
  revalidateUnits();
  return { done: "saved" };
}

export async function moveUnitAction(_prev: TUnitFormState, form: FormData): Promise<TUnitFormState> {
  const values = { parentCode: text(form, "parentCode") };
  const r = await moveUnit(await getCaller(), { unitId: form.get("unitId"), ...values }, await currentRequestMeta());
  if (!r.ok) return r.error === "invalid" ? { error: "form", fields: r.fields, values } : { error: r.error, values };
  revalidateUnits();
  return { done: "moved" };
}

/** On success the page moves to the unit's new code (the old one is an alias now). */
export async function changeUnitCodeAction(_prev: TUnitFormState, form: FormData): Promise<TUnitFormState> {
  const values = { code: text(form, "code") };
  const r = await changeUnitCode(await getCaller(), { unitId: form.get("unitId"), ...values }, await currentRequestMeta());
  if (!r.ok) {
    if (r.error === "invalid") return { error: "form", fields: r.fields, values };
    // A taken code is the code field's problem.
    return r.error === "exists" || r.error === "sameCode" ? { error: "form", fields: { code: r.error }, values } : { error: r.error, values };
  }
  revalidateUnits();
  redirect(`/admin/unit/${r.value.code}?kode=baru`);
}
