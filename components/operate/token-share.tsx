"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { TextLink } from "@/components/ui/text-link";
import { normalizeWhatsAppNumber, whatsAppShareLink } from "@/lib/feedback/whatsapp";

type TShared = { token: string; shortUrl: string };

/**
 * For each issued code, the message to send by SMS or WhatsApp with its short link: a wa.me link
 * with the text typed in (no number: the officer picks the contact in WhatsApp; with one typed here,
 * that chat opens) and the text itself to copy into an SMS. Without JavaScript the links work
 * without a number.
 */
export function TokenShare({ unitName, tokens }: { unitName: string; tokens: TShared[] }) {
  const t = useTranslations("operate");
  return (
    <section aria-labelledby="token-share" className="mt-8 print:hidden">
      <h2 id="token-share" className="text-lg font-semibold">
        {t("tokenShare")}
      </h2>
      <p className="mt-1 max-w-prose text-sm text-slate-700">{t("tokenShareIntro")}</p>
      <ul className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
        {tokens.map((token) => (
          <ShareRow key={token.token} token={token} message={t("tokenMessageText", { unit: unitName, link: token.shortUrl })} />
        ))}
      </ul>
    </section>
  );
}

function ShareRow({ token, message }: { token: TShared; message: string }) {
  const t = useTranslations("operate");
  const [phone, setPhone] = useState("");
  const invalid = phone.trim() !== "" && !normalizeWhatsAppNumber(phone);
  return (
    <li className="grid gap-3 py-3 sm:grid-cols-[12rem_1fr]" data-testid="token-share-row">
      <div className="text-sm">
        <p className="font-mono font-semibold">{token.token}</p>
        <p className="mt-1 text-slate-600">{t("tokenShortLink")}</p>
        <p className="break-all font-mono" data-testid="token-share-link">
          {token.shortUrl}
        </p>
      </div>
      <div className="grid gap-2">
        <div className="flex flex-wrap items-end gap-3">
          <Field id={`wa-phone-${token.token}`} label={t("tokenPhone")} error={invalid ? t("tokenPhoneInvalid") : undefined}>
            {(c) => <Input {...c} type="tel" inputMode="tel" autoComplete="off" size="sm" width="wide" value={phone} onChange={(e) => setPhone(e.target.value)} />}
          </Field>
          <TextLink href={whatsAppShareLink(phone, message)} target="_blank" rel="noopener noreferrer" weight="medium" className="pb-1" data-testid="token-whatsapp">
            {t("tokenWhatsapp")} →
          </TextLink>
        </div>
        <Field id={`wa-text-${token.token}`} label={t("tokenMessage")}>
          {(c) => <Textarea {...c} readOnly rows={2} size="sm" value={message} data-testid="token-message" />}
        </Field>
      </div>
    </li>
  );
}
