import "server-only";
import { prisma } from "@/lib/db";
import { resolveScope } from "@/lib/dal/dashboard/scope";
import { agencyClock } from "@/lib/dal/settings";
import { periodKey, periodMonths, shiftPeriod, type TPeriod } from "@/lib/periods";
import { can, type TCaller } from "@/lib/permissions";
import { isPlanDone } from "@/lib/plans/overdue";
import { defaultPeriod, runningPeriod } from "@/lib/validation/dashboard";
import type { TPlanStatus } from "@/lib/validation/plans";

// A unit's plans, one row per completed period of the agency's rhythm (the last few, and any
// older period that has a plan): where each stands, and a way in. dashboard.read on the unit.

/** How many completed periods the list offers, plan or not. */
const RECENT = 4;

export type TPlanListRow = {
  period: TPeriod;
  key: string;
  plan: null | { status: TPlanStatus; actions: number; realisationPct: number; done: boolean };
};

export type TPlanList = { unit: { code: string; name: string }; canEdit: boolean; rows: TPlanListRow[]; /** This year on the agency's clock. */ year: number };

export async function listPlans(caller: TCaller | null, unitCode: string): Promise<TPlanList | null> {
  const scoped = await resolveScope(caller, unitCode, "sendiri");
  if (!scoped) return null;
  const { unit } = scoped;
  const [clock, plans] = await Promise.all([
    agencyClock(),
    prisma.followUpPlan.findMany({
      where: { unitId: unit.id },
      select: { status: true, period: { select: { kind: true, year: true, number: true } }, actions: { select: { progress: true } } },
    }),
  ]);
  const last = defaultPeriod(clock);
  const rows = new Map<string, TPlanListRow>();
  for (let i = 0; i < RECENT; i++) {
    const period = shiftPeriod(last, -i);
    rows.set(periodKey(period), { period, key: periodKey(period), plan: null });
  }
  for (const p of plans) {
    const progresses = p.actions.map((a) => Math.min(Math.max(a.progress, 0), 100));
    const key = periodKey(p.period);
    rows.set(key, {
      period: p.period,
      key,
      plan: {
        status: p.status,
        actions: progresses.length,
        realisationPct: progresses.length ? Math.round(progresses.reduce((s, v) => s + v, 0) / progresses.length) : 0,
        done: isPlanDone(progresses),
      },
    });
  }
  // Newest first by when the period starts (a month and a triwulan of the same year interleave rightly).
  const order = (p: TPeriod) => periodMonths(p).start;
  return {
    unit: { code: unit.code, name: unit.name },
    canEdit: can(caller, "plan.edit", unit.path),
    year: runningPeriod(clock).year,
    rows: [...rows.values()].sort((a, b) => order(b.period) - order(a.period) || a.period.kind.localeCompare(b.period.kind)),
  };
}
