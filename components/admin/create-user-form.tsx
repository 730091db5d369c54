"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createUserAction, resetPasswordAction, type TCreateUserState, type TResetState } from "@/components/admin/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { ROLES } from "@/lib/validation/user-fields";

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
  const role = useTranslations("labels.role");
  const common = useTranslations("common");
  const error = state.error ? t(`errors.${state.error as "invalid" | "exists" | "notFound" | "lastAdmin"}`) : null;
  return (
    <form action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
      {error && (
        <Alert tone="error" className="sm:col-span-2">
          {error}
        </Alert>
      )}
      {state.created && (
        <Alert tone="success" className="sm:col-span-2" data-testid="temporary-password">
          {t("created", { email: state.created.email })} <code className="font-mono">{state.created.temporaryPassword}</code>
        </Alert>
      )}
      <Field id="new-email" label={t("email")} required requiredText={common("required")}>
        {(c) => <Input {...c} name="email" type="email" size="sm" />}
      </Field>
      <Field id="new-name" label={t("name")} required requiredText={common("required")}>
        {(c) => <Input {...c} name="name" size="sm" />}
      </Field>
      {/* No role is preselected: giving someone admin rights must be a choice. */}
      <Field id="new-role" label={t("role")} required requiredText={common("required")}>
        {(c) => (
          <Select {...c} name="role" size="sm" defaultValue="">
            <option value="" disabled>
              {t("chooseRole")}
            </option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {role(r)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="new-unit" label={t("unit")} required requiredText={common("required")}>
        {(c) => (
          <Select {...c} name="unitCode" size="sm" defaultValue="">
            <option value="" disabled>
              {t("chooseUnit")}
            </option>
            <UnitOptions units={units} />
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={pending} className="sm:col-span-2">
        {t("create")}
      </Button>
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
