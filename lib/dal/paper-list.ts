import "server-only";
import { getSurvey, type TSurveyItem, type TSurveyService } from "@/lib/dal/survey";
import { agencyClock } from "@/lib/dal/settings";
import { getUnitForCaller, type TUnitRef } from "@/lib/dal/units";
import { prisma } from "@/lib/db";
import { monthStart, parsePeriodKey, periodMonths, type TPeriod } from "@/lib/periods";
import type { TCaller } from "@/lib/permissions";
import { runningPeriod } from "@/lib/validation/dashboard";

// Reads of paper entry: what the screen needs to type a sheet, and the sheets
// entered for the unit in a period, each flagged when its number repeats there.

export type TPaperScreen = {
  unit: TUnitRef;
  items: TSurveyItem[];
  scale: { min: number; max: number };
  services: TSurveyService[];
  /** Today on the agency's clock (YYYY-MM-DD): the date a new stack starts with. */
  today: string;
};

/** For those who may operate the unit (else null: 404). */
export async function getPaperScreen(caller: TCaller | null, unitCode: string): Promise<TPaperScreen | null> {
  const unit = await getUnitForCaller(caller, unitCode, "operate");
  const survey = unit && (await getSurvey(unit.code));
  if (!unit || !survey) return null;
  const [row] = await prisma.$queryRaw<{ today: string }[]>`SELECT (now() AT TIME ZONE suara_timezone())::date::text AS today`;
  return { unit, items: survey.items, scale: survey.scale, services: survey.services, today: row!.today };
}

export type TPaperRow = {
  id: string;
  date: string;
  sheetNumber: string | null;
  service: string | null;
  answers: Record<string, number>;
  enteredBy: string | null;
  enteredAt: Date;
  /** Another sheet of the unit carries the same number in the period. */
  repeated: boolean;
};

/** The unit's paper sheets dated in `periodKey` (default: the agency's running period), newest entry first. */
export async function listPaperSheets(caller: TCaller | null, unitCode: string, periodKey?: string): Promise<{ period: TPeriod; rows: TPaperRow[] } | null> {
  const unit = await getUnitForCaller(caller, unitCode, "operate");
  if (!unit) return null;
  const period = (periodKey && parsePeriodKey(periodKey)) || runningPeriod(await agencyClock());
  const { start, end } = periodMonths(period);
  const from = monthStart(start).toISOString().slice(0, 10);
  const to = monthStart(end).toISOString().slice(0, 10);
  const rows = await prisma.$queryRaw<TPaperRow[]>`
    WITH sheets AS (
      SELECT r.id::text, (r.submitted_at AT TIME ZONE suara_timezone())::date::text AS date, r.paper_sheet_number AS "sheetNumber",
             s.name AS service, r.answers, u.name AS "enteredBy", r.received_at AS "enteredAt"
        FROM response r LEFT JOIN service s ON s.id = r.service_id LEFT JOIN "user" u ON u.id = r.entered_by_id
       WHERE r.unit_id = ${unit.id}::uuid AND r.channel = 'PAPER'
         AND (r.submitted_at AT TIME ZONE suara_timezone())::date >= ${from}::date
         AND (r.submitted_at AT TIME ZONE suara_timezone())::date < ${to}::date
    )
    SELECT *, ("sheetNumber" IS NOT NULL AND count(*) OVER (PARTITION BY "sheetNumber") > 1) AS repeated
      FROM sheets ORDER BY "enteredAt" DESC, id LIMIT 500`;
  return { period, rows };
}
