import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { getSurvey, type TSurvey } from "@/lib/dal/survey";
import { agencyTimeZone } from "@/lib/dal/settings";
import { getUnitForCaller, type TUnitRef } from "@/lib/dal/units";
import { collectStats, computeIkmFromRows, computeIkmFromSums, type IkmResult, type IkmStats, type IkmTemplate } from "@/lib/ikm";
import { ImportReadError, previewFile, zonedToUtc, type FileImport, type Refusal } from "@/lib/import";
import type { ImportProfile } from "@/lib/import/preview";
import { normalise } from "@/lib/import/text";
import type { TCaller } from "@/lib/permissions";
import type { TImportInput } from "@/lib/validation/import";

// What an import would do, worked out the same way for the preview and, again inside the
// commit, on the server: read the file with lib/import, resolve each row's service and time,
// find the rows this unit has already imported (by fingerprint), and the IKM the new rows add.

/** A refusal of lib/import, or one of the data layer's: a service the unit does not have, a row without a time. */
export type TImportRefusal =
  | Refusal
  | {
      readonly key: "unknownService" | "noDate" | "serviceRequired" | ImportReadError["key"];
      readonly row: number;
      readonly column: string | null;
      readonly value: string;
      readonly params: Readonly<Record<string, string | number>>;
    };

export type TPlannedRow = {
  readonly rowNumber: number;
  readonly answers: Readonly<Record<string, number | null>>;
  readonly profile: ImportProfile;
  readonly saran: string | null;
  readonly serviceId: string | null;
  readonly submittedAt: Date;
  /** The response's idempotency key: the unit and the row's fingerprint. */
  readonly key: string;
};

export type TImportPlan = {
  unit: TUnitRef;
  survey: TSurvey;
  fileName: string;
  fileSha256: string;
  /** Null when the file could not be read at all (the refusal says why). */
  file: FileImport | null;
  serviceId: string | null;
  serviceColumn: string | null;
  refusals: TImportRefusal[];
  /** Rows not yet imported into the unit: what a commit adds. */
  newRows: TPlannedRow[];
  alreadyImported: number;
  /** Blank rows and a tabulation's summary rows, left out. */
  skipped: number;
  /** The IKM of the new rows alone (lib/ikm). */
  added: IkmResult;
  /** The unit's own IKM (this questionnaire version, suspicious responses left out) over the months the new rows fall in: now, and with them. */
  before: IkmResult | null;
  after: IkmResult | null;
  /** Those months, local to the agency ("2026-03"), first and last; null without new rows. */
  months: { first: string; last: string } | null;
};

export const importKey = (unitId: string, fingerprint: string) => `import:${unitId}:${fingerprint}`;

function refusal(key: Exclude<TImportRefusal, Refusal>["key"], row: number, column: string | null, value: string, extra: Record<string, string | number> = {}): TImportRefusal {
  return { key, row, column, value, params: { row, column: column ?? "", value, ...extra } };
}

/** The unit's service the file's text names, by code or by name (either language), ignoring case and spacing. */
function serviceMatcher(services: TSurvey["services"]) {
  const byText = new Map<string, string>();
  for (const s of services) {
    for (const text of [s.code, s.name, s.nameEn]) if (text) byText.set(normalise(text), s.id);
  }
  return (text: string) => byText.get(normalise(text)) ?? null;
}

function localMonth(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(at);
  return `${parts.find((p) => p.type === "year")!.value}-${parts.find((p) => p.type === "month")!.value}`;
}

/** The plan for the caller's import into the unit, or null when the unit is not theirs to operate (or takes no responses). */
export async function planImport(caller: TCaller | null, input: TImportInput): Promise<TImportPlan | null> {
  const unit = await getUnitForCaller(caller, input.unitCode, "operate");
  return unit ? planForUnit(unit, input) : null;
}

