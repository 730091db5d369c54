import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { LocaleSwitch } from "@/components/locale/locale-switch";
import { ResultFigure } from "@/components/results/result-figure";
import { Card, CardTitle } from "@/components/ui/card";
import { ScrollArea, Table } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { publicFeedbackForUnit } from "@/lib/dal/feedback-public/read";
import { qrSvg } from "@/lib/dal/operate";
import { publicResultsForUnit } from "@/lib/dal/public-results";
import { getFormat } from "@/lib/i18n/server";
import { publicOrigin } from "@/lib/request/public-origin";

export async function generateMetadata(props: PageProps<"/hasil/[code]">): Promise<Metadata> {
  const unit = await publicResultsForUnit((await props.params).code);
  const t = await getTranslations("results");
  return { title: unit ? t("unitTitle", { unit: unit.name }) : t("title") };
}

export default async function UnitResultsPage(props: PageProps<"/hasil/[code]">) {
  const { code } = await props.params;
  const unit = await publicResultsForUnit(code);
  if (!unit) notFound();
  const origin = publicOrigin(await headers());
  const surveyUrl = unit.surveyPath ? `${origin}${unit.surveyPath}` : null;
  const [t, f, feedback, qr] = await Promise.all([
    getTranslations("results"),
    getFormat(),
    publicFeedbackForUnit(unit.code, 20),
    surveyUrl ? qrSvg(surveyUrl) : Promise.resolve(null),
  ]);
  const latest = unit.periods[0];
  const badgePath = `/hasil/${unit.code}/badge.svg`;

  return (
    <main className="mx-auto max-w-3xl px-4 py-6 sm:py-10">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm">
            <TextLink href="/hasil">{t("back")}</TextLink>
          </p>
          <h1 className="mt-1 text-2xl font-bold sm:text-3xl" data-testid="unit-results-title">
            {t("unitTitle", { unit: unit.name })}
          </h1>
        </div>
        <LocaleSwitch returnTo={`/hasil/${unit.code}`} />
      </header>

      {latest && (
        <p className="mt-4" data-testid="unit-latest">
          <span className="block text-sm text-slate-700">
            {f.period(latest.period)} · {t("respondents", { count: latest.respondents })}
          </span>
          <ResultFigure row={latest} f={f} large />
        </p>
      )}

      <section aria-labelledby="periods" className="mt-8">
        <h2 id="periods" className="text-xl font-semibold">
          {t("periodsTitle")}
        </h2>
        {unit.periods.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("unitNone")}</p>
        ) : (
          <ScrollArea label={t("periodsTitle")} className="mt-2">
            <Table data-testid="unit-periods">
              <thead>
                <tr>
                  <th scope="col">{t("colPeriod")}</th>
                  <th scope="col">{t("colKonversi")}</th>
                  <th scope="col" className="num">{t("colRespondents")}</th>
                  <th scope="col">{t("colPublished")}</th>
                </tr>
              </thead>
              <tbody>
                {unit.periods.map((r) => (
                  <tr key={r.periodKey} data-testid={`unit-period-${r.periodKey}`}>
                    <td>{f.period(r.period)}</td>
                    <td>
                      <ResultFigure row={r} f={f} />
                    </td>
                    <td className="num">{f.integer(r.respondents)}</td>
                    <td>{f.date(r.publishedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </ScrollArea>
        )}
      </section>

      {latest && (
        <section aria-labelledby="unsur" className="mt-8">
          <h2 id="unsur" className="text-xl font-semibold">
            {t("unsurTitle", { period: f.period(latest.period) })}
          </h2>
          {latest.unsur.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("unsurNone")}</p>
          ) : (
            <ScrollArea label={t("unsurTitle", { period: f.period(latest.period) })} className="mt-2">
              <Table data-testid="unit-unsur">
                <thead>
                  <tr>
                    <th scope="col">{t("colUnsur")}</th>
                    <th scope="col" className="num">{t("colNrr")}</th>
                  </tr>
                </thead>
                <tbody>
                  {latest.unsur.map((u) => (
                    <tr key={u.code}>
                      <td>
                        {u.code} · {f.pick(u.name, u.nameEn)}
                      </td>
                      <td className="num">{f.nrr(u.nrr)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </ScrollArea>
          )}
        </section>
      )}

      <section aria-labelledby="feedback" className="mt-8">
        <h2 id="feedback" className="text-xl font-semibold">
          {t("feedbackTitle")}
        </h2>
        {feedback.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("feedbackNone")}</p>
        ) : (
          <ul className="mt-3 space-y-3" data-testid="unit-feedback">
            {feedback.map((item, i) => (
              <li key={i} className="rounded-lg border border-slate-200 p-3">
                <p className="text-xs text-slate-600">
                  {[item.unit, item.service, f.date(item.publishedAt)].filter(Boolean).join(" · ")}
                </p>
                <p className="mt-1">
                  <span className="font-semibold">{t("feedbackSaid")}:</span> {item.saran}
                </p>
                <p className="mt-1">
                  <span className="font-semibold">{t("feedbackDid")}:</span> {item.action}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {surveyUrl && qr && (
        <Card aria-labelledby="survey" className="mt-8">
          <CardTitle id="survey">{t("surveyTitle")}</CardTitle>
          <p className="mt-1 text-slate-700">{t("surveyBody")}</p>
          <p className="mt-2">
            <TextLink href={unit.surveyPath!} data-testid="unit-survey-link">
              {t("surveyLink")}
            </TextLink>
          </p>
          {/* The SVG comes from the qrcode library for our own URL, not from user input. */}
          <div className="mt-3 w-40" role="img" aria-label={t("qrAlt", { unit: unit.name })} dangerouslySetInnerHTML={{ __html: qr }} />
        </Card>
      )}

      <section aria-labelledby="badge" className="mt-8">
        <h2 id="badge" className="text-lg font-semibold">
          {t("badgeTitle")}
        </h2>
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={badgePath} alt={t("badgeAlt", { unit: unit.name })} className="mt-2" height={20} />
        <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-2 text-xs">{`<img src="${origin}${badgePath}" alt="IKM ${unit.name}">`}</pre>
      </section>
    </main>
  );
}
