import "server-only";
import { prisma, type TTx } from "@/lib/db";
import { getSurvey, type TSurvey } from "@/lib/dal/survey";
import { agencyClock } from "@/lib/dal/settings";
import { getUnitForCaller } from "@/lib/dal/units";
import { defineWrite, fieldErrors, type TFieldErrors, type TWriteResult } from "@/lib/dal/write";
import { checkSheet, sheetPeriod, sheetValues, dateRefusal, type TSheetRefusal, type TSheetSurvey } from "@/lib/paper/sheet";
import { can, type TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { ZPaperCorrection, ZPaperDelete, ZPaperEntry, type TPaperSheet } from "@/lib/validation/paper";

// Paper entry: an operator types the unit's paper questionnaires. Each sheet is a
// response (channel PAPER) dated the day written on it, entered by the operator,
// under an idempotency key derived from the blank form's own id (a double submit
// saves once). Entering, correcting and deleting are writes on the operator's
// behalf ("operate" on the sheet's own unit), each audited with the values it
// wrote or removed; the rollups follow through the response table's trigger.
//
// A sheet number already entered for the unit in the same period (the agency's
// rhythm) is refused once with a warning; the operator may then save it all the
// same (two counters can number their stacks alike), and the list flags both.

const NOT_FOUND = { ok: false, error: "notFound" } as const;

type TUnitFacts = { id: string; code: string; path: string; created: string; today: string };

/** The unit and the two dates the sheet's date is checked against, on the agency's clock. */
async function unitFacts(tx: TTx, unitCode: string): Promise<TUnitFacts | null> {
  const [row] = await tx.$queryRaw<TUnitFacts[]>`
    SELECT id::text, code, path, (created_at AT TIME ZONE suara_timezone())::date::text AS created,
           (now() AT TIME ZONE suara_timezone())::date::text AS today
      FROM unit WHERE code = ${unitCode} AND active`;
  return row ?? null;
}

/** Other PAPER sheets of the unit with the same number in the period of `date`. */
async function repeats(tx: TTx, unitId: string, sheet: TPaperSheet, rhythm: Parameters<typeof sheetPeriod>[1], exceptId: string | null): Promise<number> {
  if (!sheet.sheetNumber) return 0;
  const { from, to } = sheetPeriod(sheet.date, rhythm);
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM response
     WHERE unit_id = ${unitId}::uuid AND channel = 'PAPER' AND paper_sheet_number = ${sheet.sheetNumber}
       AND (submitted_at AT TIME ZONE suara_timezone())::date >= ${from}::date
       AND (submitted_at AT TIME ZONE suara_timezone())::date < ${to}::date
       AND id IS DISTINCT FROM ${exceptId}::uuid`;
  return row?.n ?? 0;
}

type TEntryPrepared = { survey: TSurvey; rhythm: Parameters<typeof sheetPeriod>[1] };

const enterSheet = defineWrite({
  input: ZPaperEntry,
  capability: "operate",
  prepare: async (input, caller): Promise<TEntryPrepared | null> => {
    if (!(await getUnitForCaller(caller, input.unitCode, "operate"))) return null;
    const survey = await getSurvey(input.unitCode);
    return survey && { survey, rhythm: (await agencyClock()).rhythm };
  },
  locate: async (tx, input, _caller, prepared) => {
    const unit = await unitFacts(tx, input.unitCode);
    if (!unit || unit.id !== prepared.survey.unitId) return null;
    // Two submits of one form at once: the second waits for the first to commit, then finds its sheet.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`paper:${input.nonce}`}))::text`;
    const prior = await tx.response.findUnique({ where: { idempotencyKey: `paper:${input.nonce}` }, select: { id: true, unitId: true } });
    return { unit, prepared, prior, repeats: await repeats(tx, unit.id, input, prepared.rhythm, null) };
  },
  on: ({ unit }) => [unit.path],
  refuse: (input, { unit, prior, repeats: n }): TSheetRefusal | "replayed" | null => {
    if (prior) return "replayed";
    return dateRefusal(input.date, unit) ?? (n > 0 && !input.allowDuplicate ? "duplicateSheet" : null);
  },
  audit: (input, { unit, prepared }, { newId }) => ({
    action: "paper.enter", targetType: "response", targetId: newId, unitId: unit.id,
    detail: { new: sheetValues(input, prepared.survey) },
  }),
  handler: async (tx, input, { unit, prepared, repeats: n }, { newId, caller }) => {
    const serviceId = checkSheet(input, prepared.survey).serviceId;
    await tx.$executeRaw`
      INSERT INTO response (id, unit_id, service_id, template_version_id, channel, submitted_at, answers, gender, age, education,
                            occupation, saran, idempotency_key, locale, entered_by_id, paper_sheet_number)
      VALUES (${newId}::uuid, ${unit.id}::uuid, ${serviceId}::uuid, ${prepared.survey.templateVersionId}::uuid, 'PAPER',
              -- Noon of the sheet's date on the agency's clock: well inside the day the rollup files it under.
              (${input.date}::date + time '12:00') AT TIME ZONE suara_timezone(),
              ${JSON.stringify(input.answers)}::jsonb, ${input.gender ?? null}::"Gender", ${input.age ?? null}::int,
              ${input.education ?? null}::"Education", ${input.occupation ?? null}::"Occupation", ${input.saran ?? null},
              ${`paper:${input.nonce}`}, 'id', ${caller.userId}::uuid, ${input.sheetNumber ?? null})`;
    return { id: newId, duplicate: n > 0 };
  },
  conflict: "replayed",
});

