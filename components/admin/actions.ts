"use server";
import { revalidatePath } from "next/cache";
import { getCaller } from "@/lib/auth/session";
import type { TFieldErrors } from "@/lib/dal/write";
import { currentRequestMeta } from "@/lib/request/meta";
import { assignRole, createUser, removeRole, resetPassword, setUserActive } from "@/lib/dal/users";

// Thin: each action hands its raw input to the data layer, which parses it
// with zod and checks the caller's admin role on the specific unit or user.

export type TCreateUserState = {
  error?: "invalid" | "exists" | "notFound";
  fields?: TFieldErrors;
  /** What was typed, to show again beside the field errors. */
  values?: Record<string, string>;
  created?: { email: string; temporaryPassword: string };
};

const text = (form: FormData, name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");

export async function createUserAction(_prev: TCreateUserState, form: FormData): Promise<TCreateUserState> {
  const values = { email: text(form, "email"), name: text(form, "name"), role: text(form, "role"), unitCode: text(form, "unitCode") };
  const r = await createUser(await getCaller(), values, await currentRequestMeta());
  if (!r.ok) return r.error === "invalid" ? { error: r.error, fields: r.fields, values } : { error: r.error, values };
  revalidatePath("/admin/pengguna");
  return { created: { email: values.email.trim().toLowerCase(), temporaryPassword: r.value.temporaryPassword } };
}

export type TResetState = { error?: string; temporaryPassword?: string };

export async function resetPasswordAction(_prev: TResetState, form: FormData): Promise<TResetState> {
  const r = await resetPassword(await getCaller(), { userId: form.get("userId") }, await currentRequestMeta());
  return r.ok ? { temporaryPassword: r.value.temporaryPassword } : { error: r.error };
}

export type TRoleState = { error?: "invalid" | "notFound" | "lastAdmin" | "lastRole"; fields?: TFieldErrors; values?: Record<string, string>; done?: boolean };

export async function assignRoleAction(_prev: TRoleState, form: FormData): Promise<TRoleState> {
  const values = { role: text(form, "role"), unitCode: text(form, "unitCode") };
  const r = await assignRole(await getCaller(), { userId: form.get("userId"), ...values }, await currentRequestMeta());
  if (!r.ok) return r.error === "invalid" ? { error: r.error, fields: r.fields, values } : { error: r.error, values };
  revalidatePath(`/admin/pengguna/${text(form, "userId")}`);
  return { done: true };
}

export async function removeRoleAction(_prev: TRoleState, form: FormData): Promise<TRoleState> {
  const r = await removeRole(await getCaller(), { assignmentId: form.get("assignmentId") }, await currentRequestMeta());
  if (!r.ok) return { error: r.error === "invalid" ? "notFound" : r.error };
  revalidatePath(`/admin/pengguna/${text(form, "userId")}`);
  return { done: true };
}

export async function setActiveAction(form: FormData) {
  await setUserActive(await getCaller(), { userId: form.get("userId"), active: form.get("active") === "true" }, await currentRequestMeta());
  revalidatePath(`/admin/pengguna/${form.get("userId")}`);
}
