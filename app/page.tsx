import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { LocaleSwitch } from "@/components/locale/locale-switch";
import { TextLink } from "@/components/ui/text-link";
import { getPublicOverview } from "@/lib/dal/overview";
import { getFormat } from "@/lib/i18n/server";

export default async function HomePage() {
  await connection();
  const [t, tr, f, overview] = await Promise.all([getTranslations("home"), getTranslations("results"), getFormat(), getPublicOverview()]);

  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:py-12">
      <header>
        {/* A row of its own above the title: beside a two-line title it wrapped into a narrow column. */}
        <nav className="flex flex-wrap items-center justify-end gap-x-5 gap-y-2">
          <TextLink href="/hasil" size="sm" weight="medium" data-testid="home-results-link">
            {tr("homeLink")}
          </TextLink>
          <TextLink href="/masuk" size="sm" weight="medium">
            {t("signIn")}
          </TextLink>
          <LocaleSwitch returnTo="/" />
        </nav>
        <div className="mt-4 flex items-start gap-4">
          {overview.logoUrl && (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={overview.logoUrl} alt="" className="h-16 w-auto" data-testid="agency-logo" />
          )}
          <div>
            <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Suara</p>
            <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{t("tagline")}</h1>
            {overview.agencyName && <p className="mt-1 text-slate-600" data-testid="agency-name">{overview.agencyName}</p>}
          </div>
        </div>
      </header>

      <p className="mt-6 max-w-prose text-lg leading-relaxed text-slate-700">{t("intro")}</p>

      <section aria-labelledby="who" className="mt-10">
        <h2 id="who" className="text-xl font-semibold">
          {t("whoTitle")}
        </h2>
        <div className="mt-4 grid gap-4 sm:grid-cols-3">
          {(["citizen", "staff", "admin"] as const).map((who) => (
            <article key={who} className="rounded-lg border border-slate-200 bg-brand-50 p-4">
              <h3 className="font-semibold text-brand-900">{t(`${who}Title`)}</h3>
              <p className="mt-2 text-sm leading-relaxed text-slate-700">{t(who)}</p>
            </article>
          ))}
        </div>
      </section>

      {overview.surveyUnits.length > 0 && (
        <details className="mt-6 rounded-lg border border-slate-200 p-4">
          <summary className="cursor-pointer font-medium">{t("pickUnit")}</summary>
          <ul className="mt-3 columns-1 gap-6 text-sm sm:columns-2">
            {overview.surveyUnits.map((u) => (
              <li key={u.code} className="py-1" style={{ paddingLeft: `${Math.max(0, u.depth - 1)}rem` }}>
                <TextLink href={`/s/${u.code}`}>{u.name}</TextLink>
              </li>
            ))}
          </ul>
        </details>
      )}

      <section aria-labelledby="data" className="mt-10">
        <h2 id="data" className="text-xl font-semibold">
          {t("dataTitle")}
        </h2>
        {overview.responses === 0 ? (
          <p className="mt-3 text-slate-600">{t("empty")}</p>
        ) : (
          <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Stat label={t("units")} value={f.integer(overview.units)} />
            <Stat label={t("services")} value={f.integer(overview.services)} />
            <Stat label={t("responses")} value={f.integer(overview.responses)} testId="overview-responses" />
            {overview.firstDay && overview.lastDay && <Stat label={t("range")} value={`${f.date(overview.firstDay)} – ${f.date(overview.lastDay)}`} />}
          </dl>
        )}
        <p className="mt-6 text-sm text-slate-600">{t("regulation")}</p>
      </section>
    </main>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-lg font-semibold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
