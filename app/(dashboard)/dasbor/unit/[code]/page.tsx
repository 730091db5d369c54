import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireCaller } from "@/lib/auth/page";
import { getUnitCounts, getUnitIndex } from "@/lib/dal/units";
import { formatDate, formatNumber } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n/server";
import type { IkmResult } from "@/lib/ikm";

export const metadata: Metadata = { title: "Unit" };

export default async function UnitPage(props: PageProps<"/dasbor/unit/[code]">) {
  const { code } = await props.params;
  const caller = await requireCaller(`/dasbor/unit/${code}`);
  const counts = await getUnitCounts(caller, code);
  if (!counts) notFound(); // outside the caller's scope looks exactly like a unit that does not exist
  const index = await getUnitIndex(caller, code); // null for operators: counts only
  const locale = await getLocale();
  const en = locale === "en";
  return (
    <main>
      <h1 className="text-2xl font-bold" data-testid="unit-name">{counts.unit.name}</h1>
      <p className="text-sm text-slate-600">
        {formatDate(locale, counts.from)} – {formatDate(locale, new Date(counts.to.getTime() - 86_400_000))} · {formatNumber(locale, counts.responses)} {en ? "responses" : "responden"}
      </p>
      {index && (
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <Headline title={en ? "This unit" : "Unit ini"} result={index.own} locale={locale} testId="ikm-own" />
          <Headline
            title={en ? `With its sub-units (${index.subtreeUnits} units, pooled responses)` : `Beserta sub-unit (${index.subtreeUnits} unit, respons digabung)`}
            result={index.pooled}
            locale={locale}
            testId="ikm-pooled"
          />
        </div>
      )}
      {index && (
        <p className="mt-4">
          <a className="text-brand-700 underline" href={`/api/v1/units/${counts.unit.code}/responses.csv`}>
            {en ? "Download responses (CSV)" : "Unduh data responden (CSV)"}
          </a>
        </p>
      )}
    </main>
  );
}

function Headline({ title, result, locale, testId }: { title: string; result: IkmResult; locale: "id" | "en"; testId: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="text-sm text-slate-600">{title}</h2>
      {result.computable && result.konversiRounded !== null ? (
        <p className="mt-1 text-3xl font-bold">
          <span data-testid={`${testId}-konversi`}>{formatNumber(locale, result.konversiRounded, 2)}</span>{" "}
          <span className="text-lg">mutu {result.mutu} · {locale === "en" ? result.kinerjaEn : result.kinerja}</span>
        </p>
      ) : (
        <p className="mt-1 text-slate-600">{locale === "en" ? "Not enough data" : "Data belum cukup"}</p>
      )}
      <p className="text-sm text-slate-600">n = {formatNumber(locale, result.respondents)}</p>
    </section>
  );
}
