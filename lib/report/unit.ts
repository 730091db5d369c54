import "server-only";
import { createTranslator } from "next-intl";
import { getUnitDashboard } from "@/lib/dal/dashboard";
import { agencyClock, agencyLogo, agencySettings } from "@/lib/dal/settings";
import type { Locale } from "@/lib/i18n/config";
import { createFormat, type TPeriodText } from "@/lib/i18n/format";
import { MESSAGES } from "@/lib/i18n/messages";
import { periodKey } from "@/lib/periods";
import type { TCaller } from "@/lib/permissions";
import { renderUnitReport, type TText } from "@/lib/report/unit-pdf";
import { imageType } from "@/lib/validation/settings";
import { parseDashboardQuery, type TSearchParams } from "@/lib/validation/dashboard";

// The SKM report of a unit dashboard's view (same query string as the page):
// the dashboard's own data (dashboard.read on the unit, checked by
// getUnitDashboard), the agency's name and logo, laid out by lib/report/unit-pdf.ts.

export type TUnitReport = { fileName: string; bytes: Uint8Array };
export type TUnitReportOutcome = { ok: true; report: TUnitReport } | { ok: false; status: 400 | 404; message: string };

export async function unitReportPdf(caller: TCaller | null, code: string, params: TSearchParams, locale: Locale, now = new Date()): Promise<TUnitReportOutcome> {
  const messages = MESSAGES[locale];
  const t = createTranslator({ locale, messages, namespace: "report" }) as unknown as TText;
  const clock = await agencyClock();
  // A file must not quietly hold another view than the one asked for.
  const { query, ignored } = parseDashboardQuery(params, clock, now);
  if (ignored.length > 0) return { ok: false, status: 400, message: t("badQuery", { names: ignored.join(", ") }) };
  const d = await getUnitDashboard(caller, code, query);
  if (!d) return { ok: false, status: 404, message: t("notFound") };
  const [settings, logo] = await Promise.all([agencySettings(), agencyLogo()]);
  const periods = createTranslator({ locale, messages, namespace: "periods" }) as unknown as TPeriodText;
  const f = createFormat(locale, clock.timeZone, periods);
  const bytes = await renderUnitReport({
    d,
    period: query.period,
    agencyName: settings.name ?? d.unit.name,
    logo: logo && imageType(logo.bytes) ? logo.bytes : null,
    generatedAt: now,
    f,
    t,
    labels: createTranslator({ locale, messages, namespace: "labels" }) as unknown as TText,
    dash: createTranslator({ locale, messages, namespace: "dashboard" }) as unknown as TText,
  });
  return { ok: true, report: { fileName: t("fileName", { unit: d.unit.code, period: periodKey(query.period) }), bytes } };
}
