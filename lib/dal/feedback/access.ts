import "server-only";
import type { TTx } from "@/lib/db";
import { ROLE_CAPABILITIES } from "@/lib/permissions";

// The item a feedback write acts on, read in the write's transaction with the
// path of its unit (the capability is checked there). A suspicious response's item
// is hidden from the inbox, so it is not found for a write either.

export type TLocatedItem = { responseId: string; unitId: string; status: string; answeredAt: Date | null; closedAt: Date | null; unit: { path: string } };

export async function locateItem(tx: TTx, responseId: string): Promise<TLocatedItem | null> {
  const item = await tx.feedbackItem.findUnique({
    where: { responseId },
    select: { responseId: true, unitId: true, status: true, answeredAt: true, closedAt: true, suspicious: true, unit: { select: { path: true } } },
  });
  if (!item || item.suspicious) return null;
  return { responseId: item.responseId, unitId: item.unitId, status: item.status, answeredAt: item.answeredAt, closedAt: item.closedAt, unit: item.unit };
}

/** The roles that hold feedback.manage (an assignee must have one on the item's unit or above it). */
export const MANAGING_ROLES = (Object.keys(ROLE_CAPABILITIES) as (keyof typeof ROLE_CAPABILITIES)[]).filter((r) => ROLE_CAPABILITIES[r].includes("feedback.manage"));

/** The unit paths a role on which covers `path`: the unit and its ancestors ("/a/", "/a/b/", ...). */
export function coveringPaths(path: string): string[] {
  const ids = path.split("/").filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join("/")}/`);
}
