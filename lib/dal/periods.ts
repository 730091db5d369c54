import "server-only";
import { prisma, type TTx } from "@/lib/db";
import { agencySettings } from "@/lib/dal/settings";
import { queryRows, sql } from "@/lib/dal/sql";
import { defineWrite } from "@/lib/dal/write";
import { minimumSample } from "@/lib/ikm";
import { currentMonth, inProgress, monthStart, periodKey, periodMonths, periodOfMonth, shiftPeriod, type TPeriod } from "@/lib/periods";
import { can, hasAnywhere, scopePaths, type TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { ZClosePeriod, ZSavePopulations } from "@/lib/validation/periods";
import { parsePopulationCsv, type TCsvLineError } from "@/lib/validation/population-csv";

// Survey periods as the agency keeps them. The periods of the agency's rhythm
// (quarter, semester or year, lib/dal/settings.ts) exist from the first one with
// data to the running one: a period's row is created on demand, by the first
// write that needs it (a population typed, the close), so a new agency has
// nothing to set up. A period is open until it ends on the agency's clock; then
// an admin of the whole agency closes it (the period is the agency's, not a
// dinas's), and only a closed period's results can be published. The database
// refuses a close before the end and a reopening (survey_period_close_guard).

export type TPeriodState = "open" | "ended" | "closed";

export type TPeriodRow = {
  key: string;
  period: TPeriod;
  state: TPeriodState;
  closedAt: Date | null;
  /** Units in the caller's admin scope with a live publication, and with N recorded. */
  published: number;
  populations: number;
};

const PERIODS_LISTED = 12;

/** The agency's root unit: periods are closed by an admin of it. */
const findRoot = (db: TTx | typeof prisma) =>
  db.unit.findFirst({ where: { parentId: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, path: true } });

export const periodWhere = (p: TPeriod) => ({ kind_year_number: { kind: p.kind, year: p.year, number: p.number } });

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The row of a period, made on first use (inside the write that needs it). */
export async function ensurePeriod(tx: TTx, p: TPeriod) {
  const { start, end } = periodMonths(p);
  // ON CONFLICT rather than Prisma's upsert: two writes making the same period at once both get it.
  await tx.$executeRaw`INSERT INTO survey_period (id, kind, year, number, start_date, end_date)
    VALUES (gen_random_uuid(), ${p.kind}::"PeriodKind", ${p.year}, ${p.number}, ${isoDay(monthStart(start))}::date, ${isoDay(monthStart(end))}::date)
    ON CONFLICT (kind, year, number) DO NOTHING`;
  return tx.surveyPeriod.findUniqueOrThrow({ where: periodWhere(p), select: { id: true, closedAt: true } });
}

const stateOf = (p: TPeriod, closedAt: Date | null, timeZone: string): TPeriodState => (closedAt ? "closed" : inProgress(p, timeZone) ? "open" : "ended");

/** The state of one period on the agency's clock (for the publish screens; they authorize themselves). */
export async function periodState(p: TPeriod): Promise<{ state: TPeriodState; closedAt: Date | null; id: string | null }> {
  const { timeZone } = await agencySettings();
  const row = await prisma.surveyPeriod.findUnique({ where: periodWhere(p), select: { id: true, closedAt: true } });
  return { state: stateOf(p, row?.closedAt ?? null, timeZone), closedAt: row?.closedAt ?? null, id: row?.id ?? null };
}

/**
 * The periods of the agency's rhythm, the running one first, back to the first with data (at most
 * PERIODS_LISTED), for an admin; null for anyone else. `canClose`: whether the caller closes them.
 */
export async function listPeriods(caller: TCaller | null): Promise<{ rows: TPeriodRow[]; canClose: boolean; rhythm: string } | null> {
  const roots = scopePaths(caller, "admin");
  if (roots.length === 0) return null;
  const [{ timeZone, rhythm }, root] = await Promise.all([agencySettings(), findRoot(prisma)]);
  const [first] = await queryRows<{ m: number | null }>(
    sql`SELECT (extract(year FROM min(month)) * 12 + extract(month FROM min(month)) - 1)::int AS m FROM unit_monthly_summary`,
  );
  const now = currentMonth(timeZone);
  const running = periodOfMonth(rhythm, now);
  const periods: TPeriod[] = [];
  for (let p = running; periods.length < PERIODS_LISTED && periodMonths(p).end > (first?.m ?? now); p = shiftPeriod(p, -1)) periods.push(p);
  const like = roots.map((r) => r.replace(/[\\%_]/g, "\\$&") + "%");
  const stored = await queryRows<{ kind: string; year: number; number: number; closed_at: Date | null; published: number; populations: number }>(
    sql`SELECT p.kind::text, p.year, p.number, p.closed_at,
               (SELECT count(*)::int FROM publication x JOIN unit u ON u.id = x.unit_id
                 WHERE x.period_id = p.id AND x.unpublished_at IS NULL AND x.result IS NOT NULL AND u.path LIKE ANY(${like}::text[])) AS published,
               (SELECT count(*)::int FROM unit_population x JOIN unit u ON u.id = x.unit_id
                 WHERE x.period_id = p.id AND u.path LIKE ANY(${like}::text[])) AS populations
          FROM survey_period p WHERE p.kind::text = ${rhythm}`,
  );
  const byKey = new Map(stored.map((s) => [periodKey({ kind: rhythm, year: s.year, number: s.number }), s]));
  return {
    rhythm,
    canClose: !!root && can(caller, "admin", root.path),
    rows: periods.map((p) => {
      const s = byKey.get(periodKey(p));
      return { key: periodKey(p), period: p, state: stateOf(p, s?.closed_at ?? null, timeZone), closedAt: s?.closed_at ?? null, published: s?.published ?? 0, populations: s?.populations ?? 0 };
    }),
  };
}

/** Closes an ended period, for an admin of the whole agency. */
export const closePeriod = defineWrite({
  input: ZClosePeriod,
  capability: "admin",
  locate: async (tx, input) => {
    const root = await findRoot(tx);
    if (!root) return null;
    // The row made here (so the audit entry names it) and locked: a second close waits, then reads it closed.
    const { id } = await ensurePeriod(tx, input.period);
    const [row] = await tx.$queryRaw<{ id: string; closed_at: Date | null }[]>`SELECT id::text, closed_at FROM survey_period WHERE id = ${id}::uuid FOR UPDATE`;
    // The agency's clock read on this connection (agencySettings() would wait for another one, which the embedded database does not have).
    const [clock] = await tx.$queryRaw<{ tz: string }[]>`SELECT suara_timezone() AS tz`;
    return { root, row: row!, timeZone: clock!.tz };
  },
  on: (r) => [r.root.path],
  refuse: (input, r) => (inProgress(input.period, r.timeZone) ? "open" : r.row.closed_at ? "closed" : null),
  audit: (input, r) => ({ action: "period.close", targetType: "period", targetId: r.row.id, unitId: r.root.id, detail: { period: periodKey(input.period) } }),
  handler: async (tx, _input, r, { caller }) => {
    await tx.surveyPeriod.update({ where: { id: r.row.id }, data: { closedAt: new Date(), closedById: caller.userId } });
  },
});

// ------------------------------------------------------------- populations

export type TPopulationRow = { unitId: string; code: string; name: string; depth: number; active: boolean; population: number | null; minimum: number | null };

/** The units of the caller's admin scope in tree order with their N for the period (and its minimum sample); null without admin. */
export async function populationGrid(caller: TCaller | null, p: TPeriod): Promise<TPopulationRow[] | null> {
  const roots = scopePaths(caller, "admin");
  if (roots.length === 0) return null;
  const units = await prisma.unit.findMany({
    where: { OR: roots.map((r) => ({ path: { startsWith: r } })) },
    orderBy: { path: "asc" },
    take: 2000,
    select: { id: true, code: true, name: true, depth: true, active: true, populations: { where: { period: periodWhere(p).kind_year_number }, select: { population: true } } },
  });
  return units.map(({ populations, ...u }) => {
    const n = populations[0]?.population ?? null;
    return { unitId: u.id, code: u.code, name: u.name, depth: u.depth, active: u.active, population: n, minimum: n ? minimumSample(n) : null };
  });
}

/** The units a list of codes names, those the caller administers (the CSV's unknown lines are the rest). */
export async function unitsInAdminScope(caller: TCaller | null, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const units = await prisma.unit.findMany({ where: { code: { in: codes } }, select: { code: true, path: true } });
  return new Set(units.filter((u) => can(caller, "admin", u.path)).map((u) => u.code));
}

/**
 * Saves the grid in one write: every unit named must be in the caller's admin scope (else
 * nothing is saved). Only the rows that changed are written (a value differs from the one the
 * row was loaded with, `was`; every row of a CSV); an empty value removes the unit's N. A row
 * someone else changed meanwhile (its stored N is no longer `was`) refuses the whole save
 * ("stale"): the admin reloads. The period row is locked, so two saves of it take turns.
 * Audited with what changed.
 */
export const savePopulations = defineWrite({
  input: ZSavePopulations,
  capability: "admin",
  locate: async (tx, input) => {
    const codes = Object.keys(input.populations);
    const period = await ensurePeriod(tx, input.period);
    await tx.$queryRaw`SELECT id FROM survey_period WHERE id = ${period.id}::uuid FOR UPDATE`;
    const units = await tx.unit.findMany({
      where: { code: { in: codes } },
      select: { id: true, code: true, path: true, populations: { where: { periodId: period.id }, select: { population: true } } },
    });
    if (units.length !== codes.length) return null;
    const root = await findRoot(tx);
    const rows = units.map((u) => ({ ...u, stored: u.populations[0]?.population ?? null, to: input.populations[u.code] ?? null, was: input.was?.[u.code] }));
    // A row typed over is one whose value differs from what it was loaded with; without `was`, every row is.
    const changed = rows.filter((u) => (u.was === undefined ? u.to !== u.stored : u.to !== u.was));
    return { units, changed, periodId: period.id, rootId: root?.id };
  },
  on: (r) => r.units.map((u) => u.path),
  refuse: (_input, r) => (r.changed.some((u) => u.was !== undefined && u.stored !== u.was) ? "stale" : null),
  audit: (input, r) => {
    const changes: Record<string, { from: number | null; to: number | null }> = {};
    for (const u of r.changed) if (u.stored !== u.to) changes[u.code] = { from: u.stored, to: u.to };
    return { action: "population.update", targetType: "period", targetId: r.periodId, unitId: r.units.length === 1 ? r.units[0]!.id : r.rootId, detail: { period: periodKey(input.period), changes } };
  },
  handler: async (tx, _input, r) => {
    let saved = 0;
    for (const u of r.changed) {
      if (u.to === u.stored) continue;
      saved++;
      const key = { unitId_periodId: { unitId: u.id, periodId: r.periodId } };
      if (u.to === null) await tx.unitPopulation.delete({ where: key });
      else await tx.unitPopulation.upsert({ where: key, create: { unitId: u.id, periodId: r.periodId, population: u.to }, update: { population: u.to } });
    }
    return { saved };
  },
});

export type TCsvImportResult =
  | { ok: true; saved: number; rows: number }
  | { ok: false; error: "empty" | "tooBig" | "tooManyRows" | "notFound" | "invalid" | "stale" }
  | { ok: false; error: "lines"; lines: { line: number; code: TCsvLineError["code"] | "unknownUnit" }[] };

/**
 * A CSV of populations (lib/validation/population-csv.ts): every line good and every unit in the
 * caller's admin scope, then saved as one grid write (savePopulations); else nothing is saved and
 * each bad line is named.
 */
export async function importPopulationCsv(caller: TCaller | null, raw: { period: unknown; bytes: Uint8Array }, meta?: TRequestMeta): Promise<TCsvImportResult> {
  if (!hasAnywhere(caller, "admin")) return { ok: false, error: "notFound" };
  const parsed = parsePopulationCsv(raw.bytes);
  if (!parsed.ok) return parsed;
  const known = await unitsInAdminScope(caller, parsed.rows.map((r) => r.unitCode));
  const unknown = parsed.rows.filter((r) => !known.has(r.unitCode)).map((r) => ({ line: r.line, code: "unknownUnit" as const }));
  if (unknown.length > 0) return { ok: false, error: "lines", lines: unknown };
  const r = await savePopulations(caller, { period: raw.period, populations: Object.fromEntries(parsed.rows.map((x) => [x.unitCode, String(x.population)])) }, meta);
  if (!r.ok) return { ok: false, error: r.error === "invalid" && r.fields.populations === "tooManyRows" ? "tooManyRows" : r.error };
  return { ok: true, saved: r.value.saved, rows: parsed.rows.length };
}
