import "server-only";
import { prisma, type TTx } from "@/lib/db";
import { getUnitForCaller } from "@/lib/dal/units";
import { clearSurveyCache } from "@/lib/dal/survey";
import { clearPublicResultsCache } from "@/lib/dal/public-results";
import { itemSlots, populations, readRollup, versionsFor } from "@/lib/dal/dashboard/rollup";
import { periodWhere } from "@/lib/dal/periods";
import { agencySettings } from "@/lib/dal/settings";
import { defineWrite } from "@/lib/dal/write";
import { Prisma } from "@/lib/generated/prisma/client";
import { populationIn } from "@/lib/dashboard/rows";
import { unitHeadline } from "@/lib/dashboard/unit";
import { inProgress, periodKey, periodMonths, type TPeriod } from "@/lib/periods";
import { can, scopePaths, type TCaller } from "@/lib/permissions";
import { ZPublishAll, ZPublishUnit, ZUnpublish, type PUBLICATION_SCOPES } from "@/lib/validation/periods";
import { ZPublishedResult, type TPublishedResult } from "@/lib/validation/publication";

// Publishing a unit's result for a closed period: the result is computed from the
// rollups as they are now and frozen (late paper entries change the dashboards,
// never what the public was shown). The admin says which responses it counts: the
// unit's own, or pooled with its sub-units (a unit without sub-units counts its
// own either way, and says so). A live publication is never overwritten: it is
// withdrawn first, with a reason, and a republish then freezes anew. The database holds the rules (publication_guard): a live publication's
// period is closed, and a result changes only with a new publication date.

type TScope = (typeof PUBLICATION_SCOPES)[number];
type TUnitRef = { id: string; code: string; name: string; path: string };

/** The units at and under `path`, in tree order. */
const subtreeOf = (db: TTx | typeof prisma, path: string) =>
  db.unit.findMany({ where: { path: { startsWith: path } }, orderBy: { path: "asc" }, select: { id: true, code: true, name: true, path: true } });

/**
 * Each unit's result for the period, as it would be frozen now (null: nobody answered, or the
 * index cannot be computed). `tree`: every unit under the ones published, for the pooled scope.
 */
export async function computeResults(units: readonly TUnitRef[], tree: readonly TUnitRef[], period: TPeriod, scope: TScope): Promise<Map<string, TPublishedResult | null>> {
  const { start, end } = periodMonths(period);
  const rows = await readRollup({ unitIds: tree.map((u) => u.id), from: start, to: end, verifiedOnly: false }, await itemSlots(), true, [period]);
  const [versions, pops] = await Promise.all([versionsFor(rows.map((r) => r.versionId)), populations(tree.map((u) => u.id), [period])]);
  const out = new Map<string, TPublishedResult | null>();
  for (const unit of units) {
    const under = tree.filter((u) => u.path.startsWith(unit.path));
    const pooled = scope === "gabungan" && under.length > 1;
    const ids = pooled ? under.map((u) => u.id) : [unit.id];
    const counted = rows.filter((r) => ids.includes(r.unitId));
    // Judged against the N of the units it counts, as the dashboards judge it (lib/dashboard/rows.ts).
    const { score } = unitHeadline(counted, versions, period, populationIn(pops, ids, counted, [period]));
    const r = score?.result;
    const sample = r?.sample ? { population: r.sample.population, minimumSample: r.sample.minimumSample, belowMinimum: !r.sample.met } : {};
    const unsur = r ? r.items.flatMap((i) => (i.nrr === null ? [] : [{ code: i.code, name: i.name, nameEn: i.nameEn, nrr: i.nrr }])) : [];
    out.set(
      unit.id,
      r?.computable && r.konversiRounded !== null && r.mutu && r.kinerja
        ? ZPublishedResult.parse({ konversi: r.konversiRounded, mutu: r.mutu, kinerja: r.kinerja, kinerjaEn: r.kinerjaEn ?? r.kinerja, respondents: r.respondents, scope: pooled ? "gabungan" : "sendiri", ...sample, unsur })
        : null,
    );
  }
  return out;
}

const scopeColumn = (r: TPublishedResult): "POOLED" | "OWN" => (r.scope === "gabungan" ? "POOLED" : "OWN");

async function freeze(tx: TTx, unitId: string, periodId: string, result: TPublishedResult, caller: TCaller) {
  const data = { result, scope: scopeColumn(result), publishedAt: new Date(), publishedById: caller.userId, unpublishedAt: null, unpublishedById: null, unpublishReason: null };
  await tx.publication.upsert({ where: { unitId_periodId: { unitId, periodId } }, create: { unitId, periodId, ...data }, update: data });
}

/** Why a period cannot be published yet: it has not ended, or it has and was not closed. */
function periodRefusal(open: boolean, closedAt: Date | null | undefined): "open" | "notClosed" | null {
  if (open) return "open";
  return closedAt ? null : "notClosed";
}

