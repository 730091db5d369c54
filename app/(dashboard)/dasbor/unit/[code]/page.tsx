import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DashboardFilters } from "@/components/dashboard/filters";
import { Headline } from "@/components/dashboard/headline";
import { PrintButton } from "@/components/dashboard/print-button";
import { DashboardSkeleton } from "@/components/dashboard/skeleton";
import { ImportanceSection, NrrSection, ProfileSection, SaranSection, TrendSection } from "@/components/dashboard/sections";
import { DASH_TEXT } from "@/components/dashboard/text";
import { withQuery } from "@/components/dashboard/url";
import { SurveyLinks } from "@/components/operate/survey-links";
import { requireCaller } from "@/lib/auth/page";
import type { TCaller } from "@/lib/permissions";
import { getUnitDashboard } from "@/lib/dal/dashboard";
import { listServicesForOperator } from "@/lib/dal/operate";
import { getUnitCounts, getUnitForCaller } from "@/lib/dal/units";
import { formatDate, formatNumber } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n/server";
import { formatInteger } from "@/lib/ikm";
import { periodLabel, previousPeriod } from "@/lib/periods";
import { parseDashboardQuery, type TSearchParams } from "@/lib/validation/dashboard";

export const metadata: Metadata = { title: "Dasbor unit" };

export default async function UnitPage(props: PageProps<"/dasbor/unit/[code]">) {
  const { code } = await props.params;
  const params = await props.searchParams;
  const caller = await requireCaller(`/dasbor/unit/${code}`);
  // Before anything streams, so that outside the caller's scope is a real 404 (it looks
  // exactly like a unit that does not exist); the data layer checks again for the data.
  if (!(await getUnitForCaller(caller, code, "unit.read"))) notFound();
  // Keyed by the query: a filter change shows the skeleton while the server renders.
  return (
    <Suspense key={JSON.stringify(params)} fallback={<DashboardSkeleton />}>
      <UnitView caller={caller} code={code} params={params} />
    </Suspense>
  );
}

async function UnitView({ caller, code, params }: { caller: TCaller; code: string; params: TSearchParams }) {
  const locale = await getLocale();
  const t = DASH_TEXT[locale];
  const { query, ignored } = parseDashboardQuery(params);
  const d = await getUnitDashboard(caller, code, query);
  // Operators see counts and the survey tools only; outside the caller's scope looks exactly like a unit that does not exist.
  const services = await listServicesForOperator(caller, code);
  if (!d) {
    const counts = await getUnitCounts(caller, code);
    if (!counts) notFound();
    return (
      <main>
        <h1 className="text-2xl font-bold" data-testid="unit-name">{counts.unit.name}</h1>
        <p className="text-sm text-slate-600" data-testid="unit-counts">
          {formatDate(locale, counts.from)} – {formatDate(locale, new Date(counts.to.getTime() - 86_400_000))} · {formatNumber(locale, counts.responses)} {locale === "en" ? "responses" : "responden"}
        </p>
        {services && <SurveyLinks unitCode={counts.unit.code} services={services} locale={locale} />}
      </main>
    );
  }

  const path = `/dasbor/unit/${d.unit.code}`;
  const template = d.family?.template;
  const result = d.score?.result;
  return (
    <main className="space-y-4">
      <nav className="text-sm text-slate-600 print:hidden" aria-label="breadcrumb" data-testid="breadcrumb">
        {d.ancestors.map((a) => (
          <span key={a.code}>
            <Link href={withQuery(`/dasbor/unit/${a.code}`, params, { cakupan: undefined, layanan: undefined })} className="text-brand-700 underline">{a.name}</Link>
            {" › "}
          </span>
        ))}
        <span>{d.unit.name}</span>
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold" data-testid="unit-name">{d.unit.name}</h1>
          <p className="text-sm text-slate-600">
            <span data-testid="period-label">{periodLabel(query.period, locale)}</span>
            {d.inProgress && <span className="ml-2 rounded bg-sky-100 px-1.5 text-xs text-sky-900">{t.inProgress}</span>}
            {" · "}
            {d.scope === "gabungan" ? `${t.scopeSubtree} (${formatInteger(d.subtreeUnits, locale)} unit)` : t.scopeOwn}
            {" · "}
            {t.dataAsOf} {formatDate(locale, new Date())}
          </p>
        </div>
        <div className="flex items-center gap-3">
          {d.unit.hasChildren && (
            <Link href={withQuery("/dasbor/instansi", {}, { unit: d.unit.code, periode: params.periode as string | undefined, tingkat: "anak" })}
              className="text-sm text-brand-700 underline print:hidden" data-testid="compare-subunits">
              {locale === "en" ? "Compare its sub-units" : "Bandingkan sub-unitnya"}
            </Link>
          )}
          <PrintButton label={t.print} />
        </div>
      </header>

      <DashboardFilters action={path} query={query} choices={d.choices} locale={locale} mode="unit" scope={d.scope}
        items={template?.items.map((i) => ({ code: i.code, name: locale === "en" ? i.nameEn : i.name }))} />

      {ignored.length > 0 && <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900" role="status" data-testid="ignored">{t.ignored} {ignored.join(", ")}</p>}
      {d.suspiciousExcluded > 0 && <p className="text-sm text-slate-600" data-testid="suspicious">{t.suspicious(formatInteger(d.suspiciousExcluded, locale))}</p>}
      {d.otherTemplate > 0 && <p className="text-sm text-amber-900">{t.otherTemplate(formatInteger(d.otherTemplate, locale))}</p>}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4">
          <Headline score={d.score} title={t.konversi} previousLabel={periodLabel(previousPeriod(query.period), locale)} locale={locale} />
          <SaranSection saran={d.saran} inboxHref={withQuery(`${path}/saran`, params)} locale={locale} showUnit={d.scope === "gabungan"} />
        </div>
        <div className="space-y-4 lg:col-span-2">
          {result && template && result.respondents > 0 && <NrrSection result={result} template={template} locale={locale} />}
          {template && <TrendSection trend={d.trend} template={template} locale={locale} unsur={query.unsur} />}
        </div>
      </div>
      {d.importance && <ImportanceSection importance={d.importance} locale={locale} />}
      {result && result.respondents > 0 && <ProfileSection d={d} locale={locale} showUnit={d.scope === "gabungan"} />}

      <p className="print:hidden">
        <a className="text-sm text-brand-700 underline" href={`/api/v1/units/${d.unit.code}/responses.csv`}>{t.exportCsv}</a>
      </p>
      {services && <SurveyLinks unitCode={d.unit.code} services={services} locale={locale} />}
    </main>
  );
}
