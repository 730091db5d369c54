import "server-only";
import { prisma, type TTx } from "@/lib/db";

// Which questionnaire a unit asks: its own choice, else the nearest ancestor's, else
// the agency default. One query over the unit's path (its ancestors' ids, itself last).

export type TTemplateSource =
  | { kind: "own"; templateId: string }
  | { kind: "inherited"; templateId: string; from: { code: string; name: string } }
  | { kind: "default"; templateId: string | null };

export async function resolveTemplateSource(db: TTx | typeof prisma, unit: { id: string; path: string }): Promise<TTemplateSource> {
  const lineage = unit.path.split("/").filter(Boolean);
  const [chosen] = await db.unit.findMany({
    where: { id: { in: lineage.length > 0 ? lineage : [unit.id] }, templateId: { not: null } },
    orderBy: { depth: "desc" },
    take: 1,
    select: { id: true, code: true, name: true, templateId: true },
  });
  if (chosen?.templateId) {
    return chosen.id === unit.id ? { kind: "own", templateId: chosen.templateId } : { kind: "inherited", templateId: chosen.templateId, from: { code: chosen.code, name: chosen.name } };
  }
  const fallback = await db.questionnaireTemplate.findFirst({ where: { isDefault: true }, select: { id: true } });
  return { kind: "default", templateId: fallback?.id ?? null };
}