/**
 * Before the transaction (defineWrite's `prepare`): the unit in the caller's admin scope, whether
 * the period is still running on the agency's clock, and the results as they would be frozen:
 * the rollup reads run on the shared pool, which inside the transaction would wait for a second
 * connection the embedded database does not have.
 */
async function prepareResults(caller: TCaller, unitCode: string, period: TPeriod, scope: TScope, everyUnit: boolean) {
  const unit = await getUnitForCaller(caller, unitCode, "admin");
  if (!unit) return null;
  const whole = everyUnit || scope === "gabungan";
  const [{ timeZone }, tree] = await Promise.all([agencySettings(), whole ? subtreeOf(prisma, unit.path) : [unit]]);
  return { open: inProgress(period, timeZone), tree, results: await computeResults(everyUnit ? tree : [unit], tree, period, scope) };
}

/** A publication the public sees now (not withdrawn). */
const isLive = (p: { unpublishedAt: Date | null; result: unknown } | null | undefined): boolean => !!p && !p.unpublishedAt && p.result !== null;

const findPeriod = (tx: TTx, p: TPeriod) => tx.surveyPeriod.findUnique({ where: periodWhere(p), select: { id: true, closedAt: true } });

/** Publishes one unit's result for a closed period; refused while one is live (withdraw it first: a republish). */
export const publishUnit = defineWrite({
  input: ZPublishUnit,
  capability: "admin",
  prepare: (input, caller) => prepareResults(caller, input.unitCode, input.period, input.scope, false),
  locate: async (tx, input, _caller, prepared) => {
    const unit = await tx.unit.findUnique({ where: { code: input.unitCode }, select: { id: true, code: true, name: true, path: true } });
    if (!unit) return null;
    const period = await findPeriod(tx, input.period);
    const before = period ? await tx.publication.findUnique({ where: { unitId_periodId: { unitId: unit.id, periodId: period.id } }, select: { id: true, unpublishedAt: true, result: true } }) : null;
    // The result computed before the transaction (for this unit only: a unit moved or renamed meanwhile reads as not found).
    const result = prepared.results.get(unit.id);
    if (result === undefined) return null;
    return { unit, period, republish: !!before, live: isLive(before), open: prepared.open, result };
  },
  on: (r) => [r.unit.path],
  refuse: (_input, r) => {
    const refusal = periodRefusal(r.open, r.period?.closedAt);
    if (refusal) return refusal;
    if (r.live) return "alreadyPublished";
    return r.result ? null : "noResponses";
  },
  audit: (input, r) => ({
    action: "publication.publish",
    targetType: "unit",
    targetId: r.unit.id,
    unitId: r.unit.id,
    detail: { code: r.unit.code, period: periodKey(input.period), republish: r.republish, ...r.result },
  }),
  handler: async (tx, _input, r, { caller }) => {
    await freeze(tx, r.unit.id, r.period!.id, r.result!, caller);
    return r.result!;
  },
  afterCommit: () => {
    clearSurveyCache();
    clearPublicResultsCache();
  },
});

/**
 * Publishes every unit at and under `rootCode` with responses in the period, in one transaction
 * (all or none); units without a computable result are skipped and named in the answer, and so
 * are units already live (`alreadyPublished`: never re-frozen; withdraw one to republish it).
 */
export const publishAll = defineWrite({
  input: ZPublishAll,
  capability: "admin",
  prepare: (input, caller) => prepareResults(caller, input.rootCode, input.period, input.scope, true),
  locate: async (tx, input, _caller, prepared) => {
    const root = await tx.unit.findUnique({ where: { code: input.rootCode }, select: { id: true, code: true, name: true, path: true } });
    if (!root) return null;
    const period = await findPeriod(tx, input.period);
    // The units the results were computed for (a unit added meanwhile waits for the next publish).
    const known = new Set(prepared.tree.map((u) => u.id));
    const tree = (await subtreeOf(tx, root.path)).filter((u) => known.has(u.id));
    const live = period
      ? await tx.publication.findMany({ where: { periodId: period.id, unitId: { in: tree.map((u) => u.id) }, unpublishedAt: null, NOT: { result: { equals: Prisma.DbNull } } }, select: { unitId: true } })
      : [];
    const liveIds = new Set(live.map((l) => l.unitId));
    // The pooled figures count every unit under each one, live or not.
    return { root, period, open: prepared.open, tree: tree.filter((u) => !liveIds.has(u.id)), live: tree.filter((u) => liveIds.has(u.id)), results: prepared.results };
  },
  on: (r) => [r.root.path],
  refuse: (_input, r) => {
    const refusal = periodRefusal(r.open, r.period?.closedAt);
    if (refusal) return refusal;
    if (r.tree.some((u) => r.results.get(u.id))) return null;
    return r.live.length > 0 ? "alreadyPublished" : "noResponses";
  },
  audit: (input, r) => ({
    action: "publication.publish_all",
    targetType: "unit",
    targetId: r.root.id,
    unitId: r.root.id,
    detail: {
      code: r.root.code,
      period: periodKey(input.period),
      scope: input.scope,
      published: r.tree.filter((u) => r.results.get(u.id)).map((u) => u.code),
      skipped: r.tree.filter((u) => !r.results.get(u.id)).map((u) => u.code),
      alreadyPublished: r.live.map((u) => u.code),
    },
  }),
  handler: async (tx, _input, r, { caller }) => {
    const published: string[] = [];
    const skipped: string[] = [];
    for (const u of r.tree) {
      const result = r.results.get(u.id);
      if (!result) {
        skipped.push(u.name);
        continue;
      }
      await freeze(tx, u.id, r.period!.id, result, caller);
      published.push(u.name);
    }
    return { published, skipped, alreadyPublished: r.live.map((u) => u.name) };
  },
  afterCommit: () => {
    clearSurveyCache();
    clearPublicResultsCache();
  },
  timeoutMs: 60_000,
});

