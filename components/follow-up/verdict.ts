import type { getTranslations } from "next-intl/server";
import type { NrrComparison } from "@/lib/ikm";

type T = Awaited<ReturnType<typeof getTranslations<"followUp">>>;

/** "naik, signifikan" / "naik, masih dalam derau sampel" / "belum terlihat", from the messages. */
export function verdictOf(t: T, c: NrrComparison | null): { text: string; tone: "success" | "danger" | "neutral" } {
  if (!c || !c.direction) return { text: t("notYet"), tone: "neutral" };
  if (c.significant && c.direction === "naik") return { text: t("up"), tone: "success" };
  if (c.significant && c.direction === "turun") return { text: t("down"), tone: "danger" };
  return { text: t("noise", { direction: t(`dir_${c.direction}`) }), tone: "neutral" };
}
