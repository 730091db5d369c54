// Pure rules of a plan's realisation, shared by the data layer and the screens.

/** Today's calendar date (YYYY-MM-DD) on the agency's clock. */
export function agencyToday(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * An action is overdue when its deadline (a calendar date, due at the end of that day on the
 * agency's clock) has passed and its realisation is below 100 %.
 */
export function isOverdue(dueDate: Date | string | null, progress: number, now: Date, timeZone: string): boolean {
  if (dueDate === null || progress >= 100) return false;
  const due = typeof dueDate === "string" ? dueDate.slice(0, 10) : dueDate.toISOString().slice(0, 10);
  return due < agencyToday(now, timeZone);
}

/** A plan is done when it has actions and every one is at 100 %. */
export function isPlanDone(progresses: readonly number[]): boolean {
  return progresses.length > 0 && progresses.every((p) => p >= 100);
}
