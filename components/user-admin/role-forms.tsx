"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { assignRoleAction, removeRoleAction, type TRoleState } from "@/components/admin/actions";
import { UnitOptions } from "@/components/admin/create-user-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { RoleSelect } from "@/components/user-admin/role-select";
import { useUserFieldError } from "@/components/user-admin/use-user-field-error";

type TUnitChoice = { code: string; name: string; depth: number };

function RoleError({ state }: { state: TRoleState }) {
  const t = useTranslations("userAdmin");
  if (!state.error) return null;
  return <Alert tone="error">{t(`errors.${state.error}`)}</Alert>;
}

/** A role on a unit for the user: the role starts unchosen, a missing choice is an error on its field. */
export function AssignRoleForm({ userId, units }: { userId: string; units: TUnitChoice[] }) {
  const [state, action, pending] = useActionState(assignRoleAction, {} as TRoleState);
  const t = useTranslations("admin");
  const u = useTranslations("userAdmin");
  const common = useTranslations("common");
  const fieldError = useUserFieldError(state.fields);
  const v = state.values ?? {};
  return (
    <form action={action} className="mt-3 grid gap-3" data-testid="assign-role" noValidate>
      <RoleError state={state} />
      <input type="hidden" name="userId" value={userId} />
      <div key={JSON.stringify(v)} className="grid gap-3 sm:grid-cols-2">
        <RoleSelect id="role-role" error={fieldError("role")} defaultValue={v.role} />
        <Field id="role-unit" label={t("unit")} required requiredText={common("required")} error={fieldError("unitCode")}>
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
        <Button type="submit" size="sm" disabled={pending}>
          {t("addRole")}
        </Button>
      </div>
    </form>
  );
}

export function RemoveRoleForm({ userId, assignmentId, label }: { userId: string; assignmentId: string; label: string }) {
  const [state, action, pending] = useActionState(removeRoleAction, {} as TRoleState);
  const t = useTranslations("admin");
  return (
    <form action={action} className="contents">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <Button type="submit" variant="link" size="inline" className="text-sm text-red-800" disabled={pending} aria-label={`${t("revoke")}: ${label}`}>
        {t("revoke")}
      </Button>
      <RoleError state={state} />
    </form>
  );
}
