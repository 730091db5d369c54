"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import {
  commentPlanAction, deletePlanActionAction, reviewPlanAction, saveFkpAction, savePlanActionAction, startPlanAction, submitPlanAction, type TPlanActionState,
} from "@/components/plans/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useFieldError } from "@/components/ui/use-field-error";
import { PLAN_LIMITS } from "@/lib/validation/plans";

// The plan's steps as plain forms (they work without JavaScript). Each carries the plan and the
// page it is on (unit, period) so that the page is refreshed after a save.

export type TPlanRef = { unitCode: string; period: string; planId: string };

function Hidden({ unitCode, period, planId }: Partial<TPlanRef>) {
  return (
    <>
      {unitCode && <input type="hidden" name="unitCode" value={unitCode} />}
      {period && <input type="hidden" name="period" value={period} />}
      {planId && <input type="hidden" name="planId" value={planId} />}
    </>
  );
}

/** The form's ref: after a refusal, the reader is taken to the first field in error. */
export function useFocusError(state: TPlanActionState) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.fields) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  return ref;
}

/**
 * A refused form shows what it held again. `key` remounts the fields after each answer, so their
 * defaults are what was sent (after a refusal) or the record's (after a save: a new action's
 * form is empty again).
 */
export function echoOf(state: TPlanActionState) {
  return { key: state.seq ?? 0, v: (name: string, fallback?: string) => state.values?.[name] ?? fallback };
}

/** What became of the step: saved, or why the plan's state refused it. */
export function Outcome({ state }: { state: TPlanActionState }) {
  const t = useTranslations("plan.outcome");
  if (!state.result) return null;
  return (
    <span role="status" className={state.result === "saved" ? "text-sm text-green-800" : "text-sm font-medium text-red-800"}>
      {t(state.result)}
    </span>
  );
}

/** Files to attach (photos, PDFs): checked by their bytes on the server, sizes said in the hint. */
export function FilesField({ id, label, error, className }: { id: string; label: string; error?: string; className?: string }) {
  const t = useTranslations("plan");
  return (
    <Field id={id} label={label} hint={t("filesHint")} error={error} className={className}>
      {(c) => <Input {...c} type="file" name="files" multiple accept="image/jpeg,image/png,image/webp,application/pdf" />}
    </Field>
  );
}

export function StartPlanForm({ unitCode, period }: { unitCode: string; period: string }) {
  const [state, action, pending] = useActionState(startPlanAction, {});
  const t = useTranslations("plan");
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" data-testid="start-plan-form">
      <Hidden unitCode={unitCode} period={period} />
      <Button type="submit" disabled={pending}>
        {t("start")}
      </Button>
      <Outcome state={state} />
    </form>
  );
}

export type TUnsurChoice = { code: string; label: string };
export type TActionValues = { id: string; unsurCode: string; action: string; owner: string; dueDate: string; expectedEffect: string };

