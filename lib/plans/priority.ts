// Which unsur a follow-up plan starts from: the weakest NRR of the period, as the dashboards rank
// them (lib/ikm's rank: 1 = weakest, ties to the earlier item). Pure.
import type { IkmResult } from "@/lib/ikm";

/** How many of the weakest unsur a report lists as priorities for improvement. */
export const PRIORITY_COUNT = 3;

export type TPriorityUnsur = { code: string; name: string; nameEn: string; nrr: number; rank: number };

/** The PRIORITY_COUNT weakest answered unsur of a result, weakest first; none without answers. */
export function priorityUnsur(result: IkmResult | null | undefined): TPriorityUnsur[] {
  if (!result) return [];
  return result.items
    .filter((i): i is typeof i & { nrr: number; rank: number } => i.nrr !== null && i.rank !== null && i.rank <= PRIORITY_COUNT)
    .sort((a, b) => a.rank - b.rank)
    .map((i) => ({ code: i.code, name: i.name, nameEn: i.nameEn, nrr: i.nrr, rank: i.rank }));
}
