"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { importAction, type TImportState } from "@/components/import/actions";
import { PreviewPanel } from "@/components/import/preview-panel";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { TextLink } from "@/components/ui/text-link";
import { useFormat } from "@/lib/i18n/client";

// The import screen's one form: the file, its service and the date for rows without a time;
// "Pratinjau" shows what the import would do (the proposed mapping to confirm or correct, the
// refusals, the IKM it adds), "Impor" commits it. The chosen file stays in its input between
// the steps and is sent with each (the server works everything out again from its bytes).

export type TImportItem = { code: string; unsur: string };

type TProps = {
  unitCode: string;
  services: { code: string; name: string }[];
  items: TImportItem[];
  dashboardHref: string;
};

export function ImportForm({ unitCode, services, items, dashboardHref }: TProps) {
  const t = useTranslations("import.screen");
  const f = useFormat();
  const [state, dispatch, pending] = useActionState(importAction, { seq: 0 } as TImportState);
  // The answer (seq) after which the file, service or date were changed: its preview is stale.
  const [changedAfter, setChangedAfter] = useState<number | null>(null);
  const stale = changedAfter === state.seq && !!state.preview;
  const err = (name: string) => {
    const code = state.fields?.[name];
    if (!code) return undefined;
    const key = `errors.${code}` as "errors.invalid";
    return t.has(key) ? t(key) : t("errors.invalid");
  };
  const formError = state.fields && (state.fields.mappingOverride || Object.keys(state.fields).some((k) => k.startsWith("mappingOverride")) ? t("errors.badMapping") : null);

  // Sent from script so that the form (and the chosen file) is not reset after each step.
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const form = new FormData(e.currentTarget, submitter);
    startTransition(() => dispatch(form));
  };
  const changed = () => setChangedAfter(state.seq);

  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-4" data-testid="import-form" data-seq={state.seq} aria-busy={pending}>
      <input type="hidden" name="unitCode" value={unitCode} />
      <div className="grid gap-4 md:grid-cols-3">
        <Field id="import-file" label={t("file")} hint={t("fileHint")} error={err("file")} required>
          {(c) => <Input {...c} type="file" name="file" accept=".csv,.xlsx,.xlsm,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={changed} />}
        </Field>
        <Field id="import-service" label={t("service")} hint={t("serviceHint")} error={err("serviceCode")}>
          {(c) => (
            <Select {...c} name="serviceCode" defaultValue={services.length === 1 ? services[0]!.code : ""} onChange={changed}>
              <option value="">{t("serviceFromFile")}</option>
              {services.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="import-date" label={t("date")} hint={t("dateHint")} error={err("date")}>
          {(c) => <Input {...c} type="date" name="date" onChange={changed} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" name="step" value="preview" variant={state.preview ? "secondary" : "primary"} disabled={pending}>
          {t("preview")}
        </Button>
        {pending && <span role="status" className="text-sm text-slate-700">{t("working")}</span>}
      </div>

      {formError && <Alert tone="error">{formError}</Alert>}
      {state.error === "notFound" && <Alert tone="error">{t("notFound")}</Alert>}
      {state.error === "refused" && <Alert tone="error">{t("refusedNow")}</Alert>}
      {state.error === "nothingNew" && <Alert tone="warning">{t("nothingNewNow")}</Alert>}
      {state.committed && (
        <Alert tone="success" data-testid="import-committed">
          <p>{t("committed", { inserted: f.integer(state.committed.inserted), file: state.committed.fileName })}</p>
          {state.committed.alreadyImported > 0 && <p>{t("committedAlready", { count: f.integer(state.committed.alreadyImported) })}</p>}
          <TextLink href={dashboardHref}>{t("toDashboard")}</TextLink>
        </Alert>
      )}
      {stale && <Alert tone="warning">{t("stale")}</Alert>}
      {state.preview && <PreviewPanel key={state.seq} preview={state.preview} items={items} pending={pending} stale={stale} />}
    </form>
  );
}
