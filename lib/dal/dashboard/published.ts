import "server-only";
import { queryRows, sql } from "@/lib/dal/sql";
import type { TPeriod } from "@/lib/periods";
import { ZPublishedResult, type TPublishedResult } from "@/lib/validation/publication";

export type TPublished = TPublishedResult & { publishedAt: Date };

/**
 * The result the unit published for exactly this period, as frozen then (null when it
 * published none, or withdrew it). Called by the unit dashboard after it has authorized the unit.
 */
export async function publishedFor(unitId: string, period: TPeriod): Promise<TPublished | null> {
  const [row] = await queryRows<{ result: unknown; published_at: Date }>(
    sql`SELECT p.result, p.published_at FROM publication p JOIN survey_period sp ON sp.id = p.period_id
         WHERE p.unit_id = ${unitId}::uuid AND p.unpublished_at IS NULL AND sp.kind::text = ${period.kind} AND sp.year = ${period.year} AND sp.number = ${period.number}`,
  );
  const parsed = ZPublishedResult.safeParse(row?.result);
  return row && parsed.success ? { ...parsed.data, publishedAt: row.published_at } : null;
}
