import "server-only";
import { getUnitDashboard } from "@/lib/dal/dashboard";
import { agencyClock } from "@/lib/dal/settings";
import { periodKey, type TPeriod } from "@/lib/periods";
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
  /** The period is still running on the agency's clock (a plan answers a completed one). */
  inProgress: boolean;
};

export async function planBasis(caller: TCaller | null, unitCode: string, period: TPeriod): Promise<TPlanBasis | null> {
  if (!caller) return null;
  const { query } = parseDashboardQuery({ periode: periodKey(period), cakupan: "sendiri" }, await agencyClock());
  const dash = await getUnitDashboard(caller, unitCode, query);
  if (!dash) return null;
  const template = dash.score?.result ? dash.score.result.items : (dash.family?.template.items ?? []);
  return {
    unitId: dash.unit.id,
    unitPath: dash.unit.path,
    priority: priorityUnsur(dash.score?.result),
    items: template.map((i) => ({ code: i.code, name: i.name, nameEn: i.nameEn })),
    inProgress: dash.inProgress,
  };
}
