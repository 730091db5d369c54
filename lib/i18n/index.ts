// The one translation path: messages per locale in ./messages, read through
// next-intl (getTranslations on the server, useTranslations in client
// components, or strings handed down as props on the citizen's pages, which
// ship no i18n runtime). Numbers, dates and periods through ./format.
export { DEFAULT_LOCALE, INTL_TAG, LOCALE_COOKIE, LOCALES, localeFromAcceptLanguage, parseLocale, pickLocalized, type Locale } from "@/lib/i18n/config";
export { createFormat, DEFAULT_TIME_ZONE, formatDate, formatNumber, type TFormat } from "@/lib/i18n/format";
