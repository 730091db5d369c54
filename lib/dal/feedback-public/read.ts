import "server-only";
import { prisma } from "@/lib/db";
import { getUnitForCaller, type TUnitRef } from "@/lib/dal/units";
import type { TCaller } from "@/lib/permissions";
import { screenText, type Finding } from "@/lib/privacy/screen";

// Reads for "Anda berkata, kami bertindak". Public: only published items that are still
// SELESAI (an item reopened drops off), only the reviewed texts, never the raw saran. Staff:
// the candidates (SELESAI, not published) and the published items of a unit's subtree, for a
// caller with feedback.manage on the unit.

export type TPublicFeedback = { saran: string; action: string; submittedAt: Date; resolvedAt: Date | null; publishedAt: Date; service: string | null; unit: string };

const PUBLIC_LIMIT_MAX = 100;

/** The published items of a unit and its subtree, newest first; public data (no caller). */
export async function publicFeedbackForUnit(unitCode: string, limit = 20): Promise<TPublicFeedback[]> {
  if (!/^[A-Za-z0-9-]{1,40}$/.test(unitCode)) return [];
  const unit = await prisma.unit.findUnique({ where: { code: unitCode.toUpperCase() }, select: { path: true, active: true } });
  if (!unit || !unit.active) return [];
  const rows = await prisma.feedbackItem.findMany({
    where: { unit: { path: { startsWith: unit.path } }, status: "SELESAI", publishedAt: { not: null }, publicSaran: { not: null }, publicAction: { not: null }, suspicious: false },
    orderBy: [{ publishedAt: "desc" }, { responseId: "asc" }],
    take: Math.max(1, Math.min(PUBLIC_LIMIT_MAX, Math.trunc(limit) || 1)),
    select: { publicSaran: true, publicAction: true, submittedAt: true, closedAt: true, publishedAt: true, service: { select: { name: true } }, unit: { select: { name: true } } },
  });
  return rows.map((r) => ({
    saran: r.publicSaran ?? "",
    action: r.publicAction ?? "",
    submittedAt: r.submittedAt,
    resolvedAt: r.closedAt,
    publishedAt: r.publishedAt as Date,
    service: r.service?.name ?? null,
    unit: r.unit.name,
  }));
}

export type TPublicationItem = {
  responseId: string;
  unit: string;
  service: string | null;
  submittedAt: Date;
  resolvedAt: Date | null;
  saran: string;
  /** What screening finds in the raw saran, for highlighting. */
  findings: Finding[];
  /** The text the review form starts from: the reviewed one if any, else the screened saran. */
  draftSaran: string;
  publicAction: string;
  publishedAt: Date | null;
};

const STAFF_LIMIT = 200;

/** Candidates (SELESAI, not yet published) and published items of the unit's subtree; null if out of scope. */
export async function listPublicationItems(caller: TCaller | null, unitCode: string): Promise<{ unit: TUnitRef; candidates: TPublicationItem[]; published: TPublicationItem[] } | null> {
  const unit = await getUnitForCaller(caller, unitCode, "feedback.manage");
  if (!unit) return null;
  const rows = await prisma.feedbackItem.findMany({
    where: { unit: { path: { startsWith: unit.path } }, status: "SELESAI", saran: { not: null }, suspicious: false },
    orderBy: [{ closedAt: { sort: "desc", nulls: "last" } }, { responseId: "asc" }],
    take: STAFF_LIMIT,
    select: {
      responseId: true, saran: true, submittedAt: true, closedAt: true, publicSaran: true, publicAction: true, publishedAt: true,
      service: { select: { name: true } }, unit: { select: { name: true } },
    },
  });
  const items = rows.map((r): TPublicationItem => {
    const saran = r.saran ?? "";
    const screened = screenText(saran);
    return {
      responseId: r.responseId, unit: r.unit.name, service: r.service?.name ?? null, submittedAt: r.submittedAt, resolvedAt: r.closedAt,
      saran, findings: screened.findings, draftSaran: r.publicSaran ?? screened.text, publicAction: r.publicAction ?? "", publishedAt: r.publishedAt,
    };
  });
  return { unit, candidates: items.filter((i) => !i.publishedAt), published: items.filter((i) => i.publishedAt) };
}
