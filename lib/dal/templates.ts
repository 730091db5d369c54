import "server-only";
import { prisma, type TTx } from "@/lib/db";
import { clearSurveyCache } from "@/lib/dal/survey";
import { defineWrite } from "@/lib/dal/write";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TemplateKind } from "@/lib/generated/prisma/enums";
import { PERMENPAN_14_2017, TEMPLATE_PRESETS, type IkmTemplate } from "@/lib/ikm";
import { can, hasAnywhere, type TCaller } from "@/lib/permissions";
import { TEMPLATE_START_SCRATCH, ZCreateTemplate, ZSaveDraft, ZTemplateRef, type TTemplateContent } from "@/lib/validation/templates";

// The questionnaire library. Templates are agency-wide: every admin sees them (to choose
// one for a unit of theirs, lib/dal/unit-template.ts), and only an admin of the agency's
// root unit creates and edits them (a dinas admin would otherwise change the form of
// units that are not theirs). The built-in regulations' templates are read-only; a
// custom one is edited as a draft version and published as a new version, frozen from
// then on (the database refuses any change to a published version: template_version_frozen).

export type TTemplateRow = { key: string; name: string; nameEn: string | null; kind: TemplateKind; isDefault: boolean; published: number | null; hasDraft: boolean; units: number };
export type TTemplateVersionRow = { version: number; publishedAt: Date | null; responses: number; items: number };

/** The agency's root unit, whose admins keep the library. */
function findRoot(db: TTx | typeof prisma) {
  return db.unit.findFirst({ where: { parentId: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, path: true } });
}

/** Whether the caller may create and edit templates. */
export async function editsTemplates(caller: TCaller | null): Promise<boolean> {
  const root = caller ? await findRoot(prisma) : null;
  return !!root && can(caller, "admin", root.path);
}

/** Every template with its latest published version and how many units chose it; null for a caller who administers nothing. */
export async function listTemplateLibrary(caller: TCaller | null) {
  if (!hasAnywhere(caller, "admin")) return null;
  const rows = await prisma.questionnaireTemplate.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: {
      key: true,
      name: true,
      nameEn: true,
      kind: true,
      isDefault: true,
      versions: { select: { version: true, publishedAt: true }, orderBy: { version: "desc" } },
      _count: { select: { units: true } },
    },
  });
  const templates: TTemplateRow[] = rows.map((t) => ({
    key: t.key,
    name: t.name,
    nameEn: t.nameEn,
    kind: t.kind,
    isDefault: t.isDefault,
    published: t.versions.find((v) => v.publishedAt)?.version ?? null,
    hasDraft: t.versions.some((v) => !v.publishedAt),
    units: t._count.units,
  }));
  const starts = [
    ...templates.filter((t) => t.published !== null).map((t) => ({ key: t.key, name: t.name, nameEn: t.nameEn })),
    ...Object.values(TEMPLATE_PRESETS).map((p) => ({ key: p.id, name: p.name, nameEn: p.nameEn })),
  ];
  return { templates, starts, canEdit: await editsTemplates(caller) };
}

const versionSelect = {
  id: true,
  version: true,
  scaleMin: true,
  scaleMax: true,
  bands: true,
  asksHarapan: true,
  publishedAt: true,
  items: { orderBy: { position: "asc" as const }, select: { code: true, unsur: true, unsurEn: true, question: true, questionEn: true, options: true } },
} satisfies Prisma.TemplateVersionSelect;

type TVersionRecord = Prisma.TemplateVersionGetPayload<{ select: typeof versionSelect }>;

/** A stored version as the editor's content (the shape ZTemplateContent checks). */
export function versionContent(v: Omit<TVersionRecord, "id" | "version" | "publishedAt">): TTemplateContent {
  return {
    scaleMin: v.scaleMin,
    scaleMax: v.scaleMax,
    asksHarapan: v.asksHarapan,
    items: v.items.map((i) => ({ ...i, options: i.options as TTemplateContent["items"][number]["options"] })),
    bands: v.bands as TTemplateContent["bands"],
  };
}

/** One template for the admins: its versions with their response counts, and its draft (content) when there is one. */
export async function getTemplateForAdmin(caller: TCaller | null, key: string) {
  if (!hasAnywhere(caller, "admin") || !/^[a-z0-9][a-z0-9-]{0,79}$/.test(key)) return null;
  const t = await prisma.questionnaireTemplate.findUnique({
    where: { key },
    select: {
      key: true,
      name: true,
      nameEn: true,
      kind: true,
      isDefault: true,
      versions: { orderBy: { version: "desc" }, select: { ...versionSelect, _count: { select: { responses: true, items: true } } } },
    },
  });
  if (!t) return null;
  const versions: TTemplateVersionRow[] = t.versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt, responses: v._count.responses, items: v._count.items }));
  const draft = t.versions.find((v) => !v.publishedAt);
  const canEdit = t.kind === "CUSTOM" && (await editsTemplates(caller));
  return { key: t.key, name: t.name, nameEn: t.nameEn, kind: t.kind, isDefault: t.isDefault, versions, draft: draft ? { version: draft.version, content: versionContent(draft) } : null, canEdit };
}

