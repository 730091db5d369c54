import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PopulationCsvForm, PopulationGrid } from "@/components/periods/population-grid";
import { TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { populationGrid } from "@/lib/dal/periods";
import { getFormat } from "@/lib/i18n/server";
import { periodKey } from "@/lib/periods";
import { periodKeyInput } from "@/lib/validation/periods";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("periods") };
}

/** People served per unit in the period: typed in a grid, or uploaded as CSV. */
export default async function PopulationPage(props: PageProps<"/admin/periode/[periode]/populasi">) {
  const { periode } = await props.params;
  const caller = await requireCaller(`/admin/periode/${periode}/populasi`);
  const parsed = periodKeyInput.safeParse(periode);
  if (!parsed.success) notFound();
  const rows = await populationGrid(caller, parsed.data);
  if (!rows) notFound();
  const [t, f] = await Promise.all([getTranslations("periodAdmin"), getFormat()]);
  const key = periodKey(parsed.data);
  return (
    <main className="grid max-w-4xl gap-4">
      <p className="text-sm">
        <TextLink href="/admin/periode">← {t("back")}</TextLink>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{t("populationTitle", { period: f.period(parsed.data) })}</h1>
        <p className="text-sm text-slate-700">{t("populationIntro")}</p>
      </div>
      <PopulationGrid periodKey={key} rows={rows.map(({ code, name, depth, active, population }) => ({ code, name, depth, active, population }))} />
      <section aria-labelledby="csv-title" className="grid gap-2">
        <h2 id="csv-title" className="text-lg font-semibold">
          {t("csvTitle")}
        </h2>
        <PopulationCsvForm periodKey={key} />
      </section>
    </main>
  );
}
