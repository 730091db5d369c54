// Survey periods: a month, a triwulan (quarter), a semester or a year. Every
// period is a run of whole calendar months, which is what the monthly rollup
// holds. Pure: no database, no framework.

export const PERIOD_KINDS = ["MONTH", "QUARTER", "SEMESTER", "YEAR"] as const;
export type TPeriodKind = (typeof PERIOD_KINDS)[number];

export type TPeriod = { readonly kind: TPeriodKind; readonly year: number; readonly number: number };

export const MONTHS_IN: Record<TPeriodKind, number> = { MONTH: 1, QUARTER: 3, SEMESTER: 6, YEAR: 12 };

/** How many periods a trend shows, per kind. */
export const TREND_LENGTH: Record<TPeriodKind, number> = { MONTH: 12, QUARTER: 8, SEMESTER: 6, YEAR: 5 };

/** A month as year * 12 + (month - 1): months are then plain integers to add and compare. */
export type TMonthIndex = number;

export const monthIndex = (year: number, month1: number): TMonthIndex => year * 12 + (month1 - 1);
export const monthOfIndex = (i: TMonthIndex) => ({ year: Math.floor(i / 12), month: (i % 12) + 1 });

/** First day of the month, as a UTC midnight Date (what a DATE column holds). */
export function monthStart(i: TMonthIndex): Date {
  const { year, month } = monthOfIndex(i);
  return new Date(Date.UTC(year, month - 1, 1));
}

/** Months [start, end) of a period. */
export function periodMonths(p: TPeriod): { start: TMonthIndex; end: TMonthIndex } {
  const size = MONTHS_IN[p.kind];
  const start = monthIndex(p.year, 1) + (p.number - 1) * size;
  return { start, end: start + size };
}

/** The period of `kind` that holds month `i`. */
export function periodOfMonth(kind: TPeriodKind, i: TMonthIndex): TPeriod {
  const { year, month } = monthOfIndex(i);
  return { kind, year, number: Math.floor((month - 1) / MONTHS_IN[kind]) + 1 };
}

export function shiftPeriod(p: TPeriod, by: number): TPeriod {
  const perYear = 12 / MONTHS_IN[p.kind];
  const n = p.year * perYear + (p.number - 1) + by;
  return { kind: p.kind, year: Math.floor(n / perYear), number: (n % perYear) + 1 };
}

export const previousPeriod = (p: TPeriod) => shiftPeriod(p, -1);

/** The `count` periods of `kind` up to and including the one that holds the end of `p`. */
export function trendPeriods(p: TPeriod, kind: TPeriodKind, count = TREND_LENGTH[kind]): TPeriod[] {
  const last = periodOfMonth(kind, periodMonths(p).end - 1);
  return Array.from({ length: count }, (_, i) => shiftPeriod(last, i - count + 1));
}

/** The agency's clock: WIB, WITA or WIT (agency_settings.time_zone; SQL's suara_timezone()). */
export const AGENCY_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
export type TAgencyTimeZone = (typeof AGENCY_TIME_ZONES)[number];

/** Today's month on the agency's clock (every caller says which: there is no default to forget). */
export function currentMonth(timeZone: string, now = new Date()): TMonthIndex {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(now);
  const get = (t: string) => Number(parts.find((x) => x.type === t)?.value);
  return monthIndex(get("year"), get("month"));
}

/** A period that has not ended yet on the agency's clock (its numbers still move). */
export function inProgress(p: TPeriod, timeZone: string, now = new Date()): boolean {
  return periodMonths(p).end > currentMonth(timeZone, now);
}

// URL form: 2026 (year), 2026-S2 (semester), 2026-T4 (triwulan), 2026-11 (month).
const KEY = /^(\d{4})(?:-(S[12]|T[1-4]|0[1-9]|1[0-2]))?$/;

export function periodKey(p: TPeriod): string {
  switch (p.kind) {
    case "YEAR":
      return String(p.year);
    case "SEMESTER":
      return `${p.year}-S${p.number}`;
    case "QUARTER":
      return `${p.year}-T${p.number}`;
    case "MONTH":
      return `${p.year}-${String(p.number).padStart(2, "0")}`;
  }
}

export function parsePeriodKey(key: string): TPeriod | null {
  const m = KEY.exec(key.trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const rest = m[2];
  if (!rest) return { kind: "YEAR", year, number: 1 };
  if (rest[0] === "S") return { kind: "SEMESTER", year, number: Number(rest.slice(1)) };
  if (rest[0] === "T") return { kind: "QUARTER", year, number: Number(rest.slice(1)) };
  return { kind: "MONTH", year, number: Number(rest) };
}

/** Every period of every kind from month `first` to month `last` (inclusive), newest first, for a chooser. */
export function periodsBetween(first: TMonthIndex, last: TMonthIndex): Record<TPeriodKind, TPeriod[]> {
  const out = {} as Record<TPeriodKind, TPeriod[]>;
  for (const kind of PERIOD_KINDS) {
    const list: TPeriod[] = [];
    let p = periodOfMonth(kind, last);
    while (periodMonths(p).end > first) {
      list.push(p);
      p = previousPeriod(p);
    }
    out[kind] = list;
  }
  return out;
}
