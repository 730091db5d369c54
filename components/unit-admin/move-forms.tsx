"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changeUnitCodeAction, moveUnitAction, type TUnitFormState } from "@/components/unit-admin/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useFieldError } from "@/components/ui/use-field-error";

type TTarget = { code: string; name: string; depth: number };

/** Moves the unit with its subtree under another unit of the admin's scope (asks first). */
export function MoveUnitForm({ unit, targets }: { unit: { id: string; name: string }; targets: TTarget[] }) {
  const [state, action, pending] = useActionState(moveUnitAction, {} as TUnitFormState);
  const t = useTranslations("unitAdmin");
  const error = useFieldError(state.fields);
  const minDepth = Math.min(...targets.map((u) => u.depth));
  return (
    <form
      action={action}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="move-unit"
      noValidate
      onSubmit={(e) => {
        if (!window.confirm(t("moveConfirm", { name: unit.name }))) e.preventDefault();
      }}
    >
      {state.error && state.error !== "form" && (
        <Alert tone="error" role="alert">
          {t(`errors.${state.error}`)}
        </Alert>
      )}
      {state.done && (
        <Alert tone="success" role="status">
          {t("moved")}
        </Alert>
      )}
      <p className="text-sm text-slate-700">{t("moveIntro")}</p>
      <input type="hidden" name="unitId" value={unit.id} />
      <Field id="move-parent" label={t("moveTo")} error={error("parentCode")}>
        {(c) => (
          <Select {...c} key={state.values?.parentCode ?? ""} name="parentCode" size="sm" defaultValue={state.done ? "" : (state.values?.parentCode ?? "")}>
            <option value="">{t("movePick")}</option>
            {targets.map((u) => (
              <option key={u.code} value={u.code}>
                {"\u00a0\u00a0".repeat(u.depth - minDepth)}
                {u.name} ({u.code})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div>
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {t("move")}
        </Button>
      </div>
    </form>
  );
}

/** A new public code; on success the page follows the unit to it. */
export function ChangeCodeForm({ unit, aliases, changed }: { unit: { id: string; code: string }; aliases: string[]; changed: boolean }) {
  const [state, action, pending] = useActionState(changeUnitCodeAction, {} as TUnitFormState);
  const t = useTranslations("unitAdmin");
  const fieldError = useFieldError(state.fields);
  const codeProblem = state.fields?.code;
  const codeError = codeProblem === "exists" || codeProblem === "sameCode" ? t(`errors.${codeProblem}`) : fieldError("code");
  return (
    <form action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="change-code" noValidate>
      {state.error && state.error !== "form" && (
        <Alert tone="error" role="alert">
          {t(`errors.${state.error}`)}
        </Alert>
      )}
      {changed && !state.error && (
        <Alert tone="success" role="status">
          {t("codeChanged", { code: unit.code })}
        </Alert>
      )}
      <p className="text-sm text-slate-700">{t("codeIntro")}</p>
      {aliases.length > 0 && (
        <p className="text-sm" data-testid="old-codes">
          {t("oldCodes", { codes: aliases.join(", ") })}
        </p>
      )}
      <input type="hidden" name="unitId" value={unit.id} />
      <Field id="new-code" label={t("newCode")} error={codeError}>
        {(c) => <Input {...c} key={state.values?.code ?? ""} name="code" size="sm" defaultValue={state.values?.code ?? ""} maxLength={40} className="uppercase" autoCapitalize="characters" />}
      </Field>
      <div>
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {t("changeCode")}
        </Button>
      </div>
    </form>
  );
}
