import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { heatItems, MoversSection, sortHeaders, SpreadSection, tableText, unitRowViews } from "@/components/dashboard/agency-sections";
import { DashboardFilters } from "@/components/dashboard/filters";
import { Headline } from "@/components/dashboard/headline";
import { PrintButton } from "@/components/dashboard/print-button";
import { RunningPeriodLink } from "@/components/dashboard/running-period";
import { TrendSection } from "@/components/dashboard/sections";
import { DashboardSkeleton } from "@/components/dashboard/skeleton";
import { HeatMap, UnitTable } from "@/components/dashboard/unit-table";
import { withQuery } from "@/components/dashboard/url";
import { ViewNotices } from "@/components/dashboard/view-notices";
import { FollowUpMetricsSection } from "@/components/follow-up/metrics-section";
import { ActionLessonsSection, FollowUpOverviewSection } from "@/components/follow-up/agency-follow-up";
import { Badge } from "@/components/ui/badge";
import { linkVariants, TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { hasAnywhere, type TCaller } from "@/lib/permissions";
import { sortUnitRows, type TUnitRow } from "@/lib/dashboard/agency";
import { getAgencyDashboard } from "@/lib/dal/dashboard";
import { actionLessons } from "@/lib/dal/follow-up/lessons";
import { followUpOverview } from "@/lib/dal/follow-up/overview";
import { agencyClock } from "@/lib/dal/settings";
import { getUnitForCaller } from "@/lib/dal/units";
import { getFormat } from "@/lib/i18n/server";
import { periodKey, previousPeriod } from "@/lib/periods";
import { parseDashboardQuery, type TSearchParams } from "@/lib/validation/dashboard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("agency") };
}

export default async function AgencyPage(props: PageProps<"/dasbor/instansi">) {
  const params = await props.searchParams;
  const caller = await requireCaller("/dasbor/instansi");
  // Before anything streams, so that a root outside the caller's scope is a real 404;
  // the data layer checks again for the data.
  const { query } = parseDashboardQuery(params, await agencyClock());
  if (!hasAnywhere(caller, "dashboard.read")) notFound();
  if (query.unit && !(await getUnitForCaller(caller, query.unit, "dashboard.read"))) notFound();
  return (
    <Suspense key={JSON.stringify(params)} fallback={<DashboardSkeleton />}>
      <AgencyView caller={caller} params={params} />
    </Suspense>
  );
}

