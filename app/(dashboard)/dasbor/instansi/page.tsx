import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { heatItems, MoversSection, sortHeaders, SpreadSection, tableText, unitRowViews } from "@/components/dashboard/agency-sections";
import { HeatMap, UnitTable } from "@/components/dashboard/unit-table";
import { DashboardFilters } from "@/components/dashboard/filters";
import { Headline } from "@/components/dashboard/headline";
import { PrintButton } from "@/components/dashboard/print-button";
import { DashboardSkeleton } from "@/components/dashboard/skeleton";
import { TrendSection } from "@/components/dashboard/sections";
import { DASH_TEXT } from "@/components/dashboard/text";
import { withQuery } from "@/components/dashboard/url";
import { requireCaller } from "@/lib/auth/page";
import { hasAnywhere, type TCaller } from "@/lib/permissions";
import { sortUnitRows, type TUnitRow } from "@/lib/dashboard/agency";
import { getAgencyDashboard } from "@/lib/dal/dashboard";
import { getUnitForCaller } from "@/lib/dal/units";
import { formatDate } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n/server";
import { formatInteger } from "@/lib/ikm";
import { periodLabel, previousPeriod } from "@/lib/periods";
import { parseDashboardQuery, type TSearchParams } from "@/lib/validation/dashboard";

export const metadata: Metadata = { title: "Ringkasan instansi" };

export default async function AgencyPage(props: PageProps<"/dasbor/instansi">) {
  const params = await props.searchParams;
  const caller = await requireCaller("/dasbor/instansi");
  // Before anything streams, so that a root outside the caller's scope is a real 404;
  // the data layer checks again for the data.
  const { query } = parseDashboardQuery(params);
  if (!hasAnywhere(caller, "dashboard.read")) notFound();
  if (query.unit && !(await getUnitForCaller(caller, query.unit, "dashboard.read"))) notFound();
  return (
    <Suspense key={JSON.stringify(params)} fallback={<DashboardSkeleton />}>
      <AgencyView caller={caller} params={params} />
    </Suspense>
  );
}

async function AgencyView({ caller, params }: { caller: TCaller; params: TSearchParams }) {
  const locale = await getLocale();
  const t = DASH_TEXT[locale];
  const { query, ignored } = parseDashboardQuery(params);
  const d = await getAgencyDashboard(caller, query);
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
  const views = (list: TUnitRow[]) => unitRowViews(list, template, locale, unitHref, drillHref);
  const tableRows = views(rows);
  const text = tableText(locale);

  return (
    <main className="space-y-4">
      <nav className="text-sm text-slate-600 print:hidden" aria-label="breadcrumb" data-testid="breadcrumb">
        {d.ancestors.map((a) => (
          <span key={a.code}>
            <Link href={withQuery("/dasbor/instansi", params, { unit: a.code })} className="text-brand-700 underline">{a.name}</Link>
            {" › "}
          </span>
        ))}
        <span>{d.root.name}</span>
        {d.roots.length > 1 && (
          <span className="ml-4">
            {t.switchRoot}:{" "}
            {d.roots.map((r) => (
              <Link key={r.code} href={withQuery("/dasbor/instansi", params, { unit: r.code })} className="mr-2 text-brand-700 underline">{r.name}</Link>
            ))}
          </span>
        )}
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold" data-testid="agency-title">{t.agencyTitle}: {d.root.name}</h1>
          <p className="text-sm text-slate-600">
            <span data-testid="period-label">{periodLabel(query.period, locale)}</span>
            {d.inProgress && <span className="ml-2 rounded bg-sky-100 px-1.5 text-xs text-sky-900">{t.inProgress}</span>}
            {" · "}
            {formatInteger(d.rows.length, locale)} unit · {t.dataAsOf} {formatDate(locale, new Date())}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <Link href={withQuery(`/dasbor/unit/${d.root.code}`, {}, { periode: params.periode as string | undefined })} className="text-sm text-brand-700 underline print:hidden">
            {t.unitDashboard} {d.root.name}
          </Link>
          <PrintButton label={t.print} />
        </div>
      </header>

      <DashboardFilters action="/dasbor/instansi" query={query} choices={d.choices} locale={locale} mode="agency"
        keep={{ unit: query.unit, urut: query.urut, arah: query.arah }} resetHref={withQuery("/dasbor/instansi", {}, { unit: query.unit })} />

      {ignored.length > 0 && <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900" role="status" data-testid="ignored">{t.ignored} {ignored.join(", ")}</p>}
      {d.suspiciousExcluded > 0 && <p className="text-sm text-slate-600" data-testid="suspicious">{t.suspicious(formatInteger(d.suspiciousExcluded, locale))}</p>}
      {d.otherTemplate > 0 && <p className="text-sm text-amber-900">{t.otherTemplate(formatInteger(d.otherTemplate, locale))}</p>}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4">
          <Headline score={d.pooled} title={`${t.pooledTitle} · ${d.root.name}`} previousLabel={periodLabel(previousPeriod(query.period), locale)} locale={locale} testId="pooled" />
          <SpreadSection spread={d.spread} locale={locale} />
        </div>
        <div className="lg:col-span-2">
          {template && <TrendSection trend={d.trend} template={template} locale={locale} />}
        </div>
      </div>
      <MoversSection
        movers={{ rises: views(d.movers.rises), falls: views(d.movers.falls) }}
        attention={{ noData: views(d.attention.noData), belowSample: views(d.attention.belowSample) }}
        t={t}
      />
      <UnitTable rows={tableRows} headers={sortHeaders(params, sort, direction, locale)} t={text} />
      {template && <HeatMap rows={tableRows} items={heatItems(template, locale)} t={text} />}
    </main>
  );
}
