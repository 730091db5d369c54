import "server-only";
import { createTranslator } from "next-intl";
import { getAgencyDashboard, getUnitDashboard } from "@/lib/dal/dashboard";
import { listPlans, readPlan } from "@/lib/dal/plans";
import { agencyClock, agencyLogo, agencySettings } from "@/lib/dal/settings";
import { getUnitHead } from "@/lib/dal/units";
import type { Locale } from "@/lib/i18n/config";
import { createFormat, type TPeriodText } from "@/lib/i18n/format";
import { MESSAGES } from "@/lib/i18n/messages";
import { periodKey, previousPeriod, type TPeriod } from "@/lib/periods";
import type { TCaller } from "@/lib/permissions";
import type { TReportChild, TReportPlans } from "@/lib/report/input";
import { renderUnitReport, type TText } from "@/lib/report/unit-pdf";
import { imageType } from "@/lib/validation/settings";
import { parseDashboardQuery, type TDashboardQuery, type TSearchParams } from "@/lib/validation/dashboard";

// The SKM report of a unit dashboard's view (same query string as the page):
// the dashboard's own data (dashboard.read on the unit, checked by
// getUnitDashboard), the agency's name and logo, the unit head who signs, the
// child units of a pooled view (the agency dashboard's rows), the period's
// follow-up plans (the plans DAL, same caller), laid out by lib/report/unit-pdf.ts.

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
  const periods = createTranslator({ locale, messages, namespace: "periods" }) as unknown as TPeriodText;
  const f = createFormat(locale, clock.timeZone, periods);
  const pooled = d.scope === "gabungan" && d.unit.hasChildren;
  const [settings, logo, head, children, plans] = await Promise.all([
    agencySettings(),
    agencyLogo(),
    getUnitHead(caller, d.unit.code),
    pooled ? childRows(caller, d.unit.code, query) : null,
    followUp(caller, d.unit.code, query.period, f.pick),
  ]);
  const bytes = await renderUnitReport({
    d,
    period: query.period,
    agencyName: settings.name ?? d.unit.name,
    logo: logo && imageType(logo.bytes) ? logo.bytes : null,
    generatedAt: now,
    f,
    head: head ?? { name: null, title: null, nip: null },
    children,
    plans,
    t,
    labels: createTranslator({ locale, messages, namespace: "labels" }) as unknown as TText,
    dash: createTranslator({ locale, messages, namespace: "dashboard" }) as unknown as TText,
    plan: createTranslator({ locale, messages, namespace: "plan" }) as unknown as TText,
  });
  return { ok: true, report: { fileName: t("fileName", { unit: d.unit.code, period: periodKey(query.period) }), bytes } };
}

/** The child units of a pooled view with the same filters, as the agency dashboard lists them one level down. */
async function childRows(caller: TCaller | null, code: string, query: TDashboardQuery): Promise<TReportChild[] | null> {
  const agency = await getAgencyDashboard(caller, { ...query, unit: code, tingkat: "anak" });
  return agency ? agency.rows.map(({ code, name, scope, score }) => ({ code, name, scope, score })) : null;
}

/** The period's RTL (its actions with the unsur they address) and the previous period's realisation. */
async function followUp(caller: TCaller | null, code: string, period: TPeriod, pick: (id: string, en: string | null | undefined) => string): Promise<TReportPlans> {
  const previous = previousPeriod(period);
  const [view, list] = await Promise.all([readPlan(caller, code, periodKey(period)), listPlans(caller, code)]);
  const unsur = new Map((view?.basis.items ?? []).map((i) => [i.code, pick(i.name, i.nameEn)]));
  const earlier = list?.rows.find((r) => r.key === periodKey(previous))?.plan ?? null;
  return {
    current: view?.plan
      ? {
          status: view.plan.status,
          approvedAt: view.plan.approvedAt,
          actions: view.plan.actions.map((a) => ({ unsurCode: a.unsurCode, unsurName: unsur.get(a.unsurCode) ?? "", action: a.action, owner: a.owner, dueDate: a.dueDate, progress: a.progress })),
        }
      : null,
    previous: { period: previous, plan: earlier && { actions: earlier.actions, realisationPct: earlier.realisationPct } },
  };
}
