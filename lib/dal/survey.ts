import "server-only";
import { prisma } from "@/lib/db";
import { resolveTemplateSource } from "@/lib/dal/template-resolution";
import { Prisma } from "@/lib/generated/prisma/client";
import { defineTemplate, type IkmTemplate, type Mutu } from "@/lib/ikm";
import { ZPublishedResult, type TPublishedResult } from "@/lib/validation/publication";

// Public reads for the citizen's questionnaire: what a unit asks and its last
// published result. Nothing here depends on who asks, so the survey metadata
// is cached briefly in-process (an admin's change shows within SURVEY_TTL_MS).

export type TSurveyOption = { value: number; label: string; labelEn: string };
export type TSurveyItem = { code: string; unsur: string; unsurEn: string; question: string; questionEn: string; options: TSurveyOption[] };
export type TSurveyService = { id: string; code: string; name: string; nameEn: string | null };
export type TSurvey = {
  unitId: string;
  unitCode: string;
  unitName: string;
  templateVersionId: string;
  /** The questionnaire the version belongs to: an earlier published version of it may still be answered. */
  templateId: string;
  scale: { min: number; max: number };
  asksHarapan: boolean;
  items: TSurveyItem[];
  services: TSurveyService[];
  template: IkmTemplate;
};

const SURVEY_TTL_MS = 30_000;
const cache = new Map<string, { at: number; value: TSurvey | null }>();

/** The questionnaire of an active unit by its public code, or null. */
export async function getSurvey(unitCode: string): Promise<TSurvey | null> {
  const key = unitCode.toUpperCase();
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < SURVEY_TTL_MS) return hit.value;
  const value = await loadSurvey(key);
  cache.set(key, { at: Date.now(), value });
  return value;
}

/** A unit that exists but no longer takes responses (deactivated): its name, for the "survey closed" page; else null. */
export async function getClosedUnitName(unitCode: string): Promise<string | null> {
  if (!/^[A-Za-z0-9-]{1,40}$/.test(unitCode)) return null;
  const unit = await prisma.unit.findUnique({ where: { code: unitCode.toUpperCase() }, select: { name: true, active: true } });
  return unit && !unit.active ? unit.name : null;
}

export function clearSurveyCache() {
  cache.clear();
}

async function loadSurvey(code: string): Promise<TSurvey | null> {
  // By its code or one it had before: a form opened before a code change still sends.
  const unit = await prisma.unit.findFirst({
    where: { OR: [{ code }, { codeAliases: { some: { code } } }] },
    select: {
      id: true,
      code: true,
      name: true,
      active: true,
      path: true,
      services: { where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, code: true, name: true, nameEn: true } },
    },
  });
  if (!unit || !unit.active) return null;
  // The unit's own template, else its nearest ancestor's, else the agency default; always
  // its latest published version (drafts are never asked).
  const source = await resolveTemplateSource(prisma, unit);
  const version = await prisma.templateVersion.findFirst({
    where: {
      publishedAt: { not: null },
      template: source.templateId ? { id: source.templateId } : { isDefault: true },
    },
    orderBy: { version: "desc" },
    select: VERSION_FIELDS,
  });
  if (!version) return null;
  return { unitId: unit.id, unitCode: unit.code, unitName: unit.name, services: unit.services, ...asked(version) };
}

const VERSION_FIELDS = {
  id: true,
  templateId: true,
  scaleMin: true,
  scaleMax: true,
  asksHarapan: true,
  bands: true,
  template: { select: { key: true, name: true, nameEn: true } },
  items: { orderBy: { position: "asc" } },
} as const satisfies Prisma.TemplateVersionSelect;

type TVersionRow = Prisma.TemplateVersionGetPayload<{ select: typeof VERSION_FIELDS }>;
type TAsked = Pick<TSurvey, "templateVersionId" | "templateId" | "scale" | "asksHarapan" | "items" | "template">;

/** What a published questionnaire version asks, as the form and the checks of a submission read it. */
function asked(version: TVersionRow): TAsked {
  const items: TSurveyItem[] = version.items.map((i) => ({
    code: i.code,
    unsur: i.unsur,
    unsurEn: i.unsurEn,
    question: i.question,
    questionEn: i.questionEn,
    options: i.options as TSurveyOption[],
  }));
  const template = defineTemplate({
    id: version.template.key,
    name: version.template.name,
    nameEn: version.template.nameEn ?? undefined,
    scale: { min: version.scaleMin, max: version.scaleMax },
    items: items.map((i) => ({ code: i.code, name: i.unsur, nameEn: i.unsurEn })),
    bands: version.bands as { mutu: Mutu; kinerja: string; kinerjaEn?: string; min: number; max: number }[],
  });
  return {
    templateVersionId: version.id,
    templateId: version.templateId,
    scale: { min: version.scaleMin, max: version.scaleMax },
    asksHarapan: version.asksHarapan,
    items,
    template,
  };
}

// Published versions never change (the database refuses it), so they are kept once read.
const versions = new Map<string, TAsked | null>();
const VERSIONS_KEPT = 100;

/**
 * The survey as the form showed it: `versionId` is the version it was rendered with. An earlier
 * published version of the unit's questionnaire is answered as it was asked; anything else (a
 * draft, another questionnaire's version, an unknown id) reads as the unit's current form.
 */
export async function surveyAsShown(survey: TSurvey, versionId: string | undefined): Promise<TSurvey> {
  if (!versionId || versionId === survey.templateVersionId) return survey;
  let hit = versions.get(versionId);
  if (hit === undefined) {
    const row = await prisma.templateVersion.findFirst({ where: { id: versionId, publishedAt: { not: null } }, select: VERSION_FIELDS });
    hit = row && asked(row);
    if (versions.size >= VERSIONS_KEPT) versions.delete(versions.keys().next().value!);
    versions.set(versionId, hit);
  }
  return hit && hit.templateId === survey.templateId ? { ...survey, ...hit } : survey;
}

export type TPublishedIndex = TPublishedResult & { periodKind: string; year: number; number: number };

/** The unit's most recent published result (not withdrawn), exactly as it was published (frozen at publication). */
export async function getLastPublishedIndex(survey: TSurvey): Promise<TPublishedIndex | null> {
  const publication = await prisma.publication.findFirst({
    where: { unitId: survey.unitId, result: { not: Prisma.AnyNull }, unpublishedAt: null },
    orderBy: [{ period: { endDate: "desc" } }],
    select: { result: true, period: { select: { kind: true, year: true, number: true } } },
  });
  const parsed = ZPublishedResult.safeParse(publication?.result);
  if (!publication || !parsed.success) return null;
  return { periodKind: publication.period.kind, year: publication.period.year, number: publication.period.number, ...parsed.data };
}
