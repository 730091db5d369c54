import { getTranslations } from "next-intl/server";
import { DeleteSheetButton } from "@/components/paper/delete-sheet-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ScrollArea, Table } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { TPaperRow } from "@/lib/dal/paper-list";
import { getFormat } from "@/lib/i18n/server";
import type { TPeriod } from "@/lib/periods";

/** The unit's paper sheets of a period, a repeated number flagged, each to correct or delete. */
export async function PaperSheetList({ unitCode, period, rows, itemCodes }: { unitCode: string; period: TPeriod; rows: TPaperRow[]; itemCodes: string[] }) {
  const [t, f] = await Promise.all([getTranslations("paper"), getFormat()]);
  return (
    <Card data-testid="paper-list">
      <h2 className="text-lg font-semibold">{t("listTitle", { period: f.period(period) })}</h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("listEmpty")}</p>
      ) : (
        <ScrollArea label={t("listLabel")} className="mt-2">
          <Table>
            <thead>
              <tr>
                <th scope="col">{t("colDate")}</th>
                <th scope="col">{t("colNumber")}</th>
                <th scope="col">{t("colService")}</th>
                <th scope="col">{t("colAnswers")}</th>
                <th scope="col">{t("colEnteredBy")}</th>
                <th scope="col">{t("colActions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="paper-row">
                  <td>{f.date(new Date(`${r.date}T12:00:00Z`))}</td>
                  <td>
                    {r.sheetNumber ?? "–"}
                    {r.repeated && (
                      <Badge tone="warning" className="ml-2" data-testid="paper-repeated">
                        {t("repeated")}
                      </Badge>
                    )}
                  </td>
                  <td>{r.service ?? "–"}</td>
                  <td className="font-mono">{itemCodes.map((c) => r.answers[c] ?? "·").join(" ")}</td>
                  <td>{r.enteredBy ?? "–"}</td>
                  <td>
                    <div className="flex flex-wrap gap-2">
                      <TextLink size="sm" href={`/dasbor/unit/${unitCode}/kertas/${r.id}`} aria-label={t("correctNamed", { number: r.sheetNumber ?? "–" })}>
                        {t("correct")}
                      </TextLink>
                      <DeleteSheetButton responseId={r.id} label={r.sheetNumber ?? "–"} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </ScrollArea>
      )}
    </Card>
  );
}
