"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { deletePaperAction, type TDeleteState } from "@/components/paper/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** "Delete", then a confirmation: the dashboards change with it, and the audit log keeps what the sheet held. */
export function DeleteSheetButton({ responseId, label }: { responseId: string; label: string }) {
  const [state, action, pending] = useActionState(deletePaperAction, {} as TDeleteState);
  const [confirming, setConfirming] = useState(false);
  const t = useTranslations("paper");
  const common = useTranslations("operate");
  if (!confirming) {
    return (
      <Button variant="danger" size="sm" onClick={() => setConfirming(true)} aria-label={t("deleteNamed", { number: label })}>
        {t("delete")}
      </Button>
    );
  }
  return (
    <form action={action} className="min-w-48 space-y-2" data-testid="paper-delete-confirm">
      <input type="hidden" name="responseId" value={responseId} />
      <p className="text-sm" id={`delete-${responseId}`}>
        {t("deleteConfirm")}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" size="sm" disabled={pending} autoFocus aria-describedby={`delete-${responseId}`}>
          {t("delete")}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
          {common("cancel")}
        </Button>
      </div>
      {state.error && <Alert tone="error">{t("notFound")}</Alert>}
    </form>
  );
}