async function AgencyView({ caller, params }: { caller: TCaller; params: TSearchParams }) {
  const [t, common, f, clock] = await Promise.all([getTranslations("dashboard"), getTranslations("common"), getFormat(), agencyClock()]);
  const { query, ignored } = parseDashboardQuery(params, clock);
  const [d, followUp, lessons] = await Promise.all([
    getAgencyDashboard(caller, query),
    followUpOverview(caller, query.period, query.unit),
    actionLessons(caller),
  ]);
  if (!d) notFound();

  const sort = query.urut ?? "konversi";
  const direction = query.arah ?? (sort === "nama" ? "naik" : "turun");
  const rows = sortUnitRows(d.rows, sort, direction);
  // Links into a unit carry the period, the filters and what the row counted (own responses, or
  // with sub-units), so the unit's page shows the row's numbers; drilling down keeps the whole view.
  const unitHref = (r: TUnitRow) =>
    withQuery(`/dasbor/unit/${r.code}`, {}, {
      periode: params.periode as string | undefined, kanal: query.kanal, layanan: query.layanan,
      terverifikasi: query.verifiedOnly ? "1" : undefined, tren: params.tren as string | undefined, cakupan: r.scope,
    });
  const drillHref = (code: string) => withQuery("/dasbor/instansi", params, { unit: code });
  const template = d.family?.template;
  const views = (list: TUnitRow[]) => unitRowViews(list, template, f, unitHref, drillHref);
  const tableRows = views(rows);
  const text = tableText(t, common);

  return (
    <main className="space-y-4">
      <nav className="text-sm text-slate-700 print:hidden" aria-label={common("breadcrumb")} data-testid="breadcrumb">
        {d.ancestors.map((a) => (
          <span key={a.code}>
            <Link href={withQuery("/dasbor/instansi", params, { unit: a.code })} className={linkVariants()}>
              {a.name}
            </Link>
            {" › "}
          </span>
        ))}
        <span>{d.root.name}</span>
        {d.roots.length > 1 && (
          <span className="ml-4">
            {t("switchRoot")}:{" "}
            {d.roots.map((r) => (
              <Link key={r.code} href={withQuery("/dasbor/instansi", params, { unit: r.code })} className={`mr-2 ${linkVariants()}`}>
                {r.name}
              </Link>
            ))}
          </span>
        )}
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold break-words" data-testid="agency-title">{t("agencyTitle", { name: d.root.name })}</h1>
          <p className="text-sm text-slate-700">
            <span data-testid="period-label">{f.period(query.period)}</span>
            {d.inProgress && (
              <Badge tone="info" className="ml-2">
                {t("inProgress")}
              </Badge>
            )}
            {" · "}
            {t("unitCount", { count: d.rows.length })} · {t("dataAsOf", { date: f.date(new Date()) })}
          </p>
          <RunningPeriodLink viewed={query.period} href={(periode) => withQuery("/dasbor/instansi", params, { periode })} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <TextLink href={withQuery(`/dasbor/unit/${d.root.code}`, {}, { periode: params.periode as string | undefined })} size="sm" className="print:hidden">
            {t("unitDashboardOf", { name: d.root.name })}
          </TextLink>
          {/* The pooled figure above as the SKM report of the subtree's root (its own dashboard's pooled view, same filters). */}
          <TextLink
            href={withQuery(`/dasbor/unit/${d.root.code}/laporan.pdf`, {}, {
              periode: periodKey(query.period),
              cakupan: "gabungan",
              kanal: params.kanal as string | undefined,
              terverifikasi: params.terverifikasi as string | undefined,
            })}
            size="sm"
            className="print:hidden"
            data-testid="pooled-report-pdf"
          >
            {t("pooledReportPdf", { name: d.root.name })}
          </TextLink>
          <PrintButton label={common("print")} />
        </div>
      </header>

      <DashboardFilters action="/dasbor/instansi" query={query} choices={d.choices} mode="agency"
        keep={{ unit: query.unit, urut: query.urut, arah: query.arah }} resetHref={withQuery("/dasbor/instansi", {}, { unit: query.unit })} />
      <ViewNotices ignored={ignored} suspicious={d.suspiciousExcluded} otherTemplate={d.otherTemplate} />

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4">
          <Headline
            score={d.pooled}
            title={t("pooledTitle", { name: d.root.name })}
            previousLabel={f.period(previousPeriod(query.period))}
            testId="pooled"
            note={<p className="mt-3 border-t border-slate-200 pt-2 text-sm" data-testid="pooled-counts">{t("countsTree", { name: d.root.name })}</p>}
          />
          <SpreadSection spread={d.spread} />
        </div>
        <div className="min-w-0 lg:col-span-2">{template && <TrendSection trend={d.trend} template={template} />}</div>
      </div>
      <MoversSection movers={{ rises: views(d.movers.rises), falls: views(d.movers.falls) }} attention={{ noData: views(d.attention.noData), belowSample: views(d.attention.belowSample) }} />
      <UnitTable rows={tableRows} headers={sortHeaders(params, sort, direction, t)} t={text} />
      {template && <HeatMap rows={tableRows} items={heatItems(template, f)} t={text} />}
      {followUp && <FollowUpOverviewSection o={followUp} />}
      <FollowUpMetricsSection caller={caller} unitCode={query.unit} year={query.period.year} />
      {lessons && <ActionLessonsSection rows={lessons} />}
    </main>
  );
}
