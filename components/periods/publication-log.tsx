"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addLogEntryAction, removeLogEntryAction, type TPeriodFormState } from "@/components/periods/actions";
import { StateAlert, usePeriodFieldError } from "@/components/periods/form-bits";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { PUBLICATION_MEDIA } from "@/lib/validation/publication-log";

/** A new entry of the publication log: the medium, the day, and a link or a photo. */
export function AddLogEntryForm({ periodKey, unitCode, today }: { periodKey: string; unitCode: string; today: string }) {
  const [state, action, pending] = useActionState(addLogEntryAction, {} as TPeriodFormState);
  const t = useTranslations("periodAdmin");
  const error = usePeriodFieldError(state.fields);
  const v = state.done ? {} : (state.values ?? {});
  return (
    <form action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="add-log-entry" noValidate>
      <StateAlert state={state} done={state.done ? t("added") : undefined} />
      <input type="hidden" name="period" value={periodKey} />
      <input type="hidden" name="unitCode" value={unitCode} />
      <div key={JSON.stringify(v)} className="grid gap-3 sm:grid-cols-2">
        <Field id="log-medium" label={t("medium")} error={error("medium")}>
          {(c) => (
            <Select {...c} name="medium" size="sm" defaultValue={v.medium ?? "WEBSITE"}>
              {PUBLICATION_MEDIA.map((m) => (
                <option key={m} value={m}>
                  {t(`mediums.${m}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="log-date" label={t("publishedOn")} error={error("publishedOn")}>
          {(c) => <Input {...c} type="date" name="publishedOn" size="sm" defaultValue={v.publishedOn ?? today} />}
        </Field>
        <Field id="log-url" label={t("url")} error={error("url")}>
          {(c) => <Input {...c} type="url" name="url" size="sm" maxLength={2000} defaultValue={v.url} placeholder="https://" />}
        </Field>
        <Field id="log-photo" label={t("photo")} error={error("photo")}>
          {(c) => <Input {...c} type="file" name="photo" size="sm" accept="image/png,image/jpeg" />}
        </Field>
        <Field id="log-note" label={t("note")} error={error("note")} className="sm:col-span-2">
          {(c) => <Textarea {...c} name="note" size="sm" rows={2} maxLength={500} defaultValue={v.note} />}
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

export function RemoveLogEntryForm({ entryId, label }: { entryId: string; label: string }) {
  const [state, action, pending] = useActionState(removeLogEntryAction, {} as TPeriodFormState);
  const t = useTranslations("periodAdmin");
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("removeConfirm"))) e.preventDefault();
      }}
    >
      <StateAlert state={state} />
      <input type="hidden" name="entryId" value={entryId} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={`${t("remove")}: ${label}`}>
        {t("remove")}
      </Button>
    </form>
  );
}
