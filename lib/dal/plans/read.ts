import "server-only";
import { prisma } from "@/lib/db";
import { resolveScope } from "@/lib/dal/dashboard/scope";
import { agencyTimeZone } from "@/lib/dal/settings";
import { isOverdue } from "@/lib/plans/overdue";
import { parsePeriodKey, type TPeriod } from "@/lib/periods";
import type { TCaller } from "@/lib/permissions";

// One unit's rencana tindak lanjut for one period, as it stands: read-only (the editor and the
// review steps are not built yet). dashboard.read on the plan's own unit; out of scope = null.

export type TPlanView = {
  unit: { code: string; name: string };
  period: TPeriod;
  plan: null | {
    id: string;
    status: string;
    proposedUnsur: string[];
    approvedAt: Date | null;
    actions: { id: string; unsurCode: string; action: string; owner: string; dueDate: Date | null; progress: number; overdue: boolean }[];
    comments: { id: string; body: string; author: string | null; decision: string | null; at: Date }[];
  };
};

export async function readPlan(caller: TCaller | null, unitCode: string, periodKey: string): Promise<TPlanView | null> {
  const period = parsePeriodKey(periodKey);
  if (!caller || !period) return null;
  const scoped = await resolveScope(caller, unitCode, "sendiri");
  if (!scoped) return null;
  const { unit } = scoped;
  const [row, timeZone] = await Promise.all([
    prisma.followUpPlan.findFirst({
      where: { unitId: unit.id, period: { kind: period.kind, year: period.year, number: period.number } },
      include: {
        actions: { orderBy: [{ unsurCode: "asc" }, { position: "asc" }] },
        comments: { orderBy: { createdAt: "asc" }, include: { user: { select: { name: true } } } },
      },
    }),
    agencyTimeZone(),
  ]);
  const now = new Date();
  return {
    unit: { code: unit.code, name: unit.name },
    period,
    plan: row && {
      id: row.id,
      status: row.status,
      proposedUnsur: row.proposedUnsur,
      approvedAt: row.approvedAt,
      actions: row.actions.map((a) => ({
        id: a.id, unsurCode: a.unsurCode, action: a.action, owner: a.owner, dueDate: a.dueDate, progress: a.progress,
        overdue: isOverdue(a.dueDate, a.progress, now, timeZone),
      })),
      comments: row.comments.map((c) => ({ id: c.id, body: c.body, author: c.user?.name ?? null, decision: c.decision, at: c.createdAt })),
    },
  };
}
