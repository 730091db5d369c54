import "server-only";
import { submittedBefore } from "@/lib/dal/feedback/overdue-sql";
import { resolveScope, type TUnitNode } from "@/lib/dal/dashboard/scope";
import { agencySettings } from "@/lib/dal/settings";
import { empty, queryRows, sql, type TSql } from "@/lib/dal/sql";
import { monthStart, periodMonths } from "@/lib/periods";
import { overdueCutoff, serviceLevel, type TServiceLevel } from "@/lib/feedback/working-days";
import { can, type TCaller } from "@/lib/permissions";
import type { TInboxQuery } from "@/lib/validation/feedback";
import type { TFeedbackStatus } from "@/lib/validation/feedback-fields";

// The feedback inbox of a unit (with its sub-units when `cakupan` says so): every
// feedback_item, newest first, by page. Reads the one table the triggers keep
// (a saran or a low score per response); suspicious responses stay hidden.

export type TInboxRow = {
  id: string;
  at: Date;
  saran: string | null;
  lowItems: string[];
  service: string | null;
  unit: string;
  unitCode: string;
  status: TFeedbackStatus;
  assignee: string | null;
} & TServiceLevel;

export type TInboxPage = {
  unit: TUnitNode;
  scope: "sendiri" | "gabungan";
  items: TInboxRow[];
  total: number;
  page: number;
  pageSize: number;
  targetDays: number;
  canManage: boolean;
  /** The filters' choices: services of the units read, and the staff assigned to items there. */
  services: { code: string; name: string }[];
  assignees: { id: string; name: string }[];
};

export const INBOX_PAGE_SIZE = 20;

const ymd = (i: number) => monthStart(i).toISOString().slice(0, 10);
const OPEN = sql`f.answered_at IS NULL AND f.closed_at IS NULL`;

/** The query's filters, ANDed after the unit condition. */
export function inboxFilters(q: Omit<TInboxQuery, "hal" | "cakupan">, unitIds: string[], targetDays: number, timeZone: string, now: Date): TSql {
  const parts: TSql[] = [];
  if (q.status) parts.push(sql` AND f.status = ${q.status}::"FeedbackStatus"`);
  if (q.unsur) parts.push(sql` AND ${q.unsur} = ANY(f.low_items)`);
  if (q.layanan) parts.push(sql` AND f.service_id IN (SELECT s.id FROM service s WHERE s.code = ${q.layanan} AND s.unit_id = ANY(${unitIds}::uuid[]))`);
  if (q.period) {
    const { start, end } = periodMonths(q.period);
    parts.push(sql` AND f.submitted_at >= (${ymd(start)}::date::timestamp AT TIME ZONE suara_timezone()) AND f.submitted_at < (${ymd(end)}::date::timestamp AT TIME ZONE suara_timezone())`);
  }
  if (q.petugas === "none") parts.push(sql` AND f.assignee_id IS NULL`);
  else if (q.petugas) parts.push(sql` AND f.assignee_id = ${q.petugas}::uuid`);
  if (q.usia === "terlambat") parts.push(sql` AND ${OPEN} AND ${submittedBefore(overdueCutoff(now, targetDays, timeZone), timeZone)}`);
  else if (q.usia) parts.push(sql` AND f.closed_at IS NULL AND ${submittedBefore(overdueCutoff(now, q.usia, timeZone), timeZone)}`);
  if (q.cari) parts.push(sql` AND f.search @@ websearch_to_tsquery('indonesian', ${q.cari})`);
  return parts.length ? sql`${parts.reduce((a, b) => sql`${a}${b}`)}` : empty;
}

/** A unit's inbox, one page; null when the unit does not exist or is outside the caller's dashboards. */
export async function listInbox(caller: TCaller | null, code: string, q: TInboxQuery, now = new Date()): Promise<TInboxPage | null> {
  const scoped = await resolveScope(caller, code, q.cakupan);
  if (!scoped) return null;
  const { unit, unitIds, scope } = scoped;
  const settings = await agencySettings();
  const targetDays = settings.feedbackTargetDays;
  const where = sql`f.unit_id = ANY(${unitIds}::uuid[]) AND NOT f.suspicious${inboxFilters(q, unitIds, targetDays, settings.timeZone, now)}`;
  const page = q.hal;
  const [rows, [count], services, assignees] = await Promise.all([
    queryRows<{ id: string; at: Date; saran: string | null; low_items: string[]; service: string | null; unit: string; unit_code: string; status: TFeedbackStatus; assignee: string | null; answered_at: Date | null; closed_at: Date | null }>(
      sql`SELECT f.response_id AS id, f.submitted_at AS at, f.saran, f.low_items, s.name AS service, u.name AS unit, u.code AS unit_code,
                 f.status::text AS status, a.name AS assignee, f.answered_at, f.closed_at
            FROM feedback_item f JOIN unit u ON u.id = f.unit_id LEFT JOIN service s ON s.id = f.service_id LEFT JOIN "user" a ON a.id = f.assignee_id
           WHERE ${where}
           ORDER BY f.submitted_at DESC, f.response_id LIMIT ${INBOX_PAGE_SIZE} OFFSET ${(page - 1) * INBOX_PAGE_SIZE}`,
    ),
    queryRows<{ n: number }>(sql`SELECT count(*)::int AS n FROM feedback_item f WHERE ${where}`),
    queryRows<{ code: string; name: string }>(sql`SELECT code, name FROM service WHERE unit_id = ANY(${unitIds}::uuid[]) ORDER BY name, code`),
    queryRows<{ id: string; name: string }>(
      sql`SELECT DISTINCT a.id, a.name FROM feedback_item f JOIN "user" a ON a.id = f.assignee_id WHERE f.unit_id = ANY(${unitIds}::uuid[]) ORDER BY a.name`,
    ),
  ]);
  return {
    unit,
    scope,
    items: rows.map((r) => ({
      id: r.id, at: r.at, saran: r.saran, lowItems: [...r.low_items].sort(byCode), service: r.service, unit: r.unit, unitCode: r.unit_code,
      status: r.status, assignee: r.assignee,
      ...serviceLevel({ submittedAt: r.at, answeredAt: r.answered_at, closedAt: r.closed_at }, targetDays, settings.timeZone, now),
    })),
    total: count?.n ?? 0,
    page,
    pageSize: INBOX_PAGE_SIZE,
    targetDays,
    canManage: can(caller, "feedback.manage", unit.path),
    services: dedupeByCode(services),
    assignees,
  };
}

/** Item codes in their order on the form: U2 before U10. */
export const byCode = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });

function dedupeByCode(rows: { code: string; name: string }[]) {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.code) && (seen.add(r.code), true));
}
