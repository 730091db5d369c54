import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { LogoForm, SettingsForm } from "@/components/settings/settings-form";
import { requireCaller } from "@/lib/auth/page";
import { agencySettingsForm, logoUrl } from "@/lib/dal/settings";
import { pickLocalized } from "@/lib/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("settings") };
}

/** The agency's own settings: for an admin of its root unit only (the data layer decides). */
export default async function AgencySettingsPage() {
  const caller = await requireCaller("/admin/instansi");
  const form = await agencySettingsForm(caller);
  if (!form) notFound();
  const [t, locale] = await Promise.all([getTranslations("settings"), getLocale()]);
  const { settings } = form;
  return (
    <main className="grid max-w-2xl gap-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      <SettingsForm
        name={settings.name ?? ""}
        nameSet={settings.nameSet}
        rootName={form.rootName}
        timeZone={settings.timeZone}
        rhythm={settings.rhythm}
        feedbackTargetDays={settings.feedbackTargetDays}
        defaultTemplateKey={form.defaultTemplateKey}
        templates={form.templates.map((tpl) => ({ key: tpl.key, name: pickLocalized(locale, tpl.name, tpl.nameEn) }))}
      />
      <section aria-labelledby="logo-title" className="grid gap-2">
        <h2 id="logo-title" className="text-lg font-semibold">
          {t("logo")}
        </h2>
        <LogoForm logoUrl={logoUrl(settings)} agencyName={settings.name ?? form.rootName} />
      </section>
    </main>
  );
}
