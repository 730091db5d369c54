// Service levels count working days: Monday to Friday on the agency's clock.
// Public holidays (libur nasional, cuti bersama) are not known to the app, so a
// holiday counts as a working day; the due dates are at worst a little early.
// Pure: the dates are calendar dates ("YYYY-MM-DD") in the agency's time zone.

const DAY_MS = 86_400_000;

/** The calendar date of `at` on the clock of `timeZone`, as "YYYY-MM-DD". */
export function localDate(at: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

const toDay = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 1970-01-01 was a Thursday: day 0 -> weekday 4 (0 = Sunday). */
const isWorkingDay = (day: number) => {
  const w = (((day + 4) % 7) + 7) % 7;
  return w !== 0 && w !== 6;
};

/** How many working days lie after `from`'s date up to and including `to`'s (0 on the same day or earlier). */
export function workingDaysBetween(from: Date, to: Date, timeZone: string): number {
  const a = toDay(localDate(from, timeZone));
  const b = toDay(localDate(to, timeZone));
  if (b <= a) return 0;
  const whole = Math.floor((b - a) / 7);
  let n = whole * 5;
  for (let d = a + whole * 7 + 1; d <= b; d++) if (isWorkingDay(d)) n++;
  return n;
}

/** The date `days` working days after `from`'s date (the due date of an item submitted at `from`). */
export function addWorkingDays(from: Date, days: number, timeZone: string): string {
  let d = toDay(localDate(from, timeZone));
  for (let left = days; left > 0; ) {
    d++;
    if (isWorkingDay(d)) left--;
  }
  return fromDay(d);
}

/**
 * The date before which an item submitted is overdue at `now` (its age in working days is then
 * more than `targetDays`): for a query that compares submission dates instead of computing ages.
 * `localDate(submitted) < overdueCutoff(now, T)` if and only if `workingDaysBetween(submitted, now) > T`.
 */
export function overdueCutoff(now: Date, targetDays: number, timeZone: string): string {
  let d = toDay(localDate(now, timeZone));
  // count = working days in (d, today]
  for (let count = 0; ; d--) {
    if (count === targetDays && isWorkingDay(d)) return fromDay(d);
    if (isWorkingDay(d)) count++;
  }
}

export type TServiceLevel = { ageDays: number; due: string; overdue: boolean };

/** An item's age, due date and whether it is overdue: not answered, not closed, older than the target. */
export function serviceLevel(item: { submittedAt: Date; answeredAt: Date | null; closedAt: Date | null }, targetDays: number, timeZone: string, now: Date): TServiceLevel {
  const ageDays = workingDaysBetween(item.submittedAt, item.answeredAt ?? item.closedAt ?? now, timeZone);
  const open = !item.answeredAt && !item.closedAt;
  return { ageDays, due: addWorkingDays(item.submittedAt, targetDays, timeZone), overdue: open && ageDays > targetDays };
}
