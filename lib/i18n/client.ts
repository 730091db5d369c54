"use client";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { parseLocale } from "@/lib/i18n/config";
import { createFormat, DEFAULT_TIME_ZONE, type TFormat } from "@/lib/i18n/format";

/** lib/i18n/format bound to the reader, in a client component under NextIntlClientProvider (staff pages). */
export function useFormat(): TFormat {
  return createFormat(parseLocale(useLocale()), useTimeZone() ?? DEFAULT_TIME_ZONE, useTranslations("periods"));
}
