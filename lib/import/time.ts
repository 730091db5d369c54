// Timestamps as form tools export them, read on the agency's time zone: day-first
// "14/03/2026 9:41:22" (Indonesian locale), month-first "3/14/2026 9:41:22 AM" (US locale), ISO
// "2026-03-14T09:41:22" (with or without an offset), and XLSX dates (read.ts gives them as ISO).
// The order of day and month is decided once per file from its values: a first number above 12
// means day first, a second number above 12 month first; a file where neither happens is
// ambiguous and read in the locale's order, and says so.

export type TDateOrder = "dmy" | "mdy";

export interface DateOrderDecision {
  readonly order: TDateOrder;
  /** Day/month values were present and none told the order apart: the locale's default was used. */
  readonly ambiguous: boolean;
  /** Values in both orders (a day > 12 first in one row, second in another). */
  readonly conflicting: boolean;
}

const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AaPp][Mm])?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** The locale's order when a file does not tell: day first in Indonesian, month first in English. */
export function localeDateOrder(locale: string): TDateOrder {
  return locale.toLowerCase().startsWith("en-us") || locale.toLowerCase() === "en" ? "mdy" : "dmy";
}

export function decideDateOrder(values: Iterable<string>, fallback: TDateOrder): DateOrderDecision {
  let dayFirst = false;
  let monthFirst = false;
  let slashed = false;
  for (const value of values) {
    const m = SLASHED.exec(value.trim());
    if (!m) continue;
    slashed = true;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (dayFirst && monthFirst) return { order: fallback, ambiguous: false, conflicting: true };
  if (dayFirst) return { order: "dmy", ambiguous: false, conflicting: false };
  if (monthFirst) return { order: "mdy", ambiguous: false, conflicting: false };
  // Only ISO values (or none): there was no order to decide.
  return { order: fallback, ambiguous: slashed, conflicting: false };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function offsetMinutes(ms: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

const offsetCache = new Map<string, number>();

/** The instant a wall-clock time in `timeZone` names (offset looked up per zone and hour). */
export function zonedToUtc(parts: { y: number; mo: number; d: number; h: number; mi: number; s: number }, timeZone: string): Date | null {
  const { y, mo, d, h, mi, s } = parts;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  const key = `${timeZone}|${Math.floor(wall / 3_600_000)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = offsetMinutes(wall - offsetMinutes(wall, timeZone) * 60000, timeZone);
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return new Date(wall - offset * 60000);
}

/** A timestamp cell -> the instant, or null when it is not one of the accepted forms. */
export function parseTimestamp(value: string, order: TDateOrder, timeZone: string): Date | null {
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h = "0", mi = "0", s = "0", zone] = iso;
    const parts = { y: Number(y), mo: Number(mo), d: Number(d), h: Number(h), mi: Number(mi), s: Number(s) };
    if (zone === undefined) return zonedToUtc(parts, timeZone);
    const local = zonedToUtc(parts, "UTC");
    if (!local) return null;
    if (zone === "Z") return local;
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const minutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    return new Date(local.getTime() - minutes * 60000);
  }
  const m = SLASHED.exec(text);
  if (!m) return null;
  const [, a, b, y, h = "0", mi = "0", s = "0", ampm] = m;
  let hour = Number(h);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm.toLowerCase() === "pm" ? 12 : 0);
  }
  const day = order === "dmy" ? Number(a) : Number(b);
  const month = order === "dmy" ? Number(b) : Number(a);
  return zonedToUtc({ y: Number(y), mo: month, d: day, h: hour, mi: Number(mi), s: Number(s) }, timeZone);
}
