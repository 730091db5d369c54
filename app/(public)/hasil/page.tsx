import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { ResultFigure } from "@/components/results/result-figure";
import { LocaleSwitch } from "@/components/locale/locale-switch";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { ScrollArea, Table } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { publicResultsIndex } from "@/lib/dal/public-results";
import { getFormat } from "@/lib/i18n/server";
import { filterRows, LEVELS, type TLevel } from "@/lib/public-results/rows";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results"))("title") };
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function ResultsPage(props: PageProps<"/hasil">) {
  await connection();
  const query = await props.searchParams;
  // searchParams are input: a bounded search string and one of the known levels.
  const q = one(query.q).slice(0, 100);
  const level = LEVELS.find((l) => l === one(query.tingkat)) ?? null;
  const [t, f, index] = await Promise.all([getTranslations("results"), getFormat(), publicResultsIndex()]);
  const shown = filterRows(index.units, q, level as TLevel | null);
  const agency = index.agencyTrend.at(-1);
  const here = `/hasil${q || level ? `?${new URLSearchParams({ ...(q ? { q } : {}), ...(level ? { tingkat: level } : {}) })}` : ""}`;

  return (
    <main className="mx-auto max-w-4xl px-4 py-6 sm:py-10">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide">
            <TextLink href="/">Suara</TextLink>
          </p>
          <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        </div>
        <LocaleSwitch returnTo={here} />
      </header>
      <p className="mt-3 max-w-prose text-slate-700">{t("intro")}</p>

      <Card aria-labelledby="agency" className="mt-6" data-testid="agency-index">
        <CardTitle id="agency">{t("agencyTitle")}</CardTitle>
        {agency ? (
          <div className="mt-2">
            <p className="text-sm text-slate-700">
              {agency.unitName} · {f.period(agency.period)} · {t("respondents", { count: agency.respondents })}
            </p>
            <p className="mt-1">
              <ResultFigure row={agency} f={f} large />
            </p>
            {index.agencyTrend.length > 1 && (
              <>
                <h3 className="mt-4 text-sm font-semibold">{t("trendTitle")}</h3>
                <ol className="mt-2 space-y-1" data-testid="agency-trend">
                  {index.agencyTrend.map((r) => (
                    <li key={r.periodKey} className="flex items-center gap-2 text-sm">
                      <span className="w-24 shrink-0">{f.period(r.period, true)}</span>
                      <span className="h-3 rounded bg-brand-600" style={{ width: `${Math.max(2, ((r.konversi - 25) / 75) * 60)}%` }} aria-hidden />
                      <span className="tabular-nums">{f.decimal(r.konversi, 2)}</span>
                      <span>{r.mutu}</span>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </div>
        ) : (
          <p className="mt-2 text-slate-700">{t("agencyNone")}</p>
        )}
      </Card>

      <section aria-labelledby="units" className="mt-8">
        <h2 id="units" className="text-xl font-semibold">
          {t("unitsTitle")}
        </h2>
        <form method="get" action="/hasil" role="search" className="mt-3 flex flex-wrap items-end gap-3">
          <div className="min-w-48 flex-1">
            <label htmlFor="q" className="block text-sm font-medium">
              {t("searchLabel")}
            </label>
            <Input id="q" name="q" type="search" defaultValue={q} placeholder={t("searchPlaceholder")} maxLength={100} className="mt-1" />
          </div>
          <div>
            <label htmlFor="tingkat" className="block text-sm font-medium">
              {t("levelLabel")}
            </label>
            <Select id="tingkat" name="tingkat" defaultValue={level ?? ""} width="auto" className="mt-1">
              <option value="">{t("levelAll")}</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t("level", { level: l })}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit">{t("filter")}</Button>
        </form>
        <p className="mt-3 text-sm text-slate-700" aria-live="polite" data-testid="results-count">
          {t("count", { count: shown.length })}
        </p>
        {index.units.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("none")}</p>
        ) : shown.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("noMatch")}</p>
        ) : (
          <ScrollArea label={t("unitsTitle")} className="mt-2">
            <Table data-testid="results-table">
              <thead>
                <tr>
                  <th scope="col">{t("colUnit")}</th>
                  <th scope="col">{t("colKonversi")}</th>
                  <th scope="col" className="num">{t("colRespondents")}</th>
                  <th scope="col">{t("colPeriod")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.unitCode} data-testid={`result-row-${r.unitCode}`}>
                    <td style={{ paddingLeft: `${0.5 + r.depth * 0.75}rem` }}>
                      <TextLink href={`/hasil/${r.unitCode}`}>{r.unitName}</TextLink>
                    </td>
                    <td>
                      <ResultFigure row={r} f={f} />
                    </td>
                    <td className="num">{f.integer(r.respondents)}</td>
                    <td>{f.period(r.period)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </ScrollArea>
        )}
      </section>

      <section aria-labelledby="open" className="mt-8">
        <h2 id="open" className="text-lg font-semibold">
          {t("openData")}
        </h2>
        <p className="mt-1 text-slate-700">
          {t("openDataBody")} <TextLink href="/hasil/data.csv">CSV</TextLink> · <TextLink href="/hasil/data.json">JSON</TextLink>
        </p>
      </section>
    </main>
  );
}
