"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { plainString } from "@/lib/validation/text";
import { signIn, signOut, ThrottledLogin } from "@/lib/auth/config";
import { getCaller } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/dal/users";
import type { TPasswordProblem } from "@/lib/auth/password-policy";
import { currentRequestMeta } from "@/lib/request/meta";

export type TLoginState = {
  error?: "invalid" | "throttled" | "throttledClient";
  /** With a throttled error: how long to wait, in whole minutes (at least 1). */
  retryMinutes?: number;
  email?: string;
};

const ZLogin = z.object({
  email: plainString().max(200),
  password: plainString().max(500),
  next: z
    .string()
    .regex(/^\/(?!\/)[^\s\\]*$/)
    .max(500)
    .catch("/dasbor"),
});

export async function loginAction(_prev: TLoginState, form: FormData): Promise<TLoginState> {
  const parsed = ZLogin.safeParse({ email: form.get("email") ?? "", password: form.get("password") ?? "", next: form.get("next") ?? "/dasbor" });
  if (!parsed.success) return { error: "invalid" };
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: parsed.data.next });
  } catch (err) {
    if (err instanceof ThrottledLogin) {
      const error = err.scope === "client" ? "throttledClient" : "throttled";
      return { error, retryMinutes: Math.max(1, Math.ceil(err.retryAfterSeconds / 60)), email: parsed.data.email };
    }
    if (err instanceof AuthError) return { error: "invalid", email: parsed.data.email };
    throw err; // the redirect after a successful sign-in
  }
  return {};
}

export async function logoutAction() {
  await signOut({ redirectTo: "/masuk" });
}

export type TPasswordState = { error?: "current" | TPasswordProblem | "mismatch" };

const ZChangePassword = z.object({ current: plainString().max(500), next: plainString().max(500), repeat: plainString().max(500) });

export async function changePasswordAction(_prev: TPasswordState, form: FormData): Promise<TPasswordState> {
  const parsed = ZChangePassword.safeParse({ current: form.get("current") ?? "", next: form.get("next") ?? "", repeat: form.get("repeat") ?? "" });
  if (!parsed.success) return { error: "current" };
  if (parsed.data.next !== parsed.data.repeat) return { error: "mismatch" };
  const result = await changeOwnPassword(await getCaller(), { current: parsed.data.current, next: parsed.data.next }, await currentRequestMeta());
  if (!result.ok) return { error: result.error === "invalid" || result.error === "notFound" ? "current" : result.error };
  // Every session, this one included, ended with the old password.
  redirect("/masuk?changed=1");
}
