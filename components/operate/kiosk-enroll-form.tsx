"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { enrollKioskAction, type TEnrollState } from "@/components/operate/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function KioskEnrollForm({ unitCode }: { unitCode: string }) {
  const [state, action, pending] = useActionState(enrollKioskAction, {} as TEnrollState);
  const [copied, setCopied] = useState(false);
  const t = useTranslations("operate");
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="unitCode" value={unitCode} />
      <Field id="kiosk-name" label={t("kioskName")}>
        {(c) => <Input {...c} name="name" required maxLength={100} defaultValue={t("kioskNameDefault")} size="sm" width="auto" />}
      </Field>
      <Button type="submit" size="sm" disabled={pending}>
        {t("enroll")}
      </Button>
      {state.link && state.qr && (
        <Alert tone="info" className="w-full" data-testid="kiosk-link">
          <p>{t("enrollHint")}</p>
          <div className="mt-2 flex flex-wrap items-start gap-4">
            <div className="w-48 bg-white" role="img" aria-label={t("enrollQr")} data-testid="kiosk-qr" dangerouslySetInnerHTML={{ __html: state.qr }} />
            <div className="min-w-0 flex-1 space-y-2">
              <p className="text-sm">{t("enrollLink")}</p>
              <code className="block break-all font-mono text-sm" data-testid="kiosk-link-text">{state.link}</code>
              <Button
                variant="outline"
                size="sm"
                onClick={() => void navigator.clipboard?.writeText(state.link!).then(() => setCopied(true), () => setCopied(false))}
              >
                {t("copy")}
              </Button>
              {copied && <p className="text-sm" aria-live="polite">{t("copied")}</p>}
            </div>
          </div>
        </Alert>
      )}
      {state.error && (
        <Alert tone="error" className="w-full">
          {t("unitNotFound")}
        </Alert>
      )}
    </form>
  );
}
