import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DashboardFilters } from "@/components/dashboard/filters";
import { Headline } from "@/components/dashboard/headline";
import { PrintButton } from "@/components/dashboard/print-button";
import { PublishedNote } from "@/components/dashboard/published-note";
import { RunningPeriodLink } from "@/components/dashboard/running-period";
import { DashboardSkeleton } from "@/components/dashboard/skeleton";
import { planMarksFor } from "@/components/follow-up/plan-mark";
import { ImportanceSection, NrrSection, ProfileSection, SaranSection, TrendSection } from "@/components/dashboard/sections";
import { ViewNotices } from "@/components/dashboard/view-notices";
import { withQuery } from "@/components/dashboard/url";
import { SurveyLinks } from "@/components/operate/survey-links";
import { Badge } from "@/components/ui/badge";
import { linkVariants, TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import type { TCaller } from "@/lib/permissions";
import { getUnitDashboard } from "@/lib/dal/dashboard";
import { listKioskDevices, listServicesForOperator } from "@/lib/dal/operate";
import { getUnitCounts, getUnitForCaller } from "@/lib/dal/units";
import { getFormat } from "@/lib/i18n/server";
import { periodKey, previousPeriod } from "@/lib/periods";
import { parseDashboardQuery, type TSearchParams } from "@/lib/validation/dashboard";
import { agencyClock } from "@/lib/dal/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("unitDashboard") };
}

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
  const [t, common, tServices, tEvidence, tPaper, tImport, f, clock] = await Promise.all([getTranslations("dashboard"), getTranslations("common"), getTranslations("services"), getTranslations("evidence"), getTranslations("paper"), getTranslations("import.screen"), getFormat(), agencyClock()]);
  const { query, ignored } = parseDashboardQuery(params, clock);
  const [d, marks] = await Promise.all([getUnitDashboard(caller, code, query), planMarksFor(caller, code, query.period)]);
  // Operators see counts and the survey tools only; outside the caller's scope looks exactly like a unit that does not exist.
  const [services, kiosks, admin] = await Promise.all([listServicesForOperator(caller, code), listKioskDevices(caller, code), getUnitForCaller(caller, code, "admin")]);
  if (!d) {
    const counts = await getUnitCounts(caller, code);
    if (!counts) notFound();
    return (
      <main>
        <h1 className="text-2xl font-bold" data-testid="unit-name">{counts.unit.name}</h1>
        <p className="text-sm text-slate-700" data-testid="unit-counts">
          {t("countsOnly", { from: f.date(counts.from), to: f.date(new Date(counts.to.getTime() - 86_400_000)), count: counts.responses })}
        </p>
        {services && <EntryLinks path={`/dasbor/unit/${counts.unit.code}`} paper={tPaper("link")} imports={tImport("link")} />}
        {services && kiosks && <SurveyLinks unitCode={counts.unit.code} services={services} kiosks={kiosks} />}
      </main>
    );
  }

  const path = `/dasbor/unit/${d.unit.code}`;
  const template = d.family?.template;
  const result = d.score?.result;
  return (
    <main className="space-y-4">
      <nav className="text-sm text-slate-700 print:hidden" aria-label={common("breadcrumb")} data-testid="breadcrumb">
        {d.ancestors.map((a) => (
          <span key={a.code}>
            <Link href={withQuery(`/dasbor/unit/${a.code}`, params, { cakupan: undefined, layanan: undefined })} className={linkVariants()}>
              {a.name}
            </Link>
            {" › "}
          </span>
        ))}
        <span>{d.unit.name}</span>
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold break-words" data-testid="unit-name">{d.unit.name}</h1>
          <p className="text-sm text-slate-700">
            <span data-testid="period-label">{f.period(query.period)}</span>
            {d.inProgress && (
              <Badge tone="info" className="ml-2">
                {t("inProgress")}
              </Badge>
            )}
            {" · "}
            {d.scope === "gabungan" ? t("scopeSubtreeCount", { count: d.subtreeUnits }) : t("scopeOwn")}
            {" · "}
            {t("dataAsOf", { date: f.date(new Date()) })}
          </p>
          <RunningPeriodLink viewed={query.period} href={(periode) => withQuery(path, params, { periode })} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <TextLink href={`${path}/rtl/${periodKey(query.period)}`} size="sm" className="print:hidden" data-testid="plan-link">
            {t("planLink")}
          </TextLink>
          {d.unit.hasChildren && (
            <TextLink href={withQuery("/dasbor/instansi", {}, { unit: d.unit.code, periode: params.periode as string | undefined, tingkat: "anak" })} size="sm" className="print:hidden" data-testid="compare-subunits">
              {t("compareSubunits")}
            </TextLink>
          )}
          <PrintButton label={common("print")} />
        </div>
      </header>

      <DashboardFilters action={path} query={query} choices={d.choices} mode="unit" scope={d.scope} items={template?.items.map((i) => ({ code: i.code, name: f.pick(i.name, i.nameEn) }))} />
      <ViewNotices ignored={ignored} suspicious={d.suspiciousExcluded} otherTemplate={d.otherTemplate} />

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4">
          <Headline
            score={d.score}
            title={t("konversi")}
            previousLabel={f.period(previousPeriod(query.period))}
            note={
              <PublishedNote
                scope={d.scope}
                subtreeUnits={d.subtreeUnits}
                published={d.published}
                otherScopeHref={withQuery(path, params, { cakupan: d.published?.scope ?? undefined })}
              />
            }
          />
          <SaranSection saran={d.saran} inboxHref={withQuery(`${path}/saran`, params)} showUnit={d.scope === "gabungan"} />
        </div>
        <div className="min-w-0 space-y-4 lg:col-span-2">
          {result && template && result.respondents > 0 && <NrrSection result={result} template={template} marks={marks} />}
          {template && <TrendSection trend={d.trend} template={template} unsur={query.unsur} />}
        </div>
      </div>
      {d.importance && <ImportanceSection importance={d.importance} />}
      {result && result.respondents > 0 && <ProfileSection d={d} showUnit={d.scope === "gabungan"} />}

      <p className="text-sm text-slate-700 print:hidden">
        {/* The view's own query, its period and scope pinned (a default can move on), values the view ignored left out. */}
        <TextLink
          size="sm"
          data-testid="export-csv"
          href={withQuery(`/api/v1/units/${d.unit.code}/responses.csv`, params, {
            ...Object.fromEntries(ignored.map((name) => [name, undefined])),
            periode: periodKey(query.period),
            cakupan: d.scope,
          })}
        >
          {t("exportCsv")}
        </TextLink>
        <span className="block">{t("exportHint")}</span>
        <TextLink
          size="sm"
          data-testid="report-pdf"
          href={withQuery(`${path}/laporan.pdf`, params, {
            ...Object.fromEntries(ignored.map((name) => [name, undefined])),
            periode: periodKey(query.period),
            cakupan: d.scope,
          })}
        >
          {t("reportPdf")}
        </TextLink>
        {(["xlsx", "csv"] as const).map((ext) => (
          <TextLink
            key={ext}
            size="sm"
            className="ml-4"
            data-testid={`tabulation-${ext}`}
            href={withQuery(`${path}/tabulasi.${ext}`, params, {
              ...Object.fromEntries(ignored.map((name) => [name, undefined])),
              periode: periodKey(query.period),
              cakupan: d.scope,
            })}
          >
            {t(`tabulation_${ext}`)}
          </TextLink>
        ))}
        <TextLink
          size="sm"
          className="ml-4"
          data-testid="evidence-zip"
          title={tEvidence("linkHint")}
          href={withQuery(`${path}/bukti-evaluasi.zip`, {}, { tahun: String(query.period.year), cakupan: d.scope })}
        >
          {tEvidence("link", { year: query.period.year })}
        </TextLink>
      </p>
      {admin && (
        <p className="print:hidden">
          <TextLink size="sm" href={`${path}/layanan`} data-testid="manage-services">
            {tServices("manage")}
          </TextLink>
        </p>
      )}
      {services && <EntryLinks path={path} paper={tPaper("link")} imports={tImport("link")} />}
      {services && kiosks && <SurveyLinks unitCode={d.unit.code} services={services} kiosks={kiosks} />}
    </main>
  );
}

/** For those who may operate the unit (the services list is theirs only): typing its paper questionnaires. */
/** For those who operate the unit: paper entry and the import of old data. */
function EntryLinks({ path, paper, imports }: { path: string; paper: string; imports: string }) {
  return (
    <p className="flex flex-wrap gap-x-4 print:hidden">
      <TextLink size="sm" href={`${path}/kertas`} data-testid="paper-entry-link">
        {paper}
      </TextLink>
      <TextLink size="sm" href={`${path}/impor`} data-testid="import-link">
        {imports}
      </TextLink>
    </p>
  );
}
