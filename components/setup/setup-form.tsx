"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { claimSetupAction, type TSetupState } from "@/components/setup/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { LinkButton } from "@/components/ui/button";
import { useFieldError } from "@/components/ui/use-field-error";

export function SetupForm() {
  const [state, action, pending] = useActionState(claimSetupAction, {} as TSetupState);
  const t = useTranslations("setup");
  const auth = useTranslations("auth.errors");
  const common = useTranslations("common");
  const fieldError = useFieldError(state.fields);
  if (state.done) {
    return (
      <div className="mt-6 space-y-4">
        <Alert tone="success" role="status">
          {t("done", { email: state.done.email })}
        </Alert>
        <LinkButton href="/masuk">{t("signIn")}</LinkButton>
      </div>
    );
  }
  const v = state.values ?? {};
  const req = { required: true, requiredText: common("required") };
  return (
    <form action={action} className="mt-6 grid gap-4" noValidate data-testid="setup-form">
      {state.error && (
        <Alert tone="error" role="alert">
          {t(`errors.${state.error}`)}
        </Alert>
      )}
      <div key={JSON.stringify(v)} className="grid gap-4">
        <Field id="setup-code" label={t("code")} hint={t("codeHint")} error={fieldError("code")} {...req}>
          {(c) => <Input {...c} name="code" autoComplete="off" autoCapitalize="characters" className="font-mono" />}
        </Field>
        <Field id="setup-agency" label={t("agencyName")} hint={t("agencyNameHint")} error={fieldError("agencyName")} {...req}>
          {(c) => <Input {...c} name="agencyName" defaultValue={v.agencyName} maxLength={200} />}
        </Field>
        <Field id="setup-unit-code" label={t("unitCode")} hint={t("unitCodeHint")} error={fieldError("unitCode")} {...req}>
          {(c) => <Input {...c} name="unitCode" defaultValue={v.unitCode} maxLength={40} autoCapitalize="characters" className="uppercase" />}
        </Field>
        <Field id="setup-admin" label={t("adminName")} error={fieldError("adminName")} {...req}>
          {(c) => <Input {...c} name="adminName" defaultValue={v.adminName} maxLength={120} autoComplete="name" />}
        </Field>
        <Field id="setup-email" label={t("email")} error={fieldError("email")} {...req}>
          {(c) => <Input {...c} name="email" type="email" defaultValue={v.email} autoComplete="email" />}
        </Field>
        <Field id="setup-password" label={t("password")} hint={t("passwordHint")} error={state.password ? auth(state.password) : fieldError("password")} {...req}>
          {(c) => <Input {...c} name="password" type="password" autoComplete="new-password" />}
        </Field>
      </div>
      <Button type="submit" size="lg" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
