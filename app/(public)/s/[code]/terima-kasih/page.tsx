import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLastPublishedIndex, getSurvey } from "@/lib/dal/survey";
import { formatNumber, type Locale } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Terima kasih", robots: { index: false } };

const TEXT = {
  id: {
    thanks: "Terima kasih!",
    received: "Penilaian Anda sudah kami terima.",
    next: "Apa selanjutnya",
    nextBody:
      "Kepala unit membaca setiap saran dan menyusun rencana tindak lanjut untuk unsur pelayanan yang paling lemah. Hasil survei diumumkan setiap periode.",
    last: "Hasil survei terakhir yang diumumkan",
    none: "Unit ini belum mengumumkan hasil survei.",
    respondents: "responden",
    again: "Isi survei lagi",
    period: { MONTH: "Bulan", QUARTER: "Triwulan", SEMESTER: "Semester", YEAR: "Tahun" },
  },
  en: {
    thanks: "Thank you!",
    received: "We have received your rating.",
    next: "What happens next",
    nextBody:
      "The unit head reads every suggestion and draws up a follow-up plan for the weakest parts of the service. Survey results are published every period.",
    last: "Latest published survey result",
    none: "This unit has not published a survey result yet.",
    respondents: "respondents",
    again: "Answer again",
    period: { MONTH: "Month", QUARTER: "Quarter", SEMESTER: "Semester", YEAR: "Year" },
  },
} satisfies Record<Locale, unknown>;

export default async function ThankYouPage(props: PageProps<"/s/[code]/terima-kasih">) {
  const { code } = await props.params;
  const survey = await getSurvey(code);
  if (!survey) notFound();
  const locale = await getLocale();
  const t = TEXT[locale];
  const published = await getLastPublishedIndex(survey);

  return (
    <main className="mx-auto max-w-xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t.thanks}</h1>
      <p className="mt-2 text-lg">{t.received}</p>
      <p className="mt-1 text-slate-700">{survey.unitName}</p>

      <section aria-labelledby="next" className="mt-6">
        <h2 id="next" className="text-lg font-semibold">
          {t.next}
        </h2>
        <p className="mt-2 text-slate-700">{t.nextBody}</p>
      </section>

      <section aria-labelledby="last" className="mt-6 rounded-lg border border-slate-300 p-4">
        <h2 id="last" className="font-semibold">
          {t.last}
        </h2>
        {published ? (
          <div className="mt-2" data-testid="published-index">
            <p className="text-sm text-slate-700">
              {t.period[published.periodKind as keyof typeof t.period]} {published.periodKind === "YEAR" ? "" : `${published.number} `}
              {published.year} · {formatNumber(locale, published.respondents)} {t.respondents}
            </p>
            <p className="mt-1 text-3xl font-bold">
              <span data-testid="published-konversi">{formatNumber(locale, published.konversi, 2)}</span>{" "}
              <span className="text-xl">
                (mutu <span data-testid="published-mutu">{published.mutu}</span> · {locale === "en" ? published.kinerjaEn : published.kinerja})
              </span>
            </p>
          </div>
        ) : (
          <p className="mt-2 text-slate-700">{t.none}</p>
        )}
      </section>
      <p className="mt-6">
        <a href={`/s/${survey.unitCode}`} className="text-brand-700 underline">
          {t.again}
        </a>
      </p>
    </main>
  );
}
