import { MutuBadge } from "@/components/dashboard/mutu-badge";
import { DASH_TEXT } from "@/components/dashboard/text";
import type { TScore } from "@/lib/dashboard/pool";
import { formatDecimal, formatIkm, formatInteger, formatKonversi } from "@/lib/ikm";
import type { Locale } from "@/lib/i18n";

/** The index of a period as a report prints it, with its uncertainty, its sample and its change. */
export function Headline({ score, title, previousLabel, locale, testId = "headline" }: {
  score: TScore | null;
  title: string;
  previousLabel: string;
  locale: Locale;
  testId?: string;
}) {
  const t = DASH_TEXT[locale];
  if (!score) {
    return (
      <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
        <h2 className="text-sm font-medium text-slate-600">{title}</h2>
        <p className="mt-2 text-slate-700" data-testid={`${testId}-empty`}>{t.noData}</p>
      </section>
    );
  }
  const { result, change } = score;
  const sample = result.sample;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="text-sm font-medium text-slate-600">{title}</h2>
      {result.computable ? (
        <>
          <p className="mt-1 flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="text-4xl font-bold tabular-nums" data-testid={`${testId}-konversi`}>{formatKonversi(result, locale)}</span>
            <MutuBadge mutu={result.mutu} size="lg" testId={`${testId}-mutu`} />
            <span className="text-lg font-semibold" data-testid={`${testId}-kinerja`}>{locale === "en" ? result.kinerjaEn : result.kinerja}</span>
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {t.ikm} {formatIkm(result.ikm, locale)}
            {result.confidence && (
              <>
                {" · "}
                {t.ci}: <span data-testid={`${testId}-ci`}>{formatDecimal(result.confidence.lower, 2, locale)}–{formatDecimal(result.confidence.upper, 2, locale)}</span>
              </>
            )}
          </p>
        </>
      ) : (
        <p className="mt-2 text-slate-700">{t.notComputable}</p>
      )}
      <p className="mt-2 text-sm">
        {t.respondents}: <strong data-testid={`${testId}-respondents`}>{formatInteger(result.respondents, locale)}</strong>
        {sample ? (
          <>
            {" · "}
            {t.minimumSample} {formatInteger(sample.minimumSample, locale)} ({t.population} {formatInteger(sample.population, locale)})
            {" "}
            <span
              data-testid={`${testId}-sample`}
              className={`ml-1 rounded px-1.5 py-0.5 text-xs font-semibold ${sample.met ? "bg-green-100 text-green-900" : "bg-amber-200 text-amber-950"}`}
            >
              {sample.met ? t.sampleMet : `⚠ ${t.belowSample}`}
            </span>
          </>
        ) : (
          <span className="block text-xs text-slate-500" data-testid={`${testId}-sample`}>{t.noPopulation}</span>
        )}
      </p>
      <p className="mt-1 text-sm" data-testid={`${testId}-change`}>
        {t.changeFrom} {previousLabel}:{" "}
        {change && change.deltaRounded !== null ? (
          <>
            <strong className={change.direction === "naik" ? "text-green-800" : change.direction === "turun" ? "text-red-800" : ""}>
              {change.direction === "naik" ? "▲ +" : change.direction === "turun" ? "▼ " : "■ "}
              {formatDecimal(change.deltaRounded, 2, locale)}
            </strong>{" "}
            <span className="text-slate-600">({change.significant ? t.beyondNoise : t.withinNoise})</span>
          </>
        ) : (
          <span className="text-slate-600">{t.noPrevious}</span>
        )}
      </p>
    </section>
  );
}