export type TPaperError = TSheetRefusal | "replayed";

/** Checks the sheet against the unit's questionnaire, then enters it. */
export async function enterPaperSheet(caller: TCaller | null, raw: unknown, meta?: TRequestMeta): Promise<TWriteResult<{ id: string; duplicate: boolean }, TPaperError>> {
  const parsed = ZPaperEntry.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid", fields: fieldErrors(parsed.error) };
  if (!(await getUnitForCaller(caller, parsed.data.unitCode, "operate"))) return NOT_FOUND;
  const survey = await getSurvey(parsed.data.unitCode);
  if (!survey) return NOT_FOUND;
  const checked = checkSheet(parsed.data, survey);
  if (checked.errors) return { ok: false, error: "invalid", fields: checked.errors };
  return enterSheet(caller, raw, meta);
}

type TStored = {
  id: string; unitId: string; unitCode: string; unitPath: string; templateVersionId: string; date: string; sheetNumber: string | null;
  serviceCode: string | null; answers: Record<string, number>; gender: string | null; age: number | null; education: string | null;
  occupation: string | null; saran: string | null;
};

/** A PAPER response with the fields a correction shows and audits; other channels are not paper entry's to change. */
async function storedSheet(db: Pick<TTx, "$queryRaw">, id: string, lock = false): Promise<TStored | null> {
  const rows = lock
    ? await db.$queryRaw<TStored[]>`SELECT r.id::text FROM response r WHERE r.id = ${id}::uuid FOR UPDATE`
    : [];
  if (lock && rows.length === 0) return null;
  const [row] = await db.$queryRaw<TStored[]>`
    SELECT r.id::text, r.unit_id::text AS "unitId", u.code AS "unitCode", u.path AS "unitPath", r.template_version_id::text AS "templateVersionId",
           (r.submitted_at AT TIME ZONE suara_timezone())::date::text AS date, r.paper_sheet_number AS "sheetNumber", s.code AS "serviceCode",
           r.answers, r.gender::text, r.age, r.education::text, r.occupation::text, r.saran
      FROM response r JOIN unit u ON u.id = r.unit_id LEFT JOIN service s ON s.id = r.service_id
     WHERE r.id = ${id}::uuid AND r.channel = 'PAPER'`;
  return row ?? null;
}

/** The questionnaire version a stored sheet was entered on, and its unit's services. */
async function surveyOfSheet(sheet: TStored): Promise<TSheetSurvey> {
  const [version, services] = await Promise.all([
    prisma.templateVersion.findUniqueOrThrow({ where: { id: sheet.templateVersionId }, select: { scaleMin: true, scaleMax: true, items: { orderBy: { position: "asc" }, select: { code: true } } } }),
    prisma.service.findMany({ where: { unitId: sheet.unitId, active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, code: true } }),
  ]);
  return { templateVersionId: sheet.templateVersionId, items: version.items, scale: { min: version.scaleMin, max: version.scaleMax }, services };
}

