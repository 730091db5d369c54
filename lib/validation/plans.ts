// The rencana tindak lanjut's writes: start, its actions (kegiatan), the Forum Konsultasi Publik,
// submit / return / approve, the comment thread and each action's realisation. Pure.
import { z } from "zod";
import { ZAttachmentFiles } from "@/lib/validation/attachments";
import { unitCode } from "@/lib/validation/codes";
import { parsePeriodKey } from "@/lib/periods";
import { plainString } from "@/lib/validation/text";

const planId = z.uuid();

/** The longest text each field keeps (the forms' maxLength is the same number). */
export const PLAN_LIMITS = { action: 1000, owner: 200, expectedEffect: 1000, fkpParticipants: 2000, note: 2000, comment: 2000 } as const;

/** Required free text, up to `max` characters. */
const text = (max: number, multiline = true) =>
  plainString({ multiline })
    .trim()
    .min(1, { error: "required" })
    .max(max, { error: "tooLong" });

/** Optional free text: an empty field is null. */
const optionalText = (max: number) =>
  z.union([
    z
      .string()
      .trim()
      .length(0)
      .transform(() => null),
    text(max),
  ]).nullable().optional().transform((v) => v ?? null);

/** A calendar date (YYYY-MM-DD, as a date input sends it), or null for an empty field. */
const optionalDay = z
  .union([z.literal("").transform(() => null), z.iso.date({ error: "date" })])
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** The period a plan answers, as the dashboards write it ("2026-T3"). */
export const planPeriod = z.string().transform((v, ctx) => parsePeriodKey(v) ?? (ctx.addIssue({ code: "custom", message: "invalidChoice" }), z.NEVER));

export const ZPlanStart = z.object({ unitCode, period: planPeriod });

/** An item code of the questionnaire ("U3"); which ones the plan's template has is checked by the write. */
const unsurCode = z
  .string({ error: "invalidChoice" })
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,15}$/, { error: "invalidChoice" });

/** A new action (no actionId) or the edit of one. */
export const ZPlanAction = z.object({
  planId,
  actionId: z.union([z.literal("").transform(() => null), z.uuid()]).nullable().optional().transform((v) => v ?? null),
  unsurCode,
  action: text(PLAN_LIMITS.action),
  owner: text(PLAN_LIMITS.owner, false),
  dueDate: optionalDay,
  expectedEffect: optionalText(PLAN_LIMITS.expectedEffect),
});

export const ZPlanActionDelete = z.object({ planId, actionId: z.uuid() });

/** The Forum Konsultasi Publik where the plan was discussed (all optional), its minutes attached. */
export const ZPlanFkp = z.object({ planId, fkpDate: optionalDay, fkpParticipants: optionalText(PLAN_LIMITS.fkpParticipants), files: ZAttachmentFiles });

/** Draft or returned -> submitted, with an optional word to the reviewer. */
export const ZPlanSubmit = z.object({ planId, body: optionalText(PLAN_LIMITS.comment) });

/** A plan's states, as the database's PlanStatus has them. */
export const PLAN_STATUSES = ["DRAFT", "DIAJUKAN", "DISETUJUI", "DIKEMBALIKAN"] as const;
export type TPlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_DECISIONS = ["DISETUJUI", "DIKEMBALIKAN"] as const;

/** The reviewer's step: approve (a word optional) or return (the comment says what to change: required). */
export const ZPlanReview = z
  .object({ planId, decision: z.enum(PLAN_DECISIONS, { error: "invalidChoice" }), body: optionalText(PLAN_LIMITS.comment) })
  .refine((v) => v.decision !== "DIKEMBALIKAN" || v.body !== null, { path: ["body"], error: "required" });

export const ZPlanComment = z.object({ planId, body: text(PLAN_LIMITS.comment) });

/** One step of an action's realisation: the percentage it has reached and what was done. */
export const ZPlanProgress = z.object({
  actionId: z.uuid(),
  progress: z
    .union([z.number(), z.string().trim().regex(/^\d{1,3}$/, { error: "progressRange" }).transform(Number)], { error: "progressRange" })
    .pipe(z.number().int({ error: "progressRange" }).min(0, { error: "progressRange" }).max(100, { error: "progressRange" })),
  note: optionalText(PLAN_LIMITS.note),
  /** Evidence: photos, PDFs. */
  files: ZAttachmentFiles,
});
