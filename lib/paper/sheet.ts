// Pure checks of a paper sheet (lib/dal/paper.ts): its answers against the
// questionnaire, its date against the unit's life and the agency's today, and
// the period in which its number must not repeat.
import { monthIndex, monthStart, periodMonths, periodOfMonth, type TPeriodKind } from "@/lib/periods";
import type { TPaperSheet } from "@/lib/validation/paper";

type TFieldErrors = Record<string, string>;

export type TSheetSurvey = {
  templateVersionId: string;
  items: readonly { code: string }[];
  scale: { min: number; max: number };
  services: readonly { id: string; code: string }[];
};

/** How far back a sheet may be dated: older paper belongs to an import of the period's data. */
export const OLDEST_SHEET_DAYS = 366;

export type TSheetRefusal = "dateFuture" | "dateBeforeUnit" | "dateTooOld" | "duplicateSheet";

/** The sheet's fields the questionnaire decides: item codes and scale, the service. */
export function checkSheet(sheet: TPaperSheet, survey: TSheetSurvey): { errors: TFieldErrors; serviceId?: undefined } | { errors?: undefined; serviceId: string | null } {
  const errors: TFieldErrors = {};
  let serviceId: string | null = null;
  if (sheet.service) {
    const found = survey.services.find((s) => s.code === sheet.service);
    if (found) serviceId = found.id;
    else errors.service = "unknownService";
  } else if (survey.services.length === 1) serviceId = survey.services[0]!.id;
  else if (survey.services.length > 1) errors.service = "serviceRequired";
  const codes = new Set(survey.items.map((i) => i.code));
  for (const [code, score] of Object.entries(sheet.answers)) {
    if (!codes.has(code)) errors[`answers.${code}`] = "unknownItem";
    else if (score < survey.scale.min || score > survey.scale.max) errors[`answers.${code}`] = "scoreOutOfScale";
  }
  if (Object.keys(sheet.answers).length === 0) errors.answers = "noAnswer";
  return Object.keys(errors).length ? { errors } : { serviceId };
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Why the sheet's date cannot be (all dates YYYY-MM-DD on the agency's clock), or null. */
export function dateRefusal(date: string, unit: { created: string; today: string }): TSheetRefusal | null {
  if (date > unit.today) return "dateFuture";
  if (date < unit.created) return "dateBeforeUnit";
  if (dayNumber(unit.today) - dayNumber(date) > OLDEST_SHEET_DAYS) return "dateTooOld";
  return null;
}

/** The period of the agency's rhythm holding `date`, as dates [from, to). */
export function sheetPeriod(date: string, rhythm: TPeriodKind): { from: string; to: string } {
  const period = periodOfMonth(rhythm, monthIndex(Number(date.slice(0, 4)), Number(date.slice(5, 7))));
  const { start, end } = periodMonths(period);
  return { from: monthStart(start).toISOString().slice(0, 10), to: monthStart(end).toISOString().slice(0, 10) };
}

/** What the audit log keeps of a sheet: its own fields, the service by code. */
export function sheetValues(sheet: TPaperSheet, survey: TSheetSurvey) {
  const service = sheet.service ?? (survey.services.length === 1 ? survey.services[0]!.code : null);
  return {
    date: sheet.date, sheetNumber: sheet.sheetNumber ?? null, service, answers: sheet.answers,
    gender: sheet.gender ?? null, age: sheet.age ?? null, education: sheet.education ?? null, occupation: sheet.occupation ?? null, saran: sheet.saran ?? null,
  };
}
