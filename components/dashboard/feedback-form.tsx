"use client";
import { useActionState } from "react";
import { updateFeedbackAction, type TFeedbackFormState } from "@/components/dashboard/actions";
import { DASH_TEXT, FEEDBACK_STATUS_LABEL } from "@/components/dashboard/text";
import type { Locale } from "@/lib/i18n";
import { FEEDBACK_STATUSES } from "@/lib/validation/feedback-fields";

/** Follow-up status and note of one saran (a plain form: works without JavaScript). */
export function FeedbackForm({ responseId, unitCode, status, note, locale }: { responseId: string; unitCode: string; status: string; note: string | null; locale: Locale }) {
  const [state, action, pending] = useActionState<TFeedbackFormState, FormData>(updateFeedbackAction, {});
  const t = DASH_TEXT[locale];
  return (
    <form action={action} className="mt-2 flex flex-wrap items-end gap-2 print:hidden" data-testid="feedback-form">
      <input type="hidden" name="responseId" value={responseId} />
      <input type="hidden" name="unitCode" value={unitCode} />
      <label className="flex flex-col text-xs font-medium">
        {t.status}
        <select name="status" defaultValue={status} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm">
          {FEEDBACK_STATUSES.map((s) => (
            <option key={s} value={s}>{FEEDBACK_STATUS_LABEL[locale][s]}</option>
          ))}
        </select>
      </label>
      <label className="flex min-w-64 flex-1 flex-col text-xs font-medium">
        {t.note}
        <input name="note" defaultValue={note ?? ""} maxLength={1000} className="rounded-md border border-slate-400 px-2 py-1 text-sm" />
      </label>
      <button type="submit" disabled={pending} className="rounded-md border border-brand-700 px-3 py-1 text-sm font-medium text-brand-700">
        {t.save}
      </button>
      {state.result && (
        <span role="status" className={`text-sm ${state.result === "saved" ? "text-green-800" : "text-red-800"}`}>
          {state.result === "saved" ? t.saved : state.result === "invalid" ? t.invalid : t.notFound}
        </span>
      )}
    </form>
  );
}
