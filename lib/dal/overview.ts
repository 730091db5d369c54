import "server-only";
import { prisma } from "@/lib/db";
import { agencySettings, logoUrl } from "@/lib/dal/settings";

export type TPublicUnit = { code: string; name: string; depth: number };

export type TPublicOverview = {
  surveyUnits: TPublicUnit[];
  agencyName: string | null;
  logoUrl: string | null;
  units: number;
  services: number;
  responses: number;
  firstDay: Date | null;
  lastDay: Date | null;
};

/**
 * Agency-wide counts for the home page. Public: totals only, from the rollup
 * (never a scan of responses), nothing about any single unit or response.
 */
export async function getPublicOverview(): Promise<TPublicOverview> {
  const [settings, units, services, totals, list] = await Promise.all([
    agencySettings(),
    prisma.unit.count({ where: { active: true } }),
    prisma.service.count({ where: { active: true, unit: { active: true } } }),
    prisma.unitDailyRollup.aggregate({ _sum: { responses: true }, _min: { day: true }, _max: { day: true } }),
    // Units that take responses (those with an active service), for citizens without a QR code.
    prisma.unit.findMany({
      where: { active: true, services: { some: { active: true } } },
      orderBy: { path: "asc" },
      select: { code: true, name: true, depth: true },
    }),
  ]);
  return {
    surveyUnits: list,
    agencyName: settings.name,
    logoUrl: logoUrl(settings),
    units,
    services,
    responses: totals._sum.responses ?? 0,
    firstDay: totals._min.day,
    lastDay: totals._max.day,
  };
}
