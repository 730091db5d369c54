import "server-only";
import { prisma } from "@/lib/db";
import { clearSurveyCache } from "@/lib/dal/survey";
import { resolveTemplateSource } from "@/lib/dal/template-resolution";
import { getUnitForCaller } from "@/lib/dal/units";
import { defineWrite } from "@/lib/dal/write";
import type { TCaller } from "@/lib/permissions";
import { ZSetUnitTemplate } from "@/lib/validation/templates";

// Which questionnaire a unit asks, chosen by an admin of that unit's subtree (a dinas
// admin for its own units): a template of the agency's library, or nothing to follow
// its parent (the nearest ancestor's choice, else the agency default).

type TTemplateName = { key: string; name: string; nameEn: string | null };

/** The unit's choice, what it asks as a result and why, and the templates it may choose; null outside the caller's admin scope. */
export async function getUnitTemplateChoice(caller: TCaller | null, unitCode: string) {
  const unit = await getUnitForCaller(caller, unitCode, "admin");
  if (!unit) return null;
  const [row, source, choices] = await Promise.all([
    prisma.unit.findUnique({ where: { id: unit.id }, select: { template: { select: { key: true } } } }),
    resolveTemplateSource(prisma, unit),
    // Only templates with a published version can be asked.
    prisma.questionnaireTemplate.findMany({ where: { versions: { some: { publishedAt: { not: null } } } }, orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, key: true, name: true, nameEn: true } }),
  ]);
  const asked = choices.find((c) => c.id === source.templateId);
  const effective: TTemplateName | null = asked ? { key: asked.key, name: asked.name, nameEn: asked.nameEn } : null;
  return {
    unitId: unit.id,
    own: row?.template?.key ?? null,
    effective,
    source: source.kind === "inherited" ? { kind: "inherited" as const, from: source.from } : { kind: source.kind },
    choices: choices.map(({ key, name, nameEn }) => ({ key, name, nameEn })),
  };
}

export const setUnitTemplate = defineWrite({
  input: ZSetUnitTemplate,
  capability: "admin",
  locate: async (tx, input) => {
    const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true, code: true, path: true, template: { select: { key: true } } } });
    if (!unit) return null;
    const template = input.templateKey
      ? await tx.questionnaireTemplate.findFirst({ where: { key: input.templateKey, versions: { some: { publishedAt: { not: null } } } }, select: { id: true } })
      : null;
    return { unit, template };
  },
  on: (r) => [r.unit.path],
  refuse: (input, r) => (input.templateKey && !r.template ? "template" : null),
  audit: (input, r) => ({
    action: "unit.template.set",
    targetType: "unit",
    targetId: r.unit.id,
    unitId: r.unit.id,
    detail: { code: r.unit.code, template: { from: r.unit.template?.key ?? null, to: input.templateKey } },
  }),
  handler: async (tx, _input, r) => {
    await tx.unit.update({ where: { id: r.unit.id }, data: { templateId: r.template?.id ?? null } });
  },
  afterCommit: () => clearSurveyCache(),
});
