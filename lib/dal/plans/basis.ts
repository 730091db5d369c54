import "server-only";
import { getUnitDashboard } from "@/lib/dal/dashboard";
import { agencyClock } from "@/lib/dal/settings";
import { currentMonth, inProgress, periodKey, periodMonths, type TPeriod } from "@/lib/periods";
import type { TCaller } from "@/lib/permissions";
import { priorityUnsur, type TPriorityUnsur } from "@/lib/plans/priority";
import { parseDashboardQuery } from "@/lib/validation/dashboard";

// What a unit's plan for a period starts from: the period's index as the unit's dashboard shows
// it (same rollups, same ranking, lib/ikm), its weakest unsur proposed as priorities, and the
// questionnaire's items an action may address. dashboard.read on the unit (getUnitDashboard
// checks it); out of scope = null.

export type TPlanBasis = {
  unitId: string;
  unitPath: string;
  /** Weakest first (rank 1..PRIORITY_COUNT); empty when nobody answered in the period. */
  priority: TPriorityUnsur[];
  /** The questionnaire's items in order: what an action's unsur may be. */
  items: { code: string; name: string; nameEn: string }[];
  /**
   * Whether a plan may be written for the period: "ok", or why not: not of the agency's reporting
   * rhythm ("kind": a triwulan agency plans per triwulan, not per month or year), not ended on the
   * agency's clock ("running", "future"), or nobody answered in it ("noData": nothing to plan from).
   */
  eligibility: TPlanEligibility;
};

export type TPlanEligibility = "ok" | "kind" | "running" | "future" | "noData";

function eligibilityOf(period: TPeriod, rhythm: string, timeZone: string, answered: boolean, now = new Date()): TPlanEligibility {
  if (period.kind !== rhythm) return "kind";
  if (periodMonths(period).start > currentMonth(timeZone, now)) return "future";
  if (inProgress(period, timeZone, now)) return "running";
  return answered ? "ok" : "noData";
}

export async function planBasis(caller: TCaller | null, unitCode: string, period: TPeriod): Promise<TPlanBasis | null> {
  if (!caller) return null;
  // The period as the unit's dashboard shows it by default (a unit with sub-units pooled with them),
  // so that the NRR proposed here is the one the kepala read there.
  const clock = await agencyClock();
  const { query } = parseDashboardQuery({ periode: periodKey(period) }, clock);
  const dash = await getUnitDashboard(caller, unitCode, query);
  if (!dash) return null;
  const priority = priorityUnsur(dash.score?.result);
  const template = dash.score?.result ? dash.score.result.items : (dash.family?.template.items ?? []);
  return {
    unitId: dash.unit.id,
    unitPath: dash.unit.path,
    priority,
    items: template.map((i) => ({ code: i.code, name: i.name, nameEn: i.nameEn })),
    eligibility: eligibilityOf(period, clock.rhythm, clock.timeZone, priority.length > 0),
  };
}
