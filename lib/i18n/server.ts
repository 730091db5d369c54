import "server-only";
import { getLocale as intlLocale, getTimeZone, getTranslations } from "next-intl/server";
import { parseLocale, type Locale } from "@/lib/i18n/config";
import { createFormat, type TFormat } from "@/lib/i18n/format";

/** The reader's locale (from their cookie). */
export async function getLocale(): Promise<Locale> {
  return parseLocale(await intlLocale());
}

/** Numbers, dates and periods for this request's reader. */
export async function getFormat(): Promise<TFormat> {
  const [locale, timeZone, periods] = await Promise.all([getLocale(), getTimeZone(), getTranslations("periods")]);
  return createFormat(locale, timeZone, periods);
}
