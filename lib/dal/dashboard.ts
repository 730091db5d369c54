import "server-only";
import { can, scopePaths, type TCaller } from "@/lib/permissions";
import { pool } from "@/lib/db";
import { defineWrite } from "@/lib/dal/write";
import { attentionOf, moversOf, mutuSpread, type TMutuSpread, type TUnitRow } from "@/lib/dashboard/agency";
import {
  buildVersions,
  emptyPooled,
  importanceFor,
  largestFamily,
  MEAN_DIGITS,
  mergePooled,
  poolBy,
  resultOf,
  scoreOf,
  type TFamily,
  type TPooled,
  type TRollupRow,
  type TScore,
  type TVersion,
  type TVersionRow,
} from "@/lib/dashboard/pool";
import type { ImportanceResult, Mutu } from "@/lib/ikm";
import {
  currentMonth,
  inProgress,
  monthStart,
  periodKey,
  periodMonths,
  periodsBetween,
  previousPeriod,
  trendPeriods,
  type TMonthIndex,
  type TPeriod,
  type TPeriodKind,
} from "@/lib/periods";
import { readProfile, PROFILE_SLOTS, type TProfileCounts } from "@/lib/profile";
import { ZFeedbackUpdate, type TChannel, type TDashboardQuery } from "@/lib/validation/dashboard";

// The dashboards' data. Every function takes the caller and authorizes on the
// specific unit (dashboard.read on its path) before reading anything; a unit
// outside the caller's scope answers null, like one that does not exist.
// Indexes come from the per-unit per-month rollups (never a scan of responses)
// and are computed by lib/ikm; only the latest saran are read from responses,
// through the partial index on (unit_id, submitted_at) WHERE saran IS NOT NULL.

type TUnitNode = { id: string; code: string; name: string; kind: string; path: string; depth: number; parentId: string | null; active: boolean };
const UNIT_COLUMNS = `id, code, name, kind::text, path, depth, parent_id AS "parentId", active`;

export type TTrendPoint = {
  period: TPeriod;
  /** The period runs past what the view reads (it has not ended, or it ends after the chosen period). */
  partial: boolean;
  respondents: number;
  konversi: number | null;
  mutu: Mutu | null;
  lower: number | null;
  upper: number | null;
  /** NRR per item code. */
  nrr: Record<string, number | null>;
};

export type TFilterChoices = {
  periods: Record<TPeriodKind, TPeriod[]>;
  services: { code: string; name: string }[];
};

export type TCrumb = { code: string; name: string };

export type TUnitDashboard = {
  unit: TUnitNode & { hasChildren: boolean };
  ancestors: TCrumb[];
  scope: "sendiri" | "gabungan";
  subtreeUnits: number;
  family: TFamily | null;
  score: TScore | null;
  inProgress: boolean;
  suspiciousExcluded: number;
  /** Respondents in the period who answered another questionnaire (not pooled into this index). */
  otherTemplate: number;
  trend: TTrendPoint[];
  importance: ImportanceResult | null;
  profile: TProfileCounts;
  /** Per service of each unit counted (codes repeat across units: "KTP" at the dinas and at its UPT). */
  byService: { code: string; name: string; unit: string; respondents: number }[];
  byChannel: { channel: TChannel; respondents: number }[];
  /** `capped`: more than SARAN_COUNT_CAP saran, counted no further (total and unread are then lower bounds). */
  saran: { latest: TSaran[]; total: number; unread: number; capped: boolean };
  choices: TFilterChoices;
};

export type TSaran = { id: string; at: Date; text: string; service: string | null; unit: string; status: string };

export type TAgencyDashboard = {
  root: TUnitNode;
  ancestors: TCrumb[];
  /** The caller's own scope roots, to switch between when they hold several. */
  roots: TCrumb[];
  level: "semua" | "anak";
  family: TFamily | null;
  pooled: TScore | null;
  inProgress: boolean;
  trend: TTrendPoint[];
  rows: TUnitRow[];
  spread: TMutuSpread;
  movers: { rises: TUnitRow[]; falls: TUnitRow[] };
  attention: { noData: TUnitRow[]; belowSample: TUnitRow[] };
  suspiciousExcluded: number;
  otherTemplate: number;
  choices: TFilterChoices;
};

// ------------------------------------------------------------ shared reads

export const SARAN_COUNT_CAP = 1000;

const versionCache = new Map<string, TVersion>();

