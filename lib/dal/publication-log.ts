import "server-only";
import { prisma } from "@/lib/db";
import { ensurePeriod, periodWhere } from "@/lib/dal/periods";
import { getUnitForCaller } from "@/lib/dal/units";
import { defineWrite } from "@/lib/dal/write";
import { periodKey, type TPeriod } from "@/lib/periods";
import { can, type TCaller } from "@/lib/permissions";
import { ZAddLogEntry, ZRemoveLogEntry, type TPublicationMedium } from "@/lib/validation/publication-log";
import { ZPublishedResult, type TPublishedResult } from "@/lib/validation/publication";
import { imageType } from "@/lib/validation/settings";

// The publication log of a unit and period: each medium the result was announced
// in, with the day and a link or a photo. It is the agency's evidence (the
// evaluation counts distinct media), so entries are added and removed, each
// audited, never edited in place. Photos are served only to those who may read
// the unit's dashboard (app/api/v1/publication-log/[id]/photo).

export type TLogEntry = { id: string; medium: TPublicationMedium; publishedOn: Date; url: string | null; hasPhoto: boolean; note: string | null; createdAt: Date };

export type TUnitPublication = {
  unit: { id: string; code: string; name: string; hasChildren: boolean };
  publication: { result: TPublishedResult | null; publishedAt: Date; unpublished: { at: Date; reason: string } | null } | null;
  log: TLogEntry[];
  /** Distinct media in the log. */
  media: number;
};

/** One unit's publication for the period and its log, for an admin of the unit; null otherwise. */
export async function getUnitPublication(caller: TCaller | null, code: string, p: TPeriod): Promise<TUnitPublication | null> {
  const unit = await getUnitForCaller(caller, code, "admin");
  if (!unit) return null;
  const where = { unitId: unit.id, period: periodWhere(p).kind_year_number };
  const [children, publication, log] = await Promise.all([
    prisma.unit.count({ where: { parentId: unit.id } }),
    prisma.publication.findFirst({ where, select: { result: true, publishedAt: true, unpublishedAt: true, unpublishReason: true } }),
    prisma.publicationLogEntry.findMany({
      where,
      orderBy: [{ publishedOn: "desc" }, { createdAt: "desc" }],
      select: { id: true, medium: true, publishedOn: true, url: true, photoType: true, note: true, createdAt: true },
    }),
  ]);
  const parsed = ZPublishedResult.safeParse(publication?.result);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, hasChildren: children > 0 },
    publication: publication && {
      result: parsed.success ? parsed.data : null,
      publishedAt: publication.publishedAt,
      unpublished: publication.unpublishedAt ? { at: publication.unpublishedAt, reason: publication.unpublishReason ?? "" } : null,
    },
    log: log.map(({ photoType, ...e }) => ({ ...e, hasPhoto: photoType !== null })),
    media: new Set(log.map((e) => e.medium)).size,
  };
}

/** A log entry's photo, for a caller who may read the unit's dashboard; null otherwise. */
export async function logPhoto(caller: TCaller | null, entryId: string): Promise<{ bytes: Uint8Array; type: string } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(entryId)) return null;
  const entry = await prisma.publicationLogEntry.findUnique({ where: { id: entryId }, select: { photo: true, photoType: true, unit: { select: { path: true } } } });
  if (!entry?.photo || !entry.photoType || !can(caller, "dashboard.read", entry.unit.path)) return null;
  return { bytes: entry.photo, type: entry.photoType };
}

export const addLogEntry = defineWrite({
  input: ZAddLogEntry,
  capability: "admin",
  locate: (tx, input) => tx.unit.findUnique({ where: { code: input.unitCode }, select: { id: true, code: true, path: true } }),
  on: (u) => [u.path],
  audit: (input, u, { newId }) => ({
    action: "publication.log.add",
    targetType: "publicationLog",
    targetId: newId,
    unitId: u.id,
    detail: { code: u.code, period: periodKey(input.period), medium: input.medium, publishedOn: input.publishedOn, url: input.url, photoBytes: input.photo?.length ?? null },
  }),
  handler: async (tx, input, u, { newId, caller }) => {
    const period = await ensurePeriod(tx, input.period);
    await tx.publicationLogEntry.create({
      data: {
        id: newId,
        unitId: u.id,
        periodId: period.id,
        medium: input.medium,
        publishedOn: new Date(`${input.publishedOn}T00:00:00Z`),
        url: input.url,
        photo: input.photo ? new Uint8Array(input.photo) : null,
        photoType: input.photo ? imageType(input.photo) : null,
        note: input.note,
        createdById: caller.userId,
      },
    });
    return { id: newId };
  },
});

export const removeLogEntry = defineWrite({
  input: ZRemoveLogEntry,
  capability: "admin",
  locate: (tx, input) =>
    tx.publicationLogEntry.findUnique({
      where: { id: input.entryId },
      select: { id: true, medium: true, publishedOn: true, url: true, unit: { select: { id: true, code: true, path: true } }, period: { select: { kind: true, year: true, number: true } } },
    }),
  on: (e) => [e.unit.path],
  audit: (_input, e) => ({
    action: "publication.log.remove",
    targetType: "publicationLog",
    targetId: e.id,
    unitId: e.unit.id,
    detail: { code: e.unit.code, period: periodKey(e.period), medium: e.medium, publishedOn: e.publishedOn.toISOString().slice(0, 10), url: e.url },
  }),
  handler: async (tx, _input, e) => {
    await tx.publicationLogEntry.delete({ where: { id: e.id } });
  },
});