/** A version as the citizen would see it, for the preview (the draft when no number is given, else the latest). */
export async function getVersionForPreview(caller: TCaller | null, key: string, version?: number) {
  if (!hasAnywhere(caller, "admin") || !/^[a-z0-9][a-z0-9-]{0,79}$/.test(key)) return null;
  const v = await prisma.templateVersion.findFirst({
    where: { template: { key }, ...(version ? { version } : {}) },
    orderBy: [{ version: "desc" }],
    select: { ...versionSelect, template: { select: { key: true, name: true, nameEn: true } } },
  });
  if (!v) return null;
  return { template: v.template, version: v.version, published: !!v.publishedAt, ...versionContent(v) };
}

// ------------------------------------------------------------------ writes

/** A blank questionnaire: one item on the 1..4 scale, PermenPANRB 14/2017's bands. */
function scratchContent(): TTemplateContent {
  const options = [1, 2, 3, 4].map((n) => ({ value: n, id: String(n), en: String(n) }));
  return presetContent({ ...PERMENPAN_14_2017, items: [{ code: "U1", name: "Unsur 1", nameEn: "Element 1", question: "Pertanyaan 1?", questionEn: "Question 1?", options }] });
}

function presetContent(t: IkmTemplate): TTemplateContent {
  return {
    scaleMin: t.scale.min,
    scaleMax: t.scale.max,
    asksHarapan: false,
    items: t.items.map((i) => ({ code: i.code, unsur: i.name, unsurEn: i.nameEn, question: i.question, questionEn: i.questionEn, options: i.options.map((o) => ({ value: o.value, label: o.id, labelEn: o.en })) })),
    bands: t.bands.map((b) => ({ mutu: b.mutu, kinerja: b.kinerja, kinerjaEn: b.kinerjaEn, min: b.min, max: b.max })),
  };
}

/** Where a new template starts: a library template's latest published version, a preset, or scratch. */
async function startingContent(tx: TTx, from: string): Promise<TTemplateContent | null> {
  if (from === TEMPLATE_START_SCRATCH) return scratchContent();
  const published = await tx.templateVersion.findFirst({ where: { template: { key: from }, publishedAt: { not: null } }, orderBy: { version: "desc" }, select: versionSelect });
  if (published) return versionContent(published);
  const preset = TEMPLATE_PRESETS[from];
  return preset ? presetContent(preset) : null;
}

async function writeVersion(tx: TTx, data: { templateId: string; version: number; content: TTemplateContent }) {
  const { content } = data;
  const v = await tx.templateVersion.create({
    data: { templateId: data.templateId, version: data.version, scaleMin: content.scaleMin, scaleMax: content.scaleMax, bands: content.bands, asksHarapan: content.asksHarapan },
    select: { id: true },
  });
  await writeItems(tx, v.id, content);
  return v.id;
}

function writeItems(tx: TTx, versionId: string, content: TTemplateContent) {
  return tx.templateItem.createMany({ data: content.items.map((i, k) => ({ versionId, position: k + 1, ...i })) });
}

/**
 * The template with its latest version, its row locked for the rest of the transaction: the
 * writes on one template run one after the other, and each reads what the one before it left
 * (two clicks on "start draft" make one draft, a save waiting on a publish finds no draft
 * rather than run into the frozen version). NO KEY UPDATE: a unit choosing the template
 * (a foreign key's KEY SHARE) does not wait.
 */
const templateByKey = async (tx: TTx, key: string) => {
  const root = await findRoot(tx);
  if (!root) return null;
  await tx.$queryRaw`SELECT id FROM questionnaire_template WHERE key = ${key} FOR NO KEY UPDATE`;
  const t = await tx.questionnaireTemplate.findUnique({
    where: { key },
    select: { id: true, key: true, kind: true, name: true, nameEn: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, publishedAt: true, _count: { select: { responses: true } } } } },
  });
  if (!t) return null;
  const latest = t.versions[0] ?? null;
  return { root, ...t, latest, draft: latest && !latest.publishedAt ? latest : null };
};

/** Why a draft cannot be changed: a built-in template, no draft, or a draft that was answered (the database freezes it). */
const draftRefusal = (t: { kind: TemplateKind; draft: { _count: { responses: number } } | null }) =>
  t.kind !== "CUSTOM" ? "builtin" : !t.draft ? "noDraft" : t.draft._count.responses > 0 ? "frozen" : null;

