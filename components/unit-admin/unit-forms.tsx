"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createUnitAction, setUnitActiveAction, updateUnitAction, type TUnitFormState } from "@/components/unit-admin/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useFieldError } from "@/components/ui/use-field-error";
import { UNIT_KINDS } from "@/lib/validation/unit-kinds";

function KindSelect({ control, defaultValue }: { control: object; defaultValue?: string }) {
  const t = useTranslations("unitAdmin.kinds");
  return (
    <Select {...control} name="kind" size="sm" defaultValue={defaultValue ?? ""}>
      {UNIT_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(k)}
        </option>
      ))}
    </Select>
  );
}

function StateAlert({ state, done }: { state: TUnitFormState; done?: string }) {
  const t = useTranslations("unitAdmin");
  if (state.error) return <Alert tone="error" role="alert">{t(`errors.${state.error}`)}</Alert>;
  if (state.done && done) return <Alert tone="success" role="status">{done}</Alert>;
  return null;
}

type TUnitHead = { headName: string | null; headTitle: string | null; headNip: string | null };

export function UpdateUnitForm({ unit }: { unit: { id: string; name: string; kind: string } & TUnitHead }) {
  const [state, action, pending] = useActionState(updateUnitAction, {} as TUnitFormState);
  const t = useTranslations("unitAdmin");
  const error = useFieldError(state.fields);
  const v = state.values ?? { name: unit.name, kind: unit.kind, headName: unit.headName ?? "", headTitle: unit.headTitle ?? "", headNip: unit.headNip ?? "" };
  return (
    <form action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="update-unit" noValidate>
      <StateAlert state={state} done={t("saved")} />
      <input type="hidden" name="unitId" value={unit.id} />
      {/* Keyed by the values shown: a reset <select> would show the value it was first rendered with. */}
      <div key={JSON.stringify(v)} className="grid gap-3 sm:grid-cols-2">
        <Field id="unit-name" label={t("name")} error={error("name")}>
          {(c) => <Input {...c} name="name" size="sm" defaultValue={v.name} maxLength={200} />}
        </Field>
        <Field id="unit-kind" label={t("kind")} error={error("kind")}>
          {(c) => <KindSelect control={c} defaultValue={v.kind} />}
        </Field>
      </div>
      <fieldset key={`head-${JSON.stringify(v)}`} className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-semibold">{t("headTitle")}</legend>
        <Field id="unit-head-name" label={t("headName")} error={error("headName")}>
          {(c) => <Input {...c} name="headName" size="sm" defaultValue={v.headName} maxLength={200} autoComplete="off" />}
        </Field>
        <Field id="unit-head-title" label={t("headJabatan")} error={error("headTitle")}>
          {(c) => <Input {...c} name="headTitle" size="sm" defaultValue={v.headTitle} maxLength={200} autoComplete="off" />}
        </Field>
        <Field id="unit-head-nip" label={t("headNip")} hint={t("headNipHint")} error={error("headNip")}>
          {(c) => <Input {...c} name="headNip" size="sm" defaultValue={v.headNip} maxLength={24} inputMode="numeric" autoComplete="off" />}
        </Field>
      </fieldset>
      <div>
        <Button type="submit" size="sm" disabled={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}

export function CreateChildForm({ parentCode }: { parentCode: string }) {
  const [state, action, pending] = useActionState(createUnitAction, {} as TUnitFormState);
  const t = useTranslations("unitAdmin");
  const error = useFieldError(state.fields);
  const v = state.done ? {} : (state.values ?? {});
  return (
    <form action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="create-unit" noValidate>
      <StateAlert state={state} done={state.done ? t("added", { code: state.done }) : undefined} />
      <input type="hidden" name="parentCode" value={parentCode} />
      <div key={JSON.stringify(v)} className="grid gap-3 sm:grid-cols-3">
        <Field id="child-code" label={t("code")} hint={t("codeHint")} error={error("code")}>
          {(c) => <Input {...c} name="code" size="sm" defaultValue={v.code} maxLength={40} className="uppercase" autoCapitalize="characters" />}
        </Field>
        <Field id="child-name" label={t("name")} error={error("name")}>
          {(c) => <Input {...c} name="name" size="sm" defaultValue={v.name} maxLength={200} />}
        </Field>
        <Field id="child-kind" label={t("kind")} error={error("kind")}>
          {(c) => <KindSelect control={c} defaultValue={v.kind ?? "BIDANG"} />}
        </Field>
      </div>
      <div>
        <Button type="submit" size="sm" disabled={pending}>
          {t("add")}
        </Button>
      </div>
    </form>
  );
}

/** Deactivate (asks first: the survey link closes) or reactivate. */
export function UnitActiveForm({ unit }: { unit: { id: string; name: string; active: boolean } }) {
  const [state, action, pending] = useActionState(setUnitActiveAction, {} as TUnitFormState);
  const t = useTranslations("unitAdmin");
  return (
    <form
      action={action}
      className="grid gap-2"
      onSubmit={(e) => {
        if (unit.active && !window.confirm(t("deactivateConfirm", { name: unit.name }))) e.preventDefault();
      }}
    >
      <StateAlert state={state} />
      <p className="text-sm" data-testid="unit-status">{t(unit.active ? "statusActive" : "statusInactive")}</p>
      <input type="hidden" name="unitId" value={unit.id} />
      <input type="hidden" name="active" value={unit.active ? "false" : "true"} />
      <div>
        <Button type="submit" size="sm" variant={unit.active ? "danger" : "secondary"} disabled={pending}>
          {t(unit.active ? "deactivate" : "reactivate")}
        </Button>
      </div>
    </form>
  );
}
