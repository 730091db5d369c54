"use server";
import { revalidatePath } from "next/cache";
import { getCaller } from "@/lib/auth/session";
import { currentRequestMeta } from "@/lib/request/meta";
import { assignRole, createUser, removeRole, resetPassword, setUserActive } from "@/lib/dal/users";

// Thin: each action hands its raw input to the data layer, which parses it
// with zod and checks the caller's admin role on the specific unit or user.

export type TCreateUserState = { error?: string; created?: { email: string; temporaryPassword: string } };

export async function createUserAction(_prev: TCreateUserState, form: FormData): Promise<TCreateUserState> {
  const raw = { email: form.get("email"), name: form.get("name"), role: form.get("role"), unitCode: form.get("unitCode") };
  const r = await createUser(await getCaller(), raw, await currentRequestMeta());
  if (!r.ok) return { error: r.error };
  revalidatePath("/admin/pengguna");
  return { created: { email: String(raw.email).trim().toLowerCase(), temporaryPassword: r.value.temporaryPassword } };
}

export type TResetState = { error?: string; temporaryPassword?: string };

export async function resetPasswordAction(_prev: TResetState, form: FormData): Promise<TResetState> {
  const r = await resetPassword(await getCaller(), { userId: form.get("userId") }, await currentRequestMeta());
  return r.ok ? { temporaryPassword: r.value.temporaryPassword } : { error: r.error };
}

export async function assignRoleAction(form: FormData) {
  await assignRole(await getCaller(), { userId: form.get("userId"), role: form.get("role"), unitCode: form.get("unitCode") }, await currentRequestMeta());
  revalidatePath(`/admin/pengguna/${form.get("userId")}`);
}

export async function removeRoleAction(form: FormData) {
  await removeRole(await getCaller(), { assignmentId: form.get("assignmentId") }, await currentRequestMeta());
  revalidatePath(`/admin/pengguna/${form.get("userId")}`);
}

export async function setActiveAction(form: FormData) {
  await setUserActive(await getCaller(), { userId: form.get("userId"), active: form.get("active") === "true" }, await currentRequestMeta());
  revalidatePath(`/admin/pengguna/${form.get("userId")}`);
}
