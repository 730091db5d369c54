import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/import/import-form";
import { ImportList } from "@/components/import/import-list";
import { requireCaller } from "@/lib/auth/page";
import { listImports } from "@/lib/dal/import";
import { getPaperScreen } from "@/lib/dal/paper-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("import") };
}

/** Import of tabulations and online-form exports into the unit, by its operators and admins. */
export default async function ImportPage(props: PageProps<"/dasbor/unit/[code]/impor">) {
  const { code } = await props.params;
  const caller = await requireCaller(`/dasbor/unit/${code}/impor`);
  // The same "operate" screen data as paper entry: the unit, its questionnaire's unsur and services.
  const [screen, imports, t] = await Promise.all([getPaperScreen(caller, code), listImports(caller, code), getTranslations("import.screen")]);
  if (!screen || !imports) notFound();
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title", { name: screen.unit.name })}</h1>
      <p className="max-w-prose text-sm text-slate-700">{t("intro")}</p>
      <ImportForm
        unitCode={screen.unit.code}
        services={screen.services.map((s) => ({ code: s.code, name: s.name }))}
        items={screen.items.map((i) => ({ code: i.code, unsur: i.unsur }))}
        dashboardHref={`/dasbor/unit/${screen.unit.code}`}
      />
      <ImportList rows={imports} />
    </main>
  );
}
