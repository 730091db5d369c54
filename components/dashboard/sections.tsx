import { ImportanceChart, NrrChart, TrendChart, type TTrendDatum } from "@/components/dashboard/charts";
import { MutuBadge } from "@/components/dashboard/mutu-badge";
import { AGE_LABEL, CHANNEL_LABEL, DASH_TEXT, FEEDBACK_STATUS_LABEL, QUADRANT_LABEL } from "@/components/dashboard/text";
import { konversiBands, mutuOfNrr, nrrBands, nrrBars, PRIORITY_COUNT } from "@/components/dashboard/view";
import { EDUCATION_LABEL, OCCUPATION_LABEL } from "@/components/survey/text";
import type { TTrendPoint, TUnitDashboard } from "@/lib/dal/dashboard";
import { formatDate, type Locale } from "@/lib/i18n";
import { formatDecimal, formatInteger, formatNrr, toKonversi, type IkmResult, type IkmTemplate, type ImportanceResult } from "@/lib/ikm";
import { periodLabel } from "@/lib/periods";

const card = "rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid";
const th = "px-2 py-1.5 text-left text-xs font-semibold text-slate-600";
const td = "px-2 py-1.5";

/** NRR per unsur: the bars and the table a report prints, weakest first, priorities marked. */
export function NrrSection({ result, template, locale }: { result: IkmResult; template: IkmTemplate; locale: Locale }) {
  const t = DASH_TEXT[locale];
  const en = locale === "en";
  const bars = nrrBars(result, template, locale);
  const ranked = [...result.items].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
  return (
    <section className={card} data-testid="nrr">
      <h2 className="font-semibold">{t.nrrTitle}</h2>
      <div className="mt-2 print:hidden">
        <NrrChart data={bars} bands={nrrBands(template, locale)} locale={locale} scale={template.scale} />
      </div>
      <table className="mt-2 w-full text-sm" data-testid="nrr-table">
        <thead className="border-b border-slate-200">
          <tr>
            <th className={th}>{t.rank}</th>
            <th className={th}>{t.unsur}</th>
            <th className={`${th} text-right`}>{t.nrr}</th>
            <th className={`${th} text-right`}>{t.weighted}</th>
            <th className={th}>{t.mutu}</th>
            <th className={`${th} text-right`}>{t.answered}</th>
          </tr>
        </thead>
        <tbody>
          {ranked.map((i) => (
            <tr key={i.code} data-testid={`nrr-${i.code}`} className={`border-b border-slate-100 ${i.rank !== null && i.rank <= PRIORITY_COUNT ? "bg-amber-50" : ""}`}>
              <td className={td}>{i.rank ?? "–"}</td>
              <td className={td}>
                <span className="font-medium">{i.code}</span> {en ? i.nameEn : i.name}
                {i.rank !== null && i.rank <= PRIORITY_COUNT && (
                  <span className="ml-2 rounded bg-amber-200 px-1.5 text-xs font-semibold text-amber-950" data-testid="priority">{t.priority}</span>
                )}
              </td>
              <td className={`${td} text-right tabular-nums`} data-testid="nrr-value">{formatNrr(i.nrr, locale)}</td>
              <td className={`${td} text-right tabular-nums`}>{formatDecimal(i.weightedNrr, 3, locale)}</td>
              <td className={td}><MutuBadge mutu={mutuOfNrr(i.nrr, template)} size="sm" /></td>
              <td className={`${td} text-right tabular-nums`}>{formatInteger(i.answered, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** IKM over the last periods, optionally with one unsur; the figures in a table below. */
export function TrendSection({ trend: all, template, locale, unsur, title }: { trend: TTrendPoint[]; template: IkmTemplate; locale: Locale; unsur?: string; title?: string }) {
  const t = DASH_TEXT[locale];
  // Periods before the first response say nothing: start the trend at the first with data.
  const first = all.findIndex((p) => p.respondents > 0);
  const trend = first > 0 ? all.slice(first) : all;
  const item = unsur ? template.items.find((i) => i.code === unsur) : undefined;
  const data: TTrendDatum[] = trend.map((p) => {
    const nrr = item ? (p.nrr[item.code] ?? null) : null;
    return {
      label: `${periodLabel(p.period, locale, true)}${p.partial ? "*" : ""}`,
      konversi: p.konversi,
      ci: p.lower !== null && p.upper !== null ? [p.lower, p.upper] : null,
      unsur: nrr === null ? null : toKonversi(nrr, template),
      respondents: p.respondents,
    };
  });
  const itemLabel = item ? `${item.code} ${locale === "en" ? item.nameEn : item.name} (NRR × 25)` : undefined;
  return (
    <section className={card} data-testid="trend">
      <h2 className="font-semibold">{title ?? t.trendTitle}</h2>
      <div className="mt-2 print:hidden">
        <TrendChart data={data} bands={konversiBands(template, locale)} locale={locale} ikmLabel={t.konversi} ciLabel={t.ci} unsurLabel={itemLabel} />
      </div>
      <div className="mt-2 max-h-72 overflow-y-auto print:max-h-none">
        <table className="w-full text-sm" data-testid="trend-table">
          <thead className="border-b border-slate-200">
            <tr>
              <th className={th}>{t.period}</th>
              <th className={`${th} text-right`}>{t.konversi}</th>
              <th className={th}>{t.mutu}</th>
              <th className={`${th} text-right`}>{t.respondents}</th>
              {item && <th className={`${th} text-right`}>{item.code} NRR</th>}
            </tr>
          </thead>
          <tbody>
            {trend.map((p) => (
              <tr key={periodLabel(p.period, "id")} className="border-b border-slate-100">
                <td className={td}>{periodLabel(p.period, locale)}{p.partial ? " *" : ""}</td>
                <td className={`${td} text-right tabular-nums`}>{formatDecimal(p.konversi, 2, locale)}</td>
                <td className={td}><MutuBadge mutu={p.mutu} size="sm" /></td>
                <td className={`${td} text-right tabular-nums`}>{formatInteger(p.respondents, locale)}</td>
                {item && <td className={`${td} text-right tabular-nums`}>{formatNrr(p.nrr[item.code] ?? null, locale)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {trend.some((p) => p.partial) && <p className="mt-1 text-xs text-slate-500">* {t.partialPeriod}</p>}
    </section>
  );
}

function Bars({ title, rows, total, locale, testId }: { title: string; rows: { label: string; n: number }[]; total: number; locale: Locale; testId: string }) {
  return (
    <div data-testid={testId}>
      <h3 className="text-sm font-semibold">{title}</h3>
      <ul className="mt-1 space-y-1">
        {rows.map((r) => {
          const share = total > 0 ? (100 * r.n) / total : 0;
          return (
            <li key={r.label} className="grid grid-cols-[9rem_1fr_5.5rem] items-center gap-2 text-sm">
              <span className="truncate" title={r.label}>{r.label}</span>
              <span className="h-3 rounded bg-slate-100" aria-hidden="true">
                <span className="block h-3 rounded bg-brand-600" style={{ width: `${share}%` }} />
              </span>
              <span className="text-right tabular-nums" data-testid="count">
                {formatInteger(r.n, locale)} <span className="text-xs text-slate-500">({formatDecimal(share, 0, locale)}%)</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const SERVICES_SHOWN = 12;

/** Who answered: profile, services and channels, as shares of the period's respondents. */
export function ProfileSection({ d, locale, showUnit }: { d: Pick<TUnitDashboard, "profile" | "byService" | "byChannel">; locale: Locale; showUnit: boolean }) {
  const t = DASH_TEXT[locale];
  const total = d.byChannel.reduce((a, c) => a + c.respondents, 0);
  const label = (q: string, a: string) => {
    if (a === "-") return t.notGiven;
    if (q === "gender") return a === "L" ? (locale === "en" ? "Male" : "Laki-laki") : locale === "en" ? "Female" : "Perempuan";
    if (q === "age") return AGE_LABEL[a] ?? a;
    if (q === "education") return EDUCATION_LABEL[a]?.[locale] ?? a;
    return OCCUPATION_LABEL[a]?.[locale] ?? a;
  };
  const rows = (q: keyof TUnitDashboard["profile"]) => d.profile[q].map((x) => ({ label: label(q, x.answer), n: x.respondents }));
  // The busiest services; the rest in one line (a whole agency has hundreds).
  const services = d.byService.slice(0, SERVICES_SHOWN).map((s) => ({ label: `${s.name || t.noService}${showUnit && s.unit ? ` · ${s.unit}` : ""}`, n: s.respondents }));
  const rest = d.byService.slice(SERVICES_SHOWN);
  if (rest.length > 0) services.push({ label: t.otherServices(formatInteger(rest.length, locale)), n: rest.reduce((a, s) => a + s.respondents, 0) });
  return (
    <section className={card} data-testid="profile">
      <h2 className="font-semibold">{t.profileTitle}</h2>
      <div className="mt-2 grid gap-4 md:grid-cols-2">
        <Bars title={t.gender} rows={rows("gender")} total={total} locale={locale} testId="profile-gender" />
        <Bars title={t.age} rows={rows("age")} total={total} locale={locale} testId="profile-age" />
        <Bars title={t.education} rows={rows("education")} total={total} locale={locale} testId="profile-education" />
        <Bars title={t.occupation} rows={rows("occupation")} total={total} locale={locale} testId="profile-occupation" />
        <Bars title={t.byService} rows={services} total={total} locale={locale} testId="profile-service" />
        <Bars title={t.byChannel} rows={d.byChannel.map((c) => ({ label: CHANNEL_LABEL[locale][c.channel] ?? c.channel, n: c.respondents }))} total={total} locale={locale} testId="profile-channel" />
      </div>
    </section>
  );
}

/** The latest saran of the period, and the way to the inbox. */
export function SaranSection({ saran, inboxHref, locale, showUnit }: { saran: TUnitDashboard["saran"]; inboxHref: string; locale: Locale; showUnit: boolean }) {
  const t = DASH_TEXT[locale];
  return (
    <section className={card} data-testid="saran">
      <h2 className="font-semibold">{t.saranTitle}</h2>
      <p className="text-sm text-slate-600" data-testid="saran-count">
        {saran.capped ? t.saranMany(formatInteger(saran.total, locale)) : t.saranCount(formatInteger(saran.total, locale), formatInteger(saran.unread, locale))}
      </p>
      {saran.latest.length === 0 ? (
        <p className="mt-2 text-sm">{t.noSaran}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {saran.latest.map((s) => (
            <li key={s.id} className="py-2 text-sm">
              <p className="whitespace-pre-line">{s.text}</p>
              <p className="mt-0.5 text-xs text-slate-500">
                {formatDate(locale, s.at)}
                {showUnit && ` · ${s.unit}`}
                {s.service && ` · ${s.service}`}
                {" · "}
                {FEEDBACK_STATUS_LABEL[locale][s.status] ?? s.status}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 print:hidden">
        <a href={inboxHref} className="text-sm font-medium text-brand-700 underline" data-testid="inbox-link">{t.inbox} →</a>
      </p>
    </section>
  );
}

/** Expectation against perception: the IPA quadrants and the gap per unsur. */
export function ImportanceSection({ importance, locale }: { importance: ImportanceResult; locale: Locale }) {
  const t = DASH_TEXT[locale];
  const en = locale === "en";
  const quadrants = QUADRANT_LABEL[locale];
  const byGap = [...importance.items].sort((a, b) => a.gap - b.gap);
  return (
    <section className={card} data-testid="importance">
      <h2 className="font-semibold">{t.importanceTitle}</h2>
      <p className="text-sm text-slate-600">{t.importanceHint}</p>
      <div className="mt-2 print:hidden">
        <ImportanceChart
          data={importance.items.map((i) => ({ code: i.code, name: en ? i.nameEn : i.name, importance: i.importance, performance: i.performance, quadrant: i.quadrant }))}
          meanImportance={importance.meanImportance}
          meanPerformance={importance.meanPerformance}
          locale={locale}
          labels={{ importance: t.importance, performance: t.performance, quadrants }}
        />
      </div>
      <table className="mt-2 w-full text-sm" data-testid="importance-table">
        <thead className="border-b border-slate-200">
          <tr>
            <th className={th}>{t.unsur}</th>
            <th className={`${th} text-right`}>{t.importance}</th>
            <th className={`${th} text-right`}>{t.performance}</th>
            <th className={`${th} text-right`}>{t.gap}</th>
            <th className={`${th} text-right`}>{t.conformity}</th>
            <th className={th}>{t.quadrant}</th>
          </tr>
        </thead>
        <tbody>
          {byGap.map((i) => (
            <tr key={i.code} className="border-b border-slate-100" data-testid={`importance-${i.code}`}>
              <td className={td}><span className="font-medium">{i.code}</span> {en ? i.nameEn : i.name}</td>
              <td className={`${td} text-right tabular-nums`}>{formatDecimal(i.importance, 2, locale)}</td>
              <td className={`${td} text-right tabular-nums`}>{formatDecimal(i.performance, 2, locale)}</td>
              <td className={`${td} text-right tabular-nums ${i.gap < 0 ? "text-red-800" : ""}`}>{formatDecimal(i.gap, 2, locale)}</td>
              <td className={`${td} text-right tabular-nums`}>{formatDecimal(i.conformity, 1, locale)}%</td>
              <td className={td}>{quadrants[i.quadrant]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
