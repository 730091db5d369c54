import "server-only";
import { getTranslations } from "next-intl/server";
import { getCaller } from "@/lib/auth/session";
import { agencyClock } from "@/lib/dal/settings";
import { openTabulationExport } from "@/lib/dal/tabulation";
import { exportLabels } from "@/lib/export/csv";
import { tabulationCsvStream, tabulationXlsxStream, type TCsvDialect, type TTabulationInput, type TTabulationLabels } from "@/lib/export/tabulation";
import { getFormat } from "@/lib/i18n/server";
import { periodKey } from "@/lib/periods";
import { parseDashboardQuery, searchParamsOf } from "@/lib/validation/dashboard";

// The tabulation downloads of a unit dashboard's view (route handlers tabulasi.xlsx and
// tabulasi.csv): the page's query string, plus `pemisah` for the CSV.

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
const DIALECTS: Record<string, TCsvDialect> = { "titik-koma": { sep: ";", locale: "id" }, koma: { sep: ",", locale: "en" } };

export async function tabulationDownload(params: URLSearchParams, code: string, format: "xlsx" | "csv"): Promise<Response> {
  const [t, te, f, clock] = await Promise.all([getTranslations("tabulationExport"), getTranslations("responsesExport"), getFormat(), agencyClock()]);
  const rest = new URLSearchParams(params);
  const separator = rest.get("pemisah");
  rest.delete("pemisah");
  const dialect = format === "csv" ? DIALECTS[separator ?? "titik-koma"] : undefined;
  if (format === "csv" && !dialect) return text(t("badSeparator"), 400);
  if (format === "xlsx" && separator !== null) return text(te("badQuery", { names: "pemisah" }), 400);
  const { query, ignored } = parseDashboardQuery(searchParamsOf(rest), clock);
  if (ignored.length > 0) return text(te("badQuery", { names: ignored.join(", ") }), 400);
  const exp = await openTabulationExport(await getCaller(), code, query);
  if (!exp) return text(te("notFound"), 404);
  if (!exp.family) return text(t("noQuestionnaire"), 404);

  const template = exp.family.template;
  const period = periodKey(exp.period);
  const labels: TTabulationLabels = {
    processingSheet: t("processingSheet"), rawSheet: t("rawSheet"), profileSheet: t("profileSheet"),
    title: t("title", { unit: exp.unit.name, code: exp.unit.code, period, template: f.pick(template.name, template.nameEn) }),
    number: t("number"), sum: t("sum"), answered: t("answered"), nrr: t("nrr"), weighted: t("weighted"), ikm: t("ikm"),
    konversi: t("konversi"), mutu: t("mutu"), kinerja: t("kinerja"), category: t("category"), value: t("value"), count: t("count"),
    notGiven: t("notGiven"), gender: t("gender"), ageBand: t("ageBand"), education: t("education"), occupation: t("occupation"),
    service: t("service"), channel: t("channel"),
    export: exportLabels(te, f.pick, exp.timeZone),
  };
  const input: TTabulationInput = { template, familyVersions: exp.familyVersions, versions: exp.versions, timeZone: exp.timeZone, labels, pick: f.pick, batches: () => exp.batches() };
  const name = t("fileName", { unit: exp.unit.code, period });
  const headers = { "Content-Disposition": `attachment; filename="${name}.${format}"`, "Cache-Control": "private, no-store" };
  return format === "xlsx"
    ? new Response(tabulationXlsxStream(input), { headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } })
    : new Response(tabulationCsvStream(input, dialect!), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
}
