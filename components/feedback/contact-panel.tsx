"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { viewContactAction } from "@/components/feedback/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { TextLink } from "@/components/ui/text-link";
import { whatsAppLink } from "@/lib/feedback/whatsapp";

/**
 * The citizen's contact details behind an explicit action (each view is audited), and with a
 * phone number a WhatsApp chat with the latest reply typed in, plus that text to copy.
 */
export function ContactPanel({ responseId, unitCode, latestReply }: { responseId: string; unitCode: string; latestReply: string | null }) {
  const [state, action, pending] = useActionState(viewContactAction, {});
  const t = useTranslations("inbox");
  const c = state.contact;
  if (!c) {
    return (
      <form action={action} className="flex items-center gap-2" data-testid="contact-form">
        <input type="hidden" name="responseId" value={responseId} />
        <input type="hidden" name="unitCode" value={unitCode} />
        <Button type="submit" variant="outline" size="sm" disabled={pending}>
          {t("showContact")}
        </Button>
        <span className="text-xs text-slate-600">{t("showContactHint")}</span>
        {state.result && (
          <span role="status" className="text-sm text-red-800">
            {t("notFound")}
          </span>
        )}
      </form>
    );
  }
  const text = latestReply ? `${latestReply}\n\n${t("waHint")}` : null;
  const wa = text ? whatsAppLink(c.phone, text) : null;
  return (
    <div className="grid gap-2 text-sm" data-testid="contact">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-600">{t("contactName")}</dt>
        <dd data-testid="contact-name">{c.name ?? "—"}</dd>
        <dt className="text-slate-600">{t("contactPhone")}</dt>
        <dd data-testid="contact-phone">{c.phone ?? "—"}</dd>
        <dt className="text-slate-600">{t("contactEmail")}</dt>
        <dd data-testid="contact-email">{c.email ?? "—"}</dd>
      </dl>
      {wa && text && (
        <>
          <p>
            <TextLink href={wa} target="_blank" rel="noopener noreferrer" weight="medium" data-testid="whatsapp-link">
              {t("whatsapp")} →
            </TextLink>
          </p>
          <Field id={`wa-text-${responseId}`} label={t("whatsappText")}>
            {(f) => <Textarea {...f} readOnly rows={4} value={text} />}
          </Field>
        </>
      )}
      {c.phone && !latestReply && <p className="text-xs text-slate-600">{t("whatsappAfterReply")}</p>}
    </div>
  );
}
