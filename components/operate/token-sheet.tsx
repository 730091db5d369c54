"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { issueTokensAction, type TTokensState } from "@/components/operate/actions";
import { TokenShare } from "@/components/operate/token-share";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

/** Issue a batch of one-time codes and print them, one per receipt or queue ticket. */
export function TokenSheet({ unitCode, unitName, services }: { unitCode: string; unitName: string; services: { code: string; name: string }[] }) {
  const [state, action, pending] = useActionState(issueTokensAction, {} as TTokensState);
  const t = useTranslations("operate");
  const common = useTranslations("common");
  return (
    <div>
      <form action={action} className="flex flex-wrap items-end gap-3 print:hidden">
        <input type="hidden" name="unitCode" value={unitCode} />
        <Field id="token-service" label={t("tokenService")}>
          {(c) => (
            <Select {...c} name="serviceCode" size="sm" width="auto">
              <option value="">{t("tokenAllServices")}</option>
              {services.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="token-count" label={t("tokenCount")}>
          {(c) => <Input {...c} name="count" type="number" min={1} max={200} defaultValue={24} size="sm" width="short" />}
        </Field>
        <Field id="token-days" label={t("tokenDays")}>
          {(c) => <Input {...c} name="days" type="number" min={1} max={90} defaultValue={14} size="sm" width="short" />}
        </Field>
        <Button type="submit" size="sm" disabled={pending}>
          {t("tokenCreate")}
        </Button>
        {state.tokens && (
          <Button variant="secondary" size="sm" onClick={() => window.print()}>
            {common("print")}
          </Button>
        )}
      </form>
      {state.error && (
        <Alert tone="error" className="mt-2">
          {t("tokenError")}
        </Alert>
      )}
      {state.tokens && (
        <>
          <Alert tone="info" className="mt-3 text-sm print:hidden">
            {t("tokenCreated", { count: state.tokens.length })}
          </Alert>
          <ul className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4 print:grid-cols-4" data-testid="token-sheet">
            {state.tokens.map((token) => (
              <li key={token.token} className="break-inside-avoid rounded-md border border-dashed border-slate-400 p-2 text-center text-xs">
                <div className="mx-auto w-32" role="img" aria-label={t("tokenQr", { code: token.token })} dangerouslySetInnerHTML={{ __html: token.svg }} />
                <p className="font-semibold">{unitName}</p>
                <p>{t("tokenCard")}</p>
                <p className="font-mono text-sm" data-testid="token-code">
                  {token.token}
                </p>
                <p className="mt-1 break-all font-mono" data-testid="token-short-link">
                  {token.shortUrl}
                </p>
              </li>
            ))}
          </ul>
          <TokenShare unitName={unitName} tokens={state.tokens} />
        </>
      )}
    </div>
  );
}
