import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PaperSheetForm } from "@/components/paper/paper-sheet-form";
import { PaperSheetList } from "@/components/paper/sheet-list";
import { requireCaller } from "@/lib/auth/page";
import { getPaperScreen, listPaperSheets } from "@/lib/dal/paper-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("paperEntry") };
}

export default async function PaperEntryPage(props: PageProps<"/dasbor/unit/[code]/kertas">) {
  const { code } = await props.params;
  const { periode } = await props.searchParams;
  const caller = await requireCaller(`/dasbor/unit/${code}/kertas`);
  const [screen, sheets, t] = await Promise.all([
    getPaperScreen(caller, code),
    listPaperSheets(caller, code, typeof periode === "string" ? periode : undefined),
    getTranslations("paper"),
  ]);
  if (!screen || !sheets) notFound();
  const initial = { date: screen.today, service: screen.services.length === 1 ? screen.services[0]!.code : "" };
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title", { name: screen.unit.name })}</h1>
      <p className="max-w-prose text-sm text-slate-700">{t("intro")}</p>
      <PaperSheetForm
        mode="enter"
        unitCode={screen.unit.code}
        items={screen.items.map((i) => ({ code: i.code, unsur: i.unsur }))}
        scale={screen.scale}
        services={screen.services}
        initial={initial}
        nonce={randomUUID()}
      />
      <PaperSheetList unitCode={screen.unit.code} period={sheets.period} rows={sheets.rows} itemCodes={screen.items.map((i) => i.code)} />
    </main>
  );
}