/** Template versions are immutable snapshots: loaded once per process. */
async function versionsFor(ids: Iterable<string>): Promise<Map<string, TVersion>> {
  const missing = [...new Set(ids)].filter((id) => !versionCache.has(id));
  if (missing.length > 0) {
    // Load every version, so a family is always built from the same first version.
    const { rows } = await pool().query<TVersionRow>(
      `SELECT v.id, t.key AS "templateKey", t.name AS "templateName", t.name_en AS "templateNameEn",
              v.scale_min AS "scaleMin", v.scale_max AS "scaleMax", v.bands, v.asks_harapan AS "asksHarapan",
              json_agg(json_build_object('code', i.code, 'name', i.unsur, 'nameEn', i.unsur_en) ORDER BY i.position) AS items
         FROM template_version v
         JOIN questionnaire_template t ON t.id = v.template_id
         JOIN template_item i ON i.version_id = v.id
        GROUP BY v.id, t.id
        ORDER BY v.created_at, v.id`,
    );
    versionCache.clear();
    for (const [id, v] of buildVersions(rows)) versionCache.set(id, v);
  }
  return versionCache;
}

/** The family units use by default (the default template's latest version), for a view with no data. */
async function defaultFamily(): Promise<TFamily | null> {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT v.id FROM template_version v JOIN questionnaire_template t ON t.id = v.template_id
      WHERE t.is_default AND v.published_at IS NOT NULL ORDER BY v.version DESC LIMIT 1`,
  );
  if (!rows[0]) return null;
  return (await versionsFor([rows[0].id])).get(rows[0].id)?.family ?? null;
}

type TRollupFilter = { unitIds: string[]; from: TMonthIndex; to: TMonthIndex; channel?: TChannel; verifiedOnly: boolean; service?: string };

const ym = (i: TMonthIndex) => monthStart(i).toISOString().slice(0, 10);

/**
 * The view's filters as a WHERE clause on a rollup (`on: "rollup"`, by month) or on `response r`
 * (by submission time on the agency's clock). Values are parameters; $1 = unit ids.
 */
function filterSql(f: TRollupFilter, on: "rollup" | "response"): { sql: string; params: unknown[] } {
  const params: unknown[] = [f.unitIds, ym(f.from), ym(f.to)];
  const time =
    on === "rollup"
      ? `r.month >= $2::date AND r.month < $3::date`
      : `r.submitted_at >= ($2::date::timestamp AT TIME ZONE suara_timezone()) AND r.submitted_at < ($3::date::timestamp AT TIME ZONE suara_timezone())`;
  let sql = `r.unit_id = ANY($1::uuid[]) AND ${time}`;
  if (f.channel) {
    params.push(f.channel);
    sql += ` AND r.channel = $${params.length}::"Channel"`;
  }
  if (f.verifiedOnly) sql += ` AND r.verified`;
  if (f.service) {
    params.push(f.service);
    sql += ` AND r.service_id IN (SELECT s.id FROM service s WHERE s.code = $${params.length} AND s.unit_id = ANY($1::uuid[]))`;
  }
  return { sql, params };
}

/** The respondents' means summed exactly, as integers scaled by MEAN_SCALE and MEAN_SQ_SCALE (see TRollupRow). */
const MEAN_SUMS_SQL = `trunc(sum(r.mean_sum) * 1e${MEAN_DIGITS})::text AS ms, trunc(sum(r.mean_sum_sq) * 1e${2 * MEAN_DIGITS})::text AS mss`;

const sumArray = (column: string, k: number) =>
  `ARRAY[${Array.from({ length: k }, (_, i) => `coalesce(sum(r.${column}[${i + 1}]), 0)`).join(", ")}]::int[]`;

/** How many item positions a rollup array can hold: the longest questionnaire's (read once per view). */
async function itemSlots(): Promise<number> {
  return (await pool().query<{ k: number }>(`SELECT coalesce(max(position), 0)::int AS k FROM template_item`)).rows[0]!.k;
}

/**
 * Monthly rollup rows of the units, summed per (unit or not, month, version, suspicious).
 * Without a service, channel or verified filter it reads the monthly summary (a few rows per
 * unit and month, whatever the volume); with one, the monthly rollup that keeps those apart.
 */
async function readRollup(f: TRollupFilter, k: number, byUnit: boolean, periods?: TPeriod[]): Promise<TRollupRow[]> {
  if (f.unitIds.length === 0 || f.from >= f.to || k === 0) return [];
  const table = f.channel || f.service || f.verifiedOnly ? "unit_monthly_rollup" : "unit_monthly_summary";
  const where = filterSql(f, "rollup");
  // With `periods`, months are summed into the period that holds them (each row's month is then
  // the period's first): far fewer rows to send when only whole periods are needed.
  const monthIndex = `(extract(year FROM r.month) * 12 + extract(month FROM r.month) - 1)::int`;
  const month = periods
    ? `CASE ${[...periods].sort((a, b) => periodMonths(b).start - periodMonths(a).start).map((p) => `WHEN ${monthIndex} >= ${periodMonths(p).start} THEN ${periodMonths(p).start}`).join(" ")} END`
    : monthIndex;
  const { rows } = await pool().query<{
    unit_id: string | null; m: number; v: string; sus: boolean; n: number; ms: string; mss: string;
    s: number[]; c: number[]; hs: number[]; hc: number[];
  }>(
    `SELECT ${byUnit ? "r.unit_id" : "NULL::uuid AS unit_id"},
            ${month} AS m,
            r.template_version_id AS v, r.suspicious AS sus,
            sum(r.responses)::int AS n, ${MEAN_SUMS_SQL},
            ${sumArray("sums", k)} AS s, ${sumArray("counts", k)} AS c,
            ${sumArray("harapan_sums", k)} AS hs, ${sumArray("harapan_counts", k)} AS hc
       FROM ${table} r
      WHERE ${where.sql}
      GROUP BY ${byUnit ? "r.unit_id, " : ""}m, r.template_version_id, r.suspicious
     HAVING sum(r.responses) > 0`,
    where.params,
  );
  return rows.map((r) => ({
    unitId: r.unit_id ?? "",
    month: r.m,
    versionId: r.v,
    suspicious: r.sus,
    responses: r.n,
    meanSum: BigInt(r.ms),
    meanSumSq: BigInt(r.mss),
    sums: r.s,
    counts: r.c,
    harapanSums: r.hs,
    harapanCounts: r.hc,
  }));
}

/** The unit and everything under it, inactive units included: their past responses still count. */
async function subtree(unit: TUnitNode): Promise<TUnitNode[]> {
  const { rows } = await pool().query<TUnitNode>(`SELECT ${UNIT_COLUMNS} FROM unit WHERE path LIKE $1 ORDER BY path`, [
    unit.path.replace(/[\\%_]/g, "\\$&") + "%",
  ]);
  return rows;
}

async function unitByCode(code: string): Promise<TUnitNode | null> {
  if (!/^[A-Za-z0-9-]{1,40}$/.test(code)) return null;
  const { rows } = await pool().query<TUnitNode>(`SELECT ${UNIT_COLUMNS} FROM unit WHERE code = $1`, [code.toUpperCase()]);
  return rows[0] ?? null;
}

/** The chain above `unit` that the caller may also read, root first (for the breadcrumb). */
async function ancestorsFor(caller: TCaller, unit: TUnitNode): Promise<TCrumb[]> {
  const ids = unit.path.split("/").filter(Boolean).slice(0, -1);
  if (ids.length === 0) return [];
  const { rows } = await pool().query<{ code: string; name: string; path: string }>(
    `SELECT code, name, path FROM unit WHERE id = ANY($1::uuid[]) ORDER BY depth`,
    [ids],
  );
  return rows.filter((u) => can(caller, "dashboard.read", u.path)).map(({ code, name }) => ({ code, name }));
}

/** People served per unit in a period (survey_period + unit_population). */
async function populations(unitIds: string[], periods: TPeriod[]): Promise<Map<string, number>> {
  if (unitIds.length === 0 || periods.length === 0) return new Map();
  const { rows } = await pool().query<{ unit_id: string; kind: string; year: number; number: number; population: number }>(
    `SELECT up.unit_id, p.kind::text, p.year, p.number, up.population
       FROM unit_population up JOIN survey_period p ON p.id = up.period_id
      WHERE up.unit_id = ANY($1::uuid[]) AND (p.kind::text, p.year, p.number) IN (SELECT * FROM unnest($2::text[], $3::int[], $4::int[]))`,
    [unitIds, periods.map((p) => p.kind), periods.map((p) => p.year), periods.map((p) => p.number)],
  );
  return new Map(rows.map((r) => [`${r.unit_id}|${r.kind}-${r.year}-${r.number}`, r.population]));
}

const periodId = (p: TPeriod) => `${p.kind}-${p.year}-${p.number}`;

/**
 * Population of a set of units in a period: the sum, when every unit that has respondents
 * in the period has one recorded; otherwise unknown (the sample cannot be judged).
 */
function populationOf(pops: Map<string, number>, unitIds: string[], respondentsByUnit: Map<string, number>, p: TPeriod): number | null {
  let total = 0;
  let any = false;
  for (const id of unitIds) {
    const n = pops.get(`${id}|${periodId(p)}`);
    if (n === undefined) {
      if ((respondentsByUnit.get(id) ?? 0) > 0) return null;
      continue;
    }
    total += n;
    any = true;
  }
  return any ? total : null;
}

/** Periods from the units' first month of data to today (or their last, if later), and their services. */
async function choicesFor(unitIds: string[]): Promise<TFilterChoices> {
  const monthIndexSql = (col: string) => `(extract(year FROM ${col}) * 12 + extract(month FROM ${col}) - 1)::int`;
  const [range, services] = await Promise.all([
    pool().query<{ first: number | null; last: number | null }>(
      `SELECT ${monthIndexSql("min(month)")} AS first, ${monthIndexSql("max(month)")} AS last FROM unit_monthly_summary WHERE unit_id = ANY($1::uuid[])`,
      [unitIds],
    ),
    pool().query<{ code: string; name: string }>(
      `SELECT DISTINCT ON (code) code, name FROM service WHERE unit_id = ANY($1::uuid[]) AND active ORDER BY code, sort_order, name`,
      [unitIds],
    ),
  ]);
  const now = currentMonth();
  const first = Math.min(range.rows[0]?.first ?? now, now);
  const last = Math.max(range.rows[0]?.last ?? now, now);
  return { periods: periodsBetween(first, last), services: services.rows };
}

function inPeriod(p: TPeriod): (row: TRollupRow) => boolean {
  const { start, end } = periodMonths(p);
  return (row) => row.month >= start && row.month < end;
}

/**
 * The index per trend period, pooled over the units read. `population` gives the people served
 * in a period (when known), so each point's interval is the headline's for the same period.
 */
function trendOf(
  rows: TRollupRow[],
  versions: Map<string, TVersion>,
  family: TFamily | null,
  periods: TPeriod[],
  readEnd: TMonthIndex,
  population: (p: TPeriod) => number | null,
): TTrendPoint[] {
  const index = new Map<TMonthIndex, number>();
  periods.forEach((p, i) => {
    const { start, end } = periodMonths(p);
    for (let m = start; m < end; m++) index.set(m, i);
  });
  const pooled = poolBy(rows, versions, (r) => index.get(r.month) ?? null);
  return periods.map((period, i) => {
    const partial = inProgress(period) || periodMonths(period).end > readEnd;
    const p = family ? pooled.get(i)?.get(family.key) : undefined;
    if (!p || p.respondents === 0) return { period, partial, respondents: 0, konversi: null, mutu: null, lower: null, upper: null, nrr: {} };
    const r = resultOf(p, partial ? null : population(period));
    return {
      period,
      partial,
      respondents: r.respondents,
      konversi: r.konversiRounded,
      mutu: r.mutu,
      lower: r.confidence?.lower ?? null,
      upper: r.confidence?.upper ?? null,
      nrr: Object.fromEntries(r.items.map((it) => [it.code, it.nrr])),
    };
  });
}

/** Respondents (non-suspicious) per unit in a period. */
function respondentsByUnit(rows: TRollupRow[], p: TPeriod): Map<string, number> {
  const inside = inPeriod(p);
  const m = new Map<string, number>();
  for (const r of rows) if (!r.suspicious && inside(r)) m.set(r.unitId, (m.get(r.unitId) ?? 0) + r.responses);
  return m;
}

/** The months the trend reads: from its first period to the end of the chosen one. */
function trendMonths(q: TDashboardQuery, trend: TPeriod[]): { from: TMonthIndex; to: TMonthIndex } {
  return { from: periodMonths(trend[0]!).start, to: periodMonths(q.period).end };
}

function sumSuspicious(rows: TRollupRow[], p: TPeriod): number {
  const inside = inPeriod(p);
  return rows.filter((r) => r.suspicious && inside(r)).reduce((a, r) => a + r.responses, 0);
}

// ------------------------------------------------------------ unit dashboard

/** A unit's dashboard: its own responses, or with its sub-units pooled (`cakupan`). */
export async function getUnitDashboard(caller: TCaller | null, code: string, q: TDashboardQuery): Promise<TUnitDashboard | null> {
  if (!caller) return null;
  const unit = await unitByCode(code);
  if (!unit || !can(caller, "dashboard.read", unit.path)) return null;

  const tree = await subtree(unit);
  const hasChildren = tree.length > 1;
  const scope = q.cakupan ?? (hasChildren ? "gabungan" : "sendiri");
  const units = scope === "gabungan" ? tree : [unit];
  const unitIds = units.map((u) => u.id);
  const trend = trendPeriods(q.period, q.trend);
  const months = trendMonths(q, trend);
  const filter = { unitIds, channel: q.kanal, verifiedOnly: q.verifiedOnly, service: q.layanan };
  const current = periodMonths(q.period);
  const previous = previousPeriod(q.period);

  // Per unit only the two periods compared (populations need per-unit respondents); the trend per month, pooled.
  const k = await itemSlots();
  const [rows, trendRows, breakdown, saran, choices, ancestors] = await Promise.all([
    readRollup({ ...filter, from: periodMonths(previous).start, to: current.end }, k, true, [previous, q.period]),
    readRollup({ ...filter, ...months }, k, false),
    readBreakdown({ ...filter, from: current.start, to: current.end }),
    readSaran({ ...filter, from: current.start, to: current.end }),
    choicesFor(unitIds),
    ancestorsFor(caller, unit),
  ]);
  const versions = await versionsFor([...rows, ...trendRows].map((r) => r.versionId));
  const pops = await populations(unitIds, [q.period, previous]);
  const populationIn = (p: TPeriod) =>
    [periodKey(q.period), periodKey(previous)].includes(periodKey(p)) ? populationOf(pops, unitIds, respondentsByUnit(rows, p), p) : null;

  const isCurrent = inPeriod(q.period);
  const isPrevious = inPeriod(previous);
  const byPeriod = poolBy(rows, versions, (r) => (isCurrent(r) ? "current" : isPrevious(r) ? "previous" : null));
  const cur = largestFamily(byPeriod.get("current"));
  const family = cur?.family ?? largestFamily(byPeriod.get("previous"))?.family ?? (await defaultFamily());
  let score: TScore | null = null;
  let importance: ImportanceResult | null = null;
  if (cur && cur.respondents > 0) {
    score = scoreOf(cur, byPeriod.get("previous")?.get(cur.family.key), populationIn(q.period), populationIn(previous));
    importance = importanceFor(rows, versions, cur.family.key, isCurrent);
  }
  const otherTemplate = [...(byPeriod.get("current")?.values() ?? [])].filter((p) => p !== cur).reduce((a, p) => a + p.respondents, 0);

  return {
    unit: { ...unit, hasChildren },
    ancestors,
    scope,
    subtreeUnits: tree.length,
    family,
    score,
    inProgress: inProgress(q.period),
    suspiciousExcluded: sumSuspicious(rows, q.period),
    otherTemplate,
    trend: trendOf(trendRows, versions, family, trend, months.to, populationIn),
    importance,
    ...breakdown,
    saran,
    choices,
  };
}

/**
 * Profile, services and channels of the period's respondents (every questionnaire counts).
 * The profile is one summed vector (from the monthly summary when no filter needs the detail);
 * services and channels are plain counts from the monthly rollup.
 */
async function readBreakdown(f: TRollupFilter): Promise<Pick<TUnitDashboard, "profile" | "byService" | "byChannel">> {
  const where = filterSql(f, "rollup");
  const table = f.channel || f.service || f.verifiedOnly ? "unit_monthly_rollup" : "unit_monthly_summary";
  const [profile, counts] = await Promise.all([
    pool().query<{ p: number[] }>(`SELECT ${sumArray("profile", PROFILE_SLOTS)} AS p FROM ${table} r WHERE ${where.sql} AND NOT r.suspicious`, where.params),
    pool().query<{ service_id: string; channel: TChannel; n: number }>(
      `SELECT r.service_id, r.channel::text AS channel, sum(r.responses)::int AS n
         FROM unit_monthly_rollup r WHERE ${where.sql} AND NOT r.suspicious
        GROUP BY r.service_id, r.channel HAVING sum(r.responses) > 0`,
      where.params,
    ),
  ]);
  const byServiceId = new Map<string, number>();
  const channels = new Map<TChannel, number>();
  for (const r of counts.rows) {
    byServiceId.set(r.service_id, (byServiceId.get(r.service_id) ?? 0) + r.n);
    channels.set(r.channel, (channels.get(r.channel) ?? 0) + r.n);
  }
  const names = await pool().query<{ id: string; code: string; name: string; unit: string }>(
    `SELECT s.id, s.code, s.name, u.name AS unit FROM service s JOIN unit u ON u.id = s.unit_id WHERE s.id = ANY($1::uuid[])`,
    [[...byServiceId.keys()]],
  );
  const serviceOf = new Map(names.rows.map((r) => [r.id, r]));
  return {
    profile: readProfile(profile.rows[0]?.p ?? []),
    byService: [...byServiceId.entries()]
      .map(([id, respondents]) => {
        const s = serviceOf.get(id);
        return { code: s?.code ?? "", name: s?.name ?? "", unit: s?.unit ?? "", respondents };
      })
      .sort((a, b) => b.respondents - a.respondents),
    byChannel: [...channels.entries()].map(([channel, respondents]) => ({ channel, respondents })).sort((a, b) => b.respondents - a.respondents),
  };
}

/**
 * The newest saran of the units: per unit its newest `limit` through the partial index on
 * (unit_id, submitted_at) WHERE saran IS NOT NULL, then merged, so a whole agency's latest
 * costs one short index read per unit instead of a sort of every saran in the period.
 */
async function latestSaran(f: TRollupFilter, limit: number, status?: string) {
  const where = filterSql(f, "response");
  const sql = statusSql(where.params, status);
  const { rows } = await pool().query<{ id: string; at: Date; text: string; service: string | null; unit: string; unit_code: string; status: string | null; note: string | null; answers: Record<string, number> }>(
    `SELECT x.* FROM unnest($1::uuid[]) AS uid(id),
            LATERAL (
              SELECT r.id, r.submitted_at AS at, r.saran AS text, s.name AS service, u.name AS unit, u.code AS unit_code,
                     f.status::text AS status, f.note, r.answers
                FROM response r JOIN unit u ON u.id = r.unit_id LEFT JOIN service s ON s.id = r.service_id
                LEFT JOIN feedback_follow_up f ON f.response_id = r.id
               WHERE ${where.sql.replace("r.unit_id = ANY($1::uuid[])", "r.unit_id = uid.id")} AND r.saran IS NOT NULL AND NOT r.suspicious${sql}
               ORDER BY r.submitted_at DESC, r.id LIMIT ${limit}) x
      ORDER BY x.at DESC, x.id LIMIT ${limit}`,
    where.params,
  );
  return rows;
}

/** The follow-up status filter ("BARU" includes saran nobody has touched yet); pushes its parameter. */
function statusSql(params: unknown[], status?: string): string {
  if (!status) return "";
  if (status === "BARU") return ` AND (f.status IS NULL OR f.status = 'BARU')`;
  params.push(status);
  return ` AND f.status = $${params.length}::"FeedbackStatus"`;
}

async function readSaran(f: TRollupFilter, limit = 5): Promise<TUnitDashboard["saran"]> {
  const where = filterSql(f, "response");
  const [latest, counts] = await Promise.all([
    latestSaran(f, limit),
    // Counted up to a cap, so a unit with a flood of saran costs the dashboard no more (the inbox counts them all).
    pool().query<{ total: number; unread: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE unread)::int AS unread
         FROM (SELECT f.status IS NULL OR f.status = 'BARU' AS unread
                 FROM response r LEFT JOIN feedback_follow_up f ON f.response_id = r.id
                WHERE ${where.sql} AND r.saran IS NOT NULL AND NOT r.suspicious LIMIT ${SARAN_COUNT_CAP + 1}) x`,
      where.params,
    ),
  ]);
  const total = counts.rows[0]?.total ?? 0;
  return {
    latest: latest.map((r) => ({ id: r.id, at: r.at, text: r.text, service: r.service, unit: r.unit, status: r.status ?? "BARU" })),
    total: Math.min(total, SARAN_COUNT_CAP),
    unread: counts.rows[0]?.unread ?? 0,
    capped: total > SARAN_COUNT_CAP,
  };
}

