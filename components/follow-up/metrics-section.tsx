import { getTranslations } from "next-intl/server";
import { Card, CardTitle } from "@/components/ui/card";
import { ScrollArea, Table } from "@/components/ui/table";
import { followUpMetrics } from "@/lib/dal/follow-up/metrics";
import type { TFollowUpMetrics } from "@/lib/follow-up/metrics";
import { getFormat } from "@/lib/i18n/server";
import type { TCaller } from "@/lib/permissions";

/**
 * The figures evaluators ask for (PermenPANRB 29/2022 jo. 4/2023) for the plans of `year`'s
 * periods: how much of the approved plans' actions was carried out, and how many days passed
 * from the survey report to the approved plan; for the unit's subtree (the caller's top unit
 * without one) and per unit. Nothing when the unit is out of scope or has no plans that year.
 */
export async function FollowUpMetricsSection({ caller, unitCode, year }: { caller: TCaller; unitCode?: string; year: number }) {
  const m = await followUpMetrics(caller, unitCode, year);
  if (!m || m.total.plans === 0) return null;
  const [t, common, f] = await Promise.all([getTranslations("followUp"), getTranslations("common"), getFormat()]);
  // Per unit too, unless the only unit with plans is the one the total is for (a unit's own page).
  const perUnit = m.units.length === 1 && m.units[0]!.code === unitCode ? [] : m.units;
  const share = (x: TFollowUpMetrics) => (x.realisedShare === null ? common("notAvailable") : `${f.decimal(x.realisedShare * 100, 0)} %`);
  const days = (n: number | null) => (n === null ? common("notAvailable") : t("days", { count: f.decimal(n, 0) }));
  return (
    <Card data-testid="follow-up-metrics">
      <CardTitle id="follow-up-metrics-title">{t("metricsTitle", { year })}</CardTitle>
      <p className="mt-1 max-w-prose text-sm text-slate-700">{t("metricsIntro")}</p>
      <ScrollArea label={t("metricsTitle", { year })} className="mt-2">
        <Table aria-labelledby="follow-up-metrics-title">
          <thead>
            <tr>
              <th>{t("unit")}</th>
              <th className="num">{t("metricsPlans")}</th>
              <th className="num">{t("metricsRealised")}</th>
              <th className="num">{t("metricsMeanDays")}</th>
              <th className="num">{t("metricsMaxDays")}</th>
            </tr>
          </thead>
          <tbody>
            {[{ code: "", name: t("metricsTotal"), ...m.total }, ...perUnit].map((u) => (
              <tr key={u.code || "total"} data-testid={u.code ? `metrics-${u.code}` : "metrics-total"} className={u.code ? undefined : "font-semibold"}>
                <td>{u.name}</td>
                <td className="num">
                  {f.integer(u.approvedPlans)} / {f.integer(u.plans)}
                </td>
                <td className="num">
                  {share(u)} ({f.integer(u.realised)} / {f.integer(u.actions)})
                </td>
                <td className="num">{days(u.meanDaysToFollowUp)}</td>
                <td className="num">{days(u.maxDaysToFollowUp)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ScrollArea>
    </Card>
  );
}
