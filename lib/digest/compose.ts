import { createTranslator } from "next-intl";
import { createFormat, INTL_TAG, parseLocale, type Locale } from "@/lib/i18n";
import { MESSAGES } from "@/lib/i18n/messages";
import { renderMail, type TMailBody, type TMailItem, type TPart } from "@/lib/mail/messages";
import type { TPeriod } from "@/lib/periods";
import type { TPlanState } from "@/lib/dal/follow-up/overview";

// The reminder digests' text, from figures the data layer read: pure (no database, no
// clock of its own), in the recipient's language, links absolute from the public base URL.

export type TDigestAction = { action: string; unitCode: string; dueDate: string; progress: number; overdue: boolean; planKey: string };

export type TWeeklyUnit = {
  code: string;
  name: string;
  newFeedback: number;
  open: number;
  overdue: number;
  oldestOpenDays: number | null;
  /** Actions of approved plans below 100 %: overdue, or due within the next 14 days. */
  actions: TDigestAction[];
};

export type TWeeklyDigest = {
  locale: string | null | undefined;
  name: string;
  timeZone: string;
  /** The week reported: [from, to). */
  from: Date;
  to: Date;
  targetDays: number;
  origin: string;
  units: TWeeklyUnit[];
};

export type TMonthlyUnit = { code: string; name: string; plan: TPlanState; realisation: number | null; overdueFeedback: number };

export type TMonthlyDigest = {
  locale: string | null | undefined;
  name: string;
  timeZone: string;
  /** The month reported (its first day, local) and the plan period the figures are for. */
  month: Date;
  period: TPeriod;
  origin: string;
  units: TMonthlyUnit[];
  needsAttention: number;
};

/** At most this many actions are listed per unit; the plan page has the rest. */
export const ACTIONS_LISTED = 10;

/** Whether a weekly digest has anything to say (else it is skipped). */
export function weeklyHasNews(units: readonly TWeeklyUnit[]): boolean {
  return units.some((u) => u.newFeedback > 0 || u.open > 0 || u.actions.length > 0);
}

/** Whether a monthly digest has anything to say: units to report on at all. */
export function monthlyHasNews(d: Pick<TMonthlyDigest, "units">): boolean {
  return d.units.length > 0;
}

function tools(raw: string | null | undefined, timeZone: string) {
  const locale: Locale = parseLocale(raw);
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "email.digest" });
  const periods = createTranslator({ locale, messages: MESSAGES[locale], namespace: "periods" });
  const plan = createTranslator({ locale, messages: MESSAGES[locale], namespace: "followUp" });
  const f = createFormat(locale, timeZone, (key, values) => periods(key, values));
  return { locale, t, plan, f };
}

const dayBefore = (d: Date) => new Date(d.getTime() - 86_400_000);

export function composeWeeklyDigest(d: TWeeklyDigest): TMailBody {
  const { t, f } = tools(d.locale, d.timeZone);
  // The due date is a calendar date: format it at noon UTC so no zone moves it a day.
  const dateOf = (day: string) => f.date(new Date(`${day}T12:00:00Z`));
  const week = t("weekly.week", { from: f.date(d.from), to: f.date(dayBefore(d.to)) });
  const parts: TPart[] = [{ kind: "p", text: t("greeting", { name: d.name }) }, { kind: "p", text: t("weekly.intro", { week }) }];
  for (const u of d.units) {
    parts.push({ kind: "h", text: `${u.name} (${u.code})` });
    const inbox = `${d.origin}/dasbor/unit/${u.code}/saran`;
    const items: TMailItem[] = [
      { text: t("weekly.newFeedback", { count: u.newFeedback }) },
      {
        text:
          u.open === 0
            ? t("weekly.noneOpen")
            : t("weekly.open", { count: u.open, oldest: u.oldestOpenDays ?? 0 }),
        url: u.open > 0 ? inbox : undefined,
      },
    ];
    if (u.overdue > 0) items.push({ text: t("weekly.overdue", { count: u.overdue, target: d.targetDays }), url: `${inbox}?usia=terlambat` });
    parts.push({ kind: "list", items });
    const late = u.actions.filter((a) => a.overdue);
    const soon = u.actions.filter((a) => !a.overdue);
    if (u.actions.length === 0) {
      parts.push({ kind: "p", text: t("weekly.noActions") });
      continue;
    }
    parts.push({ kind: "p", text: t("weekly.actions", { late: late.length, soon: soon.length }) });
    parts.push({
      kind: "list",
      items: [...late, ...soon].slice(0, ACTIONS_LISTED).map((a) => ({
        text: t(a.overdue ? "weekly.actionLate" : "weekly.actionSoon", { action: a.action, due: dateOf(a.dueDate), progress: a.progress }),
        url: `${d.origin}/dasbor/unit/${a.unitCode}/rtl/${a.planKey}`,
      })),
    });
    if (u.actions.length > ACTIONS_LISTED) parts.push({ kind: "p", text: t("more", { count: u.actions.length - ACTIONS_LISTED }) });
  }
  parts.push({ kind: "p", text: t("why") });
  return renderMail(t("weekly.subject", { week }), parts);
}

export function composeMonthlyDigest(d: TMonthlyDigest): TMailBody {
  const { t, f, plan } = tools(d.locale, d.timeZone);
  const month = new Intl.DateTimeFormat(INTL_TAG[f.locale], { month: "long", year: "numeric", timeZone: d.timeZone }).format(d.month);
  const period = f.period(d.period);
  const parts: TPart[] = [
    { kind: "p", text: t("greeting", { name: d.name }) },
    { kind: "p", text: t("monthly.intro", { month, period }) },
    {
      kind: "list",
      items: d.units.map((u) => ({
        text: t("monthly.unit", {
          unit: u.name,
          plan: plan(`plan_${u.plan}`),
          realisation: u.realisation === null ? "–" : `${f.integer(Math.round(u.realisation))} %`,
          overdue: u.overdueFeedback,
        }),
      })),
    },
    { kind: "p", text: t("monthly.attention", { count: d.needsAttention }) },
    { kind: "list", items: [{ text: t("monthly.dashboard"), url: `${d.origin}/dasbor/instansi` }] },
    { kind: "p", text: t("why") },
  ];
  return renderMail(t("monthly.subject", { month }), parts);
}
