// The regulations' questionnaires, installed as published version 1: PermenPANRB
// 14/2017 (the agency default) and KepmenPAN 25/2004, and optionally the 14/2017
// questionnaire that also asks how important each unsur is (harapan). Used by the
// demo seed and by a real agency's first-run setup. Takes any SQL runner (a pg
// client, or a Prisma transaction) so it runs inside the caller's transaction.
import { randomUUID } from "node:crypto";
import { TEMPLATES } from "@/lib/ikm/templates";
import type { IkmTemplate } from "@/lib/ikm/types";

export const HARAPAN_TEMPLATE = "permenpan-14-2017-harapan";

export type TSqlRunner = (sql: string, params: unknown[]) => Promise<unknown>;

type TTemplateRow = [key: string, template: IkmTemplate, meta: { kind: string; name?: string; nameEn?: string; harapan: boolean }];

/** Inserts the templates; returns their ids and their versions' ids by key. */
export async function installStandardTemplates(run: TSqlRunner, { withHarapan = false } = {}) {
  const rows: TTemplateRow[] = [
    ["permenpan-14-2017", TEMPLATES["permenpan-14-2017"], { kind: "PERMENPAN_14_2017", harapan: false }],
    ["kepmenpan-25-2004", TEMPLATES["kepmenpan-25-2004"], { kind: "KEPMENPAN_25_2004", harapan: false }],
  ];
  if (withHarapan) {
    rows.push([HARAPAN_TEMPLATE, TEMPLATES["permenpan-14-2017"], {
      kind: "PERMENPAN_14_2017",
      name: "SKM PermenPANRB 14/2017 dengan tingkat kepentingan",
      nameEn: "SKM PermenPANRB 14/2017 with importance",
      harapan: true,
    }]);
  }
  const templateIds: Record<string, string> = {};
  const versionIds: Record<string, string> = {};
  for (const [key, tpl, meta] of rows) {
    const templateId = randomUUID();
    const versionId = randomUUID();
    templateIds[key] = templateId;
    versionIds[key] = versionId;
    await run(`INSERT INTO questionnaire_template (id, key, kind, name, name_en, is_default) VALUES ($1,$2,$3::"TemplateKind",$4,$5,$6)`, [
      templateId, key, meta.kind, meta.name ?? tpl.name, meta.nameEn ?? tpl.nameEn ?? null, key === "permenpan-14-2017",
    ]);
    await run(
      `INSERT INTO template_version (id, template_id, version, scale_min, scale_max, bands, asks_harapan)
       VALUES ($1,$2,1,$3,$4,$5::jsonb,$6)`,
      [versionId, templateId, tpl.scale.min, tpl.scale.max, JSON.stringify(tpl.bands), meta.harapan],
    );
    for (const [i, item] of tpl.items.entries()) {
      await run(
        `INSERT INTO template_item (id, version_id, position, code, unsur, unsur_en, question, question_en, options)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9::jsonb)`,
        [randomUUID(), versionId, i + 1, item.code, item.name, item.nameEn, item.question, item.questionEn,
          JSON.stringify(item.options.map((o) => ({ value: o.value, label: o.id, labelEn: o.en })))],
      );
    }
    // Published once its items are in: from then on it is frozen (template_version_frozen).
    await run(`UPDATE template_version SET published_at = now() WHERE id = $1`, [versionId]);
  }
  return { templateIds, versionIds };
}