export async function planForUnit(unit: TUnitRef, input: TImportInput): Promise<TImportPlan | null> {
  const survey = await getSurvey(unit.code);
  if (!survey) return null;
  const template = importTemplate(survey);
  const timeZone = await agencyTimeZone();
  const fileSha256 = createHash("sha256").update(input.bytes).digest("hex");
  const base = { unit, survey, fileName: input.fileName, fileSha256, serviceId: null, serviceColumn: null, newRows: [], alreadyImported: 0, skipped: 0, before: null, after: null, months: null };
  const nothing = computeIkmFromRows([], { template });

  let file: FileImport;
  try {
    file = await previewFile(input.fileName, input.bytes, { template, timeZone, ...(input.mappingOverride ? { override: input.mappingOverride } : {}) });
  } catch (err) {
    if (!(err instanceof ImportReadError)) throw err;
    return { ...base, file: null, refusals: [refusal(err.key, Number(err.params.row ?? 1), null, "", { ...err.params })], added: nothing };
  }
  const { preview, mapping, table } = file;
  const refusals: TImportRefusal[] = [...preview.refused];
  const serviceCol = mapping.roles.service;
  const serviceColumn = input.serviceCode === undefined && serviceCol !== null ? (table.header[serviceCol] ?? String(serviceCol + 1)) : null;

  let fixed: string | null = null;
  if (input.serviceCode !== undefined) {
    fixed = survey.services.find((s) => s.code === input.serviceCode)?.id ?? null;
    if (!fixed) refusals.push(refusal("unknownService", table.headerRow, null, input.serviceCode));
  } else if (serviceColumn === null) {
    if (survey.services.length === 1) fixed = survey.services[0]!.id;
    else if (survey.services.length > 1) refusals.push(refusal("serviceRequired", table.headerRow, null, ""));
  }
  const match = serviceMatcher(survey.services);
  const fallbackAt = input.date ? zonedToUtc({ y: Number(input.date.slice(0, 4)), mo: Number(input.date.slice(5, 7)), d: Number(input.date.slice(8, 10)), h: 12, mi: 0, s: 0 }, timeZone) : null;

  const rows: TPlannedRow[] = [];
  for (const row of preview.accepted) {
    let serviceId = fixed;
    if (serviceColumn !== null && row.service !== null) {
      serviceId = match(row.service);
      if (!serviceId) refusals.push(refusal("unknownService", row.rowNumber, serviceColumn, row.service));
    } else if (serviceColumn !== null && survey.services.length === 1) serviceId = survey.services[0]!.id;
    const submittedAt = row.submittedAt ?? fallbackAt;
    if (!submittedAt) refusals.push(refusal("noDate", row.rowNumber, null, ""));
    if (!submittedAt || (serviceColumn !== null && row.service !== null && !serviceId)) continue;
    rows.push({ rowNumber: row.rowNumber, answers: row.answers, profile: row.profile, saran: row.saran, serviceId, submittedAt, key: importKey(unit.id, row.fingerprint) });
  }
  refusals.sort((a, b) => a.row - b.row);

  const taken = new Set<string>();
  for (let i = 0; i < rows.length; i += 5000) {
    const keys = rows.slice(i, i + 5000).map((r) => r.key);
    const found = await prisma.$queryRaw<{ k: string }[]>`SELECT idempotency_key AS k FROM response WHERE idempotency_key = ANY(${keys}::text[])`;
    for (const f of found) taken.add(f.k);
  }
  const newRows = rows.filter((r) => !taken.has(r.key));
  const added = computeIkmFromRows(newRows.map((r) => r.answers), { template });
  const plan: TImportPlan = {
    ...base,
    file,
    serviceId: fixed,
    serviceColumn,
    refusals,
    newRows,
    alreadyImported: rows.length - newRows.length,
    skipped: preview.rowsWithoutAnswers.length + preview.summaryRows.length,
    added,
  };
  if (newRows.length === 0) return plan;

  const months = newRows.map((r) => localMonth(r.submittedAt, timeZone)).sort();
  plan.months = { first: months[0]!, last: months[months.length - 1]! };
  const stats = await unitStats(unit.id, survey, plan.months);
  const mine = collectStats(newRows.map((r) => r.answers), template);
  plan.before = stats.respondents > 0 ? computeIkmFromSums(stats, { template }) : null;
  plan.after = computeIkmFromSums(addStats(stats, mine), { template });
  return plan;
}

/** The unit's questionnaire with its questions and option labels: what the file's columns and answers are matched to. */
function importTemplate(survey: TSurvey): IkmTemplate {
  return {
    ...survey.template,
    items: survey.template.items.map((item, i) => {
      const asked = survey.items[i]!;
      return { ...item, question: asked.question, questionEn: asked.questionEn, options: asked.options.map((o) => ({ value: o.value, id: o.label, en: o.labelEn })) };
    }),
  };
}

/** The unit's own rollup (this version, not suspicious) over the months, as lib/ikm's sums. */
async function unitStats(unitId: string, survey: TSurvey, months: { first: string; last: string }): Promise<IkmStats> {
  const [row] = await prisma.$queryRaw<{ responses: number | null; sums: number[] | null; counts: number[] | null }[]>`
    SELECT sum(responses)::int AS responses,
           (SELECT array_agg(s ORDER BY i) FROM (SELECT i, sum(x)::int AS s FROM unit_monthly_summary m2, unnest(m2.sums) WITH ORDINALITY AS t(x, i)
              WHERE m2.unit_id = ${unitId}::uuid AND m2.template_version_id = ${survey.templateVersionId}::uuid AND NOT m2.suspicious
                AND m2.month BETWEEN ${`${months.first}-01`}::date AND ${`${months.last}-01`}::date GROUP BY i) a) AS sums,
           (SELECT array_agg(c ORDER BY i) FROM (SELECT i, sum(x)::int AS c FROM unit_monthly_summary m2, unnest(m2.counts) WITH ORDINALITY AS t(x, i)
              WHERE m2.unit_id = ${unitId}::uuid AND m2.template_version_id = ${survey.templateVersionId}::uuid AND NOT m2.suspicious
                AND m2.month BETWEEN ${`${months.first}-01`}::date AND ${`${months.last}-01`}::date GROUP BY i) b) AS counts
      FROM unit_monthly_summary m
     WHERE m.unit_id = ${unitId}::uuid AND m.template_version_id = ${survey.templateVersionId}::uuid AND NOT m.suspicious
       AND m.month BETWEEN ${`${months.first}-01`}::date AND ${`${months.last}-01`}::date`;
  const items: Record<string, { answered: number; sum: number }> = {};
  survey.template.items.forEach((item, i) => {
    items[item.code] = { answered: row?.counts?.[i] ?? 0, sum: row?.sums?.[i] ?? 0 };
  });
  return { respondents: row?.responses ?? 0, items };
}

function addStats(a: IkmStats, b: IkmStats): IkmStats {
  const items: Record<string, { answered: number; sum: number }> = {};
  for (const code of new Set([...Object.keys(a.items), ...Object.keys(b.items)])) {
    items[code] = { answered: (a.items[code]?.answered ?? 0) + (b.items[code]?.answered ?? 0), sum: (a.items[code]?.sum ?? 0) + (b.items[code]?.sum ?? 0) };
  }
  return { respondents: a.respondents + b.respondents, items };
}
