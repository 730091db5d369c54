"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { publishFeedbackAction, type TPublishFormState } from "@/components/feedback-public/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";

/** The review form of one resolved saran: the public texts, publish (or update) and withdraw. */
export function PublishForm({ responseId, unitCode, draftSaran, publicAction, published }: { responseId: string; unitCode: string; draftSaran: string; publicAction: string; published: boolean }) {
  const [state, action, pending] = useActionState<TPublishFormState, FormData>(publishFeedbackAction, {});
  const t = useTranslations("feedbackPublic");
  const fe = useTranslations("fieldErrors");
  const id = `pub-${responseId}`;
  const err = (k: string) => (state.fields?.[k] ? fe(state.fields[k] as "required") : undefined);
  return (
    <form action={action} className="mt-3 space-y-3" data-testid="publish-form">
      <input type="hidden" name="responseId" value={responseId} />
      <input type="hidden" name="unitCode" value={unitCode} />
      <Field id={`${id}-saran`} label={t("publicSaran")} error={err("publicSaran")}>
        {(c) => <Textarea {...c} name="publicSaran" defaultValue={draftSaran} maxLength={2000} rows={3} />}
      </Field>
      <Field id={`${id}-action`} label={t("publicAction")} error={err("publicAction")}>
        {(c) => <Textarea {...c} name="publicAction" defaultValue={publicAction} maxLength={2000} rows={3} />}
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" name="intent" value="publish" disabled={pending}>
          {published ? t("republish") : t("publish")}
        </Button>
        {published && (
          <Button type="submit" size="sm" variant="outline" name="intent" value="unpublish" disabled={pending}>
            {t("unpublish")}
          </Button>
        )}
        {state.result && (
          <span role="status" className={state.result === "saved" ? "text-sm text-green-800" : "text-sm text-red-800"}>
            {t(state.result)}
          </span>
        )}
      </div>
    </form>
  );
}
