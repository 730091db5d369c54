import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClosePeriodForm } from "@/components/periods/close-period-form";
import { PeriodStateBadge } from "@/components/periods/period-state-badge";
import { ScrollArea, Table } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { listPeriods } from "@/lib/dal/periods";
import { getFormat } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("periods") };
}

/** The agency's periods with their state; an agency admin closes those that ended. */
export default async function PeriodsPage() {
  const caller = await requireCaller("/admin/periode");
  const list = await listPeriods(caller);
  if (!list) notFound();
  const [t, f] = await Promise.all([getTranslations("periodAdmin"), getFormat()]);
  return (
    <main className="grid max-w-4xl gap-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
        {!list.canClose && <p className="mt-1 text-sm text-slate-700">{t("closeOnlyAgency")}</p>}
      </div>
      <ScrollArea label={t("title")}>
        <Table data-testid="periods">
          <thead>
            <tr>
              <th scope="col">{t("period")}</th>
              <th scope="col">{t("state")}</th>
              <th scope="col" className="num">{t("populations")}</th>
              <th scope="col" className="num">{t("published")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.key} data-testid={`period-${r.key}`}>
                <th scope="row">{f.period(r.period)}</th>
                <td>
                  <PeriodStateBadge state={r.state} />
                  {r.closedAt && <span className="ml-2 text-xs text-slate-700">{t("closedOn", { date: f.date(r.closedAt) })}</span>}
                </td>
                <td className="num">{t("unitsCount", { count: r.populations })}</td>
                <td className="num">{t("unitsCount", { count: r.published })}</td>
                <td>
                  <div className="flex flex-wrap items-center gap-3">
                    <TextLink href={`/admin/periode/${r.key}/populasi`}>{t("populationLink")}</TextLink>
                    <TextLink href={`/admin/periode/${r.key}`}>{t("publicationLink")}</TextLink>
                    {list.canClose && r.state === "ended" && <ClosePeriodForm periodKey={r.key} label={f.period(r.period)} />}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ScrollArea>
    </main>
  );
}
