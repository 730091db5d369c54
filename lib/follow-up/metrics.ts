// What evaluators ask of the follow-up (PermenPANRB 29/2022 as amended by 4/2023, on the
// evaluation of public service delivery): how much of the plans was carried out, and how soon
// after the survey report the follow-up came; and which period tells whether a plan worked.
// Pure: no database.
import { currentMonth, periodMonths, periodOfMonth, shiftPeriod, type TPeriod } from "@/lib/periods";

export type TPlanFacts = {
  unitId: string;
  /** When the survey result was reported: the unit's publication for the period, else the period's end. */
  reportedAt: Date;
  /** The follow-up: when the plan was approved (null = not yet). */
  approvedAt: Date | null;
  /** Progress (0..100) of each of the plan's actions. */
  actions: number[];
};

export type TFollowUpMetrics = {
  plans: number;
  approvedPlans: number;
  actions: number;
  /** Actions at 100 %. */
  realised: number;
  /** realised / actions, 0..1; null with no actions. */
  realisedShare: number | null;
  /** Days from report to approval, per approved plan; mean and the slowest. */
  meanDaysToFollowUp: number | null;
  maxDaysToFollowUp: number | null;
};

const DAY = 86_400_000;

/**
 * Days from the report to the approved plan, whole days, never negative (a plan approved before
 * the publication — e.g. agreed in the FKP right after the period ended — counts as 0 days).
 * The approval, not the submission, is the follow-up: only an approved plan binds the unit.
 */
export function daysToFollowUp(reportedAt: Date, approvedAt: Date): number {
  return Math.max(0, Math.floor((approvedAt.getTime() - reportedAt.getTime()) / DAY));
}

/** Pool plans into the evaluators' figures. Only approved plans' actions count as planned work. */
export function followUpMetricsOf(plans: readonly TPlanFacts[]): TFollowUpMetrics {
  const approved = plans.filter((p) => p.approvedAt !== null);
  const progress = approved.flatMap((p) => p.actions);
  const realised = progress.filter((x) => x >= 100).length;
  const days = approved.map((p) => daysToFollowUp(p.reportedAt, p.approvedAt as Date));
  return {
    plans: plans.length,
    approvedPlans: approved.length,
    actions: progress.length,
    realised,
    realisedShare: progress.length > 0 ? realised / progress.length : null,
    meanDaysToFollowUp: days.length > 0 ? days.reduce((a, b) => a + b, 0) / days.length : null,
    maxDaysToFollowUp: days.length > 0 ? Math.max(...days) : null,
  };
}

/**
 * The period whose NRR says whether a plan worked: the next period of the same kind, or, for a
 * plan approved later than that period (written late), the period in which it was approved; a
 * plan cannot be credited with a change that came before it. Null while it is not approved.
 */
export function measuredPeriod(period: TPeriod, approvedAt: Date | null, timeZone: string): TPeriod | null {
  if (!approvedAt) return null;
  const next = shiftPeriod(period, 1);
  const during = periodOfMonth(period.kind, currentMonth(timeZone, approvedAt));
  return periodMonths(during).start > periodMonths(next).start ? during : next;
}