/** A new action (no `values`) or the edit of one. */
export function ActionForm({ plan, choices, values, defaultUnsur }: { plan: TPlanRef; choices: TUnsurChoice[]; values?: TActionValues; defaultUnsur?: string }) {
  const [state, action, pending] = useActionState(savePlanActionAction, {});
  const t = useTranslations("plan");
  const common = useTranslations("common");
  const err = useFieldError(state.fields);
  const id = (name: string) => `${values ? `action-${values.id}` : "action-new"}-${name}`;
  const ref = useFocusError(state);
  const echo = echoOf(state);
  return (
    <form ref={ref} action={action} className="grid gap-3 sm:grid-cols-2" data-testid={values ? "edit-action-form" : "new-action-form"}>
      <Hidden {...plan} />
      {values && <input type="hidden" name="actionId" value={values.id} />}
      <Field key={`u${echo.key}`} id={id("unsur")} label={t("unsur")} error={err("unsurCode")} required requiredText={common("required")}>
        {(c) => (
          <Select {...c} name="unsurCode" defaultValue={echo.v("unsurCode", values?.unsurCode ?? defaultUnsur ?? "")}>
            <option value="">{common("choose")}</option>
            {choices.map((u) => (
              <option key={u.code} value={u.code}>
                {u.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field key={`o${echo.key}`} id={id("owner")} label={t("owner")} error={err("owner")} required requiredText={common("required")}>
        {(c) => <Input {...c} name="owner" defaultValue={echo.v("owner", values?.owner)} maxLength={PLAN_LIMITS.owner} autoComplete="off" />}
      </Field>
      <Field key={`a${echo.key}`} id={id("action")} label={t("action")} error={err("action")} required requiredText={common("required")} className="sm:col-span-2">
        {(c) => <Textarea {...c} name="action" defaultValue={echo.v("action", values?.action)} rows={2} maxLength={PLAN_LIMITS.action} />}
      </Field>
      <Field key={`d${echo.key}`} id={id("due")} label={t("due")} error={err("dueDate")}>
        {(c) => <Input {...c} type="date" name="dueDate" defaultValue={echo.v("dueDate", values?.dueDate)} width="auto" />}
      </Field>
      <Field key={`e${echo.key}`} id={id("effect")} label={t("expectedEffect")} error={err("expectedEffect")}>
        {(c) => <Input {...c} name="expectedEffect" defaultValue={echo.v("expectedEffect", values?.expectedEffect)} maxLength={PLAN_LIMITS.expectedEffect} />}
      </Field>
      <div className="flex items-center gap-2 sm:col-span-2">
        <Button type="submit" variant={values ? "outline" : "primary"} size="sm" disabled={pending}>
          {values ? common("save") : t("addAction")}
        </Button>
        <Outcome state={state} />
      </div>
    </form>
  );
}

export function DeleteActionForm({ plan, actionId }: { plan: TPlanRef; actionId: string }) {
  const [state, action, pending] = useActionState(deletePlanActionAction, {});
  const t = useTranslations("plan");
  return (
    <form action={action} className="inline-flex items-center gap-2" data-testid="delete-action-form">
      <Hidden {...plan} />
      <input type="hidden" name="actionId" value={actionId} />
      <Button type="submit" variant="danger" size="sm" disabled={pending}>
        {t("deleteAction")}
      </Button>
      <Outcome state={state} />
    </form>
  );
}

export function FkpForm({ plan, fkpDate, fkpParticipants }: { plan: TPlanRef; fkpDate: string; fkpParticipants: string }) {
  const [state, action, pending] = useActionState(saveFkpAction, {});
  const t = useTranslations("plan");
  const common = useTranslations("common");
  const err = useFieldError(state.fields);
  const ref = useFocusError(state);
  const echo = echoOf(state);
  return (
    <form ref={ref} action={action} className="grid gap-3" data-testid="fkp-form">
      <Hidden {...plan} />
      <Field key={`d${echo.key}`} id="fkp-date" label={t("fkpDate")} error={err("fkpDate")}>
        {(c) => <Input {...c} type="date" name="fkpDate" defaultValue={echo.v("fkpDate", fkpDate)} width="auto" />}
      </Field>
      <Field key={`p${echo.key}`} id="fkp-participants" label={t("fkpParticipants")} hint={t("fkpParticipantsHint")} error={err("fkpParticipants")}>
        {(c) => <Textarea {...c} name="fkpParticipants" defaultValue={echo.v("fkpParticipants", fkpParticipants)} rows={2} maxLength={PLAN_LIMITS.fkpParticipants} />}
      </Field>
      <FilesField id="fkp-files" label={t("fkpMinutes")} error={err("files")} />
      <div className="flex items-center gap-2">
        <Button type="submit" variant="outline" size="sm" disabled={pending}>
          {common("save")}
        </Button>
        <Outcome state={state} />
      </div>
    </form>
  );
}

export function SubmitPlanForm({ plan }: { plan: TPlanRef }) {
  const [state, action, pending] = useActionState(submitPlanAction, {});
  const t = useTranslations("plan");
  const err = useFieldError(state.fields);
  const ref = useFocusError(state);
  const echo = echoOf(state);
  return (
    <form ref={ref} action={action} className="grid gap-2" data-testid="submit-plan-form">
      <Hidden {...plan} />
      <Field key={echo.key} id="submit-note" label={t("submitNote")} error={err("body")}>
        {(c) => <Textarea {...c} name="body" rows={2} maxLength={PLAN_LIMITS.comment} defaultValue={echo.v("body")} />}
      </Field>
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={pending}>
          {t("submit")}
        </Button>
        <Outcome state={state} />
      </div>
    </form>
  );
}

/** Pimpinan's step: the comment, then approve or return (the button pressed is the decision). */
export function ReviewPlanForm({ plan }: { plan: TPlanRef }) {
  const [state, action, pending] = useActionState(reviewPlanAction, {});
  const t = useTranslations("plan");
  const err = useFieldError(state.fields);
  const ref = useFocusError(state);
  const echo = echoOf(state);
  return (
    <form ref={ref} action={action} className="grid gap-2" data-testid="review-plan-form">
      <Hidden {...plan} />
      <Field key={echo.key} id="review-body" label={t("reviewComment")} hint={t("reviewHint")} error={err("body")}>
        {(c) => <Textarea {...c} name="body" rows={3} maxLength={PLAN_LIMITS.comment} defaultValue={echo.v("body")} />}
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" name="decision" value="DISETUJUI" disabled={pending}>
          {t("approve")}
        </Button>
        <Button type="submit" name="decision" value="DIKEMBALIKAN" variant="danger" disabled={pending}>
          {t("return")}
        </Button>
        <Outcome state={state} />
      </div>
    </form>
  );
}

export function CommentForm({ plan }: { plan: TPlanRef }) {
  const [state, action, pending] = useActionState(commentPlanAction, {});
  const t = useTranslations("plan");
  const err = useFieldError(state.fields);
  const ref = useFocusError(state);
  const echo = echoOf(state);
  return (
    <form ref={ref} action={action} className="grid gap-2" data-testid="comment-form">
      <Hidden {...plan} />
      <Field key={echo.key} id="plan-comment" label={t("commentLabel")} error={err("body")}>
        {(c) => <Textarea {...c} name="body" rows={2} maxLength={PLAN_LIMITS.comment} defaultValue={echo.v("body")} />}
      </Field>
      <div className="flex items-center gap-2">
        <Button type="submit" variant="outline" size="sm" disabled={pending}>
          {t("addComment")}
        </Button>
        <Outcome state={state} />
      </div>
    </form>
  );
}
