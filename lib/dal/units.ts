import "server-only";
import { can, scopePaths, type Capability, type TCaller } from "@/lib/permissions";
import { prisma } from "@/lib/db";

// Agency data about units. Every function takes the caller and checks the
// specific unit: a unit outside the caller's scope is reported as not found,
// the same as a unit that does not exist (no hint that it exists).

export type TUnitRef = { id: string; code: string; name: string; kind: string; path: string; depth: number; parentId: string | null };

const unitSelect = { id: true, code: true, name: true, kind: true, path: true, depth: true, parentId: true } as const;

/** The unit if the caller may `capability` on it, else null (render as 404). */
export async function getUnitForCaller(caller: TCaller | null, code: string, capability: Capability): Promise<TUnitRef | null> {
  if (!caller || !/^[A-Za-z0-9-]{1,40}$/.test(code)) return null;
  const unit = await prisma.unit.findUnique({ where: { code: code.toUpperCase() }, select: unitSelect });
  if (!unit || !can(caller, capability, unit.path)) return null;
  return unit;
}

/** Every unit under the caller's scope for `capability`, in tree order. */
export async function listUnitsForCaller(caller: TCaller | null, capability: Capability): Promise<TUnitRef[]> {
  const roots = scopePaths(caller, capability);
  if (roots.length === 0) return [];
  const units = await prisma.unit.findMany({
    where: { OR: roots.map((p) => ({ path: { startsWith: p } })) },
    select: unitSelect,
  });
  return sortTree(units);
}

function sortTree(units: TUnitRef[]): TUnitRef[] {
  const byParent = new Map<string | null, TUnitRef[]>();
  for (const u of units) byParent.set(u.parentId, [...(byParent.get(u.parentId) ?? []), u]);
  const ids = new Set(units.map((u) => u.id));
  const out: TUnitRef[] = [];
  const walk = (u: TUnitRef) => {
    out.push(u);
    for (const c of (byParent.get(u.id) ?? []).sort((a, b) => a.name.localeCompare(b.name))) walk(c);
  };
  units.filter((u) => !u.parentId || !ids.has(u.parentId)).sort((a, b) => a.path.localeCompare(b.path)).forEach(walk);
  return out;
}

export type TUnitCounts = { unit: TUnitRef; responses: number; byChannel: Record<string, number>; from: Date; to: Date };

/** Response counts of the unit itself over a date range: what operators see. */
export async function getUnitCounts(caller: TCaller | null, code: string, range = lastTwelveMonths()): Promise<TUnitCounts | null> {
  const unit = await getUnitForCaller(caller, code, "unit.read");
  if (!unit) return null;
  const rows = await prisma.unitDailyRollup.groupBy({
    by: ["channel"],
    where: { unitId: unit.id, day: { gte: range.from, lt: range.to } },
    _sum: { responses: true },
  });
  const byChannel = Object.fromEntries(rows.map((r) => [r.channel, r._sum.responses ?? 0]));
  return { unit, responses: Object.values(byChannel).reduce((a, b) => a + b, 0), byChannel, ...range };
}

export function lastTwelveMonths(now = new Date()): { from: Date; to: Date } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const from = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate() + 1));
  return { from, to };
}

export type TUnitHead = { name: string | null; title: string | null; nip: string | null };

/** Who heads the unit and signs its SKM report (dashboard.read on the unit); null outside the scope. */
export async function getUnitHead(caller: TCaller | null, code: string): Promise<TUnitHead | null> {
  const unit = await getUnitForCaller(caller, code, "dashboard.read");
  if (!unit) return null;
  const row = await prisma.unit.findUniqueOrThrow({ where: { id: unit.id }, select: { headName: true, headTitle: true, headNip: true } });
  return { name: row.headName, title: row.headTitle, nip: row.headNip };
}