// ---------------------------------------------------------- agency dashboard

/** Sums per family across every key. */
function familyTotals<K>(pooled: Map<K, Map<string, TPooled>>): Map<string, TPooled> {
  const out = new Map<string, TPooled>();
  for (const byFamily of pooled.values()) {
    for (const p of byFamily.values()) out.set(p.family.key, mergePooled([out.get(p.family.key) ?? emptyPooled(p.family), p], p.family));
  }
  return out;
}

/**
 * Every unit under `q.unit` (default: the caller's own top unit) side by side, the pooled
 * index of the whole subtree, its trend, movers and the units to look at.
 */
export async function getAgencyDashboard(caller: TCaller | null, q: TDashboardQuery): Promise<TAgencyDashboard | null> {
  if (!caller) return null;
  const rootPaths = scopePaths(caller, "dashboard.read");
  if (rootPaths.length === 0) return null;
  const { rows: rootUnits } = await pool().query<TUnitNode>(
    `SELECT ${UNIT_COLUMNS} FROM unit WHERE path = ANY($1::text[]) ORDER BY depth, name`,
    [rootPaths],
  );
  const root = q.unit ? await unitByCode(q.unit) : (rootUnits[0] ?? null);
  if (!root || !can(caller, "dashboard.read", root.path)) return null;

  const tree = await subtree(root);
  const level = q.tingkat ?? "semua";
  const unitIds = tree.map((u) => u.id);
  const trend = trendPeriods(q.period, q.trend);
  const months = trendMonths(q, trend);
  const previous = previousPeriod(q.period);
  const filter = { unitIds, channel: q.kanal, verifiedOnly: q.verifiedOnly, service: q.layanan };

  // Per unit only the two periods compared; the trend pooled over all units, per month.
  const k = await itemSlots();
  const [rows, trendRows, choices, ancestors, pops] = await Promise.all([
    readRollup({ ...filter, from: periodMonths(previous).start, to: periodMonths(q.period).end }, k, true, [previous, q.period]),
    readRollup({ ...filter, ...months }, k, false),
    choicesFor(unitIds),
    ancestorsFor(caller, root),
    populations(unitIds, [q.period, previous]),
  ]);
  const versions = await versionsFor([...rows, ...trendRows].map((r) => r.versionId));
  const isCurrent = inPeriod(q.period);
  const isPrevious = inPeriod(previous);
  // Per unit, own responses: current and previous period.
  const current = poolBy(rows, versions, (r) => (isCurrent(r) ? r.unitId : null));
  const before = poolBy(rows, versions, (r) => (isPrevious(r) ? r.unitId : null));

  // The questionnaire the view pools: the one most respondents answered this period.
  const totals = familyTotals(current);
  const family = largestFamily(totals)?.family ?? largestFamily(familyTotals(before))?.family ?? (await defaultFamily());

  const nowBy = respondentsByUnit(rows, q.period);
  const beforeBy = respondentsByUnit(rows, previous);

  const children = new Map<string, TUnitNode[]>();
  for (const u of tree) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const descendants = (u: TUnitNode) => tree.filter((x) => x.path.startsWith(u.path));
  const nameOf = new Map(tree.map((u) => [u.id, u.name]));

  /** The score of a set of units pooled, in the view's family if they answered it, else in their own. */
  const scoreFor = (ids: string[]): { score: TScore | null; comparable: boolean } => {
    const pick = (pooled: Map<string, Map<string, TPooled>>, key: string | undefined) => {
      const list = ids.map((id) => (key ? pooled.get(id)?.get(key) : undefined)).filter((p): p is TPooled => !!p);
      return list.length ? mergePooled(list, list[0]!.family) : undefined;
    };
    let key = family?.key;
    let cur = pick(current, key);
    let comparable = true;
    if (!cur || cur.respondents === 0) {
      // Units answering another questionnaire keep an index of their own.
      const own = largestFamily(familyTotals(new Map(ids.map((id) => [id, current.get(id) ?? new Map()]))));
      if (!own || own.respondents === 0) return { score: null, comparable: true };
      key = own.family.key;
      cur = pick(current, key)!;
      comparable = own.family.key === family?.key;
    }
    const prev = pick(before, key);
    return {
      score: scoreOf(cur, prev, populationOf(pops, ids, nowBy, q.period), populationOf(pops, ids, beforeBy, previous)),
      comparable,
    };
  };

  // A closed unit stays in the table while it has data in the two periods compared.
  const shown = (ids: string[], u: TUnitNode) => u.active || ids.some((id) => nowBy.get(id) || beforeBy.get(id));
  const listed: { unit: TUnitNode; ids: string[]; scope: TUnitRow["scope"] }[] =
    level === "anak"
      ? [
          // The root's own responses first, when it takes any, then each child with its subtree pooled.
          ...(nowBy.get(root.id) || beforeBy.get(root.id) ? [{ unit: root, ids: [root.id], scope: "sendiri" as const }] : []),
          ...(children.get(root.id) ?? []).map((u) => ({ unit: u, ids: descendants(u).map((d) => d.id), scope: "gabungan" as const })),
        ]
      : tree.map((u) => ({ unit: u, ids: [u.id], scope: "sendiri" as const }));
  const unitRows: TUnitRow[] = listed
    .filter(({ unit, ids }) => shown(ids, unit))
    .map(({ unit, ids, scope }) => ({
      code: unit.code,
      name: unit.name,
      depth: unit.depth - root.depth,
      parentName: unit.parentId ? (nameOf.get(unit.parentId) ?? null) : null,
      hasChildren: (children.get(unit.id)?.length ?? 0) > 0,
      scope,
      ...scoreFor(ids),
    }));

  const all = scoreFor(unitIds);
  const pooled = all.comparable ? all.score : null;
  const otherTemplate = [...totals.values()].filter((p) => p.family.key !== family?.key).reduce((a, p) => a + p.respondents, 0);
  return {
    root,
    ancestors,
    roots: rootUnits.map(({ code, name }) => ({ code, name })),
    level,
    family,
    pooled,
    inProgress: inProgress(q.period),
    // Populations need per-unit respondents, read for the two periods compared only: the other trend
    // points carry an interval without the finite-population correction (slightly wider).
    trend: trendOf(trendRows, versions, family, trend, months.to, (p) =>
      [periodKey(q.period), periodKey(previous)].includes(periodKey(p)) ? populationOf(pops, unitIds, respondentsByUnit(rows, p), p) : null,
    ),
    rows: unitRows,
    spread: mutuSpread(unitRows),
    movers: moversOf(unitRows.filter((r) => r.comparable)),
    attention: attentionOf(unitRows),
    suspiciousExcluded: sumSuspicious(rows, q.period),
    otherTemplate,
    choices,
  };
}

