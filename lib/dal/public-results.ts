import "server-only";
import { queryRows, sql } from "@/lib/dal/sql";
import { periodKey, PERIOD_KINDS, type TPeriodKind } from "@/lib/periods";
import { latestPerUnit, type TPublicRow } from "@/lib/public-results/rows";
import { invalidatePublicResponses } from "@/lib/request/public-cache";
import { ZPublishedResult } from "@/lib/validation/publication";

// The public results (/hasil, its badge and open data): only what an admin published and has
// not withdrawn, as frozen then (publication.result), for active units. A late response
// changes the dashboards, never these. No caller: public data, the same for everyone.
//
// Read through a small in-process cache keyed by the publication set's version (how many
// rows, the newest publish and withdrawal, the newest unit change): a publish, a withdrawal
// or a unit renamed in another process shows at the next request; publish and unpublish in
// this process also clear it (lib/dal/publication.ts afterCommit), and with it the web server's
// copies of the public pages (lib/request/public-cache.ts).

type TRaw = {
  code: string; name: string; kind: string; depth: number;
  p_kind: string; year: number; number: number; end_date: Date;
  result: unknown; published_at: Date;
};

let cached: { version: string; rows: TPublicRow[] } | null = null;

export function clearPublicResultsCache() {
  cached = null;
  // The web server's copies of the pages and files built from these rows (lib/request/public-cache.ts).
  invalidatePublicResponses();
}

async function version(): Promise<string> {
  const [v] = await queryRows<{ v: string }>(
    sql`SELECT concat_ws('|', (SELECT count(*) FROM publication), (SELECT max(published_at) FROM publication), (SELECT max(unpublished_at) FROM publication),
               (SELECT max(updated_at) FROM unit), (SELECT count(*) FROM unit WHERE active)) AS v`,
  );
  return v?.v ?? "";
}

async function load(): Promise<TPublicRow[]> {
  const raw = await queryRows<TRaw>(
    sql`SELECT u.code, u.name, u.kind::text AS kind, u.depth, sp.kind::text AS p_kind, sp.year, sp.number, sp.end_date, p.result, p.published_at
          FROM publication p JOIN unit u ON u.id = p.unit_id JOIN survey_period sp ON sp.id = p.period_id
         WHERE p.unpublished_at IS NULL AND p.result IS NOT NULL AND u.active
         ORDER BY u.path, sp.end_date DESC, sp.kind, p.published_at DESC`,
  );
  const rows: TPublicRow[] = [];
  for (const r of raw) {
    const parsed = ZPublishedResult.safeParse(r.result);
    const kind = PERIOD_KINDS.find((k) => k === r.p_kind);
    if (!parsed.success || !kind) continue;
    const period = { kind: kind as TPeriodKind, year: r.year, number: r.number };
    const res = parsed.data;
    rows.push({
      unitCode: r.code, unitName: r.name, unitKind: r.kind, depth: r.depth,
      period, periodKey: periodKey(period), periodEnd: r.end_date,
      konversi: res.konversi, mutu: res.mutu, kinerja: res.kinerja, kinerjaEn: res.kinerjaEn, respondents: res.respondents,
      scope: res.scope, belowMinimum: res.belowMinimum ?? false, unsur: res.unsur ?? [], publishedAt: r.published_at,
    });
  }
  return rows;
}

/** Every live publication of every active unit, in tree order, newest period first within a unit. */
export async function livePublications(): Promise<TPublicRow[]> {
  const v = await version();
  if (cached?.version === v) return cached.rows;
  const rows = await load();
  cached = { version: v, rows };
  return rows;
}

export type TPublicIndex = {
  /** Each active unit's newest published period. */
  units: TPublicRow[];
  /** The agency (the tree's root) by period, oldest first; empty when it published nothing. */
  agencyTrend: TPublicRow[];
};

export async function publicResultsIndex(): Promise<TPublicIndex> {
  const rows = await livePublications();
  const root = rows.filter((r) => r.depth === 0);
  const rootCode = root[0]?.unitCode;
  // The root's own kind of period that it published most recently (a trend does not mix triwulan and years).
  const latest = latestPerUnit(root)[0];
  const trend = root.filter((r) => r.unitCode === rootCode && r.period.kind === latest?.period.kind).reverse();
  return { units: latestPerUnit(rows), agencyTrend: trend };
}

export type TPublicUnitResults = {
  code: string;
  name: string;
  /** /s/<code> when the unit takes responses (it has an active service). */
  surveyPath: string | null;
  /** Its live publications, newest period first. */
  periods: TPublicRow[];
};

/** One active unit's published results; null for an unknown or inactive unit. */
export async function publicResultsForUnit(code: string): Promise<TPublicUnitResults | null> {
  if (!/^[A-Za-z0-9-]{1,40}$/.test(code)) return null;
  const [unit] = await queryRows<{ code: string; name: string; takes: boolean }>(
    sql`SELECT u.code, u.name, EXISTS (SELECT 1 FROM service s WHERE s.unit_id = u.id AND s.active) AS takes FROM unit u WHERE u.code = ${code.toUpperCase()} AND u.active`,
  );
  if (!unit) return null;
  const rows = (await livePublications()).filter((r) => r.unitCode === unit.code);
  return { code: unit.code, name: unit.name, surveyPath: unit.takes ? `/s/${unit.code}` : null, periods: rows };
}
