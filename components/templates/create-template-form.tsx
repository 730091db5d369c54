"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createTemplateAction, type TTemplateFormState } from "@/components/templates/actions";
import { useTemplateError } from "@/components/templates/use-template-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

/** A new custom template: its key and name, and where it starts (a library template, a preset, or scratch). */
export function CreateTemplateForm({ starts }: { starts: { key: string; label: string }[] }) {
  const [state, action, pending] = useActionState(createTemplateAction, {} as TTemplateFormState);
  const t = useTranslations("templates");
  const error = useTemplateError(state.fields);
  const v = (state.values ?? {}) as Record<string, string>;
  return (
    <form action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="create-template" noValidate>
      {state.error && <Alert tone="error" role="alert">{t(`errors.${state.error}` as "errors.form")}</Alert>}
      <div key={JSON.stringify(v)} className="grid gap-3 sm:grid-cols-2">
        <Field id="tpl-from" label={t("from")} error={error("from")}>
          {(c) => (
            <Select {...c} name="from" size="sm" defaultValue={v.from ?? "permenpan-14-2017"}>
              {starts.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
              <option value="scratch">{t("fromScratch")}</option>
            </Select>
          )}
        </Field>
        <Field id="tpl-key" label={t("key")} hint={t("keyHint")} error={error("key")}>
          {(c) => <Input {...c} name="key" size="sm" defaultValue={v.key} maxLength={40} autoCapitalize="none" />}
        </Field>
        <Field id="tpl-name" label={t("nameId")} error={error("name")}>
          {(c) => <Input {...c} name="name" size="sm" defaultValue={v.name} maxLength={200} />}
        </Field>
        <Field id="tpl-nameEn" label={t("nameEn")} hint={t("nameEnHint")} error={error("nameEn")}>
          {(c) => <Input {...c} name="nameEn" size="sm" defaultValue={v.nameEn} maxLength={200} />}
        </Field>
      </div>
      <div>
        <Button type="submit" size="sm" disabled={pending}>
          {t("create")}
        </Button>
      </div>
    </form>
  );
}
