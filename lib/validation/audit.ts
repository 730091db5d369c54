// The audit page's state lives in its URL (GET form, links): filters by
// person, action, unit and date range, and a keyset cursor for paging. A value
// that does not parse is ignored and named in `ignored`, as on the dashboards.
import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit-actions";
import type { TSearchParams } from "@/lib/validation/dashboard";

export const AUDIT_PAGE_SIZE = 50;

/** A position in the log, newest first: (at, id) of an entry. `at` has millisecond precision (timestamptz(3)). */
export type TAuditCursor = { at: Date; id: bigint };

/** "1764633600123.4821": the entry's time in milliseconds and its id. */
export const formatAuditCursor = (c: TAuditCursor) => `${c.at.getTime()}.${c.id}`;

const cursor = z
  .string()
  .regex(/^\d{1,15}\.\d{1,18}$/)
  .transform((v): TAuditCursor => {
    const [ms, id] = v.split(".");
    return { at: new Date(Number(ms)), id: BigInt(id!) };
  });

const day = z.iso.date();

const FIELDS = {
  orang: z.uuid(),
  aksi: z.enum(AUDIT_ACTIONS),
  unit: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/)
    .transform((v) => v.toUpperCase()),
  dari: day,
  sampai: day,
  /** The page of entries older than this one. */
  sebelum: cursor,
  /** The page of entries newer than this one. */
  sesudah: cursor,
} as const;

export type TAuditQuery = { [K in keyof typeof FIELDS]?: z.output<(typeof FIELDS)[K]> };

export function parseAuditQuery(params: TSearchParams): { query: TAuditQuery; ignored: string[] } {
  const query: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [name, schema] of Object.entries(FIELDS) as [keyof typeof FIELDS, z.ZodType][]) {
    const raw = params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) query[name] = parsed.data;
    else ignored.push(name);
  }
  // One direction at a time: both cursors is not a page.
  if (query.sebelum && query.sesudah) {
    delete query.sesudah;
    ignored.push("sesudah");
  }
  return { query: query as TAuditQuery, ignored };
}
