import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { getSurveyText } from "@/components/survey/messages";
import { SurveyForm } from "@/components/survey/survey-form";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { getVersionForPreview } from "@/lib/dal/templates";
import { pickLocalized } from "@/lib/i18n";
import { ZPreviewQuery } from "@/lib/validation/templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates"))("metaTitle") };
}

/**
 * A version exactly as the citizen's form renders it (the same SurveyForm), in a phone-sized
 * frame, in either language. The form is in preview mode: it has no action and cannot be sent,
 * so no response is ever created from here.
 */
export default async function TemplatePreviewPage(props: PageProps<"/admin/kuesioner/[key]/pratinjau">) {
  const { key } = await props.params;
  const caller = await requireCaller(`/admin/kuesioner/${key}/pratinjau`);
  const query = ZPreviewQuery.parse(await props.searchParams);
  const v = await getVersionForPreview(caller, key, query.versi);
  if (!v) notFound();
  const locale = query.bahasa;
  const [t, framed, inId, inEn, text] = await Promise.all([
    getTranslations("templates"),
    getTranslations({ locale, namespace: "templates" }),
    // Each language named in itself: "switch to" in the other one says it.
    getTranslations({ locale: "en", namespace: "common" }),
    getTranslations({ locale: "id", namespace: "common" }),
    getSurveyText(locale),
  ]);
  const pick = (id: string, en: string | null | undefined) => pickLocalized(locale, id, en);
  const here = (bahasa: string) => `/admin/kuesioner/${v.template.key}/pratinjau?versi=${v.version}&bahasa=${bahasa}`;
  return (
    <main className="grid grid-cols-1 gap-4">
      <p className="text-sm">
        <TextLink href={`/admin/kuesioner/${v.template.key}`}>← {pick(v.template.name, v.template.nameEn)}</TextLink>
      </p>
      <div>
        <h1 className="text-2xl font-bold break-words">{t("previewTitle", { name: pick(v.template.name, v.template.nameEn) })}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <span>{t("previewVersion", { version: v.version })}</span>
          {!v.published && <Badge tone="warning">{t("previewDraft")}</Badge>}
        </p>
        <p className="text-sm text-slate-700">{t("previewIntro")}</p>
      </div>
      <nav aria-label={t("previewLanguage")} className="flex gap-3 text-sm">
        {([["id", inId], ["en", inEn]] as const).map(([l, say]) => (
          <TextLink key={l} href={here(l)} aria-current={l === locale ? "page" : undefined} weight={l === locale ? "medium" : undefined} lang={l}>
            {say("switchTo")}
          </TextLink>
        ))}
      </nav>
      {/* A phone's width (360 CSS px, the most common Android viewport in Indonesia). */}
      <div className="mx-auto w-[360px] max-w-full overflow-hidden rounded-[2rem] border-8 border-slate-800 bg-white shadow-lg" data-testid="preview-phone" lang={locale}>
        <div className="h-[640px] overflow-y-auto px-4 py-5">
          <p className="text-sm font-semibold text-brand-700">{text.survey.title}</p>
          <h2 className="text-xl font-bold leading-tight">{framed("previewUnit")}</h2>
          <p className="mt-3 text-slate-700">{text.survey.intro}</p>
          <SurveyForm
            preview
            text={text}
            unitCode="PRATINJAU"
            services={[]}
            items={v.items.map((i) => ({
              ...i,
              options: i.options,
              label: { unsur: pick(i.unsur, i.unsurEn), question: pick(i.question, i.questionEn), options: i.options.map((o) => pick(o.label, o.labelEn)) },
            }))}
            asksHarapan={v.asksHarapan}
            scale={{ min: v.scaleMin, max: v.scaleMax }}
            idempotencyKey="00000000-0000-4000-8000-000000000000"
          />
        </div>
      </div>
    </main>
  );
}
