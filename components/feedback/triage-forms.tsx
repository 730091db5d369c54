"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { assignAction, noteAction, replyAction, setStatusAction, type TFeedbackActionState } from "@/components/feedback/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { useFieldError } from "@/components/ui/use-field-error";
import { FEEDBACK_STATUSES } from "@/lib/validation/feedback-fields";

// The triage of one inbox item: plain forms (they work without JavaScript). After a
// save React resets a form to its first defaults, and a <select> keeps the default it
// mounted with: keyed by the saved value, each field mounts afresh with what was saved.

type TItemRef = { responseId: string; unitCode: string };

function Hidden({ responseId, unitCode }: TItemRef) {
  return (
    <>
      <input type="hidden" name="responseId" value={responseId} />
      <input type="hidden" name="unitCode" value={unitCode} />
    </>
  );
}

function Saved({ state }: { state: TFeedbackActionState }) {
  const common = useTranslations("common");
  const t = useTranslations("inbox");
  if (!state.result) return null;
  return (
    <span role="status" className={state.result === "saved" ? "text-sm text-green-800" : "text-sm text-red-800"}>
      {state.result === "saved" ? common("saved") : t("notFound")}
    </span>
  );
}

export function StatusForm({ status, ...ref }: TItemRef & { status: string }) {
  const [state, action, pending] = useActionState(setStatusAction, {});
  const t = useTranslations("inbox");
  const label = useTranslations("labels.feedbackStatus");
  const common = useTranslations("common");
  const err = useFieldError(state.fields);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" data-testid="status-form">
      <Hidden {...ref} />
      <Field id="item-status" label={t("status")} error={err("status")} dense>
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
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        {common("save")}
      </Button>
      <Saved state={state} />
    </form>
  );
}

export function AssignForm({ assigneeId, staff, ...ref }: TItemRef & { assigneeId: string | null; staff: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(assignAction, {});
  const t = useTranslations("inbox");
  const err = useFieldError(state.fields);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" data-testid="assign-form">
      <Hidden {...ref} />
      <Field id="item-assignee" label={t("assignee")} error={err("assigneeId")} dense>
        {(c) => (
          <Select {...c} key={assigneeId ?? ""} name="assigneeId" defaultValue={assigneeId ?? ""} size="sm" width="auto">
            <option value="">{t("unassigned")}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        {t("assign")}
      </Button>
      <Saved state={state} />
    </form>
  );
}

/** A text written into the item's thread: an internal note, or the reply to the citizen. */
function TextForm({ kind, ...ref }: TItemRef & { kind: "note" | "reply" }) {
  const [state, action, pending] = useActionState(kind === "note" ? noteAction : replyAction, {});
  const t = useTranslations("inbox");
  const err = useFieldError(state.fields);
  const id = `item-${kind}`;
  return (
    <form action={action} className="grid gap-2" data-testid={`${kind}-form`}>
      <Hidden {...ref} />
      {/* React empties the form after a successful action: the text is in the thread then. */}
      <Field id={id} label={t(kind === "note" ? "noteLabel" : "replyLabel")} hint={kind === "reply" ? t("replyHint") : undefined} error={err("body")}>
        {(c) => <Textarea {...c} name="body" rows={kind === "note" ? 2 : 4} maxLength={kind === "note" ? 2000 : 4000} />}
      </Field>
      <div className="flex items-center gap-2">
        <Button type="submit" variant={kind === "reply" ? "primary" : "outline"} size="sm" disabled={pending}>
          {t(kind === "note" ? "addNote" : "sendReply")}
        </Button>
        <Saved state={state} />
      </div>
    </form>
  );
}

export const NoteForm = (ref: TItemRef) => <TextForm kind="note" {...ref} />;
export const ReplyForm = (ref: TItemRef) => <TextForm kind="reply" {...ref} />;
