import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/locale/locale-switch";
import { TextLink } from "@/components/ui/text-link";
import { getPublicOverview } from "@/lib/dal/overview";

/** A mistyped or closed survey code: say so in the citizen's language, and offer the list of units. */
export default async function SurveyNotFound() {
  const [t, overview] = await Promise.all([getTranslations("notFound"), getPublicOverview()]);
  return (
    <main className="mx-auto max-w-xl px-4 py-8" data-testid="survey-not-found">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("surveyTitle")}</h1>
        <LocaleSwitch />
      </div>
      <p className="mt-3 text-slate-700">{t("surveyBody")}</p>
      {overview.surveyUnits.length > 0 && (
        <section aria-labelledby="units" className="mt-6">
          <h2 id="units" className="text-lg font-semibold">
            {t("units")}
          </h2>
          <ul className="mt-2 text-sm">
            {overview.surveyUnits.map((u) => (
              <li key={u.code} className="py-1.5" style={{ paddingLeft: `${Math.max(0, u.depth - 1)}rem` }}>
                <TextLink href={`/s/${u.code}`}>{u.name}</TextLink>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="mt-6">
        <TextLink href="/" weight="medium">
          {t("home")}
        </TextLink>
      </p>
    </main>
  );
}
