import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireCaller } from "@/lib/auth/page";
import { KioskEnrollForm } from "@/components/operate/kiosk-enroll-form";
import { listServicesForOperator } from "@/lib/dal/operate";
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
  const services = await listServicesForOperator(caller, code); // null unless the caller operates this unit
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
      {services && (
        <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4" data-testid="survey-links">
          <h2 className="font-semibold">{en ? "Survey links and QR codes" : "Tautan survei dan kode QR"}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {[null, ...services].map((s) => {
              const q = s ? `?layanan=${s.code}` : "";
              const amp = s ? `&layanan=${s.code}` : "";
              return (
                <li key={s?.code ?? "unit"} className="flex flex-wrap gap-3">
                  <span className="min-w-48">{s ? s.name : en ? "Whole unit (citizen picks the service)" : "Seluruh unit (warga memilih layanan)"}</span>
                  <a className="text-brand-700 underline" href={`/dasbor/unit/${counts.unit.code}/poster${q}`}>{en ? "Poster" : "Poster"}</a>
                  <a className="text-brand-700 underline" href={`/api/v1/units/${counts.unit.code}/qr?format=svg${amp}`}>SVG</a>
                  <a className="text-brand-700 underline" href={`/api/v1/units/${counts.unit.code}/qr?format=png${amp}`}>PNG</a>
                </li>
              );
            })}
          </ul>
          <p className="mt-3 text-sm">
            <a className="text-brand-700 underline" href={`/dasbor/unit/${counts.unit.code}/kode-transaksi`}>
              {en ? "One-time transaction codes for receipts" : "Kode transaksi sekali pakai untuk struk"}
            </a>
          </p>
          <div className="mt-4">
            <KioskEnrollForm unitCode={counts.unit.code} />
          </div>
        </section>
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
