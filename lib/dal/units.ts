import "server-only";
import { can, scopePaths, type Capability, type TCaller } from "@/lib/permissions";
import { prisma } from "@/lib/db";
import { resolveTemplate } from "@/lib/ikm";

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

/** The unit's responses as CSV rows (no contact details), for its bureau head and those above. */
export async function exportUnitResponses(caller: TCaller | null, code: string, range = lastTwelveMonths()): Promise<{ unit: TUnitRef; csv: string } | null> {
  const unit = await getUnitForCaller(caller, code, "dashboard.read");
  if (!unit) return null;
  const template = resolveTemplate("permenpan-14-2017");
  const rows = await prisma.response.findMany({
    where: { unitId: unit.id, submittedAt: { gte: range.from, lt: range.to } },
    orderBy: { submittedAt: "asc" },
    select: { submittedAt: true, channel: true, answers: true, gender: true, age: true, education: true, occupation: true, saran: true, verified: true, suspicious: true, service: { select: { code: true } } },
  });
  const codes = template.items.map((i) => i.code);
  const header = ["No", "Tanggal", "Layanan", "Kanal", ...codes, "Jenis Kelamin", "Usia", "Pendidikan", "Pekerjaan", "Terverifikasi", "Mencurigakan", "Saran"];
  const lines = [header.join(";")];
  rows.forEach((r, i) => {
    const a = r.answers as Record<string, number>;
    lines.push(
      [i + 1, r.submittedAt.toISOString(), r.service?.code ?? "", r.channel, ...codes.map((c) => a[c] ?? ""), r.gender ?? "", r.age ?? "", r.education ?? "", r.occupation ?? "", r.verified ? "ya" : "tidak", r.suspicious ? "ya" : "tidak", csvCell(r.saran ?? "")].join(";"),
    );
  });
  return { unit, csv: "\uFEFF" + lines.join("\r\n") + "\r\n" };
}

function csvCell(v: string): string {
  // Quote, and defuse spreadsheet formulas in citizens' text.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}
