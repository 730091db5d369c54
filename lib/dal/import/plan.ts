import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { getSurvey, type TSurvey } from "@/lib/dal/survey";
import { agencyTimeZone } from "@/lib/dal/settings";
import { getUnitForCaller, type TUnitRef } from "@/lib/dal/units";
import { computeIkmFromSums, createIkmAccumulator, type IkmResult, type IkmStats, type IkmTemplate } from "@/lib/ikm";
import { MappingOverrideError } from "@/lib/import/match";
import { ImportReadError, scanFile, zonedToUtc, type FileScan, type Refusal } from "@/lib/import";
import { normalise } from "@/lib/import/text";
import type { TCaller } from "@/lib/permissions";
import type { TImportInput } from "@/lib/validation/import";

// What an import would do, worked out the same way for the preview and, again inside the
// commit, on the server: read the file with lib/import, resolve each row's service and time,
// find the rows this unit has already imported (by fingerprint), and the IKM the new rows add.
// A large file is read row by row and never held as rows: each new row is kept only as its
// ready insert record (JSON text), the IKM added is summed as the rows pass, the keys already
// imported are looked up chunk by chunk, and a preview keeps the first REFUSAL_CAP refusals.

/** A refusal of lib/import, or one of the data layer's: a service the unit does not have, a row without a time. */
export type TImportRefusal =
  | Refusal
  | {
      readonly key: "unknownService" | "noDate" | "serviceRequired" | "badMapping" | ImportReadError["key"];
      readonly row: number;
      readonly column: string | null;
      readonly value: string;
      readonly params: Readonly<Record<string, string | number>>;
    };

/** The refusals a plan keeps (the first, by row); refusalCount counts them all. */
export const REFUSAL_CAP = 1000;
const LOOKUP_CHUNK = 5000;

