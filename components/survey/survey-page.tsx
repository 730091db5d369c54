import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { LocaleSwitch } from "@/components/locale/locale-switch";
import { SurveyForm } from "@/components/survey/survey-form";
import { parseSentCookie, SENT_COOKIE } from "@/components/survey/sent-cookie";
import { SURVEY_TEXT } from "@/components/survey/text";
import { getSurvey } from "@/lib/dal/survey";
import { getLocale } from "@/lib/i18n/server";

/** The citizen's questionnaire for a unit (and optionally one of its services). */
export async function SurveyPage({ code, service, token, fresh }: { code: string; service?: string; token?: string; fresh?: boolean }) {
  const survey = await getSurvey(code);
  if (!survey) notFound();
  const preset = service ? survey.services.find((s) => s.code === service.toUpperCase()) : undefined;
  if (service && !preset) notFound();
  const locale = await getLocale();
  const t = SURVEY_TEXT[locale];
  // Back at the form right after sending: same key, so sending again counts once.
  const sentKey = fresh ? null : parseSentCookie((await cookies()).get(SENT_COOKIE)?.value, survey.unitCode);
  const path = `/s/${survey.unitCode}${preset ? `/${preset.code}` : ""}${token ? `?t=${encodeURIComponent(token)}` : ""}`;

  return (
    <main className="mx-auto max-w-xl px-4 py-5">
      <header className="flex items-start justify-between gap-3">
        <div>
          <p className="text-sm font-semibold text-brand-700">{t.title}</p>
          <h1 className="text-xl font-bold leading-tight">{survey.unitName}</h1>
          {preset && <p className="mt-1 text-slate-700">{locale === "en" && preset.nameEn ? preset.nameEn : preset.name}</p>}
        </div>
        <LocaleSwitch locale={locale} returnTo={path} />
      </header>
      <p className="mt-3 text-slate-700">{t.intro}</p>
      {sentKey && (
        <p className="mt-4 rounded-lg border border-brand-600 bg-brand-50 p-3" data-testid="already-sent">
          {t.alreadySent}{" "}
          <a className="font-medium text-brand-700 underline" href={`${path}${path.includes("?") ? "&" : "?"}baru=1`}>
            {t.newResponse}
          </a>
        </p>
      )}
      <SurveyForm
        locale={locale}
        unitCode={survey.unitCode}
        services={survey.services}
        presetService={preset?.code}
        items={survey.items}
        asksHarapan={survey.asksHarapan}
        scale={survey.scale}
        idempotencyKey={sentKey ?? randomUUID()}
        token={token}
      />
    </main>
  );
}
