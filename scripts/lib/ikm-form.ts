// The `ikm` command on an online-form export (Google Forms, Microsoft Forms, KoboToolbox):
// the same read, mapping and preview as the import (lib/import), so the figures are the
// import preview's. Refusals are printed in Indonesian from the import messages.
import { createTranslator } from "next-intl";
import type { IkmTemplate } from "../../lib/ikm";
import id from "../../lib/i18n/messages/id.json";
import { previewTable, type FileImport, type ImportTable, type Refusal } from "../../lib/import";

const t = createTranslator({ locale: "id", messages: id, namespace: "import" });

/** One Indonesian sentence per refusal. */
export function refusalText(refusal: Refusal): string {
  return t(`refusal.${refusal.key}`, refusal.params as Record<string, string | number>);
}

export function previewForm(table: ImportTable, template: IkmTemplate, timeZone: string): FileImport {
  return previewTable(table, { template, timeZone, locale: "id" });
}

/** Notices worth a line on stderr (the date order that had to be assumed). */
export function formNotices(result: FileImport): string[] {
  const order = result.preview.dateOrder;
  return order?.ambiguous ? [t("notice.ambiguousDateOrder", { order: order.order })] : [];
}

/** Extra fields of the JSON report for a form export. */
export function formJson(result: FileImport) {
  const { mapping, preview, source } = result;
  const header = result.table.header;
  return {
    source,
    mapping: {
      items: Object.fromEntries(Object.entries(mapping.items).map(([code, column]) => [code, column === null ? null : header[column]])),
      ...Object.fromEntries(
        Object.entries(mapping.roles)
          .filter(([, column]) => column !== null)
          .map(([role, column]) => [role, header[column as number]]),
      ),
    },
    unmatchedColumns: mapping.unmatched.map((c) => c.header),
    rowsRead: preview.rowsRead,
    dateOrder: preview.dateOrder,
  };
}
