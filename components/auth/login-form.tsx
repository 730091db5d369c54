"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { loginAction, type TLoginState } from "@/components/auth/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(loginAction, {} as TLoginState);
  const t = useTranslations("auth");
  return (
    <form action={action} className="mt-6 space-y-4">
      <input type="hidden" name="next" value={next} />
      {state.error && (
        <Alert tone="error" data-testid="login-error">
          {state.error === "invalid" ? t("invalid") : t(state.error, { minutes: state.retryMinutes ?? 1 })}
        </Alert>
      )}
      <Field id="email" label={t("email")}>
        {(c) => <Input {...c} name="email" type="email" autoComplete="username" required defaultValue={state.email ?? ""} />}
      </Field>
      <Field id="password" label={t("password")}>
        {(c) => <Input {...c} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" size="lg" width="full" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