export type TImportPlan = {
  unit: TUnitRef;
  survey: TSurvey;
  fileName: string;
  fileSha256: string;
  /** Null when the file could not be read at all (the refusal says why). */
  file: FileScan | null;
  serviceId: string | null;
  serviceColumn: string | null;
  /** The first REFUSAL_CAP refusals, by row. */
  refusals: TImportRefusal[];
  refusalCount: number;
  /**
   * Rows not yet imported into the unit, what a commit adds: each as the JSON record the insert
   * reads (service_id, submitted_at, answers without the unanswered items, profile, saran, key).
   */
  newRows: string[];
  /** The earliest and latest time among the new rows (ms); null without new rows. */
  span: { first: number; last: number } | null;
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

/** The local month ("2026-03") of an instant; one formatter, months cached per hour (a formatter per row took seconds and hundreds of MB). */
function monthReader(timeZone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" });
  const byHour = new Map<number, string>();
  return (ms) => {
    const hour = Math.floor(ms / 3_600_000);
    let month = byHour.get(hour);
    if (month === undefined) {
      const parts = format.formatToParts(new Date(ms));
      month = `${parts.find((p) => p.type === "year")!.value}-${parts.find((p) => p.type === "month")!.value}`;
      byHour.set(hour, month);
    }
    return month;
  };
}

/** A growable typed array. */
function grow<T extends Float64Array | Int8Array | Uint8Array>(array: T, need: number, make: (length: number) => T): T {
  if (need <= array.length) return array;
  const bigger = make(Math.max(need, array.length * 2));
  bigger.set(array);
  return bigger;
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
  const base = { unit, survey, fileName: input.fileName, fileSha256, serviceId: null, serviceColumn: null, newRows: [], span: null, alreadyImported: 0, skipped: 0, before: null, after: null, months: null };
  const nothing = computeIkmFromSums(createIkmAccumulator(template).stats(), { template });
  const readRefusal = (err: ImportReadError): TImportPlan => {
    const refusals = [refusal(err.key, Number(err.params.row ?? 1), null, "", { ...err.params })];
    return { ...base, file: null, refusals, refusalCount: 1, added: nothing };
  };

  // The service and time of each accepted row are resolved as the file is read, in file order; so
  // are the data layer's own refusals of a row (after the header's, before the next row's).
  const headerRefusals: TImportRefusal[] = [];
  const rowRefusals: TImportRefusal[] = [];
  let rowRefusalCount = 0;
  const refuseRow = (r: TImportRefusal) => {
    if (rowRefusals.length < REFUSAL_CAP) rowRefusals.push(r);
    rowRefusalCount += 1;
  };
  const match = serviceMatcher(survey.services);
  const fallbackAt = input.date ? zonedToUtc({ y: Number(input.date.slice(0, 4)), mo: Number(input.date.slice(5, 7)), d: Number(input.date.slice(8, 10)), h: 12, mi: 0, s: 0 }, timeZone) : null;
  const k = template.items.length;
  const codes = template.items.map((item) => item.code);
  // Per kept row: its insert record, fingerprint (32 bytes), answers (-1 = unanswered) and time.
  const records: string[] = [];
  let fingerprints = new Uint8Array(32 * 1024);
  let scores = new Int8Array(k * 1024);
  let times = new Float64Array(1024);
  let fixed: string | null = null;
  let serviceColumn: string | null = null;
  let resolved = false;

  let file: FileScan;
  try {
    file = await scanFile(input.fileName, input.bytes, { template, timeZone, ...(input.mappingOverride ? { override: input.mappingOverride } : {}) }, {
      refusalCap: REFUSAL_CAP,
      accept: (row) => {
        if (!resolved) throw new Error("accept before the header was resolved");
        let serviceId = fixed;
        if (serviceColumn !== null && row.service !== null) {
          serviceId = match(row.service);
          if (!serviceId) refuseRow(refusal("unknownService", row.rowNumber, serviceColumn, row.service));
        } else if (serviceColumn !== null && survey.services.length === 1) serviceId = survey.services[0]!.id;
        const submittedAt = row.submittedAt ?? fallbackAt;
        if (!submittedAt) refuseRow(refusal("noDate", row.rowNumber, null, ""));
        if (!submittedAt || (serviceColumn !== null && row.service !== null && !serviceId)) return;
        const n = records.length;
        fingerprints = grow(fingerprints, 32 * (n + 1), (l) => new Uint8Array(l));
        fingerprints.set(Buffer.from(row.fingerprint, "hex"), 32 * n);
        scores = grow(scores, k * (n + 1), (l) => new Int8Array(l));
        codes.forEach((code, i) => (scores[k * n + i] = row.answers[code] ?? -1));
        times = grow(times, n + 1, (l) => new Float64Array(l));
        times[n] = submittedAt.getTime();
        const answers: Record<string, number> = {};
        for (const code of codes) if (row.answers[code] !== null && row.answers[code] !== undefined) answers[code] = row.answers[code]!;
        records.push(
          JSON.stringify({
            service_id: serviceId,
            submitted_at: submittedAt.toISOString(),
            answers,
            gender: row.profile.gender,
            age: row.profile.age,
            education: row.profile.education,
            occupation: row.profile.occupation,
            saran: row.saran,
            key: importKey(unit.id, row.fingerprint),
          }),
        );
      },
      ready: ({ header, headerRow }, mapping) => {
        const serviceCol = mapping.roles.service;
        serviceColumn = input.serviceCode === undefined && serviceCol !== null ? (header[serviceCol] ?? String(serviceCol + 1)) : null;
        if (input.serviceCode !== undefined) {
          fixed = survey.services.find((s) => s.code === input.serviceCode)?.id ?? null;
          if (!fixed) headerRefusals.push(refusal("unknownService", headerRow, null, input.serviceCode));
        } else if (serviceColumn === null) {
          if (survey.services.length === 1) fixed = survey.services[0]!.id;
          else if (survey.services.length > 1) headerRefusals.push(refusal("serviceRequired", headerRow, null, ""));
        }
        resolved = true;
      },
    });
  } catch (err) {
    if (err instanceof MappingOverrideError) return { ...base, file: null, refusals: [refusal("badMapping", 1, null, "")], refusalCount: 1, added: nothing };
    if (!(err instanceof ImportReadError)) throw err;
    return readRefusal(err);
  }
  const { preview } = file;
  // The file's refusals come first on the header row, then the data layer's there, then by row.
  const atHeader = preview.refused.filter((r) => r.row <= file.sheet.headerRow);
  const merged = [...atHeader, ...headerRefusals, ...[...preview.refused.filter((r) => r.row > file.sheet.headerRow), ...rowRefusals].sort((a, b) => a.row - b.row)];
  const refusals = merged.slice(0, REFUSAL_CAP);
  const refusalCount = preview.refusalCount + headerRefusals.length + rowRefusalCount;

  const fresh = new Uint8Array(records.length).fill(1);
  for (let i = 0; i < records.length; i += LOOKUP_CHUNK) {
    const keys: string[] = [];
    for (let j = i; j < Math.min(records.length, i + LOOKUP_CHUNK); j++) keys.push(importKey(unit.id, Buffer.from(fingerprints.subarray(32 * j, 32 * j + 32)).toString("hex")));
    const found = new Set((await prisma.$queryRaw<{ k: string }[]>`SELECT idempotency_key AS k FROM response WHERE idempotency_key = ANY(${keys}::text[])`).map((f) => f.k));
    keys.forEach((key, j) => {
      if (found.has(key)) fresh[i + j] = 0;
    });
  }
  const newRows: string[] = [];
  const mine = createIkmAccumulator(template);
  const month = monthReader(timeZone);
  let first = Infinity;
  let last = -Infinity;
  let firstMonth = "";
  let lastMonth = "";
  const answers = new Array<number | null>(k);
  for (let i = 0; i < records.length; i++) {
    if (!fresh[i]) continue;
    newRows.push(records[i]!);
    for (let j = 0; j < k; j++) answers[j] = scores[k * i + j] === -1 ? null : scores[k * i + j]!;
    mine.add(answers);
    const at = times[i]!;
    first = Math.min(first, at);
    last = Math.max(last, at);
    const m = month(at);
    if (firstMonth === "" || m < firstMonth) firstMonth = m;
    if (m > lastMonth) lastMonth = m;
  }
  const span = newRows.length > 0 ? { first, last } : null;
  const months = newRows.length > 0 ? { first: firstMonth, last: lastMonth } : null;
  records.length = 0;
  const plan: TImportPlan = {
    ...base,
    file,
    serviceId: fixed,
    serviceColumn,
    refusals,
    refusalCount,
    newRows,
    span,
    alreadyImported: fresh.length - newRows.length,
    skipped: preview.rowsWithoutAnswers.length + preview.summaryRows.length,
    added: computeIkmFromSums(mine.stats(), { template }),
    months,
  };
  if (!months) return plan;
  const stats = await unitStats(unit.id, survey, months);
  plan.before = stats.respondents > 0 ? computeIkmFromSums(stats, { template }) : null;
  plan.after = computeIkmFromSums(addStats(stats, mine.stats()), { template });
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
