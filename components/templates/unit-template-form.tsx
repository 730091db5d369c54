"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setUnitTemplateAction, type TTemplateFormState } from "@/components/templates/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";

/** The unit's own choice of questionnaire, or none to follow its parent. */
export function UnitTemplateForm({ unitId, own, choices }: { unitId: string; own: string | null; choices: { key: string; label: string }[] }) {
  const [state, action, pending] = useActionState(setUnitTemplateAction, {} as TTemplateFormState);
  const t = useTranslations("templates");
  return (
    <form action={action} className="grid gap-3" data-testid="unit-template-form" noValidate>
      {state.error && <Alert tone="error" role="alert">{t(`errors.${state.error}` as "errors.form")}</Alert>}
      {state.done && <Alert tone="success" role="status">{t("unitSaved")}</Alert>}
      <input type="hidden" name="unitId" value={unitId} />
      <Field id="unit-template" label={t("unitChoice")}>
        {(c) => (
          <Select {...c} key={own ?? ""} name="templateKey" size="sm" defaultValue={own ?? ""}>
            <option value="">{t("unitInherit")}</option>
            {choices.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div>
        <Button type="submit" size="sm" disabled={pending}>
          {t("unitSave")}
        </Button>
      </div>
    </form>
  );
}
