import { getTranslations } from "next-intl/server";
import { ImportanceChart, NrrChart, TrendChart, type TTrendDatum } from "@/components/dashboard/charts";
import { MutuBadge } from "@/components/dashboard/mutu-badge";
import { PlanMark, type TPlanMark } from "@/components/follow-up/plan-mark";
import { konversiBands, mutuOfNrr, nrrBands, nrrBars, PRIORITY_COUNT } from "@/components/dashboard/view";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { ScrollArea, Table } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { TTrendPoint, TUnitDashboard } from "@/lib/dal/dashboard";
import { fromFirstData } from "@/lib/dashboard/trend";
import { getFormat } from "@/lib/i18n/server";
import { toKonversi, type IkmResult, type IkmTemplate, type ImportanceResult } from "@/lib/ikm";
import { periodKey } from "@/lib/periods";

/** NRR per unsur: the bars and the table a report prints, weakest first, priorities marked. */
export async function NrrSection({ result, template, marks }: { result: IkmResult; template: IkmTemplate; marks?: Record<string, TPlanMark> }) {
  const [t, f] = await Promise.all([getTranslations("dashboard"), getFormat()]);
  const ranked = [...result.items].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
  return (
    <Card data-testid="nrr" keepTogether={false}>
      <CardTitle id="nrr-title">{t("nrrTitle")}</CardTitle>
      <div className="mt-2 break-inside-avoid">
        <NrrChart data={nrrBars(result, template, f)} bands={nrrBands(template, f)} scale={template.scale} name={{ title: t("nrrTitle"), tableId: "nrr-table" }} />
      </div>
      <ScrollArea label={t("nrrTitle")} className="mt-2">
        <Table id="nrr-table" aria-labelledby="nrr-title" data-testid="nrr-table">
          <thead>
            <tr>
              <th>{t("rank")}</th>
              <th>{t("unsur")}</th>
              <th className="num">{t("nrr")}</th>
              <th className="num">{t("weighted")}</th>
              <th>{t("mutu")}</th>
              <th className="num">{t("answered")}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((i) => {
              const priority = i.rank !== null && i.rank <= PRIORITY_COUNT;
              return (
                <tr key={i.code} data-testid={`nrr-${i.code}`} className={priority ? "bg-amber-50" : undefined}>
                  <td>{i.rank ?? "–"}</td>
                  <td>
                    <span className="font-medium">{i.code}</span> {f.pick(i.name, i.nameEn)}
                    {priority && (
                      <Badge tone="warning" className="ml-2" data-testid="priority">
                        {t("priority")}
                      </Badge>
                    )}
                    {marks && <PlanMark marks={marks} code={i.code} />}
                  </td>
                  <td className="num" data-testid="nrr-value">{f.nrr(i.nrr)}</td>
                  <td className="num">{f.decimal(i.weightedNrr, 3)}</td>
                  <td><MutuBadge mutu={mutuOfNrr(i.nrr, template)} size="sm" /></td>
                  <td className="num">{f.integer(i.answered)}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </ScrollArea>
    </Card>
  );
}

/** IKM over the last periods, optionally with one unsur; the figures (interval included) in a table below. */
export async function TrendSection({ trend: all, template, unsur, id = "trend" }: { trend: TTrendPoint[]; template: IkmTemplate; unsur?: string; id?: string }) {
  const [t, f] = await Promise.all([getTranslations("dashboard"), getFormat()]);
  const trend = fromFirstData(all);
  const item = unsur ? template.items.find((i) => i.code === unsur) : undefined;
  const data: TTrendDatum[] = trend.map((p) => {
    const nrr = item ? (p.nrr[item.code] ?? null) : null;
    return {
      label: `${f.period(p.period, true)}${p.partial ? "*" : ""}`,
      konversi: p.konversi,
      ci: p.lower !== null && p.upper !== null ? [p.lower, p.upper] : null,
      unsur: nrr === null ? null : toKonversi(nrr, template),
      respondents: p.respondents,
    };
  });
  const itemLabel = item ? t("trendUnsurLabel", { code: item.code, name: f.pick(item.name, item.nameEn) }) : undefined;
  const tableId = `${id}-table`;
  return (
    <Card data-testid="trend" keepTogether={false}>
      <CardTitle id={`${id}-title`}>{t("trendTitle")}</CardTitle>
      <div className="mt-2 break-inside-avoid">
        <TrendChart data={data} bands={konversiBands(template, f)} ikmLabel={t("konversi")} ciLabel={t("ci")} unsurLabel={itemLabel} name={{ title: t("trendTitle"), tableId }} />
      </div>
      <ScrollArea label={t("trendTitle")} className="mt-2 max-h-72 print:max-h-none print:overflow-visible">
        <Table id={tableId} aria-labelledby={`${id}-title`} data-testid="trend-table">
          <thead>
            <tr>
              <th>{t("period")}</th>
              <th className="num">{t("konversi")}</th>
              <th className="num">{t("ci")}</th>
              <th>{t("mutu")}</th>
              <th className="num">{t("respondents")}</th>
              {item && <th className="num">{item.code} NRR</th>}
            </tr>
          </thead>
          <tbody>
            {trend.map((p) => (
              <tr key={periodKey(p.period)}>
                <td>
                  {f.period(p.period)}
                  {p.partial ? " *" : ""}
                </td>
                <td className="num">{f.decimal(p.konversi)}</td>
                <td className="num" data-testid="trend-ci">{p.lower !== null && p.upper !== null ? `${f.decimal(p.lower)}–${f.decimal(p.upper)}` : "–"}</td>
                <td><MutuBadge mutu={p.mutu} size="sm" /></td>
                <td className="num">{f.integer(p.respondents)}</td>
                {item && <td className="num">{f.nrr(p.nrr[item.code] ?? null)}</td>}
              </tr>
            ))}
          </tbody>
        </Table>
      </ScrollArea>
      {trend.some((p) => p.partial) && <p className="mt-1 text-xs text-slate-600">* {t("partialPeriod")}</p>}
    </Card>
  );
}

/** Shares as bars; each label on its own line, so long service names wrap instead of being cut. */
function Bars({ title, rows, total, f, testId }: { title: string; rows: { label: string; n: number }[]; total: number; f: Awaited<ReturnType<typeof getFormat>>; testId: string }) {
  return (
    <div data-testid={testId}>
      <h3 className="text-sm font-semibold">{title}</h3>
      <ul className="mt-1 space-y-1.5">
        {rows.map((r) => {
          const share = total > 0 ? (100 * r.n) / total : 0;
          return (
            <li key={r.label} className="text-sm">
              <span className="block break-words">{r.label}</span>
              <span className="grid grid-cols-[minmax(0,1fr)_6rem] items-center gap-2">
                <span className="h-3 rounded bg-slate-100" aria-hidden="true">
                  <span className="block h-3 rounded bg-brand-600" style={{ width: `${share}%` }} />
                </span>
                <span className="text-right tabular-nums" data-testid="count">
                  {f.integer(r.n)} <span className="text-xs text-slate-600">({f.decimal(share, 0)}%)</span>
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const SERVICES_SHOWN = 12;
const AGE_LABEL: Record<string, string> = { "<20": "< 20", "20-29": "20–29", "30-39": "30–39", "40-49": "40–49", "50-59": "50–59", ">=60": "≥ 60" };

/** Who answered: profile, services and channels, as shares of the period's respondents. */
export async function ProfileSection({ d, showUnit }: { d: Pick<TUnitDashboard, "profile" | "byService" | "byChannel">; showUnit: boolean }) {
  const [t, labels, f] = await Promise.all([getTranslations("dashboard"), getTranslations("labels"), getFormat()]);
  const total = d.byChannel.reduce((a, c) => a + c.respondents, 0);
  const label = (q: keyof TUnitDashboard["profile"], a: string) => {
    if (a === "-") return labels("notGiven");
    if (q === "gender") return labels(`gender.${a as "L" | "P"}`);
    if (q === "age") return AGE_LABEL[a] ?? a;
    if (q === "education") return labels(`education.${a as "SD"}`);
    return labels(`occupation.${a as "PNS"}`);
  };
  const rows = (q: keyof TUnitDashboard["profile"]) => d.profile[q].map((x) => ({ label: label(q, x.answer), n: x.respondents }));
  // The busiest services; the rest in one line (a whole agency has hundreds).
  const services = d.byService.slice(0, SERVICES_SHOWN).map((s) => ({ label: `${s.name || t("noService")}${showUnit && s.unit ? ` · ${s.unit}` : ""}`, n: s.respondents }));
  const rest = d.byService.slice(SERVICES_SHOWN);
  if (rest.length > 0) services.push({ label: t("otherServices", { count: rest.length }), n: rest.reduce((a, s) => a + s.respondents, 0) });
  return (
    <Card data-testid="profile" keepTogether={false}>
      <CardTitle>{t("profileTitle")}</CardTitle>
      <div className="mt-2 grid gap-4 md:grid-cols-2 print:grid-cols-2">
        <Bars title={t("gender")} rows={rows("gender")} total={total} f={f} testId="profile-gender" />
        <Bars title={t("age")} rows={rows("age")} total={total} f={f} testId="profile-age" />
        <Bars title={t("education")} rows={rows("education")} total={total} f={f} testId="profile-education" />
        <Bars title={t("occupation")} rows={rows("occupation")} total={total} f={f} testId="profile-occupation" />
        <Bars title={t("byService")} rows={services} total={total} f={f} testId="profile-service" />
        <Bars title={t("byChannel")} rows={d.byChannel.map((c) => ({ label: labels(`channel.${c.channel}`), n: c.respondents }))} total={total} f={f} testId="profile-channel" />
      </div>
    </Card>
  );
}

/** The latest saran of the period, and the way to the inbox. */
export async function SaranSection({ saran, inboxHref, showUnit }: { saran: TUnitDashboard["saran"]; inboxHref: string; showUnit: boolean }) {
  const [t, status, f] = await Promise.all([getTranslations("dashboard"), getTranslations("labels.feedbackStatus"), getFormat()]);
  return (
    <Card data-testid="saran">
      <CardTitle>{t("saranTitle")}</CardTitle>
      <p className="text-sm text-slate-700" data-testid="saran-count">
        {saran.capped ? t("saranMany", { total: saran.total }) : t("saranCount", { total: saran.total, unread: saran.unread })}
      </p>
      <p className="text-sm text-slate-700" data-testid="saran-open">
        {t("saranOpen", { open: saran.open, overdue: saran.overdue })}
      </p>
      {saran.latest.length === 0 ? (
        <p className="mt-2 text-sm">{t("noSaran")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {saran.latest.map((s) => (
            <li key={s.id} className="py-2 text-sm">
              <p className="whitespace-pre-line break-words">{s.text}</p>
              <p className="mt-0.5 text-xs text-slate-600">
                {f.date(s.at)}
                {showUnit && ` · ${s.unit}`}
                {s.service && ` · ${s.service}`}
                {" · "}
                {status(s.status as "BARU")}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 print:hidden">
        <TextLink href={inboxHref} size="sm" weight="medium" data-testid="inbox-link">
          {t("inbox")} →
        </TextLink>
      </p>
    </Card>
  );
}

/** Expectation against perception: the IPA quadrants and the gap per unsur. */
export async function ImportanceSection({ importance }: { importance: ImportanceResult }) {
  const [t, q, f] = await Promise.all([getTranslations("dashboard"), getTranslations("labels.quadrant"), getFormat()]);
  const quadrants = { concentrate: q("concentrate"), keep: q("keep"), low: q("low"), overkill: q("overkill") };
  const byGap = [...importance.items].sort((a, b) => a.gap - b.gap);
  return (
    <Card data-testid="importance" keepTogether={false}>
      <CardTitle id="importance-title">{t("importanceTitle")}</CardTitle>
      <p className="text-sm text-slate-700">{t("importanceHint")}</p>
      <div className="mt-2 break-inside-avoid">
        <ImportanceChart
          data={importance.items.map((i) => ({ code: i.code, name: f.pick(i.name, i.nameEn), importance: i.importance, performance: i.performance, quadrant: i.quadrant }))}
          meanImportance={importance.meanImportance}
          meanPerformance={importance.meanPerformance}
          labels={{ importance: t("importance"), performance: t("performance"), quadrants }}
          name={{ title: t("importanceTitle"), tableId: "importance-table" }}
        />
      </div>
      <ScrollArea label={t("importanceTitle")} className="mt-2">
        <Table id="importance-table" aria-labelledby="importance-title" data-testid="importance-table">
          <thead>
            <tr>
              <th>{t("unsur")}</th>
              <th className="num">{t("importance")}</th>
              <th className="num">{t("performance")}</th>
              <th className="num">{t("gap")}</th>
              <th className="num">{t("conformity")}</th>
              <th>{t("quadrant")}</th>
            </tr>
          </thead>
          <tbody>
            {byGap.map((i) => (
              <tr key={i.code} data-testid={`importance-${i.code}`}>
                <td>
                  <span className="font-medium">{i.code}</span> {f.pick(i.name, i.nameEn)}
                </td>
                <td className="num">{f.decimal(i.importance)}</td>
                <td className="num">{f.decimal(i.performance)}</td>
                <td className={i.gap < 0 ? "num text-red-800" : "num"}>{f.decimal(i.gap)}</td>
                <td className="num">{f.decimal(i.conformity, 1)}%</td>
                <td>{quadrants[i.quadrant]}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ScrollArea>
    </Card>
  );
}