// ------------------------------------------------------------ feedback inbox

export type TFeedbackPage = {
  unit: TUnitNode;
  items: (TSaran & { note: string | null; scores: Record<string, number>; unitCode: string })[];
  total: number;
  page: number;
  pageSize: number;
  canManage: boolean;
};

export const FEEDBACK_PAGE_SIZE = 20;

/** A unit's saran (with its sub-units when `cakupan` says so), newest first, by follow-up status. */
export async function listFeedback(caller: TCaller | null, code: string, q: TDashboardQuery): Promise<TFeedbackPage | null> {
  if (!caller) return null;
  const unit = await unitByCode(code);
  if (!unit || !can(caller, "dashboard.read", unit.path)) return null;
  const tree = await subtree(unit);
  const scope = q.cakupan ?? (tree.length > 1 ? "gabungan" : "sendiri");
  const unitIds = (scope === "gabungan" ? tree : [unit]).map((u) => u.id);
  const { start, end } = periodMonths(q.period);
  const filter = { unitIds, from: start, to: end, channel: q.kanal, verifiedOnly: q.verifiedOnly, service: q.layanan };
  const page = q.hal ?? 1;
  const where = filterSql(filter, "response");
  const status = statusSql(where.params, q.status);
  const [list, count] = await Promise.all([
    // The page's rows: the newest page x size, merged per unit, then the last page of them.
    latestSaran(filter, page * FEEDBACK_PAGE_SIZE, q.status).then((rows) => rows.slice((page - 1) * FEEDBACK_PAGE_SIZE)),
    pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM response r LEFT JOIN feedback_follow_up f ON f.response_id = r.id
        WHERE ${where.sql} AND r.saran IS NOT NULL AND NOT r.suspicious${status}`,
      where.params,
    ),
  ]);
  return {
    unit,
    items: list.map((r) => ({
      id: r.id, at: r.at, text: r.text, service: r.service, unit: r.unit, unitCode: r.unit_code,
      status: r.status ?? "BARU", note: r.note, scores: r.answers,
    })),
    total: count.rows[0]?.n ?? 0,
    page,
    pageSize: FEEDBACK_PAGE_SIZE,
    canManage: can(caller, "feedback.manage", unit.path),
  };
}

/** Sets the follow-up status (and a note) of one saran: feedback.manage on the response's own unit. */
export const updateFeedback = defineWrite({
  input: ZFeedbackUpdate,
  capability: "feedback.manage",
  // Only a response with a saran has a follow-up.
  locate: async (tx, input) => {
    const response = await tx.response.findUnique({ where: { id: input.responseId }, select: { unitId: true, saran: true, unit: { select: { path: true } } } });
    return response?.saran ? response : null;
  },
  on: (response) => [response.unit.path],
  audit: (input, response) => ({ action: "feedback.update", targetType: "response", targetId: input.responseId, unitId: response.unitId, detail: { status: input.status } }),
  handler: async (tx, input, _response, { caller }) => {
    await tx.feedbackFollowUp.upsert({
      where: { responseId: input.responseId },
      create: { responseId: input.responseId, status: input.status, note: input.note, updatedById: caller.userId },
      update: { status: input.status, note: input.note, updatedById: caller.userId },
    });
  },
});
