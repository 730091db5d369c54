import "server-only";
import { sql, type TSql } from "@/lib/dal/sql";

/**
 * `f` (a feedback_item) was submitted before the start of `day` (YYYY-MM-DD) on the agency's
 * clock: an instant computed once, compared with the column as it is. The same test written as
 * `(f.submitted_at AT TIME ZONE suara_timezone())::date < day` converts every row (1.9 s over
 * the 640,000 open items of the 1M-response benchmark; this form, 0.3 s, and an index-only scan
 * of the open items' index, 0.1 s).
 */
export function submittedBefore(day: string, timeZone: string): TSql {
  return sql`f.submitted_at < (${day}::date::timestamp AT TIME ZONE ${timeZone})`;
}
