import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import type { TFieldErrors } from "@/lib/validation/response";
import type { TResponseErrorCode } from "@/lib/validation/response-fields";

/** Field errors of a response as the JSON API answers them: { field: { code, message } } in the client's language. */
export function describeErrors(errors: TFieldErrors, locale: Locale): Record<string, { code: TResponseErrorCode; message: string }> {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "responseErrors" });
  return Object.fromEntries(Object.entries(errors).map(([field, code]) => [field, { code, message: t(code) }]));
}
