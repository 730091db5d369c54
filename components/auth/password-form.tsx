"use client";
import { useActionState } from "react";
import { changePasswordAction, type TPasswordState } from "@/components/auth/actions";
import { AUTH_TEXT } from "@/components/auth/text";
import type { Locale } from "@/lib/i18n";

export function PasswordForm({ locale }: { locale: Locale }) {
  const [state, action, pending] = useActionState(changePasswordAction, {} as TPasswordState);
  const t = AUTH_TEXT[locale];
  const messages = { current: t.errCurrent, tooShort: t.errTooShort, tooCommon: t.errTooCommon, containsEmail: t.errContainsEmail, mismatch: t.errMismatch };
  return (
    <form action={action} className="mt-4 max-w-sm space-y-4">
      {state.error && <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">{messages[state.error]}</p>}
      {(["current", "next", "repeat"] as const).map((f) => (
        <div key={f}>
          <label htmlFor={f} className="block text-sm font-medium">{t[f]}</label>
          <input id={f} name={f} type="password" required autoComplete={f === "current" ? "current-password" : "new-password"} className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2" />
        </div>
      ))}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">{t.save}</button>
    </form>
  );
}
