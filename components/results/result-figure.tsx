import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { TFormat } from "@/lib/i18n";
import type { TPublicRow } from "@/lib/public-results/rows";

const TONE = { A: "success", B: "info", C: "warning", D: "danger" } as const;

/** A published figure as the regulation states it: konversi, mutu and kinerja, and what it counted. */
export async function ResultFigure({ row, f, large = false }: { row: TPublicRow; f: TFormat; large?: boolean }) {
  const t = await getTranslations("results");
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2 gap-y-1">
      <span className={large ? "text-3xl font-bold" : "font-semibold tabular-nums"} data-testid="result-konversi">
        {f.decimal(row.konversi, 2)}
      </span>
      <Badge tone={TONE[row.mutu]} data-testid="result-mutu">
        {t("mutuKinerja", { mutu: row.mutu, kinerja: f.pick(row.kinerja, row.kinerjaEn) })}
      </Badge>
      {row.scope === "gabungan" && <span className="text-xs text-slate-600">{t("pooled")}</span>}
      {row.belowMinimum && <span className="text-xs text-amber-900">{t("belowMinimum")}</span>}
    </span>
  );
}
