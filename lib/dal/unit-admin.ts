import "server-only";
import { prisma, type TTx } from "@/lib/db";
import { clearSurveyCache } from "@/lib/dal/survey";
import { getUnitForCaller } from "@/lib/dal/units";
import { clearPublicResultsCache } from "@/lib/dal/public-results";
import { defineWrite } from "@/lib/dal/write";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import { can, scopePaths, type TCaller } from "@/lib/permissions";
import { ZChangeUnitCode, ZCreateUnit, ZMoveUnit, ZSetUnitActive, ZUnitSearch, ZUpdateUnit } from "@/lib/validation/units";

// The unit tree as admins keep it: an admin manages the units of their subtree
// (a dinas admin only its dinas and below). A unit is never deleted: a deactivated
// unit's survey link says the survey is closed, and its responses stay in every
// figure of the tree they were given in.

export type TTreeRow = { id: string; code: string; name: string; kind: UnitKind; depth: number; active: boolean; children: number };

/** The units under the caller's admin scope in tree order, matching `search` (name or code) when given; null without admin. */
export async function listUnitTree(caller: TCaller | null, rawSearch?: unknown): Promise<{ rows: TTreeRow[]; search: string } | null> {
  const roots = scopePaths(caller, "admin");
  if (roots.length === 0) return null;
  const search = ZUnitSearch.parse(rawSearch ?? "");
  const rows = await prisma.unit.findMany({
    where: {
      OR: roots.map((p) => ({ path: { startsWith: p } })),
      ...(search ? { AND: [{ OR: [{ name: { contains: search, mode: "insensitive" as const } }, { code: { contains: search, mode: "insensitive" as const } }] }] } : {}),
    },
    orderBy: { path: "asc" },
    take: 2000,
    select: { id: true, code: true, name: true, kind: true, depth: true, active: true, _count: { select: { children: true } } },
  });
  return { rows: rows.map(({ _count, ...u }) => ({ ...u, children: _count.children })), search };
}

/**
 * One unit for its admin page: itself, its parent, children, the codes it had, and where it
 * may move (units of the caller's admin scope outside its own subtree); null outside the scope.
 */
export async function getUnitForAdmin(caller: TCaller | null, code: string) {
  const unit = await getUnitForCaller(caller, code, "admin");
  if (!unit) return null;
  const roots = scopePaths(caller, "admin");
  const [row, parent, children, aliases, targets] = await Promise.all([
    prisma.unit.findUnique({
      where: { id: unit.id },
      select: { id: true, code: true, name: true, kind: true, active: true, depth: true, headName: true, headTitle: true, headNip: true },
    }),
    unit.parentId ? prisma.unit.findUnique({ where: { id: unit.parentId }, select: { code: true, name: true, path: true } }) : null,
    prisma.unit.findMany({ where: { parentId: unit.id }, orderBy: { name: "asc" }, select: { code: true, name: true, active: true } }),
    prisma.unitCodeAlias.findMany({ where: { unitId: unit.id }, orderBy: { createdAt: "desc" }, select: { code: true, createdAt: true } }),
    unit.parentId
      ? prisma.unit.findMany({
          where: { OR: roots.map((p) => ({ path: { startsWith: p } })), NOT: { path: { startsWith: unit.path } } },
          orderBy: { path: "asc" },
          take: 2000,
          select: { code: true, name: true, depth: true },
        })
      : [],
  ]);
  return {
    unit: row!,
    parent: parent && { code: parent.code, name: parent.name, manageable: can(caller, "admin", parent.path) },
    children,
    aliases,
    moveTargets: targets,
    isRoot: !unit.parentId,
  };
}

/** Tree changes wait for each other (the database's own tree triggers take the same lock). */
const lockTree = (tx: TTx) => tx.$executeRaw`SELECT suara_unit_tree_lock()`;

const unitById = (tx: TTx, unitId: string) =>
  tx.unit.findUnique({
    where: { id: unitId },
    select: { id: true, code: true, name: true, kind: true, path: true, parentId: true, active: true, headName: true, headTitle: true, headNip: true },
  });

const HEAD_FIELDS = ["headName", "headTitle", "headNip"] as const;

/** A new unit under one the caller administers: its path and depth follow its parent's. */
export const createUnit = defineWrite({
  input: ZCreateUnit,
  capability: "admin",
  locate: (tx, input) => tx.unit.findUnique({ where: { code: input.parentCode }, select: { id: true, path: true, depth: true } }),
  on: (parent) => [parent.path],
  // The unique code decides (two admins taking the same code at once get one unit).
  conflict: "exists",
  audit: (input, parent, { newId }) => ({ action: "unit.create", targetType: "unit", targetId: newId, unitId: parent.id, detail: { code: input.code, name: input.name, kind: input.kind } }),
  handler: async (tx, input, parent, { newId }) => {
    await tx.unit.create({ data: { id: newId, parentId: parent.id, path: `${parent.path}${newId}/`, depth: parent.depth + 1, code: input.code, name: input.name, kind: input.kind } });
    return { code: input.code };
  },
});

