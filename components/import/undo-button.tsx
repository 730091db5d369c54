"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { undoImportAction, type TUndoState } from "@/components/import/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/lib/i18n/client";

/** "Undo import", then a confirmation: the batch's responses are removed and the dashboards follow. */
export function UndoImportButton({ batchId, fileName, count }: { batchId: string; fileName: string; count: number }) {
  const [state, action, pending] = useActionState(undoImportAction, {} as TUndoState);
  const [confirming, setConfirming] = useState(false);
  const t = useTranslations("import.screen");
  const f = useFormat();
  if (state.deleted !== undefined) return <Alert tone="success">{t("undoDone", { count: f.integer(state.deleted) })}</Alert>;
  if (!confirming) {
    return (
      <Button variant="danger" size="sm" onClick={() => setConfirming(true)} aria-label={t("undoNamed", { file: fileName })}>
        {t("undo")}
      </Button>
    );
  }
  const describe = `undo-${batchId}`;
  return (
    <form action={action} className="min-w-56 space-y-2" data-testid="import-undo-confirm">
      <input type="hidden" name="batchId" value={batchId} />
      <p className="text-sm" id={describe}>{t("undoConfirm", { count: f.integer(count) })}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" size="sm" disabled={pending} autoFocus aria-describedby={describe}>
          {t("undo")}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
          {t("cancel")}
        </Button>
      </div>
      {state.error && <Alert tone="error">{state.error === "alreadyUndone" ? t("undoAlready") : t("undoNotFound")}</Alert>}
    </form>
  );
}
