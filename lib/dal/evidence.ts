import "server-only";
import { readAttachment } from "@/lib/dal/attachments";
import { resolveScope } from "@/lib/dal/dashboard/scope";
import { logPhoto } from "@/lib/dal/publication-log";
import { agencyClock } from "@/lib/dal/settings";
import { queryRows, sql } from "@/lib/dal/sql";
import { prisma } from "@/lib/db";
import { daysToFollowUp, followUpMetricsOf, type TFollowUpMetrics } from "@/lib/follow-up/metrics";
import { inProgress, MONTHS_IN, type TPeriod, type TPeriodKind } from "@/lib/periods";
import type { TCaller } from "@/lib/permissions";
import type { TPublicationMedium } from "@/lib/validation/publication-log";
import type { TPlanStatus } from "@/lib/validation/plans";

// A unit's evaluation evidence for one year (PermenPANRB 29/2022 as amended by 4/2023, and the
// Zona Integritas assessment): which periods of the agency's rhythm have ended, the unit's own
// follow-up plans with their actions and files, its publication log with the proofs, and the
// time from report to follow-up (lib/follow-up/metrics). dashboard.read on the unit, like its
// report and tabulation; outside the caller's scope null, like a unit that does not exist.
// File bytes are read on demand through the data layer's own readers (each checks again).

export type TEvidenceFile = { id: string; filename: string; kind: string; progressId: string | null };

export type TEvidenceAction = {
  id: string;
  unsurCode: string;
  action: string;
  owner: string;
  dueDate: Date | null;
  expectedEffect: string | null;
  progress: number;
  realisation: string | null;
  doneAt: Date | null;
  /** Files attached to the action's progress entries, oldest first. */
  files: TEvidenceFile[];
};

export type TEvidencePlan = {
  id: string;
  period: TPeriod;
  status: TPlanStatus;
  fkpDate: Date | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
  /** When the result was reported: the unit's (standing) publication of the period, else the period's end. */
  reportedAt: Date;
  reportedBy: "publication" | "periodEnd";
  /** Whole days from the report to the approval (lib/follow-up/metrics); null while not approved. */
  daysToFollowUp: number | null;
  actions: TEvidenceAction[];
  /** The plan's own files (FKP minutes). */
  files: TEvidenceFile[];
};

export type TEvidenceLogEntry = { id: string; period: TPeriod; medium: TPublicationMedium; publishedOn: Date; url: string | null; note: string | null; hasPhoto: boolean };

export type TUnitEvidence = {
  unit: { code: string; name: string };
  year: number;
  timeZone: string;
  rhythm: TPeriodKind;
  /** The periods of the agency's rhythm in the year, first to last, and whether each has ended on the agency's clock. */
  periods: { period: TPeriod; ended: boolean }[];
  plans: TEvidencePlan[];
  log: TEvidenceLogEntry[];
  metrics: TFollowUpMetrics;
  attachment: (id: string) => Promise<Uint8Array | null>;
  photo: (entryId: string) => Promise<{ bytes: Uint8Array; type: string } | null>;
};

type TFactRow = { id: string; reportedAt: Date; byPublication: boolean };

export async function getUnitEvidence(caller: TCaller | null, code: string, year: number, now = new Date()): Promise<TUnitEvidence | null> {
  if (!Number.isInteger(year)) return null;
  const scoped = await resolveScope(caller, code, "sendiri");
  if (!scoped) return null;
  const { unit } = scoped;
  const clock = await agencyClock();
  const inYear = { unitId: unit.id, period: { year } };
  const [plans, facts, log] = await Promise.all([
    prisma.followUpPlan.findMany({
      where: inYear,
      include: {
        period: { select: { kind: true, year: true, number: true, startDate: true } },
        attachments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, filename: true, kind: true, progressId: true } },
        actions: { orderBy: [{ position: "asc" }, { unsurCode: "asc" }], include: { progressEntries: { select: { id: true } } } },
      },
    }),
    queryRows<TFactRow>(sql`
      SELECT p.id::text AS id, COALESCE(pub.published_at, sp.end_date::timestamp AT TIME ZONE ${clock.timeZone}) AS "reportedAt",
             pub.published_at IS NOT NULL AS "byPublication"
        FROM follow_up_plan p
        JOIN survey_period sp ON sp.id = p.period_id AND sp.year = ${year}
        LEFT JOIN publication pub ON pub.unit_id = p.unit_id AND pub.period_id = p.period_id AND pub.unpublished_at IS NULL
       WHERE p.unit_id = ${unit.id}::uuid`),
    prisma.publicationLogEntry.findMany({
      where: inYear,
      orderBy: [{ period: { startDate: "asc" } }, { publishedOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, medium: true, publishedOn: true, url: true, note: true, photoType: true, period: { select: { kind: true, year: true, number: true } } },
    }),
  ]);
  const factOf = new Map(facts.map((f) => [f.id, f]));
  const file = ({ id, filename, kind, progressId }: TEvidenceFile) => ({ id, filename, kind, progressId });
  const shaped: TEvidencePlan[] = plans
    .sort((a, b) => a.period.startDate.getTime() - b.period.startDate.getTime() || a.period.kind.localeCompare(b.period.kind))
    .map((p) => {
      const fact = factOf.get(p.id)!;
      const reportedAt = new Date(fact.reportedAt);
      const approvedAt = p.status === "DISETUJUI" ? p.approvedAt : null;
      return {
        id: p.id,
        period: { kind: p.period.kind, year: p.period.year, number: p.period.number },
        status: p.status,
        fkpDate: p.fkpDate,
        submittedAt: p.submittedAt,
        approvedAt,
        reportedAt,
        reportedBy: fact.byPublication ? "publication" : "periodEnd",
        daysToFollowUp: approvedAt ? daysToFollowUp(reportedAt, approvedAt) : null,
        actions: p.actions.map((a) => {
          const entries = new Set(a.progressEntries.map((e) => e.id));
          return {
            id: a.id, unsurCode: a.unsurCode, action: a.action, owner: a.owner, dueDate: a.dueDate, expectedEffect: a.expectedEffect,
            progress: a.progress, realisation: a.realisation, doneAt: a.doneAt,
            files: p.attachments.filter((f) => f.progressId !== null && entries.has(f.progressId)).map(file),
          };
        }),
        files: p.attachments.filter((f) => f.progressId === null).map(file),
      };
    });
  const perYear = 12 / MONTHS_IN[clock.rhythm];
  return {
    unit: { code: unit.code, name: unit.name },
    year,
    timeZone: clock.timeZone,
    rhythm: clock.rhythm,
    periods: Array.from({ length: perYear }, (_, i) => {
      const period: TPeriod = { kind: clock.rhythm, year, number: i + 1 };
      return { period, ended: !inProgress(period, clock.timeZone, now) };
    }),
    plans: shaped,
    log: log.map(({ photoType, period, ...e }) => ({ ...e, medium: e.medium as TPublicationMedium, period: { kind: period.kind, year: period.year, number: period.number }, hasPhoto: photoType !== null })),
    metrics: followUpMetricsOf(shaped.map((p) => ({ unitId: unit.id, reportedAt: p.reportedAt, approvedAt: p.approvedAt, actions: p.actions.map((a) => a.progress) }))),
    attachment: async (id) => (await readAttachment(caller, id))?.body ?? null,
    photo: (entryId) => logPhoto(caller, entryId),
  };
}
