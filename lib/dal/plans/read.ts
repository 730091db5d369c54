import "server-only";
import { prisma } from "@/lib/db";
import { EDITABLE } from "@/lib/dal/plans/access";
import { planBasis, type TPlanBasis } from "@/lib/dal/plans/basis";
import { agencyTimeZone } from "@/lib/dal/settings";
import { isOverdue } from "@/lib/plans/overdue";
import { parsePeriodKey, type TPeriod } from "@/lib/periods";
import { can, type TCaller } from "@/lib/permissions";
import type { TPlanStatus } from "@/lib/validation/plans";

// One unit's rencana tindak lanjut for one period as it stands, with what the caller may do to
// it. dashboard.read on the plan's own unit (planBasis -> getUnitDashboard checks it); out of
// scope = null, the same as a unit that does not exist.

/** A file attached to the plan, served at /api/v1/attachments/<id> to those who may read the unit. */
export type TPlanFile = { id: string; filename: string; contentType: string; size: number };

export type TPlanProgressEntry = { id: string; progress: number; note: string | null; author: string | null; at: Date; files: TPlanFile[] };

export type TPlanActionView = {
  id: string;
  unsurCode: string;
  action: string;
  owner: string;
  dueDate: Date | null;
  expectedEffect: string | null;
  progress: number;
  realisation: string | null;
  doneAt: Date | null;
  overdue: boolean;
  entries: TPlanProgressEntry[];
};

export type TPlanView = {
  unit: { code: string; name: string };
  period: TPeriod;
  basis: TPlanBasis;
  /** What the caller may do here: write the plan (plan.edit) and review it (plan.review). */
  may: { edit: boolean; review: boolean };
  plan: null | {
    id: string;
    status: TPlanStatus;
    /** The unit edits it now (a draft, or returned) and the caller may. */
    editable: boolean;
    proposedUnsur: string[];
    fkpDate: Date | null;
    fkpParticipants: string | null;
    /** The FKP's minutes. */
    minutes: TPlanFile[];
    submittedAt: Date | null;
    approvedAt: Date | null;
    approvedBy: string | null;
    actions: TPlanActionView[];
    comments: { id: string; body: string; author: string | null; decision: TPlanStatus | null; at: Date }[];
  };
};

export async function readPlan(caller: TCaller | null, unitCode: string, periodKey: string): Promise<TPlanView | null> {
  const period = parsePeriodKey(periodKey);
  if (!caller || !period) return null;
  const basis = await planBasis(caller, unitCode, period);
  if (!basis) return null;
  const [unit, row, timeZone] = await Promise.all([
    prisma.unit.findUniqueOrThrow({ where: { id: basis.unitId }, select: { code: true, name: true } }),
    prisma.followUpPlan.findFirst({
      where: { unitId: basis.unitId, period: { kind: period.kind, year: period.year, number: period.number } },
      include: {
        approvedBy: { select: { name: true } },
        attachments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, filename: true, contentType: true, size: true, kind: true, progressId: true } },
        actions: {
          orderBy: [{ position: "asc" }, { unsurCode: "asc" }],
          include: { progressEntries: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } } },
        },
        comments: { orderBy: { createdAt: "asc" }, include: { user: { select: { name: true } } } },
      },
    }),
    agencyTimeZone(),
  ]);
  const now = new Date();
  const files = (progressId: string | null) =>
    (row?.attachments ?? []).filter((a) => a.progressId === progressId && (progressId !== null || a.kind === "FKP_MINUTES")).map(({ id, filename, contentType, size }) => ({ id, filename, contentType, size }));
  const may = { edit: can(caller, "plan.edit", basis.unitPath), review: can(caller, "plan.review", basis.unitPath) };
  return {
    unit,
    period,
    basis,
    may,
    plan: row && {
      id: row.id,
      status: row.status,
      editable: may.edit && EDITABLE.has(row.status),
      proposedUnsur: row.proposedUnsur,
      fkpDate: row.fkpDate,
      fkpParticipants: row.fkpParticipants,
      minutes: files(null),
      submittedAt: row.submittedAt,
      approvedAt: row.approvedAt,
      approvedBy: row.approvedBy?.name ?? null,
      actions: row.actions.map((a) => ({
        id: a.id, unsurCode: a.unsurCode, action: a.action, owner: a.owner, dueDate: a.dueDate, expectedEffect: a.expectedEffect,
        progress: a.progress, realisation: a.realisation, doneAt: a.doneAt,
        overdue: isOverdue(a.dueDate, a.progress, now, timeZone),
        entries: a.progressEntries.map((e) => ({ id: e.id, progress: e.progress, note: e.note, author: e.author?.name ?? null, at: e.createdAt, files: files(e.id) })),
      })),
      comments: row.comments.map((c) => ({ id: c.id, body: c.body, author: c.user?.name ?? null, decision: c.decision, at: c.createdAt })),
    },
  };
}
