import "server-only";
import { prisma } from "@/lib/db";

export type TPublicOverview = {
  agencyName: string | null;
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
  const [root, units, services, totals] = await Promise.all([
    prisma.unit.findFirst({ where: { parentId: null, active: true }, select: { name: true }, orderBy: { createdAt: "asc" } }),
    prisma.unit.count({ where: { active: true } }),
    prisma.service.count({ where: { active: true, unit: { active: true } } }),
    prisma.unitDailyRollup.aggregate({ _sum: { responses: true }, _min: { day: true }, _max: { day: true } }),
  ]);
  return {
    agencyName: root?.name ?? null,
    units,
    services,
    responses: totals._sum.responses ?? 0,
    firstDay: totals._min.day,
    lastDay: totals._max.day,
  };
}
