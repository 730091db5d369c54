// Numbers, dates and periods as the reader's language writes them. Pure: the
// server (lib/i18n/server.ts) and the browser (lib/i18n/client.ts) bind it to
// the request's locale, the agency's time zone and the `periods` messages.
// IKM figures go through lib/ikm's formatters, which round the decimal a value
// prints as (half up), so a shown figure agrees with the band its mutu came from.
import { formatDecimal, formatIkm, formatInteger, formatKonversi, formatNrr, formatWeight, type IkmResult } from "@/lib/ikm";
import type { TPeriod, TPeriodKind } from "@/lib/periods";
import { INTL_TAG, pickLocalized, type Locale } from "@/lib/i18n/config";

/** The agency's clock unless it says otherwise (WIB). */
export const DEFAULT_TIME_ZONE = "Asia/Jakarta";

/** Translates one key of the `periods` messages (next-intl's translator, narrowed). */
export type TPeriodText = (key: `${"" | "short."}${TPeriodKind}` | `kind.${TPeriodKind}`, values?: Record<string, string | number>) => string;

/** 28 Nov 2026 in both languages (month names in the reader's language), on the agency's clock. */
export function formatDate(locale: Locale, value: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { day: "numeric", month: "short", year: "numeric", timeZone }).format(value);
}

/** 91,48 in Indonesian, 91.48 in English (Intl rounding: for IKM figures use lib/ikm's). */
export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

export function createFormat(locale: Locale, timeZone: string, periods: TPeriodText) {
  const tag = INTL_TAG[locale];
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone });
  const monthName = (month: number, short: boolean) =>
    new Intl.DateTimeFormat(tag, { month: short ? "short" : "long", timeZone: "UTC" }).format(new Date(Date.UTC(2000, month - 1, 15)));
  return {
    locale,
    timeZone,
    integer: (n: number | null | undefined) => formatInteger(n, locale),
    decimal: (n: number | null | undefined, digits = 2) => formatDecimal(n, digits, locale),
    nrr: (n: number | null | undefined) => formatNrr(n, locale),
    ikm: (n: number | null | undefined) => formatIkm(n, locale),
    konversi: (r: Pick<IkmResult, "konversiRounded">) => formatKonversi(r, locale),
    weight: (w: number) => formatWeight(w, locale),
    date: (d: Date) => formatDate(locale, d, timeZone),
    dateTime: (d: Date) => dateTime.format(d),
    /** "Triwulan IV 2026" / "Q4 2026"; `short` for chart axes: "TW IV 2026", "Nov 26". */
    period: (p: TPeriod, short = false) =>
      periods(`${short ? "short." : ""}${p.kind}`, {
        year: p.year,
        yy: String(p.year).slice(2),
        number: p.number,
        month: p.kind === "MONTH" ? monthName(p.number, short) : "",
      }),
    periodKind: (k: TPeriodKind) => periods(`kind.${k}`),
    pick: (id: string, en: string | null | undefined) => pickLocalized(locale, id, en),
  };
}

export type TFormat = ReturnType<typeof createFormat>;
