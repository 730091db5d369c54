import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PeriodStateBadge, ScopeBadge } from "@/components/periods/period-state-badge";
import { AddLogEntryForm, RemoveLogEntryForm } from "@/components/periods/publication-log";
import { PublishUnitForm, UnpublishForm } from "@/components/periods/publish-forms";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { periodState } from "@/lib/dal/periods";
import { getUnitPublication } from "@/lib/dal/publication-log";
import { getFormat } from "@/lib/i18n/server";
import { periodKey } from "@/lib/periods";
import { periodKeyInput } from "@/lib/validation/periods";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("periods") };
}

/** One unit's publication for a period: publish, withdraw, republish, and the log of where it appeared. */
export default async function UnitPublicationPage(props: PageProps<"/admin/periode/[periode]/unit/[code]">) {
  const { periode, code } = await props.params;
  const caller = await requireCaller(`/admin/periode/${periode}/unit/${code}`);
  const parsed = periodKeyInput.safeParse(periode);
  if (!parsed.success) notFound();
  const p = parsed.data;
  const data = await getUnitPublication(caller, code, p);
  if (!data) notFound();
  const [t, f, state] = await Promise.all([getTranslations("periodAdmin"), getFormat(), periodState(p)]);
  const key = periodKey(p);
  const { unit, publication, log } = data;
  const live = publication?.result && !publication.unpublished ? publication.result : null;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: f.timeZone }).format(new Date());
  return (
    <main className="grid max-w-3xl gap-4">
      <p className="text-sm">
        <TextLink href={`/admin/periode/${key}`}>← {t("publicationTitle", { period: f.period(p) })}</TextLink>
      </p>
      <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold break-words">
        {t("unitTitle", { unit: unit.name, period: f.period(p) })} <PeriodStateBadge state={state.state} />
      </h1>

      <section aria-labelledby="current-title" className="grid gap-2" data-testid="current-publication">
        <h2 id="current-title" className="text-lg font-semibold">
          {t("currentTitle")}
        </h2>
        {publication?.result ? (
          <div className="grid gap-1 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <span data-testid="publication-line">
                {t("resultLine", {
                  konversi: f.decimal(publication.result.konversi),
                  mutu: publication.result.mutu,
                  kinerja: f.pick(publication.result.kinerja, publication.result.kinerjaEn),
                  respondents: publication.result.respondents,
                  date: f.date(publication.publishedAt),
                })}
              </span>
              <ScopeBadge scope={publication.result.scope} />
            </p>
            {publication.unpublished && (
              <p className="text-amber-900" data-testid="withdrawn-line">
                {t("withdrawnLine", { date: f.date(publication.unpublished.at), reason: publication.unpublished.reason })}
              </p>
            )}
          </div>
        ) : (
          <p className="text-sm text-slate-700">{t("notYet")}</p>
        )}
      </section>

      <section aria-labelledby="publish-title" className="grid gap-2">
        <h2 id="publish-title" className="text-lg font-semibold">
          {t("publishTitle")}
        </h2>
        {state.state === "closed" ? (
          <PublishUnitForm periodKey={key} unitCode={unit.code} hasChildren={unit.hasChildren} live={!!live} republish={!!publication?.result} defaultScope={publication?.result?.scope ?? (unit.hasChildren ? "gabungan" : "sendiri")} />
        ) : (
          <Alert tone="warning" title={t("cannotPublish")}>
            {t(state.state === "open" ? "errors.open" : "errors.notClosed")}
          </Alert>
        )}
      </section>

      {live && (
        <section aria-labelledby="unpublish-title" className="grid gap-2">
          <h2 id="unpublish-title" className="text-lg font-semibold">
            {t("unpublishTitle")}
          </h2>
          <UnpublishForm key={publication!.publishedAt.toISOString()} periodKey={key} unitCode={unit.code} />
        </section>
      )}

      <section aria-labelledby="log-title" className="grid gap-2">
        <h2 id="log-title" className="text-lg font-semibold">
          {t("logTitle")} <span className="text-sm font-normal text-slate-700" data-testid="log-media">({t("logMedia", { count: data.media })})</span>
        </h2>
        <p className="text-sm text-slate-700">{t("logIntro")}</p>
        {log.length === 0 ? (
          <p className="text-sm">{t("logNone")}</p>
        ) : (
          <ul className="grid gap-2 text-sm" data-testid="log-entries">
            {log.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-2">
                <span className="font-medium">{t(`mediums.${e.medium}`)}</span>
                <span>{f.date(e.publishedOn)}</span>
                {e.url && (
                  <TextLink href={e.url} rel="noopener noreferrer nofollow" target="_blank" className="break-all">
                    {e.url}
                  </TextLink>
                )}
                {e.hasPhoto && <TextLink href={`/api/v1/publication-log/${e.id}/photo`}>{t("openPhoto")}</TextLink>}
                {e.note && <span className="text-slate-700">{e.note}</span>}
                <span className="ml-auto">
                  <RemoveLogEntryForm entryId={e.id} label={t(`mediums.${e.medium}`)} />
                </span>
              </li>
            ))}
          </ul>
        )}
        <AddLogEntryForm periodKey={key} unitCode={unit.code} today={today} />
      </section>
    </main>
  );
}
