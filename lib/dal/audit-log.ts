import "server-only";
import { prisma } from "@/lib/db";
import { empty, join, queryRows, sql, type TSql } from "@/lib/dal/sql";
import { can, type TCaller } from "@/lib/permissions";
import { AUDIT_PAGE_SIZE, type TAuditCursor, type TAuditQuery } from "@/lib/validation/audit";

// The audit log as the admin reads it: who (the account's name and email),
// what (the action), which unit and which record by name, newest first, a page
// at a time by (at, id) (keyset: no entry skipped or shown twice between pages,
// entries with the same time included, however long the log). For admins of the
// whole agency only: it spans every unit.

export type TAuditRow = {
  id: string;
  at: Date;
  action: string;
  /** The account that acted, as it is now; null: none (the server shell) or an email with no account. */
  actor: { id: string; name: string; email: string } | null;
  /** The email the entry recorded (a sign-in attempt for an unknown account has only this). */
  actorEmail: string | null;
  unit: { id: string; code: string | null; name: string | null } | null;
  /** `name` null: the record is gone (or has no name), show the type and id. `at`: a response's time. */
  target: { type: string; id: string | null; name: string | null; at: Date | null } | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
};

export type TAuditPage = {
  rows: TAuditRow[];
  /** Cursors for the pages either side, or null at that end of the log. */
  newer: TAuditCursor | null;
  older: TAuditCursor | null;
};

export type TAuditChoices = { people: { id: string; name: string; email: string }[] };

/** The agency's root unit if the caller is an admin of it, else null. */
async function agencyAdmin(caller: TCaller | null): Promise<{ path: string } | null> {
  if (!caller) return null;
  const root = await prisma.unit.findFirst({ where: { parentId: null }, orderBy: { createdAt: "asc" }, select: { path: true } });
  return root && can(caller, "admin", root.path) ? root : null;
}

/** The text id of a record, as the uuid the record's table keys on (null when it is not one: no join, no cast error). */
const targetUuid = sql`CASE WHEN p.target_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN p.target_id::uuid END`;

const older = (c: TAuditCursor) => sql`(a.at, a.id) < (${c.at}::timestamptz, ${c.id.toString()}::bigint)`;
const newer = (c: TAuditCursor) => sql`(a.at, a.id) > (${c.at}::timestamptz, ${c.id.toString()}::bigint)`;

/** The filters as SQL conditions on audit_log a (days on the agency's clock). */
function filters(q: TAuditQuery, unit: { path: string } | null): TSql[] {
  const where: TSql[] = [];
  if (q.orang) where.push(sql`a.actor_id = ${q.orang}::uuid`);
  if (q.aksi) where.push(sql`a.action = ${q.aksi}`);
  // A unit and its sub-units; a unit that does not exist matches nothing.
  if (q.unit) where.push(unit ? sql`a.unit_id IN (SELECT id FROM unit WHERE path LIKE ${unit.path.replace(/[\\%_]/g, "\\$&") + "%"})` : sql`false`);
  if (q.dari) where.push(sql`a.at >= (${q.dari}::date)::timestamp AT TIME ZONE suara_timezone()`);
  if (q.sampai) where.push(sql`a.at < (${q.sampai}::date + 1)::timestamp AT TIME ZONE suara_timezone()`);
  return where;
}

const whereOf = (conditions: TSql[]) => (conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty);

type TRawRow = {
  id: string; at: Date; action: string; actor_id: string | null; actor_email: string | null; actor_name: string | null; actor_email_now: string | null;
  unit_id: string | null; unit_code: string | null; unit_name: string | null;
  target_type: string | null; target_id: string | null; target_name: string | null; target_at: Date | null;
  ip: string | null; detail: Record<string, unknown> | null;
};

