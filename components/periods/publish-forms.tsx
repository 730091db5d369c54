"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { publishAllAction, publishUnitAction, unpublishAction, type TPeriodFormState } from "@/components/periods/actions";
import { StateAlert, usePeriodFieldError } from "@/components/periods/form-bits";
import { Button } from "@/components/ui/button";
import { ChoiceGroup, RadioCard } from "@/components/ui/choice";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";

const SCOPES = ["sendiri", "gabungan"] as const;

function ScopeChoice({ id, error, defaultValue }: { id: string; error?: string; defaultValue: string }) {
  const t = useTranslations("periodAdmin");
  return (
    <ChoiceGroup id={id} legend={t("scope")} error={error} className="grid gap-2">
      {(invalid) =>
        SCOPES.map((s) => (
          <RadioCard key={s} size="sm" name="scope" value={s} defaultChecked={defaultValue === s} aria-invalid={invalid} label={<><span className="font-medium">{t(`scopes.${s}`)}</span> <span className="text-slate-700">— {t(`scopeHints.${s}`)}</span></>} />
        ))
      }
    </ChoiceGroup>
  );
}

/** Publishes one unit's result (again, once withdrawn): the admin says which responses it counts. */
export function PublishUnitForm({ periodKey, unitCode, hasChildren, live, republish, defaultScope }: { periodKey: string; unitCode: string; hasChildren: boolean; live: boolean; republish: boolean; defaultScope: string }) {
  const [state, action, pending] = useActionState(publishUnitAction, {} as TPeriodFormState);
  const t = useTranslations("periodAdmin");
  const error = usePeriodFieldError(state.fields);
  return (
    <form action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="publish-unit" noValidate>
      <StateAlert state={state} done={state.done ? t("publishedNow", { konversi: String(state.info?.konversi ?? ""), mutu: String(state.info?.mutu ?? "") }) : undefined} />
      <input type="hidden" name="period" value={periodKey} />
      <input type="hidden" name="unitCode" value={unitCode} />
      {live ? (
        // A live result is never overwritten: withdrawn first (with a reason), then published anew.
        <p className="text-sm text-slate-700" data-testid="publish-live">{t("errors.alreadyPublished")}</p>
      ) : (
        <>
          {hasChildren ? <ScopeChoice id="publish-scope" error={error("scope")} defaultValue={state.values?.scope ?? defaultScope} /> : <input type="hidden" name="scope" value="sendiri" />}
          <div>
            <Button type="submit" size="sm" disabled={pending}>
              {t(republish ? "republish" : "publish")}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}

/** Publishes every unit under one of the caller's units at once. */
export function PublishAllForm({ periodKey, roots }: { periodKey: string; roots: { code: string; name: string }[] }) {
  const [state, action, pending] = useActionState(publishAllAction, {} as TPeriodFormState);
  const t = useTranslations("periodAdmin");
  const error = usePeriodFieldError(state.fields);
  return (
    <form action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="publish-all" noValidate>
      <StateAlert state={state} done={state.done ? t("publishedAll", { published: Number(state.info?.published ?? 0), skipped: Number(state.info?.skipped ?? 0), live: Number(state.info?.live ?? 0) }) : undefined} />
      <p className="text-sm text-slate-700">{t("publishAllHint")}</p>
      <input type="hidden" name="period" value={periodKey} />
      <Field id="publish-all-root" label={t("publishAllRoot")} error={error("rootCode")}>
        {(c) => (
          <Select {...c} name="rootCode" size="sm" defaultValue={state.values?.rootCode ?? roots[0]?.code}>
            {roots.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <ScopeChoice id="publish-all-scope" error={error("scope")} defaultValue={state.values?.scope ?? "sendiri"} />
      <div>
        <Button type="submit" size="sm" disabled={pending}>
          {t("publishAll")}
        </Button>
      </div>
    </form>
  );
}

/** Withdraws a live publication, with a required reason (audited). */
export function UnpublishForm({ periodKey, unitCode }: { periodKey: string; unitCode: string }) {
  const [state, action, pending] = useActionState(unpublishAction, {} as TPeriodFormState);
  const t = useTranslations("periodAdmin");
  const error = usePeriodFieldError(state.fields);
  return (
    <form action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="unpublish" noValidate>
      <StateAlert state={state} done={state.done ? t("unpublished") : undefined} />
      <input type="hidden" name="period" value={periodKey} />
      <input type="hidden" name="unitCode" value={unitCode} />
      <Field id="unpublish-reason" label={t("reason")} hint={t("reasonHint")} error={error("reason")} required>
        {(c) => <Textarea {...c} name="reason" size="sm" rows={2} maxLength={1000} defaultValue={state.values?.reason} />}
      </Field>
      <div>
        <Button type="submit" size="sm" variant="danger" disabled={pending}>
          {t("unpublish")}
        </Button>
      </div>
    </form>
  );
}