const oldValues = (s: TStored) => ({
  date: s.date, sheetNumber: s.sheetNumber, service: s.serviceCode, answers: s.answers,
  gender: s.gender, age: s.age, education: s.education, occupation: s.occupation, saran: s.saran,
});

const correctSheet = defineWrite({
  input: ZPaperCorrection,
  capability: "operate",
  prepare: async (input, caller) => {
    const sheet = await storedSheet(prisma, input.responseId);
    if (!sheet || sheet.unitCode !== input.unitCode || !can(caller, "operate", sheet.unitPath)) return null;
    return { survey: await surveyOfSheet(sheet), rhythm: (await agencyClock()).rhythm };
  },
  locate: async (tx, input, _caller, prepared) => {
    const sheet = await storedSheet(tx, input.responseId, true);
    const unit = sheet && (await unitFacts(tx, sheet.unitCode));
    if (!sheet || !unit || sheet.unitCode !== input.unitCode) return null;
    return { sheet, unit, prepared, repeats: await repeats(tx, unit.id, input, prepared.rhythm, sheet.id) };
  },
  on: ({ unit }) => [unit.path],
  refuse: (input, { unit, repeats: n }): TSheetRefusal | null => dateRefusal(input.date, unit) ?? (n > 0 && !input.allowDuplicate ? "duplicateSheet" : null),
  audit: (input, { sheet, prepared }) => ({
    action: "paper.correct", targetType: "response", targetId: sheet.id, unitId: sheet.unitId,
    detail: { old: oldValues(sheet), new: sheetValues(input, prepared.survey) },
  }),
  handler: async (tx, input, { sheet, prepared, repeats: n }) => {
    const serviceId = checkSheet(input, prepared.survey).serviceId;
    await tx.$executeRaw`
      UPDATE response SET service_id = ${serviceId}::uuid,
             submitted_at = (${input.date}::date + time '12:00') AT TIME ZONE suara_timezone(),
             answers = ${JSON.stringify(input.answers)}::jsonb, gender = ${input.gender ?? null}::"Gender", age = ${input.age ?? null}::int,
             education = ${input.education ?? null}::"Education", occupation = ${input.occupation ?? null}::"Occupation",
             saran = ${input.saran ?? null}, paper_sheet_number = ${input.sheetNumber ?? null}
       WHERE id = ${sheet.id}::uuid`;
    return { id: sheet.id, duplicate: n > 0 };
  },
});

/** Checks the corrected sheet against the questionnaire it was entered on, then writes it. */
export async function correctPaperSheet(caller: TCaller | null, raw: unknown, meta?: TRequestMeta): Promise<TWriteResult<{ id: string; duplicate: boolean }, TSheetRefusal>> {
  const parsed = ZPaperCorrection.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid", fields: fieldErrors(parsed.error) };
  const sheet = caller && (await storedSheet(prisma, parsed.data.responseId));
  if (!sheet || sheet.unitCode !== parsed.data.unitCode || !can(caller, "operate", sheet.unitPath)) return NOT_FOUND;
  const checked = checkSheet(parsed.data, await surveyOfSheet(sheet));
  if (checked.errors) return { ok: false, error: "invalid", fields: checked.errors };
  return correctSheet(caller, raw, meta);
}

/** Deletes an entered sheet (typed twice, or not a questionnaire of this unit); the audit entry keeps what it held. */
export const deletePaperSheet = defineWrite({
  input: ZPaperDelete,
  capability: "operate",
  locate: (tx, input) => storedSheet(tx, input.responseId, true),
  on: (sheet) => [sheet.unitPath],
  audit: (_input, sheet) => ({ action: "paper.delete", targetType: "response", targetId: sheet.id, unitId: sheet.unitId, detail: { old: oldValues(sheet) } }),
  handler: async (tx, _input, sheet) => {
    await tx.$executeRaw`DELETE FROM response WHERE id = ${sheet.id}::uuid`;
    return { unitCode: sheet.unitCode };
  },
});

export type { TFieldErrors };

/** A stored sheet for the correction form, for those who may operate its unit; null otherwise. */
export async function getPaperSheet(caller: TCaller | null, unitCode: string, id: string): Promise<TStored | null> {
  if (!caller || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const sheet = await storedSheet(prisma, id);
  return sheet && sheet.unitCode === unitCode.toUpperCase() && can(caller, "operate", sheet.unitPath) ? sheet : null;
}
