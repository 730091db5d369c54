"use server";
import { claimSetup } from "@/lib/dal/setup";
import type { TFieldErrors } from "@/lib/dal/write";
import type { TPasswordProblem } from "@/lib/auth/password-policy";
import { currentRequestMeta } from "@/lib/request/meta";

// Thin: the data layer parses the input and checks the one-time code.

export type TSetupState = {
  done?: { email: string };
  error?: "form" | "code" | "closed" | "throttled" | "unitTaken";
  fields?: TFieldErrors;
  password?: TPasswordProblem;
  /** What was sent (but the password and the code), shown again after a refusal. */
  values?: Record<string, string>;
};

export async function claimSetupAction(_prev: TSetupState, form: FormData): Promise<TSetupState> {
  const text = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
  const values = { agencyName: text("agencyName"), unitCode: text("unitCode"), adminName: text("adminName"), email: text("email") };
  const r = await claimSetup({ ...values, code: text("code"), password: text("password") }, await currentRequestMeta());
  if (r.ok) return { done: { email: r.email } };
  if (r.error === "invalid") return { error: "form", fields: r.fields, values };
  if (r.error === "password") return { error: "form", fields: { password: r.problem }, password: r.problem, values };
  return { error: r.error, values };
}
