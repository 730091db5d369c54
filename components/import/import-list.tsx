import { getTranslations } from "next-intl/server";
import { UndoImportButton } from "@/components/import/undo-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ScrollArea, Table } from "@/components/ui/table";
import type { TImportBatchRow } from "@/lib/dal/import";
import { getFormat } from "@/lib/i18n/server";

/** The unit's imports, newest first: what each brought, by whom, and an undo for those in effect. */
export async function ImportList({ rows }: { rows: TImportBatchRow[] }) {
  const [t, ti, f] = await Promise.all([getTranslations("import.screen"), getTranslations("import"), getFormat()]);
  return (
    <Card data-testid="import-list">
      <h2 className="text-lg font-semibold">{t("listTitle")}</h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("listEmpty")}</p>
      ) : (
        <ScrollArea label={t("listLabel")} className="mt-2">
          <Table>
            <thead>
              <tr>
                <th scope="col">{t("colFile")}</th>
                <th scope="col">{t("colSource")}</th>
                <th scope="col">{t("colService")}</th>
                <th scope="col">{t("colRange")}</th>
                <th scope="col">{t("colRows")}</th>
                <th scope="col">{t("colBy")}</th>
                <th scope="col">{t("colStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="import-row">
                  <td className="max-w-56 break-words">{r.fileName}</td>
                  <td>{ti.has(`source.${r.sourceKind}` as "source.form") ? ti(`source.${r.sourceKind}` as "source.form") : r.sourceKind}</td>
                  <td>{r.service ? r.service.name : r.serviceColumn ? `${t("byFile")}: ${r.serviceColumn}` : "–"}</td>
                  <td className="whitespace-nowrap">{r.firstAt && r.lastAt ? `${f.date(r.firstAt)} – ${f.date(r.lastAt)}` : "–"}</td>
                  <td data-testid="import-row-rows">{t("rowsCell", { inserted: f.integer(r.inserted), already: f.integer(r.alreadyImported) })}</td>
                  <td>
                    {r.createdBy ?? "–"}
                    <br />
                    <span className="text-sm text-slate-700">{f.dateTime(r.createdAt)}</span>
                  </td>
                  <td data-testid="import-row-status">
                    {r.undoneAt ? (
                      <Badge tone="neutral">{t("undoneStatus", { date: f.dateTime(r.undoneAt), name: r.undoneBy ?? "–" })}</Badge>
                    ) : (
                      <div className="space-y-2">
                        <Badge tone="success">{t("active")}</Badge>
                        <UndoImportButton batchId={r.id} fileName={r.fileName} count={r.inserted} />
                      </div>
                    )}
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
