import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { LocaleSwitch } from "@/components/locale/locale-switch";
import { SetupForm } from "@/components/setup/setup-form";
import { setupOpen } from "@/lib/dal/setup";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("setup") };
}

/** A new agency's first run: open while no admin exists and a setup code waits (printed by `npm start`); then gone. */
export default async function SetupPage() {
  await connection();
  if (!(await setupOpen())) notFound();
  const t = await getTranslations("setup");
  return (
    <main className="mx-auto max-w-lg px-4 py-12">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <LocaleSwitch returnTo="/pasang" />
      </div>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <SetupForm />
    </main>
  );
}
