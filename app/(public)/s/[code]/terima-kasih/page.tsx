import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card, CardTitle } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { getLastPublishedIndex, getSurvey } from "@/lib/dal/survey";
import { getFormat } from "@/lib/i18n/server";
import { PERIOD_KINDS } from "@/lib/periods";
import { formatReplyCode, normalizeReplyCode } from "@/lib/feedback/reply-code";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("thanks"), robots: { index: false } };
}

export default async function ThankYouPage(props: PageProps<"/s/[code]/terima-kasih">) {
  const { code } = await props.params;
  const { balasan } = await props.searchParams;
  // Only the code comes in the URL; a malformed one is simply not shown.
  const reply = typeof balasan === "string" ? normalizeReplyCode(balasan) : null;
  const survey = await getSurvey(code);
  if (!survey) notFound();
  const [t, f, published] = await Promise.all([getTranslations("thanks"), getFormat(), getLastPublishedIndex(survey)]);
  const kind = PERIOD_KINDS.find((k) => k === published?.periodKind);

  return (
    <main className="mx-auto max-w-xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("thanks")}</h1>
      <p className="mt-2 text-lg">{t("received")}</p>
      <p className="mt-1 text-slate-700">{survey.unitName}</p>

      {reply && (
        <Card aria-labelledby="reply" className="mt-6" data-testid="reply-code-card">
          <CardTitle id="reply">{t("replyTitle")}</CardTitle>
          <p className="mt-2 font-mono text-2xl font-bold tracking-wider" data-testid="reply-code">
            {formatReplyCode(reply)}
          </p>
          <p className="mt-2 text-slate-700">{t("replyBody")}</p>
          <p className="mt-2">
            <TextLink href={`/s/${survey.unitCode}/balasan/${formatReplyCode(reply)}`} data-testid="reply-link">
              {t("replyLink")}
            </TextLink>
          </p>
        </Card>
      )}

      <section aria-labelledby="next" className="mt-6">
        <h2 id="next" className="text-lg font-semibold">
          {t("next")}
        </h2>
        <p className="mt-2 text-slate-700">{t("nextBody")}</p>
      </section>

      <Card aria-labelledby="last" className="mt-6">
        <CardTitle id="last">{t("last")}</CardTitle>
        {published && kind ? (
          <div className="mt-2" data-testid="published-index">
            <p className="text-sm text-slate-700">
              {f.period({ kind, year: published.year, number: published.number })} · {t("respondents", { count: published.respondents })}
            </p>
            <p className="mt-1 text-3xl font-bold">
              <span data-testid="published-konversi">{f.decimal(published.konversi, 2)}</span>{" "}
              <span className="text-xl">({t.rich("mutu", { mutu: published.mutu, kinerja: f.pick(published.kinerja, published.kinerjaEn), m: (chunks) => <span data-testid="published-mutu">{chunks}</span> })})</span>
            </p>
            <p className="mt-1 text-sm text-slate-700" data-testid="published-counts">
              {published.scope === "gabungan" ? t("countsPooled") : t("countsOwn")}
            </p>
            {published.belowMinimum && published.minimumSample !== undefined && (
              <p className="mt-1 text-sm text-amber-900" data-testid="published-below-minimum">
                {t("belowMinimum", { minimum: published.minimumSample, population: published.population ?? 0 })}
              </p>
            )}
          </div>
        ) : (
          <p className="mt-2 text-slate-700">{t("none")}</p>
        )}
      </Card>
      <p className="mt-6">
        <TextLink href={`/s/${survey.unitCode}`}>{t("again")}</TextLink>
      </p>
    </main>
  );
}
