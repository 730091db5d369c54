import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { LocaleSwitch } from "@/components/locale/locale-switch";
import { SurveyForm } from "@/components/survey/survey-form";
import { parseSentCookie, SENT_COOKIE } from "@/components/survey/sent-cookie";
import { getSurveyText } from "@/components/survey/messages";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/text-link";
import { getClosedUnitName, getSurvey } from "@/lib/dal/survey";
import { currentUnitCode } from "@/lib/dal/unit-codes";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";

/** The citizen's questionnaire for a unit (and optionally one of its services). */
export async function SurveyPage({ code, service, token, fresh }: { code: string; service?: string; token?: string; fresh?: boolean }) {
  const survey = await getSurvey(code);
  // A code the unit had before (a printed poster, a QR code): on to its code now. Not a
  // permanent redirect: a unit may take an old code back, and a cached 308 would then loop.
  const now = survey ? survey.unitCode : await currentUnitCode(code);
  if (now && now !== code.toUpperCase()) {
    redirect(`/s/${now}${service ? `/${encodeURIComponent(service)}` : ""}${token ? `?t=${encodeURIComponent(token)}` : ""}`);
  }
  if (!survey) {
    const closed = await getClosedUnitName(code);
    if (!closed) notFound();
    return <ClosedSurvey unitName={closed} path={`/s/${code.toUpperCase()}`} />;
  }
  const preset = service ? survey.services.find((s) => s.code === service.toUpperCase()) : undefined;
  if (service && !preset) notFound();
  const [text, f] = await Promise.all([getSurveyText(), getFormat()]);
  const t = text.survey;
  // Back at the form right after sending: same key, so sending again counts once.
  const sentKey = fresh ? null : parseSentCookie((await cookies()).get(SENT_COOKIE)?.value, survey.unitCode);
  const path = `/s/${survey.unitCode}${preset ? `/${preset.code}` : ""}${token ? `?t=${encodeURIComponent(token)}` : ""}`;

  return (
    <main className="mx-auto max-w-xl px-4 py-5">
      <header className="flex items-start justify-between gap-3">
        <div>
          <p className="text-sm font-semibold text-brand-700">{t.title}</p>
          <h1 className="text-xl font-bold leading-tight">{survey.unitName}</h1>
          {preset && <p className="mt-1 text-slate-700">{f.pick(preset.name, preset.nameEn)}</p>}
        </div>
        <LocaleSwitch returnTo={path} />
      </header>
      <p className="mt-3 text-slate-700">{t.intro}</p>
      {sentKey && (
        <Alert tone="info" className="mt-4" data-testid="already-sent">
          {t.alreadySent}{" "}
          <TextLink weight="medium" href={`${path}${path.includes("?") ? "&" : "?"}baru=1`}>
            {t.newResponse}
          </TextLink>
        </Alert>
      )}
      <SurveyForm
        text={text}
        unitCode={survey.unitCode}
        versionId={survey.templateVersionId}
        services={survey.services.map((s) => ({ ...s, label: f.pick(s.name, s.nameEn) }))}
        presetService={preset?.code}
        items={survey.items.map((i) => ({
          ...i,
          label: { unsur: f.pick(i.unsur, i.unsurEn), question: f.pick(i.question, i.questionEn), options: i.options.map((o) => f.pick(o.label, o.labelEn)) },
        }))}
        asksHarapan={survey.asksHarapan}
        scale={survey.scale}
        idempotencyKey={sentKey ?? randomUUID()}
        token={token}
      />
    </main>
  );
}

/** A deactivated unit's link: the survey is closed, said in the citizen's language, with a way on. */
async function ClosedSurvey({ unitName, path }: { unitName: string; path: string }) {
  const [t, common] = await Promise.all([getTranslations("notFound"), getTranslations("common")]);
  return (
    <main className="mx-auto max-w-xl px-4 py-8" data-testid="survey-closed">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("closedTitle")}</h1>
        <LocaleSwitch returnTo={path} />
      </div>
      <p className="mt-3 text-slate-700">{t("closedBody", { unit: unitName })}</p>
      <p className="mt-6">
        <TextLink href="/">{common("home")}</TextLink>
      </p>
    </main>
  );
}
