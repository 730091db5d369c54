"use client";
import { useActionState } from "react";
import { loginAction, type TLoginState } from "@/components/auth/actions";
import { AUTH_TEXT } from "@/components/auth/text";
import type { Locale } from "@/lib/i18n";

export function LoginForm({ locale, next }: { locale: Locale; next: string }) {
  const [state, action, pending] = useActionState(loginAction, {} as TLoginState);
  const t = AUTH_TEXT[locale];
  return (
    <form action={action} className="mt-6 space-y-4">
      <input type="hidden" name="next" value={next} />
      {state.error && (
        <p role="alert" data-testid="login-error" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
          {state.error === "throttled" ? t.throttled : t.invalid}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">{t.email}</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email ?? ""} className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">{t.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2" />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-900 disabled:opacity-70">
        {t.submit}
      </button>
    </form>
  );
}
