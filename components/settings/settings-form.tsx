"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { logoAction, updateSettingsAction, type TLogoState, type TSettingsState } from "@/components/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ChoiceGroup, RadioCard } from "@/components/ui/choice";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useFieldError } from "@/components/ui/use-field-error";
import { AGENCY_TIME_ZONES } from "@/lib/periods";
import { RHYTHMS } from "@/lib/validation/settings";

export type TSettingsFormProps = {
  name: string;
  nameSet: boolean;
  rootName: string;
  timeZone: string;
  rhythm: string;
  defaultTemplateKey: string;
  feedbackTargetDays: number;
  templates: { key: string; name: string }[];
};

export function SettingsForm(props: TSettingsFormProps) {
  const [state, action, pending] = useActionState(updateSettingsAction, {} as TSettingsState);
  const t = useTranslations("settings");
  const common = useTranslations("common");
  const fieldError = useFieldError(state.fields);
  // After a refusal, what the admin sent; else what is saved.
  const v = state.values ?? { name: props.nameSet ? props.name : "", timeZone: props.timeZone, rhythm: props.rhythm, defaultTemplateKey: props.defaultTemplateKey, feedbackTargetDays: String(props.feedbackTargetDays) };
  return (
    <form action={action} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="settings-form" noValidate>
      {state.error && (
        <Alert tone="error" role="alert">
          {t(`errors.${state.error}`)}
        </Alert>
      )}
      {state.saved && (
        <Alert tone="success" role="status">
          {t("saved")}
        </Alert>
      )}
      {/* Keyed by the values shown: React resets a form after its action, and a <select> resets to
          the option it was first rendered with, not to a changed defaultValue. A new key gives the
          fields the values just saved (or just refused). */}
      <div key={JSON.stringify(v)} className="grid gap-4">
      <Field id="agency-name" label={t("name")} hint={t("nameHint", { root: props.rootName })} error={fieldError("name")}>
        {(c) => <Input {...c} name="name" defaultValue={v.name} placeholder={props.rootName} maxLength={200} />}
      </Field>
      <Field id="agency-target-days" label={t("feedbackTargetDays")} hint={t("feedbackTargetDaysHint")} error={fieldError("feedbackTargetDays")}>
        {(c) => <Input {...c} name="feedbackTargetDays" type="number" min={1} max={60} defaultValue={v.feedbackTargetDays} width="short" />}
      </Field>
      <Field id="agency-tz" label={t("timeZone")} hint={t("timeZoneHint")} error={fieldError("timeZone")} required requiredText={common("required")}>
        {(c) => (
          <Select {...c} name="timeZone" defaultValue={v.timeZone}>
            {AGENCY_TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {t(`zone.${z}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <ChoiceGroup id="agency-rhythm" legend={t("rhythm")} hint={t("rhythmHint")} error={fieldError("rhythm")} legendClassName="text-sm font-medium">
        {(invalid) => (
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {RHYTHMS.map((r) => (
              <RadioCard key={r} name="rhythm" value={r} size="sm" defaultChecked={v.rhythm === r} aria-invalid={invalid} label={t(`rhythms.${r}`)} />
            ))}
          </div>
        )}
      </ChoiceGroup>
      <Field id="agency-template" label={t("defaultTemplate")} hint={t("defaultTemplateHint")} error={fieldError("defaultTemplateKey")} required requiredText={common("required")}>
        {(c) =>
          props.templates.length ? (
            <Select {...c} name="defaultTemplateKey" defaultValue={v.defaultTemplateKey}>
              {props.templates.map((tpl) => (
                <option key={tpl.key} value={tpl.key}>
                  {tpl.name}
                </option>
              ))}
            </Select>
          ) : (
            <p id={c.id}>{t("noTemplates")}</p>
          )
        }
      </Field>
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {common("save")}
        </Button>
      </div>
    </form>
  );
}

export function LogoForm({ logoUrl, agencyName }: { logoUrl: string | null; agencyName: string }) {
  const [state, action, pending] = useActionState(logoAction, {} as TLogoState);
  const t = useTranslations("settings");
  const fieldError = useFieldError(state.fields);
  return (
    <form action={action} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="logo-form">
      {state.error && (
        <Alert tone="error" role="alert">
          {t(`errors.${state.error}`)}
        </Alert>
      )}
      {state.done && (
        <Alert tone="success" role="status">
          {t(state.done === "saved" ? "logoSaved" : "logoRemoved")}
        </Alert>
      )}
      <div>
        <p className="text-sm font-medium">{t("logoCurrent")}</p>
        {logoUrl ? (
          // A small image the server holds; next/image would add a loader for nothing.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={logoUrl} alt={t("logoAlt", { name: agencyName })} className="mt-2 h-20 w-auto" data-testid="current-logo" />
        ) : (
          <p className="mt-1 text-sm text-slate-700">{t("logoNone")}</p>
        )}
      </div>
      <Field id="agency-logo" label={t("logoFile")} hint={t("logoHint")} error={fieldError("bytes")}>
        {(c) => <Input {...c} name="logo" type="file" accept="image/png,image/jpeg" />}
      </Field>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {t("logoUpload")}
        </Button>
        {logoUrl && (
          <Button type="submit" variant="secondary" name="remove" value="1" disabled={pending}>
            {t("logoRemove")}
          </Button>
        )}
      </div>
    </form>
  );
}
