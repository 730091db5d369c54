// The feedback inbox: its filters (the URL's query, like the dashboards': a value
// that does not parse is ignored and named) and its writes (triage, notes,
// replies, a view of contact details). Pure.
import { z } from "zod";
import { parsePeriodKey, type TPeriod } from "@/lib/periods";
import { FEEDBACK_STATUSES, type TFeedbackStatus } from "@/lib/validation/feedback-fields";
import { plainString } from "@/lib/validation/text";
import type { TSearchParams } from "@/lib/validation/dashboard";

/** "terlambat": overdue only; a number: open and older than that many working days. */
export type TAgeFilter = "terlambat" | number;

export type TInboxQuery = {
  status?: TFeedbackStatus;
  /** An item code scored low (1 or 2). */
  unsur?: string;
  /** A service code. */
  layanan?: string;
  /** Submitted in this period (none: every period). */
  period?: TPeriod;
  /** A user id, or "none" for unassigned. */
  petugas?: string;
  usia?: TAgeFilter;
  /** Full-text search on the saran (Indonesian stemming). */
  cari?: string;
  cakupan?: "sendiri" | "gabungan";
  hal: number;
};

const FIELDS = {
  status: z.enum(FEEDBACK_STATUSES),
  unsur: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,15}$/),
  layanan: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/)
    .transform((v) => v.toUpperCase()),
  periode: z.string().transform((v, ctx) => parsePeriodKey(v) ?? (ctx.addIssue({ code: "custom", message: "period" }), z.NEVER)),
  petugas: z.union([z.literal("none"), z.uuid()]),
  usia: z.union([z.literal("terlambat"), z.coerce.number().int().min(1).max(365)]),
  cari: plainString().trim().min(1).max(200),
  cakupan: z.enum(["sendiri", "gabungan"]),
  hal: z.coerce.number().int().min(1).max(10_000),
} as const;

/** The inbox's filters from a URL's query; unknown parameters are left alone. */
export function parseInboxQuery(params: TSearchParams): { query: TInboxQuery; ignored: string[] } {
  const out: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [name, schema] of Object.entries(FIELDS) as [keyof typeof FIELDS, z.ZodType][]) {
    const raw = params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) out[name] = parsed.data;
    else ignored.push(name);
  }
  const { periode, hal, ...rest } = out as Omit<TInboxQuery, "period" | "hal"> & { periode?: TPeriod; hal?: number };
  return { query: { ...rest, period: periode, hal: hal ?? 1 }, ignored };
}

const responseId = z.uuid();
const text = (max: number) =>
  plainString({ multiline: true })
    .trim()
    .min(1, { error: "required" })
    .max(max, { error: "tooLong" });

/** New status of an item (closing it sets closed_at). */
export const ZFeedbackStatus = z.object({ responseId, status: z.enum(FEEDBACK_STATUSES, { error: "invalidChoice" }) });

/** Who follows the item up: a staff member holding feedback.manage on its unit, or nobody (""). */
export const ZFeedbackAssign = z.object({
  responseId,
  assigneeId: z.union([z.literal("").transform(() => null), z.uuid({ error: "invalidChoice" })]).nullable(),
});

/** An internal note in the item's thread. */
export const ZFeedbackNote = z.object({ responseId, body: text(2000) });

/** The unit's reply to the citizen. */
export const ZFeedbackReply = z.object({ responseId, body: text(4000) });

/** A view of the contact details the citizen left (audited). */
export const ZContactView = z.object({ responseId });
