import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FollowUpMetricsSection } from "@/components/follow-up/metrics-section";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ScrollArea, Table } from "@/components/ui/table";
import { linkVariants, TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { listPlans } from "@/lib/dal/plans";
import { getFormat } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("listTitle") };
}

/** A unit's follow-up plans by period: where each stands, and the way to write the missing ones. */
export default async function PlanListPage(props: PageProps<"/dasbor/unit/[code]/rtl">) {
  const { code } = await props.params;
  const caller = await requireCaller(`/dasbor/unit/${code}/rtl`);
  const list = await listPlans(caller, code);
  if (!list) notFound();
  // This year's plans and last year's (the evaluators look back a year), on the agency's clock.
  const year = list.year;
  const [t, status, common, f] = await Promise.all([getTranslations("plan"), getTranslations("labels.planStatus"), getTranslations("common"), getFormat()]);
  return (
    <main className="space-y-4">
      <nav aria-label={common("breadcrumb")} className="text-sm print:hidden">
        <Link href={`/dasbor/unit/${list.unit.code}`} className={linkVariants()}>
          ← {list.unit.name}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{t("listHeading", { name: list.unit.name })}</h1>
      <p className="max-w-prose text-sm text-slate-700">{t("listIntro")}</p>
      <Card>
        <ScrollArea label={t("listTitle")}>
          <Table>
            <thead>
              <tr>
                <th>{t("period")}</th>
                <th>{t("status")}</th>
                <th className="num">{t("actions")}</th>
                <th className="num">{t("progress")}</th>
                <th>
                  <span className="sr-only">{t("open")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.key} data-testid={`plan-row-${r.key}`}>
                  <td>{f.period(r.period)}</td>
                  <td>{r.plan ? <Badge>{r.plan.done ? t("done") : status(r.plan.status)}</Badge> : t("noPlan")}</td>
                  <td className="num">{r.plan ? f.integer(r.plan.actions) : common("notAvailable")}</td>
                  <td className="num">{r.plan ? `${f.integer(r.plan.realisationPct)} %` : common("notAvailable")}</td>
                  <td>
                    <TextLink href={`/dasbor/unit/${list.unit.code}/rtl/${r.key}`} size="sm">
                      {r.plan ? t("open") : list.canEdit ? t("write") : t("open")}
                    </TextLink>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </ScrollArea>
      </Card>
      <FollowUpMetricsSection caller={caller} unitCode={list.unit.code} year={year} />
      <FollowUpMetricsSection caller={caller} unitCode={list.unit.code} year={year - 1} />
    </main>
  );
}