export const updateUnit = defineWrite({
  input: ZUpdateUnit,
  capability: "admin",
  locate: (tx, input) => unitById(tx, input.unitId),
  on: (u) => [u.path],
  audit: (input, u) => ({
    action: "unit.update",
    targetType: "unit",
    targetId: u.id,
    unitId: u.id,
    detail: {
      code: u.code,
      name: { from: u.name, to: input.name },
      kind: { from: u.kind, to: input.kind },
      // The head who signs the report, where the input changes it.
      ...Object.fromEntries(HEAD_FIELDS.filter((k) => input[k] !== undefined && input[k] !== u[k]).map((k) => [k, { from: u[k], to: input[k] }])),
    },
  }),
  handler: async (tx, input, u) => {
    // A head field left out of the input stays as it is; a blank one is cleared.
    const head = Object.fromEntries(HEAD_FIELDS.filter((k) => input[k] !== undefined).map((k) => [k, input[k]]));
    await tx.unit.update({ where: { id: u.id }, data: { name: input.name, kind: input.kind, ...head } });
  },
  afterCommit: () => {
    clearSurveyCache();
    clearPublicResultsCache();
  },
});

/**
 * Deactivates or reactivates one unit (its sub-units keep their own state). The agency's root
 * stays active: deactivating it would close every survey link at once.
 */
export const setUnitActive = defineWrite({
  input: ZSetUnitActive,
  capability: "admin",
  locate: (tx, input) => unitById(tx, input.unitId),
  on: (u) => [u.path],
  refuse: (input, u) => (!input.active && !u.parentId ? "root" : null),
  audit: (input, u) => ({ action: input.active ? "unit.reactivate" : "unit.deactivate", targetType: "unit", targetId: u.id, unitId: u.id, detail: { code: u.code } }),
  handler: async (tx, input, u) => {
    await tx.unit.update({ where: { id: u.id }, data: { active: input.active } });
  },
  afterCommit: () => {
    clearSurveyCache();
    clearPublicResultsCache();
  },
});

/**
 * Moves a unit with its whole subtree under another unit; the caller administers both. The
 * database moves the subtree's paths and depths with it (trigger unit_tree_place/cascade) and
 * refuses a move under the unit's own subtree; past responses stay with their units, so the
 * old and new parents' figures follow the tree as it is now.
 */
export const moveUnit = defineWrite({
  input: ZMoveUnit,
  capability: "admin",
  locate: async (tx, input) => {
    await lockTree(tx);
    const [unit, parent] = await Promise.all([unitById(tx, input.unitId), tx.unit.findUnique({ where: { code: input.parentCode }, select: { id: true, code: true, path: true } })]);
    const from = unit?.parentId ? await tx.unit.findUnique({ where: { id: unit.parentId }, select: { code: true } }) : null;
    return unit && parent ? { unit, parent, fromCode: from?.code ?? null } : null;
  },
  on: ({ unit, parent }) => [unit.path, parent.path],
  refuse: (_input, { unit, parent }) => (!unit.parentId ? "root" : parent.path.startsWith(unit.path) ? "ownSubtree" : parent.id === unit.parentId ? "sameParent" : null),
  audit: (_input, { unit, parent, fromCode }) => ({ action: "unit.move", targetType: "unit", targetId: unit.id, unitId: unit.id, detail: { code: unit.code, from: fromCode, to: parent.code } }),
  handler: async (tx, _input, { unit, parent }) => {
    await tx.unit.update({ where: { id: unit.id }, data: { parentId: parent.id } });
    return { code: unit.code };
  },
  afterCommit: () => {
    clearSurveyCache();
    clearPublicResultsCache();
  },
});

/** A new public code for a unit; the database keeps the old one as an alias that still leads to it. */
export const changeUnitCode = defineWrite({
  input: ZChangeUnitCode,
  capability: "admin",
  locate: async (tx, input) => {
    await lockTree(tx);
    const unit = await unitById(tx, input.unitId);
    if (!unit) return null;
    const [taken, alias] = await Promise.all([
      tx.unit.findFirst({ where: { code: input.code, id: { not: unit.id } }, select: { id: true } }),
      tx.unitCodeAlias.findUnique({ where: { code: input.code }, select: { unitId: true } }),
    ]);
    return { unit, taken: !!taken || (!!alias && alias.unitId !== unit.id) };
  },
  on: ({ unit }) => [unit.path],
  refuse: (input, { unit, taken }) => (taken ? "exists" : input.code === unit.code ? "sameCode" : null),
  conflict: "exists",
  audit: (input, { unit }) => ({ action: "unit.code_change", targetType: "unit", targetId: unit.id, unitId: unit.id, detail: { from: unit.code, to: input.code } }),
  handler: async (tx, input, { unit }) => {
    await tx.unit.update({ where: { id: unit.id }, data: { code: input.code } });
    return { code: input.code };
  },
  afterCommit: () => {
    clearSurveyCache();
    clearPublicResultsCache();
  },
});
