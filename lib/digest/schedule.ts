// When the reminder digests are due, on the agency's clock. Pure.
// Weekly (to kepala unit): Monday from 07:00; monthly (to pimpinan): the 1st from 07:00.
// A digest stays due for the rest of that day, so a scan missed at 07:00 (a restart, a
// deploy) still sends it at 08:00; the claim table keeps the later scans from sending again.

export type TDigestKind = "WEEKLY" | "MONTHLY";

export type TDueDigest = {
  kind: TDigestKind;
  /** "2026-W49" (the ISO week it is sent in) or "2026-12" (the month it is sent in). */
  periodKey: string;
  /** What it reports on: the week before (Monday to Monday) or the month before, local midnights. */
  from: Date;
  to: Date;
};

export const DIGEST_HOUR = 7;
const DAY_MS = 86_400_000;

type TLocal = { year: number; month: number; day: number; hour: number; weekday: number; offsetMs: number };

/** The local calendar parts of `at` on `timeZone`'s clock, and the zone's offset from UTC then. */
export function localParts(at: Date, timeZone: string): TLocal {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((x) => x.type === t)?.value);
  const [year, month, day, hour] = [get("year"), get("month"), get("day"), get("hour")];
  const asUtc = Date.UTC(year, month - 1, day, hour, get("minute"), get("second"));
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour, weekday, offsetMs: asUtc - Math.floor(at.getTime() / 1000) * 1000 };
}

/** Local midnight of the calendar date (y, m, d) as an instant (Indonesian zones keep no DST). */
const midnight = (l: TLocal, y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - l.offsetMs);

/** The ISO 8601 week of a calendar date: "2026-W49" (weeks start on Monday; week 1 holds a Thursday). */
export function isoWeekKey(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  const thursday = new Date(date.getTime() + (4 - weekday) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS / 7) + 1;
  return `${weekYear}-W${String(week).padStart(2, "0")}`;
}

/** The digests due at `now` on the agency's clock (none, the weekly, the monthly, or both). */
export function dueDigests(now: Date, timeZone: string): TDueDigest[] {
  const l = localParts(now, timeZone);
  if (l.hour < DIGEST_HOUR) return [];
  const out: TDueDigest[] = [];
  if (l.weekday === 1) {
    const to = midnight(l, l.year, l.month, l.day);
    out.push({ kind: "WEEKLY", periodKey: isoWeekKey(l.year, l.month, l.day), from: new Date(to.getTime() - 7 * DAY_MS), to });
  }
  if (l.day === 1) {
    const to = midnight(l, l.year, l.month, 1);
    const from = l.month === 1 ? midnight(l, l.year - 1, 12, 1) : midnight(l, l.year, l.month - 1, 1);
    out.push({ kind: "MONTHLY", periodKey: `${l.year}-${String(l.month).padStart(2, "0")}`, from, to });
  }
  return out;
}

/** The pg-boss singleton key of one recipient's digest: one waiting job per recipient and period. */
export function digestJobKey(kind: TDigestKind, userId: string, periodKey: string): string {
  return `digest:${kind === "WEEKLY" ? "weekly" : "monthly"}:${userId}:${periodKey}`;
}
