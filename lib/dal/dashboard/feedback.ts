import "server-only";
import { filterConditions, filterSql, type TRollupFilter } from "@/lib/dal/dashboard/rollup";
import { resolveScope, type TUnitNode } from "@/lib/dal/dashboard/scope";
import { empty, queryRows, raw, sql, type TSql } from "@/lib/dal/sql";
import { defineWrite } from "@/lib/dal/write";
import { periodMonths } from "@/lib/periods";
import { can, type TCaller } from "@/lib/permissions";
import { ZFeedbackUpdate, type TDashboardQuery } from "@/lib/validation/dashboard";

// Saran: the newest on a unit dashboard, the feedback inbox, and the follow-up
// status of one saran. Read from responses (not the rollups) through the partial
// index on (unit_id, submitted_at) WHERE saran IS NOT NULL.

export type TSaran = { id: string; at: Date; text: string; service: string | null; unit: string; status: string };

/** `capped`: more than SARAN_COUNT_CAP saran, counted no further (total and unread are then lower bounds). */
export type TSaranSummary = { latest: TSaran[]; total: number; unread: number; capped: boolean };

const SARAN_COUNT_CAP = 1000;

/** The saran a dashboard shows: flagged responses are left out. */
const SHOWN = raw(`r.saran IS NOT NULL AND NOT r.suspicious`);

/** The follow-up status filter ("BARU" includes saran nobody has touched yet). */
function statusFilter(status?: string): TSql {
  if (!status) return empty;
  if (status === "BARU") return sql` AND (f.status IS NULL OR f.status = 'BARU')`;
  return sql` AND f.status = ${status}::"FeedbackStatus"`;
}

/**
 * The newest saran of the units: per unit its newest `limit` through the partial index, then
 * merged, so a whole agency's latest costs one short index read per unit instead of a sort of
 * every saran in the period.
 */
async function latestSaran(f: TRollupFilter, limit: number, status?: string) {
  return queryRows<{ id: string; at: Date; text: string; service: string | null; unit: string; unit_code: string; status: string | null; note: string | null; answers: Record<string, number> }>(
    sql`SELECT x.* FROM unnest(${f.unitIds}::uuid[]) AS uid(id),
               LATERAL (
                 SELECT r.id, r.submitted_at AS at, r.saran AS text, s.name AS service, u.name AS unit, u.code AS unit_code,
                        f.status::text AS status, (SELECT n.body FROM feedback_note n WHERE n.response_id = r.id ORDER BY n.created_at DESC LIMIT 1) AS note, r.answers
                   FROM response r JOIN unit u ON u.id = r.unit_id LEFT JOIN service s ON s.id = r.service_id
                   LEFT JOIN feedback_item f ON f.response_id = r.id
                  WHERE r.unit_id = uid.id AND ${filterConditions(f, "response")} AND ${SHOWN}${statusFilter(status)}
                  ORDER BY r.submitted_at DESC, r.id LIMIT ${limit}) x
         ORDER BY x.at DESC, x.id LIMIT ${limit}`,
  );
}

/** The unit dashboard's saran: the newest few, and how many (unread among them) up to a cap. */
export async function readSaran(f: TRollupFilter, limit = 5): Promise<TSaranSummary> {
  const [latest, [counts]] = await Promise.all([
    latestSaran(f, limit),
    // Counted up to a cap, so a unit with a flood of saran costs the dashboard no more (the inbox counts them all).
    queryRows<{ total: number; unread: number }>(
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE unread)::int AS unread
            FROM (SELECT f.status IS NULL OR f.status = 'BARU' AS unread
                    FROM response r LEFT JOIN feedback_item f ON f.response_id = r.id
                   WHERE ${filterSql(f, "response")} AND ${SHOWN} LIMIT ${SARAN_COUNT_CAP + 1}) x`,
    ),
  ]);
  const total = counts?.total ?? 0;
  return {
    latest: latest.map((r) => ({ id: r.id, at: r.at, text: r.text, service: r.service, unit: r.unit, status: r.status ?? "BARU" })),
    total: Math.min(total, SARAN_COUNT_CAP),
    unread: counts?.unread ?? 0,
    capped: total > SARAN_COUNT_CAP,
  };
}

export type TFeedbackPage = {
  unit: TUnitNode;
  items: (TSaran & { note: string | null; scores: Record<string, number>; unitCode: string })[];
  total: number;
  page: number;
  pageSize: number;
  canManage: boolean;
};

const FEEDBACK_PAGE_SIZE = 20;

/** A unit's saran (with its sub-units when `cakupan` says so), newest first, by follow-up status. */
export async function listFeedback(caller: TCaller | null, code: string, q: TDashboardQuery): Promise<TFeedbackPage | null> {
  const scoped = await resolveScope(caller, code, q.cakupan);
  if (!scoped) return null;
  const { unit, unitIds } = scoped;
  const { start, end } = periodMonths(q.period);
  const filter = { unitIds, from: start, to: end, channel: q.kanal, verifiedOnly: q.verifiedOnly, service: q.layanan };
  const page = q.hal ?? 1;
  const [list, [count]] = await Promise.all([
    // The page's rows: the newest page x size, merged per unit, then the last page of them.
    latestSaran(filter, page * FEEDBACK_PAGE_SIZE, q.status).then((rows) => rows.slice((page - 1) * FEEDBACK_PAGE_SIZE)),
    queryRows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM response r LEFT JOIN feedback_item f ON f.response_id = r.id
           WHERE ${filterSql(filter, "response")} AND ${SHOWN}${statusFilter(q.status)}`,
    ),
  ]);
  return {
    unit,
    items: list.map((r) => ({
      id: r.id, at: r.at, text: r.text, service: r.service, unit: r.unit, unitCode: r.unit_code,
      status: r.status ?? "BARU", note: r.note, scores: r.answers,
    })),
    total: count?.n ?? 0,
    page,
    pageSize: FEEDBACK_PAGE_SIZE,
    canManage: can(caller, "feedback.manage", unit.path),
  };
}

/** Sets the follow-up status (and a note) of one saran: feedback.manage on the response's own unit. */
export const updateFeedback = defineWrite({
  input: ZFeedbackUpdate,
  capability: "feedback.manage",
  // Only a response with a saran has a follow-up.
  locate: async (tx, input) => {
    const response = await tx.response.findUnique({ where: { id: input.responseId }, select: { unitId: true, saran: true, unit: { select: { path: true } } } });
    return response?.saran ? response : null;
  },
  on: (response) => [response.unit.path],
  audit: (input, response) => ({ action: "feedback.update", targetType: "response", targetId: input.responseId, unitId: response.unitId, detail: { status: input.status } }),
  handler: async (tx, input, _response, { caller }) => {
    // The item exists (a trigger made it with the response); the note starts or extends its thread.
    const closed = input.status === "SELESAI" || input.status === "DIABAIKAN";
    await tx.feedbackItem.update({
      where: { responseId: input.responseId },
      data: { status: input.status, updatedById: caller.userId, updatedAt: new Date(), ...(closed ? { closedAt: new Date() } : { closedAt: null }) },
    });
    if (input.note) await tx.feedbackNote.create({ data: { responseId: input.responseId, authorId: caller.userId, body: input.note } });
  },
});
