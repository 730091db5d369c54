// Small pieces the report's sections share. Pure.
import type { TFormat } from "@/lib/i18n/format";
import { monthStart, periodMonths, type TPeriod } from "@/lib/periods";

const HALF_DAY = 12 * 3_600_000;

/** A share of a total as the report prints it ("12,5%"), a dash when there is no total. */
export function percent(f: TFormat, n: number, total: number) {
  return total > 0 ? `${f.decimal((100 * n) / total, 1)}%` : "–";
}

/**
 * The first and last day of a period, printed on the agency's clock. Taken at noon UTC so the
 * calendar day stays the same in any of the agency's zones (periods are calendar months there).
 */
export function periodDays(f: TFormat, p: TPeriod): { first: string; last: string } {
  const { start, end } = periodMonths(p);
  return { first: f.date(new Date(monthStart(start).getTime() + HALF_DAY)), last: f.date(new Date(monthStart(end).getTime() - HALF_DAY)) };
}
