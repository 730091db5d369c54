"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { revokeKioskAction, type TRevokeState } from "@/components/operate/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** "Revoke", then a confirmation naming the tablet: a revoked tablet cannot be brought back (it is enrolled anew). */
export function RevokeKioskButton({ deviceId, name }: { deviceId: string; name: string }) {
  const [state, action, pending] = useActionState(revokeKioskAction, {} as TRevokeState);
  const [confirming, setConfirming] = useState(false);
  const t = useTranslations("operate");
  if (!confirming) {
    return (
      <Button variant="danger" size="sm" onClick={() => setConfirming(true)} aria-label={t("kioskRevokeNamed", { name })}>
        {t("kioskRevoke")}
      </Button>
    );
  }
  return (
    <form action={action} className="min-w-48 space-y-2" data-testid="kiosk-revoke-confirm">
      <input type="hidden" name="deviceId" value={deviceId} />
      <p className="text-sm" id={`revoke-${deviceId}`}>
        {t("kioskRevokeConfirm", { name })}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" size="sm" disabled={pending} autoFocus aria-describedby={`revoke-${deviceId}`}>
          {t("kioskRevokeYes")}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
          {t("cancel")}
        </Button>
      </div>
      {state.error && <Alert tone="error">{t("kioskRevokeFailed")}</Alert>}
    </form>
  );
}
