import "server-only";
import { prisma, type TTx } from "@/lib/db";
import { clearSurveyCache } from "@/lib/dal/survey";
import { getUnitForCaller, type TUnitRef } from "@/lib/dal/units";
import { defineWrite } from "@/lib/dal/write";
import type { TCaller } from "@/lib/permissions";
import { ZCreateService, ZMoveService, ZRenameService, ZSetServiceActive } from "@/lib/validation/services";

// The services (jenis layanan) of a unit, kept by an admin whose scope covers the
// unit. A service is never deleted: retiring it takes it off the citizen's form
// and keeps every response that named it. Its code is in printed survey links,
// so it is set once; the names (Indonesian and English) can change.

export type TServiceRow = { id: string; code: string; name: string; nameEn: string | null; active: boolean; sortOrder: number; responses: number };

/** A unit's services in the form's order, retired ones last, for an admin of the unit; null otherwise. */
export async function listServicesForAdmin(caller: TCaller | null, unitCode: string): Promise<{ unit: TUnitRef; services: TServiceRow[] } | null> {
  const unit = await getUnitForCaller(caller, unitCode, "admin");
  if (!unit) return null;
  const rows = await prisma.service.findMany({
    where: { unitId: unit.id },
    orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, code: true, name: true, nameEn: true, active: true, sortOrder: true, _count: { select: { responses: true } } },
  });
  return { unit, services: rows.map(({ _count, ...s }) => ({ ...s, responses: _count.responses })) };
}

const serviceWithUnit = (tx: TTx, serviceId: string) =>
  tx.service.findUnique({
    where: { id: serviceId },
    select: { id: true, code: true, name: true, nameEn: true, active: true, unitId: true, unit: { select: { code: true, path: true } } },
  });

/**
 * One change of a unit's service order at a time (adding one, moving one): a lock on the
 * unit's order for the transaction. Row locks taken in sort order would deadlock, as each
 * move changes that order.
 */
async function lockOrder(tx: TTx, unitId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('service-order'), hashtext(${unitId}))`;
}

/** The cached questionnaire of the unit shows the change at once on this instance. */
const refreshSurvey = () => clearSurveyCache();

export const createService = defineWrite({
  input: ZCreateService,
  capability: "admin",
  locate: (tx, input) => tx.unit.findUnique({ where: { code: input.unitCode }, select: { id: true, path: true } }),
  on: (unit) => [unit.path],
  // The unique (unit, code) decides: two admins adding the same code at once get one service.
  conflict: "exists",
  audit: (input, unit, { newId }) => ({ action: "service.create", targetType: "service", targetId: newId, unitId: unit.id, detail: { code: input.code, name: input.name, nameEn: input.nameEn } }),
  handler: async (tx, input, unit, { newId }) => {
    await lockOrder(tx, unit.id);
    const last = await tx.service.aggregate({ where: { unitId: unit.id }, _max: { sortOrder: true } });
    await tx.service.create({ data: { id: newId, unitId: unit.id, code: input.code, name: input.name, nameEn: input.nameEn, sortOrder: (last._max.sortOrder ?? -1) + 1 } });
    return { id: newId };
  },
  afterCommit: refreshSurvey,
});

export const renameService = defineWrite({
  input: ZRenameService,
  capability: "admin",
  locate: (tx, input) => serviceWithUnit(tx, input.serviceId),
  on: (s) => [s.unit.path],
  audit: (input, s) => ({
    action: "service.rename",
    targetType: "service",
    targetId: s.id,
    unitId: s.unitId,
    detail: { code: s.code, name: { from: s.name, to: input.name }, nameEn: { from: s.nameEn, to: input.nameEn } },
  }),
  handler: async (tx, input, s) => {
    await tx.service.update({ where: { id: s.id }, data: { name: input.name, nameEn: input.nameEn } });
  },
  afterCommit: refreshSurvey,
});

export const setServiceActive = defineWrite({
  input: ZSetServiceActive,
  capability: "admin",
  locate: (tx, input) => serviceWithUnit(tx, input.serviceId),
  on: (s) => [s.unit.path],
  audit: (input, s) => ({ action: input.active ? "service.reinstate" : "service.retire", targetType: "service", targetId: s.id, unitId: s.unitId, detail: { code: s.code } }),
  handler: async (tx, input, s) => {
    await tx.service.update({ where: { id: s.id }, data: { active: input.active } });
  },
  afterCommit: refreshSurvey,
});

/**
 * One place up or down among the unit's active services (the order the form asks them in).
 * Two admins reordering at once take turns, and the order stays a permutation 0..n-1.
 */
export const moveService = defineWrite({
  input: ZMoveService,
  capability: "admin",
  locate: (tx, input) => serviceWithUnit(tx, input.serviceId),
  on: (s) => [s.unit.path],
  audit: (input, s) => ({ action: "service.move", targetType: "service", targetId: s.id, unitId: s.unitId, detail: { code: s.code, direction: input.direction } }),
  handler: async (tx, input, s) => {
    await lockOrder(tx, s.unitId);
    const rows = await tx.$queryRaw<{ id: string; active: boolean }[]>`
      SELECT id, active FROM service WHERE unit_id = ${s.unitId}::uuid ORDER BY active DESC, sort_order, name, id`;
    const order = rows.map((r) => r.id);
    const at = order.indexOf(s.id);
    const to = input.direction === "up" ? at - 1 : at + 1;
    // Only among active services: a retired one keeps its place at the end.
    if (s.active && to >= 0 && to < order.length && rows[to]!.active) [order[at], order[to]] = [order[to]!, order[at]!];
    for (const [i, id] of order.entries()) await tx.service.update({ where: { id }, data: { sortOrder: i } });
  },
  afterCommit: refreshSurvey,
});
