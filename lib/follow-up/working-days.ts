// Working days (Monday to Friday) on the agency's clock, for the feedback service level.
// Pure: no database. Public holidays are not known to Suara and count as working days.

/** The calendar date at `instant` in `timeZone`, as a UTC-midnight Date. */
export function localDate(instant: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((x) => x.type === t)?.value);
  return new Date(Date.UTC(get("year"), get("month") - 1, get("day")));
}

const DAY = 86_400_000;
const isWorkingDay = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6;

/**
 * Whole working days that have passed from `from` to `to` on the agency's clock: the days after
 * `from`'s date up to and including `to`'s date that are Monday to Friday. An item received on
 * Friday evening has waited 1 working day on Monday, 0 over the weekend.
 */
export function workingDaysBetween(from: Date, to: Date, timeZone: string): number {
  const start = localDate(from, timeZone).getTime();
  const end = localDate(to, timeZone).getTime();
  if (end <= start) return 0;
  const days = Math.round((end - start) / DAY);
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let t = start + (weeks * 7 + 1) * DAY; t <= end; t += DAY) if (isWorkingDay(new Date(t))) count += 1;
  return count;
}

/** Past the target: more than `targetDays` working days have passed without an answer. */
export function isOverdue(submittedAt: Date, now: Date, targetDays: number, timeZone: string): boolean {
  return workingDaysBetween(submittedAt, now, timeZone) > targetDays;
}

/**
 * The latest agency-calendar date (YYYY-MM-DD) on which an item could arrive and be overdue at
 * `now`: an item is overdue exactly when its local submission date is on or before this date.
 * Lets SQL test overdue items with one comparison, set-based, instead of counting days per row.
 */
export function overdueCutoff(now: Date, targetDays: number, timeZone: string): string {
  const today = localDate(now, timeZone).getTime();
  // Counting is monotonic in the start date: walk back until more than targetDays have passed.
  let t = today;
  while (workingDaysBetween(new Date(t), new Date(today), "UTC") <= targetDays) t -= DAY;
  return new Date(t).toISOString().slice(0, 10);
}
