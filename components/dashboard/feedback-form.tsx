"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateFeedbackAction, type TFeedbackFormState } from "@/components/dashboard/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { FEEDBACK_STATUSES } from "@/lib/validation/feedback-fields";

/**
 * Follow-up status and note of one saran (a plain form: works without JavaScript). After a
 * save React resets the form to its fields' first defaults, and a <select> keeps the default
 * it mounted with: keyed by the saved value, each field mounts afresh with what was saved.
 */
export function FeedbackForm({ responseId, unitCode, status, note }: { responseId: string; unitCode: string; status: string; note: string | null }) {
  const [state, action, pending] = useActionState<TFeedbackFormState, FormData>(updateFeedbackAction, {});
  const t = useTranslations("inbox");
  const label = useTranslations("labels.feedbackStatus");
  const common = useTranslations("common");
  const id = `fb-${responseId}`;
  return (
    <form action={action} className="mt-2 flex flex-wrap items-end gap-2 print:hidden" data-testid="feedback-form">
      <input type="hidden" name="responseId" value={responseId} />
      <input type="hidden" name="unitCode" value={unitCode} />
      <Field id={`${id}-status`} label={t("status")} dense>
        {(c) => (
          <Select {...c} key={status} name="status" defaultValue={status} size="sm" width="auto">
            {FEEDBACK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${id}-note`} label={t("note")} dense className="min-w-0 flex-1 sm:min-w-64">
        {(c) => <Input {...c} key={note ?? ""} name="note" defaultValue={note ?? ""} maxLength={1000} size="sm" />}
      </Field>
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        {common("save")}
      </Button>
      {state.result && (
        <span role="status" className={state.result === "saved" ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {state.result === "saved" ? common("saved") : state.result === "invalid" ? t("invalid") : t("notFound")}
        </span>
      )}
    </form>
  );
}
