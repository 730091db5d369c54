"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { progressAction } from "@/components/plans/actions";
import { echoOf, FilesField, Outcome, useFocusError, type TPlanRef } from "@/components/plans/plan-forms";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useFieldError } from "@/components/ui/use-field-error";
import { PLAN_LIMITS } from "@/lib/validation/plans";

/** One step of an action's realisation: the percentage reached, what was done, evidence attached. */
export function ProgressForm({ plan, actionId, progress }: { plan: Omit<TPlanRef, "planId">; actionId: string; progress: number }) {
  const [state, action, pending] = useActionState(progressAction, {});
  const t = useTranslations("plan");
  const common = useTranslations("common");
  const err = useFieldError(state.fields);
  const id = (name: string) => `progress-${actionId}-${name}`;
  const ref = useFocusError(state);
  const echo = echoOf(state);
  return (
    <form ref={ref} action={action} className="grid gap-2 sm:grid-cols-[8rem_1fr]" data-testid="progress-form">
      <input type="hidden" name="unitCode" value={plan.unitCode} />
      <input type="hidden" name="period" value={plan.period} />
      <input type="hidden" name="actionId" value={actionId} />
      <Field key={`p${echo.key}-${progress}`} id={id("pct")} label={t("progressPct")} error={err("progress")} required requiredText={common("required")}>
        {(c) => <Input {...c} type="number" name="progress" min={0} max={100} step={1} defaultValue={echo.v("progress", String(progress))} inputMode="numeric" />}
      </Field>
      <Field key={`n${echo.key}`} id={id("note")} label={t("progressNote")} error={err("note")}>
        {(c) => <Textarea {...c} name="note" rows={2} maxLength={PLAN_LIMITS.note} defaultValue={echo.v("note")} />}
      </Field>
      <FilesField id={id("files")} label={t("evidence")} error={err("files")} className="sm:col-span-2" />
      <div className="flex items-center gap-2 sm:col-span-2">
        <Button type="submit" variant="outline" size="sm" disabled={pending}>
          {t("recordProgress")}
        </Button>
        <Outcome state={state} />
      </div>
    </form>
  );
}
