import "server-only";
import { submittedBefore } from "@/lib/dal/feedback/overdue-sql";
import { filterConditions, filterSql, type TRollupFilter } from "@/lib/dal/dashboard/rollup";
import { agencySettings } from "@/lib/dal/settings";
import { queryRows, raw, sql } from "@/lib/dal/sql";
import { overdueCutoff } from "@/lib/feedback/working-days";

// The unit dashboard's saran card: the newest saran of the period, how many, and
// the inbox's open and overdue items (whatever the period: an overdue item is due
// now). Read from feedback_item, the inbox's table (lib/dal/feedback).

export type TSaran = { id: string; at: Date; text: string; service: string | null; unit: string; status: string };

/** `capped`: more than SARAN_COUNT_CAP saran, counted no further (total and unread are then lower bounds). */
export type TSaranSummary = { latest: TSaran[]; total: number; unread: number; capped: boolean; open: number; overdue: number };

const SARAN_COUNT_CAP = 1000;

/** The saran a dashboard shows: flagged responses are left out. */
const SHOWN = raw(`f.saran IS NOT NULL AND NOT f.suspicious`);

/**
 * The newest saran of the units: per unit its newest `limit` through the (unit_id, submitted_at)
 * index, then merged, so a whole agency's latest costs one short index read per unit.
 */
async function latestSaran(f: TRollupFilter, limit: number) {
  return queryRows<TSaran>(
    sql`SELECT x.* FROM unnest(${f.unitIds}::uuid[]) AS uid(id),
               LATERAL (
                 SELECT f.response_id AS id, f.submitted_at AS at, f.saran AS text, s.name AS service, u.name AS unit, f.status::text AS status
                   FROM feedback_item f JOIN response r ON r.id = f.response_id JOIN unit u ON u.id = f.unit_id LEFT JOIN service s ON s.id = f.service_id
                  WHERE f.unit_id = uid.id AND ${filterConditions(f, "response")} AND ${SHOWN}
                  ORDER BY f.submitted_at DESC, f.response_id LIMIT ${limit}) x
         ORDER BY x.at DESC, x.id LIMIT ${limit}`,
  );
}

/** The unit dashboard's saran: the newest few, how many (unread among them) up to a cap, and the open and overdue. */
export async function readSaran(f: TRollupFilter, limit = 5, now = new Date()): Promise<TSaranSummary> {
  const settings = await agencySettings();
  const cutoff = overdueCutoff(now, settings.feedbackTargetDays, settings.timeZone);
  const [latest, [counts], [open]] = await Promise.all([
    latestSaran(f, limit),
    // Counted up to a cap, so a unit with a flood of saran costs the dashboard no more (the inbox counts them all).
    queryRows<{ total: number; unread: number }>(
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE unread)::int AS unread
            FROM (SELECT f.status = 'BARU' AS unread
                    FROM feedback_item f JOIN response r ON r.id = f.response_id
                   WHERE ${filterSql(f, "response")} AND ${SHOWN} LIMIT ${SARAN_COUNT_CAP + 1}) x`,
    ),
    queryRows<{ open: number; overdue: number }>(
      sql`SELECT count(*)::int AS open,
                 count(*) FILTER (WHERE f.answered_at IS NULL AND ${submittedBefore(cutoff, settings.timeZone)})::int AS overdue
            FROM feedback_item f WHERE f.unit_id = ANY(${f.unitIds}::uuid[]) AND NOT f.suspicious AND f.closed_at IS NULL`,
    ),
  ]);
  const total = counts?.total ?? 0;
  return {
    latest,
    total: Math.min(total, SARAN_COUNT_CAP),
    unread: counts?.unread ?? 0,
    capped: total > SARAN_COUNT_CAP,
    open: open?.open ?? 0,
    overdue: open?.overdue ?? 0,
  };
}
