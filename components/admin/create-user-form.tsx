"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createUserAction, resetPasswordAction, type TCreateUserState, type TResetState } from "@/components/admin/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { RoleSelect } from "@/components/user-admin/role-select";
import { useUserFieldError } from "@/components/user-admin/use-user-field-error";

type TUnitChoice = { code: string; name: string; depth: number };

/** Units indented by depth, for a select. */
export function UnitOptions({ units }: { units: TUnitChoice[] }) {
  return units.map((u) => (
    <option key={u.code} value={u.code}>
      {"\u00a0".repeat(u.depth * 3)}
      {u.name}
    </option>
  ));
}

export function CreateUserForm({ units }: { units: TUnitChoice[] }) {
  const [state, action, pending] = useActionState(createUserAction, {} as TCreateUserState);
  const t = useTranslations("admin");
  const u = useTranslations("userAdmin");
  const common = useTranslations("common");
  const fieldError = useUserFieldError(state.fields);
  const error = state.error === "invalid" ? u("errors.invalid") : state.error ? t(`errors.${state.error}`) : null;
  const v = state.values ?? {};
  return (
    <form action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="create-user" noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      {state.created && (
        <Alert tone="success" data-testid="temporary-password">
          {t("created", { email: state.created.email })} <code className="font-mono">{state.created.temporaryPassword}</code>
        </Alert>
      )}
      {/* Keyed by the values shown: a reset <select> would show the value it was first rendered with. */}
      <div key={JSON.stringify(v)} className="grid gap-3 sm:grid-cols-2">
        <Field id="new-email" label={t("email")} required requiredText={common("required")} error={fieldError("email")}>
          {(c) => <Input {...c} name="email" type="email" size="sm" defaultValue={v.email} maxLength={200} />}
        </Field>
        <Field id="new-name" label={t("name")} required requiredText={common("required")} error={fieldError("name")}>
          {(c) => <Input {...c} name="name" size="sm" defaultValue={v.name} maxLength={120} />}
        </Field>
        <RoleSelect id="new-role" error={fieldError("role")} defaultValue={v.role} />
        <Field id="new-unit" label={t("unit")} required requiredText={common("required")} error={fieldError("unitCode")}>
          {(c) => (
            <Select {...c} name="unitCode" size="sm" defaultValue={v.unitCode ?? ""}>
              <option value="" disabled>
                {u("chooseUnit")}
              </option>
              <UnitOptions units={units} />
            </Select>
          )}
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t("create")}
        </Button>
      </div>
    </form>
  );
}

export function ResetPasswordForm({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, {} as TResetState);
  const t = useTranslations("admin");
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      {state.temporaryPassword && (
        <Alert tone="success" className="mb-2" data-testid="temporary-password">
          {t("temporaryPassword")} <code className="font-mono">{state.temporaryPassword}</code>
        </Alert>
      )}
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {t("resetPassword")}
      </Button>
    </form>
  );
}
