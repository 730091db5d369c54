import "server-only";
import type { TTx } from "@/lib/db";
import { prisma } from "@/lib/db";
import type { TPeriod, TPeriodKind } from "@/lib/periods";

// The plan a write acts on, read in the write's transaction and locked (FOR UPDATE) so that two
// steps on one plan (an edit and its submission, two reviewers) take turns: the second sees
// what the first did. The capability is checked on `unit.path` by the write.

export type TLocatedPlan = { id: string; unitId: string; status: string; unit: { path: string; code: string }; period: TPeriod };

/** The states in which the unit edits its plan: a draft, or a plan returned to it. */
export const EDITABLE = new Set(["DRAFT", "DIKEMBALIKAN"]);

type TRow = { id: string; unit_id: string; status: string; path: string; code: string; kind: TPeriodKind; year: number; number: number };

export async function locatePlan(tx: TTx, planId: string): Promise<TLocatedPlan | null> {
  const [row] = await tx.$queryRaw<TRow[]>`
    SELECT p.id::text, p.unit_id::text, p.status::text, u.path, u.code, sp.kind::text AS kind, sp.year, sp.number
      FROM follow_up_plan p JOIN unit u ON u.id = p.unit_id JOIN survey_period sp ON sp.id = p.period_id
     WHERE p.id = ${planId}::uuid
       FOR UPDATE OF p`;
  if (!row) return null;
  return { id: row.id, unitId: row.unit_id, status: row.status, unit: { path: row.path, code: row.code }, period: { kind: row.kind, year: row.year, number: row.number } };
}

/** The plan of an action, located and locked as above, with the action's own state. */
export async function locateAction(tx: TTx, actionId: string) {
  const action = await tx.followUpAction.findUnique({ where: { id: actionId }, select: { id: true, planId: true, progress: true, doneAt: true } });
  if (!action) return null;
  const plan = await locatePlan(tx, action.planId);
  return plan && { ...plan, action };
}

/** Where a plan is (unit code and period), read before a write's transaction for its `prepare`. */
export async function planPlace(planId: string): Promise<{ unitCode: string; period: TPeriod } | null> {
  const row = await prisma.followUpPlan.findUnique({
    where: { id: planId },
    select: { unit: { select: { code: true } }, period: { select: { kind: true, year: true, number: true } } },
  });
  return row && { unitCode: row.unit.code, period: row.period };
}