/** One page of the log, the entries joined to the people, units and records they name. */
async function pageRows(conditions: TSql[], direction: "older" | "newer", size: number): Promise<TRawRow[]> {
  const order = direction === "older" ? sql`a.at DESC, a.id DESC` : sql`a.at ASC, a.id ASC`;
  return queryRows<TRawRow>(sql`
    WITH p AS (SELECT a.* FROM audit_log a ${whereOf(conditions)} ORDER BY ${order} LIMIT ${size})
    SELECT p.id::text AS id, p.at, p.action, p.actor_id, p.actor_email, actor.name AS actor_name, actor.email AS actor_email_now,
           p.unit_id, u.code AS unit_code, u.name AS unit_name, p.target_type, p.target_id,
           CASE p.target_type WHEN 'user' THEN tu.name WHEN 'unit' THEN tn.name WHEN 'kiosk_device' THEN tk.name WHEN 'service' THEN ts.name END AS target_name,
           tr.submitted_at AS target_at, p.ip, p.detail
      FROM p
      LEFT JOIN "user" actor ON actor.id = p.actor_id
      LEFT JOIN unit u ON u.id = p.unit_id
      LEFT JOIN "user" tu ON p.target_type = 'user' AND tu.id = ${targetUuid}
      LEFT JOIN unit tn ON p.target_type = 'unit' AND tn.id = ${targetUuid}
      LEFT JOIN kiosk_device tk ON p.target_type = 'kiosk_device' AND tk.id = ${targetUuid}
      LEFT JOIN service ts ON p.target_type = 'service' AND ts.id = ${targetUuid}
      LEFT JOIN response tr ON p.target_type = 'response' AND tr.id = ${targetUuid}
     ORDER BY p.at DESC, p.id DESC`);
}

const cursorOf = (r: TRawRow): TAuditCursor => ({ at: r.at, id: BigInt(r.id) });

/**
 * A page of the audit log, newest first: the newest entries, those just older
 * than `sebelum`, or those just newer than `sesudah` (a short page of newer ones
 * is topped up to the newest page). Null for anyone but an admin of the agency.
 */
export async function listAuditLog(caller: TCaller | null, query: TAuditQuery = {}, size = AUDIT_PAGE_SIZE): Promise<TAuditPage | null> {
  if (!(await agencyAdmin(caller))) return null;
  const unit = query.unit ? await prisma.unit.findUnique({ where: { code: query.unit }, select: { path: true } }) : null;
  const base = filters(query, unit);
  let rows: TRawRow[];
  if (query.sesudah) {
    rows = await pageRows([...base, newer(query.sesudah)], "newer", size);
    if (rows.length < size) rows = await pageRows(base, "older", size);
  } else {
    rows = await pageRows(query.sebelum ? [...base, older(query.sebelum)] : base, "older", size);
  }
  let ends = { newer: false, older: false };
  if (rows.length > 0) {
    const first = cursorOf(rows[0]!);
    const last = cursorOf(rows.at(-1)!);
    const [r] = await queryRows<{ newer: boolean; older: boolean }>(sql`
      SELECT EXISTS (SELECT 1 FROM audit_log a ${whereOf([...base, newer(first)])}) AS newer,
             EXISTS (SELECT 1 FROM audit_log a ${whereOf([...base, older(last)])}) AS older`);
    ends = r!;
  }
  return {
    rows: rows.map(toRow),
    newer: ends.newer ? cursorOf(rows[0]!) : null,
    older: ends.older ? cursorOf(rows.at(-1)!) : null,
  };
}

function toRow(r: TRawRow): TAuditRow {
  return {
    id: r.id,
    at: r.at,
    action: r.action,
    actor: r.actor_id && r.actor_name !== null ? { id: r.actor_id, name: r.actor_name, email: r.actor_email_now ?? r.actor_email ?? "" } : null,
    actorEmail: r.actor_email,
    unit: r.unit_id ? { id: r.unit_id, code: r.unit_code, name: r.unit_name } : null,
    target: r.target_type ? { type: r.target_type, id: r.target_id, name: r.target_name, at: r.target_at } : null,
    ip: r.ip,
    detail: r.detail && typeof r.detail === "object" && !Array.isArray(r.detail) ? r.detail : null,
  };
}

/** The people the person filter offers: every account, by name. */
export async function listAuditChoices(caller: TCaller | null): Promise<TAuditChoices | null> {
  if (!(await agencyAdmin(caller))) return null;
  const people = await prisma.user.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true } });
  return { people };
}
