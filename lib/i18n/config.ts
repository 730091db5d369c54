// Indonesian first, English second. The reader's choice sticks in a cookie
// (no locale in URLs: the survey link on a poster is the same in both).
export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";
export const LOCALE_COOKIE = "suara_locale";

export function parseLocale(value: string | undefined | null): Locale {
  return value === "en" ? "en" : DEFAULT_LOCALE;
}

/** A machine client's language from Accept-Language: English when it asks for it first, else Indonesian. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  return header?.trim().toLowerCase().startsWith("en") ? "en" : DEFAULT_LOCALE;
}

/** The BCP 47 tag Intl formats with: 91,48 and 1 Des 2026 in Indonesian, 91.48 and 1 Dec 2026 in English. */
export const INTL_TAG: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

/** A name the data holds in both languages (unsur, services, kinerja): English when the reader reads it and there is one. */
export function pickLocalized(locale: Locale, id: string, en: string | null | undefined): string {
  return locale === "en" && en ? en : id;
}
