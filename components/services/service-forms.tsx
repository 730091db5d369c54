"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createServiceAction, renameServiceAction, setServiceActiveAction, type TServiceFormState } from "@/components/services/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useFieldError } from "@/components/ui/use-field-error";

function FormAlert({ state, done }: { state: TServiceFormState; done: string }) {
  const t = useTranslations("services");
  if (state.error) return <Alert tone="error" role="alert">{t(`errors.${state.error}`)}</Alert>;
  if (state.done) return <Alert tone="success" role="status">{done}</Alert>;
  return null;
}

export function CreateServiceForm({ unitCode }: { unitCode: string }) {
  const [state, action, pending] = useActionState(createServiceAction, {} as TServiceFormState);
  const t = useTranslations("services");
  const common = useTranslations("common");
  const error = useFieldError(state.fields);
  return (
    <form action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3" data-testid="create-service" noValidate>
      <div className="sm:col-span-3">
        <FormAlert state={state} done={t("added")} />
      </div>
      <input type="hidden" name="unitCode" value={unitCode} />
      <Field id="service-code" label={t("code")} hint={t("codeHint")} error={error("code")} required requiredText={common("required")}>
        {(c) => <Input {...c} name="code" size="sm" maxLength={40} autoCapitalize="characters" className="uppercase" defaultValue={state.values?.code ?? ""} />}
      </Field>
      <Field id="service-name" label={t("name")} error={error("name")} required requiredText={common("required")}>
        {(c) => <Input {...c} name="name" size="sm" maxLength={150} defaultValue={state.values?.name ?? ""} />}
      </Field>
      <Field id="service-name-en" label={t("nameEn")} hint={t("nameEnHint")} error={error("nameEn")}>
        {(c) => <Input {...c} name="nameEn" size="sm" maxLength={150} lang="en" defaultValue={state.values?.nameEn ?? ""} />}
      </Field>
      <div className="sm:col-span-3">
        <Button type="submit" disabled={pending}>
          {t("add")}
        </Button>
      </div>
    </form>
  );
}

/** The two names of one service, saved together. */
export function RenameServiceForm({ unitCode, service }: { unitCode: string; service: { id: string; code: string; name: string; nameEn: string | null } }) {
  const [state, action, pending] = useActionState(renameServiceAction, {} as TServiceFormState);
  const t = useTranslations("services");
  const error = useFieldError(state.fields);
  const id = `svc-${service.code}`;
  return (
    <form action={action} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end" data-testid={`rename-${service.code}`} noValidate>
      <div className="sm:col-span-3">
        <FormAlert state={state} done={t("renamed")} />
      </div>
      <input type="hidden" name="unitCode" value={unitCode} />
      <input type="hidden" name="serviceId" value={service.id} />
      <Field id={`${id}-name`} dense label={t("name")} error={error("name")}>
        {(c) => <Input {...c} name="name" size="sm" defaultValue={state.values?.name ?? service.name} maxLength={150} />}
      </Field>
      <Field id={`${id}-name-en`} dense label={t("nameEn")} error={error("nameEn")}>
        {(c) => <Input {...c} name="nameEn" size="sm" defaultValue={state.values?.nameEn ?? service.nameEn ?? ""} maxLength={150} lang="en" />}
      </Field>
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {t("rename")}
      </Button>
    </form>
  );
}

/** Retire (asks first: the service leaves the citizen's form) or reinstate. */
export function ServiceActiveButton({ unitCode, service }: { unitCode: string; service: { id: string; name: string; active: boolean } }) {
  const t = useTranslations("services");
  return (
    <form
      action={setServiceActiveAction}
      onSubmit={(e) => {
        if (service.active && !window.confirm(t("retireConfirm", { name: service.name }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="unitCode" value={unitCode} />
      <input type="hidden" name="serviceId" value={service.id} />
      <input type="hidden" name="active" value={service.active ? "false" : "true"} />
      <Button type="submit" variant={service.active ? "danger" : "secondary"} size="sm">
        {t(service.active ? "retire" : "reinstate")}
      </Button>
    </form>
  );
}
