// Working days (Monday to Friday) for the service level of the feedback inbox:
// AgencySettings.feedbackTargetDays working days to answer. Pure: calendar days are
// "YYYY-MM-DD" strings, already on the agency's clock (localDay). Public holidays are
// not counted out (the setting is in plain working days, as the brief of issue 13 says).

/** The calendar day `at` falls on in `timeZone`, as YYYY-MM-DD. */
export function localDay(at: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

const toUtc = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!);
};
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The day `n` calendar days after `day` (before it when n < 0). */
export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * 86_400_000);
}

/** Monday to Friday. */
export function isWorkingDay(day: string): boolean {
  const weekday = new Date(toUtc(day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days d with from < d <= to (0 when to <= from). */
export function workingDaysBetween(from: string, to: string): number {
  const start = toUtc(from);
  const end = toUtc(to);
  if (end <= start) return 0;
  const days = Math.round((end - start) / 86_400_000);
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let ms = start + weeks * 7 * 86_400_000 + 86_400_000; ms <= end; ms += 86_400_000) {
    if (isWorkingDay(fromUtc(ms))) count++;
  }
  return count;
}

/** The n-th working day after `day` (n >= 0; n = 0 is `day` itself). */
export function addWorkingDays(day: string, n: number): string {
  let current = day;
  for (let left = n; left > 0; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

/**
 * An item received on day D is overdue on `today` when more than `targetDays` working days
 * have passed since D without an answer. This is the first day D that is not overdue yet:
 * every item received before it is. Monotone, so one cut-off serves a whole query.
 */
export function overdueCutoff(today: string, targetDays: number): string {
  let day = today;
  while (workingDaysBetween(addDays(day, -1), today) <= targetDays) day = addDays(day, -1);
  return day;
}

/** Overdue on `today`: received on `receivedDay`, unanswered, more than `targetDays` working days ago. */
export function isOverdue(receivedDay: string, today: string, targetDays: number): boolean {
  return workingDaysBetween(receivedDay, today) > targetDays;
}

/** ISO 8601 week of a day, as 2026-W49 (the week-year may differ from the calendar year). */
export function isoWeekKey(day: string): string {
  const ms = toUtc(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(ms + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Monday of the ISO week `day` is in. */
export function mondayOf(day: string): string {
  const weekday = (new Date(toUtc(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}
