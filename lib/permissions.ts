// Who may do what, where. Pure: the data layer calls these with the caller and
// the specific unit's path; a role held on a unit covers its whole subtree,
// and a user's access is the union of their assignments.
import type { Role } from "@/lib/generated/prisma/enums";

export type Capability =
  | "unit.read" // the unit exists for you, with response counts
  | "dashboard.read" // IKM, NRR, trends, saran, exports
  | "feedback.manage" // follow-up status of saran
  | "contact.read" // contact details a citizen consented to leave
  | "plan.edit" // write the rencana tindak lanjut
  | "plan.review" // comment on and approve plans
  | "operate" // paper entry, kiosks, QR posters
  | "admin"; // users, roles, settings, audit log

export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  ADMIN: ["unit.read", "dashboard.read", "feedback.manage", "contact.read", "plan.edit", "plan.review", "operate", "admin"],
  PIMPINAN: ["unit.read", "dashboard.read", "plan.review"],
  KEPALA_UNIT: ["unit.read", "dashboard.read", "feedback.manage", "contact.read", "plan.edit"],
  OPERATOR: ["unit.read", "operate"],
};

export type TAssignment = { role: Role; unitId: string; unitPath: string };
export type TCaller = { userId: string; email: string; name: string; assignments: TAssignment[]; mustChangePassword: boolean };

/** Whether the caller may `capability` on the unit at `unitPath` ("/root/.../unit/"). */
export function can(caller: TCaller | null, capability: Capability, unitPath: string): boolean {
  if (!caller) return false;
  return caller.assignments.some((a) => unitPath.startsWith(a.unitPath) && ROLE_CAPABILITIES[a.role].includes(capability));
}

/** The subtree roots where the caller holds `capability`, without nested duplicates. */
export function scopePaths(caller: TCaller | null, capability: Capability): string[] {
  if (!caller) return [];
  const paths = caller.assignments.filter((a) => ROLE_CAPABILITIES[a.role].includes(capability)).map((a) => a.unitPath);
  return [...new Set(paths)].filter((p, _, all) => !all.some((q) => q !== p && p.startsWith(q))).sort();
}

export function hasAnywhere(caller: TCaller | null, capability: Capability): boolean {
  return scopePaths(caller, capability).length > 0;
}
