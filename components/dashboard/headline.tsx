import { getTranslations } from "next-intl/server";
import { MutuBadge } from "@/components/dashboard/mutu-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { TScore } from "@/lib/dashboard/pool";
import { getFormat } from "@/lib/i18n/server";

/** The index of a period as a report prints it, with its uncertainty, its sample and its change. */
export async function Headline({ score, title, previousLabel, testId = "headline", note }: {
  score: TScore | null;
  title: string;
  previousLabel: string;
  testId?: string;
  /** Which responses the figure counts (and what else it should be read beside). */
  note?: React.ReactNode;
}) {
  const [t, f] = await Promise.all([getTranslations("dashboard"), getFormat()]);
  if (!score) {
    return (
      <Card data-testid={testId}>
        <h2 className="text-sm font-medium text-slate-700">{title}</h2>
        <p className="mt-2 text-slate-700" data-testid={`${testId}-empty`}>{t("noData")}</p>
        {note}
      </Card>
    );
  }
  const { result, change } = score;
  const sample = result.sample;
  return (
    <Card data-testid={testId}>
      <h2 className="text-sm font-medium text-slate-700">{title}</h2>
      {result.computable ? (
        <>
          <p className="mt-1 flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="text-4xl font-bold tabular-nums" data-testid={`${testId}-konversi`}>{f.konversi(result)}</span>
            <MutuBadge mutu={result.mutu} size="lg" testId={`${testId}-mutu`} />
            <span className="text-lg font-semibold" data-testid={`${testId}-kinerja`}>{f.pick(result.kinerja ?? "", result.kinerjaEn)}</span>
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {t("ikm")} {f.ikm(result.ikm)}
            {result.confidence && (
              <>
                {" · "}
                {t("ci")}: <span data-testid={`${testId}-ci`}>{f.decimal(result.confidence.lower)}–{f.decimal(result.confidence.upper)}</span>
              </>
            )}
          </p>
        </>
      ) : (
        <p className="mt-2 text-slate-700">{t("notComputable")}</p>
      )}
      <p className="mt-2 text-sm">
        {t("respondents")}: <strong data-testid={`${testId}-respondents`}>{f.integer(result.respondents)}</strong>
        {sample ? (
          <>
            {" · "}
            {t("minimumSample", { minimum: f.integer(sample.minimumSample), population: f.integer(sample.population) })}{" "}
            <Badge tone={sample.met ? "success" : "warning"} className="ml-1" data-testid={`${testId}-sample`}>
              {sample.met ? t("sampleMet") : `⚠ ${t("belowSample")}`}
            </Badge>
          </>
        ) : (
          <span className="block text-xs text-slate-600" data-testid={`${testId}-sample`}>{t("noPopulation")}</span>
        )}
      </p>
      <p className="mt-1 text-sm" data-testid={`${testId}-change`}>
        {t("changeFrom", { period: previousLabel })}{" "}
        {change && change.deltaRounded !== null ? (
          <>
            <strong className={change.direction === "naik" ? "text-green-800" : change.direction === "turun" ? "text-red-800" : ""}>
              {change.direction === "naik" ? "▲ +" : change.direction === "turun" ? "▼ " : "■ "}
              {f.decimal(change.deltaRounded)}
            </strong>{" "}
            <span className="text-slate-700">({change.significant ? t("beyondNoise") : t("withinNoise")})</span>
          </>
        ) : (
          <span className="text-slate-700">{t("noPrevious")}</span>
        )}
      </p>
      {note}
    </Card>
  );
}
