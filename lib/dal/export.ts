import "server-only";
import { filterConditions, filterSql, rollupTable, type TRollupFilter } from "@/lib/dal/dashboard/rollup";
import { resolveScope, type TUnitNode } from "@/lib/dal/dashboard/scope";
import { agencyTimeZone } from "@/lib/dal/settings";
import { empty, queryRows, sql } from "@/lib/dal/sql";
import type { TExportRow, TExportVersion } from "@/lib/export/csv";
import { periodMonths, type TAgencyTimeZone, type TPeriod } from "@/lib/periods";
import type { TCaller } from "@/lib/permissions";
import type { TDashboardQuery } from "@/lib/validation/dashboard";

// The responses behind a unit dashboard's view, for export: the same units
// (the unit alone or its subtree), period, service, channel and verified
// filter as the view, suspicious responses included (marked, not counted by
// the view). Read in keyset batches per unit, so an export of a million rows
// holds one batch in memory and no connection between batches.

export const EXPORT_BATCH = 2_000;

export type TResponseExport = {
  unit: { code: string; name: string };
  scope: "sendiri" | "gabungan";
  period: TPeriod;
  timeZone: TAgencyTimeZone;
  /** The questionnaire versions answered in the file, oldest first (the unit's own when it has none yet). */
  versions: TExportVersion[];
  /** The rows in batches: unit by unit in tree order, each by submission time. */
  batches: (batchSize?: number) => AsyncGenerator<TExportRow[], void, undefined>;
};

/** Null: no such unit, or outside the caller's scope for dashboard.read (answer 404). */
export async function openResponseExport(caller: TCaller | null, code: string, q: TDashboardQuery): Promise<TResponseExport | null> {
  const scoped = await resolveScope(caller, code, q.cakupan);
  if (!scoped) return null;
  const { unit, tree, scope, unitIds } = scoped;
  const months = periodMonths(q.period);
  const filter: TRollupFilter = { unitIds, from: months.start, to: months.end, channel: q.kanal, verifiedOnly: q.verifiedOnly, service: q.layanan };
  const [versions, timeZone] = await Promise.all([versionsIn(filter, unit), agencyTimeZone()]);
  const units = tree.filter((u) => unitIds.includes(u.id));
  return {
    unit: { code: unit.code, name: unit.name },
    scope,
    period: q.period,
    timeZone,
    versions,
    batches: (batchSize = EXPORT_BATCH) => readBatches(filter, units, versions.map((v) => v.id), batchSize),
  };
}

/** Which versions the view's responses answered: from the rollup (a few rows per month), not a scan. */
async function versionsIn(f: TRollupFilter, unit: TUnitNode): Promise<TExportVersion[]> {
  const present = await queryRows<{ id: string }>(
    sql`SELECT r.template_version_id AS id FROM ${rollupTable(f)} r WHERE ${filterSql(f, "rollup")}
         GROUP BY r.template_version_id HAVING sum(r.responses) > 0`,
  );
  const ids = present.length > 0 ? present.map((r) => r.id) : await ownVersion(unit);
  if (ids.length === 0) return [];
  return queryRows<TExportVersion>(
    sql`SELECT v.id, t.key AS "templateKey", v.version, v.asks_harapan AS "asksHarapan",
               json_agg(json_build_object('code', i.code, 'name', i.unsur, 'nameEn', i.unsur_en) ORDER BY i.position) AS items
          FROM template_version v
          JOIN questionnaire_template t ON t.id = v.template_id
          JOIN template_item i ON i.version_id = v.id
         WHERE v.id = ANY(${ids}::uuid[])
         GROUP BY v.id, t.id
         ORDER BY v.created_at, v.id`,
  );
}

/** The latest published version of the questionnaire the unit asks (its own, else its nearest ancestor's, else the agency default). */
async function ownVersion(unit: TUnitNode): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    sql`SELECT v.id FROM template_version v JOIN questionnaire_template t ON t.id = v.template_id
         WHERE t.id = coalesce(
                 (SELECT a.template_id FROM unit a, unit u WHERE u.id = ${unit.id}::uuid AND starts_with(u.path, a.path) AND a.template_id IS NOT NULL
                   ORDER BY a.depth DESC LIMIT 1),
                 (SELECT id FROM questionnaire_template WHERE is_default LIMIT 1))
           AND v.published_at IS NOT NULL
         ORDER BY v.version DESC LIMIT 1`,
  );
  return rows.map((r) => r.id);
}

type TRowRecord = Omit<TExportRow, "unitCode" | "unitName">;
type TCursor = { unit: number; after: { at: Date; id: string } | null };

/**
 * Keyset pages of (submitted_at, id) within one unit at a time: each page is an index range
 * scan of response (unit_id, submitted_at) that starts where the last one ended, so page k
 * costs the same as page 1, and no connection is held between pages. The next page is asked
 * for while the caller writes this one. Rows answering a version outside the header (a
 * questionnaire published while the file streams) are left out rather than written without
 * their columns.
 */
async function* readBatches(f: TRollupFilter, units: TUnitNode[], versionIds: string[], batchSize: number): AsyncGenerator<TExportRow[], void, undefined> {
  if (versionIds.length === 0 || units.length === 0) return;
  const conditions = filterConditions(f, "response");
  const fetchPage = ({ unit, after }: TCursor) =>
    queryRows<TRowRecord>(
      sql`SELECT r.id, r.submitted_at AS "submittedAt", s.name AS service, r.channel::text AS channel,
                 r.template_version_id AS "versionId", r.answers, r.harapan, r.gender::text AS gender, r.age,
                 r.education::text AS education, r.occupation::text AS occupation, r.saran, r.verified, r.suspicious
            FROM response r LEFT JOIN service s ON s.id = r.service_id
           WHERE r.unit_id = ${units[unit]!.id}::uuid AND ${conditions}
             AND r.template_version_id = ANY(${versionIds}::uuid[])
             ${after ? sql`AND r.submitted_at >= ${after.at} AND (r.submitted_at, r.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : empty}
           ORDER BY r.submitted_at, r.id
           LIMIT ${batchSize}`,
    );
  let cursor: TCursor | null = { unit: 0, after: null };
  let pending: Promise<TRowRecord[]> | null = fetchPage(cursor);
  while (cursor && pending) {
    const page: TRowRecord[] = await pending;
    const unit: number = cursor.unit;
    const last = page[page.length - 1];
    cursor = last && page.length === batchSize ? { unit, after: { at: last.submittedAt, id: last.id } } : unit + 1 < units.length ? { unit: unit + 1, after: null } : null;
    pending = cursor ? fetchPage(cursor) : null;
    // A reader that stops early leaves the prefetch unread: its failure then has nobody to tell.
    pending?.catch(() => {});
    if (page.length > 0) yield page.map((r) => ({ ...r, unitCode: units[unit]!.code, unitName: units[unit]!.name }));
  }
}
