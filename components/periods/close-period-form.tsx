"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { closePeriodAction, type TPeriodFormState } from "@/components/periods/actions";
import { StateAlert } from "@/components/periods/form-bits";
import { Button } from "@/components/ui/button";

/** Closes an ended period, after a confirmation (a closed period is not reopened). */
export function ClosePeriodForm({ periodKey, label }: { periodKey: string; label: string }) {
  const [state, action, pending] = useActionState(closePeriodAction, {} as TPeriodFormState);
  const t = useTranslations("periodAdmin");
  return (
    <form
      action={action}
      className="grid gap-1"
      onSubmit={(e) => {
        if (!window.confirm(t("closeConfirm", { period: label }))) e.preventDefault();
      }}
    >
      <StateAlert state={state} />
      <input type="hidden" name="period" value={periodKey} />
      <div>
        <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={`${t("close")} ${label}`}>
          {t("close")}
        </Button>
      </div>
    </form>
  );
}