/** A custom template, from scratch, a preset or another template; its first version is a draft. */
export const createTemplate = defineWrite({
  input: ZCreateTemplate,
  capability: "admin",
  locate: async (tx, input) => {
    const root = await findRoot(tx);
    return root && { root, content: await startingContent(tx, input.from) };
  },
  on: (r) => [r.root.path],
  refuse: (_input, r) => (r.content ? null : "source"),
  conflict: "exists",
  audit: (input, r, { newId }) => ({ action: "template.create", targetType: "template", targetId: newId, unitId: r.root.id, detail: { key: input.key, name: input.name, from: input.from } }),
  handler: async (tx, input, r, { newId }) => {
    await tx.questionnaireTemplate.create({ data: { id: newId, key: input.key, kind: "CUSTOM", name: input.name, nameEn: input.nameEn } });
    await writeVersion(tx, { templateId: newId, version: 1, content: r.content! });
    return { key: input.key };
  },
});

/** A new draft of a custom template, copied from its latest published version. */
export const startDraft = defineWrite({
  input: ZTemplateRef,
  capability: "admin",
  locate: (tx, input) => templateByKey(tx, input.key),
  on: (t) => [t.root.path],
  refuse: (_input, t) => (t.kind !== "CUSTOM" ? "builtin" : t.draft ? "draftExists" : null),
  // The (template, version) key, should a draft be made without the lock above.
  conflict: "draftExists",
  audit: (_input, t) => ({ action: "template.draft.start", targetType: "template", targetId: t.id, unitId: t.root.id, detail: { key: t.key, version: (t.latest?.version ?? 0) + 1 } }),
  handler: async (tx, _input, t) => {
    const from = t.latest ? await tx.templateVersion.findUnique({ where: { id: t.latest.id }, select: versionSelect }) : null;
    await writeVersion(tx, { templateId: t.id, version: (t.latest?.version ?? 0) + 1, content: from ? versionContent(from) : scratchContent() });
  },
});

/** Saves the whole draft: wording, options, scale, bands, harapan; and the template's name. */
export const saveDraft = defineWrite({
  input: ZSaveDraft,
  capability: "admin",
  locate: (tx, input) => templateByKey(tx, input.key),
  on: (t) => [t.root.path],
  refuse: (_input, t) => draftRefusal(t),
  audit: (input, t) => ({
    action: "template.draft.save",
    targetType: "template",
    targetId: t.id,
    unitId: t.root.id,
    detail: { key: t.key, version: t.draft!.version, scale: `${input.content.scaleMin}..${input.content.scaleMax}`, items: input.content.items.length, asksHarapan: input.content.asksHarapan },
  }),
  handler: async (tx, input, t) => {
    const c = input.content;
    await tx.questionnaireTemplate.update({ where: { id: t.id }, data: { name: input.name, nameEn: input.nameEn } });
    await tx.templateVersion.update({ where: { id: t.draft!.id }, data: { scaleMin: c.scaleMin, scaleMax: c.scaleMax, bands: c.bands, asksHarapan: c.asksHarapan } });
    await tx.templateItem.deleteMany({ where: { versionId: t.draft!.id } });
    await writeItems(tx, t.draft!.id, c);
  },
  afterCommit: () => clearSurveyCache(),
});

/** Publishes the draft as the template's newest version: units asking this template ask it from now on. */
export const publishDraft = defineWrite({
  input: ZTemplateRef,
  capability: "admin",
  locate: (tx, input) => templateByKey(tx, input.key),
  on: (t) => [t.root.path],
  refuse: (_input, t) => draftRefusal(t),
  audit: (_input, t) => ({ action: "template.publish", targetType: "template", targetId: t.id, unitId: t.root.id, detail: { key: t.key, version: t.draft!.version } }),
  handler: async (tx, _input, t) => {
    await tx.templateVersion.update({ where: { id: t.draft!.id }, data: { publishedAt: new Date() } });
    return { version: t.draft!.version };
  },
  afterCommit: () => clearSurveyCache(),
});

/** Throws the draft away (a template whose only version is the draft keeps it: nothing would be left). */
export const discardDraft = defineWrite({
  input: ZTemplateRef,
  capability: "admin",
  locate: (tx, input) => templateByKey(tx, input.key),
  on: (t) => [t.root.path],
  refuse: (_input, t) => draftRefusal(t) ?? (t.draft!.version === 1 ? "onlyVersion" : null),
  audit: (_input, t) => ({ action: "template.draft.discard", targetType: "template", targetId: t.id, unitId: t.root.id, detail: { key: t.key, version: t.draft!.version } }),
  handler: async (tx, _input, t) => {
    await tx.templateVersion.delete({ where: { id: t.draft!.id } });
  },
});
