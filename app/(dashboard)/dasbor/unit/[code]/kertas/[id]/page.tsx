import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PaperSheetForm } from "@/components/paper/paper-sheet-form";
import { TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { getPaperSheet } from "@/lib/dal/paper";
import { getPaperScreen } from "@/lib/dal/paper-list";
import { PROFILE_KEYS } from "@/lib/validation/paper-keys";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("paperEntry") };
}

/** The key an operator types for a stored profile value (education "SMA" -> "3"). */
const keyOf = (field: keyof typeof PROFILE_KEYS, value: string | null) =>
  value ? (Object.entries(PROFILE_KEYS[field]).find(([, v]) => v === value)?.[0] ?? "") : "";

export default async function PaperCorrectionPage(props: PageProps<"/dasbor/unit/[code]/kertas/[id]">) {
  const { code, id } = await props.params;
  const caller = await requireCaller(`/dasbor/unit/${code}/kertas/${id}`);
  const [screen, sheet, t] = await Promise.all([getPaperScreen(caller, code), getPaperSheet(caller, code, id), getTranslations("paper")]);
  if (!screen || !sheet) notFound();
  const initial: Record<string, string> = {
    date: sheet.date,
    sheetNumber: sheet.sheetNumber ?? "",
    service: sheet.serviceCode ?? "",
    gender: sheet.gender ?? "",
    age: sheet.age == null ? "" : String(sheet.age),
    education: keyOf("education", sheet.education),
    occupation: keyOf("occupation", sheet.occupation),
    saran: sheet.saran ?? "",
    ...Object.fromEntries(Object.entries(sheet.answers).map(([c, s]) => [`a_${c}`, String(s)])),
  };
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-bold">{t("correctTitle", { name: screen.unit.name })}</h1>
      <p>
        <TextLink href={`/dasbor/unit/${screen.unit.code}/kertas`} size="sm">
          {t("backToList")}
        </TextLink>
      </p>
      <PaperSheetForm
        mode="correct"
        unitCode={screen.unit.code}
        items={screen.items.map((i) => ({ code: i.code, unsur: i.unsur }))}
        scale={screen.scale}
        services={screen.services}
        initial={initial}
        responseId={sheet.id}
      />
    </main>
  );
}
