"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePasswordAction, type TPasswordState } from "@/components/auth/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, {} as TPasswordState);
  const t = useTranslations("auth");
  return (
    <form action={action} className="mt-4 max-w-sm space-y-4">
      {state.error && <Alert tone="error">{t(`errors.${state.error}`)}</Alert>}
      {(["current", "next", "repeat"] as const).map((f) => (
        <Field key={f} id={f} label={t(f)}>
          {(c) => <Input {...c} name={f} type="password" required autoComplete={f === "current" ? "current-password" : "new-password"} />}
        </Field>
      ))}
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