/** Withdraws a live publication from the public, with the admin's reason. */
export const unpublishUnit = defineWrite({
  input: ZUnpublish,
  capability: "admin",
  locate: async (tx, input) => {
    const unit = await tx.unit.findUnique({ where: { code: input.unitCode }, select: { id: true, code: true, path: true } });
    const period = await findPeriod(tx, input.period);
    if (!unit || !period) return null;
    const publication = await tx.publication.findUnique({ where: { unitId_periodId: { unitId: unit.id, periodId: period.id } }, select: { id: true, unpublishedAt: true, result: true } });
    return publication && { unit, publication };
  },
  on: (r) => [r.unit.path],
  refuse: (_input, r) => (r.publication.unpublishedAt || !r.publication.result ? "notPublished" : null),
  audit: (input, r) => ({
    action: "publication.unpublish",
    targetType: "unit",
    targetId: r.unit.id,
    unitId: r.unit.id,
    detail: { code: r.unit.code, period: periodKey(input.period), reason: input.reason, result: r.publication.result },
  }),
  handler: async (tx, input, r, { caller }) => {
    await tx.publication.update({ where: { id: r.publication.id }, data: { unpublishedAt: new Date(), unpublishedById: caller.userId, unpublishReason: input.reason } });
  },
  afterCommit: () => {
    clearSurveyCache();
    clearPublicResultsCache();
  },
});

// ------------------------------------------------------------------ reads

export type TPublicationRow = {
  code: string;
  name: string;
  depth: number;
  hasChildren: boolean;
  result: TPublishedResult | null;
  publishedAt: Date | null;
  unpublished: { at: Date; reason: string } | null;
  /** Distinct media in the publication log. */
  media: number;
};

/** The units under the caller's admin scope with their publication for the period; null without admin. */
export async function listPublications(caller: TCaller | null, p: TPeriod): Promise<TPublicationRow[] | null> {
  const rootPaths = scopePaths(caller, "admin");
  if (rootPaths.length === 0) return null;
  const units = await prisma.unit.findMany({
    where: { OR: rootPaths.map((r) => ({ path: { startsWith: r } })) },
    orderBy: { path: "asc" },
    take: 2000,
    select: {
      id: true, code: true, name: true, depth: true, path: true,
      _count: { select: { children: true } },
      publications: { where: { period: periodWhere(p).kind_year_number }, select: { result: true, publishedAt: true, unpublishedAt: true, unpublishReason: true } },
      publicationLog: { where: { period: periodWhere(p).kind_year_number }, select: { medium: true }, distinct: ["medium"] },
    },
  });
  return units
    .filter((u) => can(caller, "admin", u.path))
    .map((u) => {
      const pub = u.publications[0];
      const parsed = ZPublishedResult.safeParse(pub?.result);
      return {
        code: u.code,
        name: u.name,
        depth: u.depth,
        hasChildren: u._count.children > 0,
        result: parsed.success ? parsed.data : null,
        publishedAt: pub?.publishedAt ?? null,
        unpublished: pub?.unpublishedAt ? { at: pub.unpublishedAt, reason: pub.unpublishReason ?? "" } : null,
        media: u.publicationLog.length,
      };
    });
}

/** The top units of the caller's admin scope (where "publish all" starts), top first. */
export async function adminRoots(caller: TCaller | null): Promise<{ code: string; name: string }[]> {
  const paths = scopePaths(caller, "admin");
  if (paths.length === 0) return [];
  return prisma.unit.findMany({ where: { path: { in: paths } }, orderBy: [{ depth: "asc" }, { name: "asc" }], select: { code: true, name: true } });
}
