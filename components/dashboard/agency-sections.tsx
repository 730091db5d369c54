import { MutuBadge } from "@/components/dashboard/mutu-badge";
import { Change, type TSortHeader, type TTableText, type TUnitRowView } from "@/components/dashboard/unit-table";
import { DASH_TEXT } from "@/components/dashboard/text";
import { withQuery } from "@/components/dashboard/url";
import { mutuOfNrr } from "@/components/dashboard/view";
import type { TMutuSpread, TUnitRow } from "@/lib/dashboard/agency";
import { formatDecimal, formatInteger, formatKonversi, formatNrr, type IkmTemplate } from "@/lib/ikm";
import type { Locale } from "@/lib/i18n";
import type { TSearchParams, TSortKey } from "@/lib/validation/dashboard";

const card = "rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid";

/** How many units are in each grade (bars sized by count). */
export function SpreadSection({ spread, locale }: { spread: TMutuSpread; locale: Locale }) {
  const t = DASH_TEXT[locale];
  const total = Object.values(spread).reduce((a, b) => a + b, 0);
  const rows = (["A", "B", "C", "D"] as const).map((m) => ({ key: m, n: spread[m] }));
  return (
    <section className={card} data-testid="spread">
      <h2 className="font-semibold">{t.spreadTitle}</h2>
      <ul className="mt-2 space-y-1.5">
        {rows.map((r) => (
          <li key={r.key} className="grid grid-cols-[2rem_1fr_3rem] items-center gap-2 text-sm" data-testid={`spread-${r.key}`}>
            <MutuBadge mutu={r.key} size="sm" />
            <span className="h-4 rounded bg-slate-100" aria-hidden="true">
              <span className={`block h-4 rounded m${r.key}`} style={{ width: `${total ? (100 * r.n) / total : 0}%` }} />
            </span>
            <span className="text-right tabular-nums" data-testid="count">{formatInteger(r.n, locale)}</span>
          </li>
        ))}
        <li className="grid grid-cols-[2rem_1fr_3rem] items-center gap-2 text-sm text-slate-600" data-testid="spread-none">
          <span>–</span>
          <span>{t.noDataUnits}</span>
          <span className="text-right tabular-nums" data-testid="count">{formatInteger(spread.none, locale)}</span>
        </li>
      </ul>
    </section>
  );
}

/** The rows the client tables draw: every number formatted here, by lib/ikm. */
export function unitRowViews(rows: readonly TUnitRow[], template: IkmTemplate | undefined, locale: Locale, href: (row: TUnitRow) => string, drillHref: (code: string) => string): TUnitRowView[] {
  const en = locale === "en";
  return rows.map((r) => {
    const res = r.score?.result;
    const c = r.score?.change;
    const weakest = res?.priorities[0] ? res.items.find((i) => i.code === res.priorities[0]) : undefined;
    return {
      code: r.code,
      name: r.name,
      parent: r.parentName,
      href: href(r),
      drillHref: r.hasChildren ? drillHref(r.code) : null,
      otherQuestionnaire: !r.comparable,
      konversi: res ? formatKonversi(res, locale) : "–",
      mutu: res?.mutu ?? null,
      respondents: formatInteger(res?.respondents ?? 0, locale),
      sample: res?.sample ? { met: res.sample.met, minimum: formatInteger(res.sample.minimumSample, locale) } : null,
      change: c && c.deltaRounded !== null && c.direction ? { text: formatDecimal(c.deltaRounded, 2, locale), direction: c.direction, significant: !!c.significant } : null,
      weakest: weakest ? `${weakest.code} ${en ? weakest.nameEn : weakest.name}` : "–",
      heat:
        template && res && r.comparable
          ? template.items.map((i) => {
              const item = res.items.find((x) => x.code === i.code);
              return [formatNrr(item?.nrr ?? null, locale), mutuOfNrr(item?.nrr ?? null, template)] as [string, string | null];
            })
          : null,
    };
  });
}

export function tableText(locale: Locale): TTableText {
  const t = DASH_TEXT[locale];
  return {
    title: t.unitsTitle, unit: t.unit, konversi: t.konversi, mutu: t.mutu, respondents: t.respondents, sample: t.sample, change: t.change,
    weakest: t.weakest, subUnits: t.subUnits, otherQuestionnaire: t.otherQuestionnaire, yes: t.yes, no: t.no, beyondNoise: t.beyondNoise,
    withinNoise: t.withinNoise, heatTitle: t.heatTitle,
  };
}

/** The sort links of the table's headers: a second click reverses; a first sorts names A-Z and numbers highest first. */
export function sortHeaders(params: TSearchParams, sort: TSortKey, direction: "naik" | "turun", locale: Locale): TSortHeader[] {
  const t = DASH_TEXT[locale];
  const cols: [TSortKey, string, boolean][] = [["nama", t.unit, false], ["konversi", t.konversi, true], ["responden", t.respondents, true], ["sampel", t.sample, false], ["perubahan", t.change, true]];
  return cols.map(([key, label, numeric]) => {
    const active = sort === key;
    const next = active ? (direction === "turun" ? "naik" : "turun") : key === "nama" ? "naik" : "turun";
    return { key, label, numeric, active: active ? direction : null, href: withQuery("/dasbor/instansi", params, { urut: key, arah: next }) };
  });
}

export function heatItems(template: IkmTemplate, locale: Locale) {
  const en = locale === "en";
  return template.items.map((i) => ({ code: i.code, name: en ? i.nameEn : i.name, short: (en ? i.nameEn : i.name).split(/[ ,/]/)[0]! }));
}

export function MoversSection({ movers, attention, t }: {
  movers: { rises: TUnitRowView[]; falls: TUnitRowView[] };
  attention: { noData: TUnitRowView[]; belowSample: TUnitRowView[] };
  t: (typeof DASH_TEXT)[Locale];
}) {
  const list = (rows: TUnitRowView[], testId: string, extra: (r: TUnitRowView) => React.ReactNode) => (
    <ul className="mt-1 space-y-1 text-sm" data-testid={testId}>
      {rows.length === 0 && <li className="text-slate-500">{t.none}</li>}
      {rows.map((r) => (
        <li key={r.code} className="flex justify-between gap-2">
          <a href={r.href} className="text-brand-700 underline">{r.name}</a>
          <span className="tabular-nums">{extra(r)}</span>
        </li>
      ))}
    </ul>
  );
  const changeText = { beyondNoise: t.beyondNoise, withinNoise: t.withinNoise };
  return (
    <section className={`${card} grid gap-4 md:grid-cols-2`} data-testid="movers">
      <div>
        <h2 className="font-semibold">{t.moversTitle}</h2>
        <h3 className="mt-2 text-sm font-semibold text-green-800">{t.rises}</h3>
        {list(movers.rises, "rises", (r) => <Change c={r.change} t={changeText} />)}
        <h3 className="mt-2 text-sm font-semibold text-red-800">{t.falls}</h3>
        {list(movers.falls, "falls", (r) => <Change c={r.change} t={changeText} />)}
      </div>
      <div>
        <h2 className="font-semibold">{t.attentionTitle}</h2>
        <h3 className="mt-2 text-sm font-semibold">{t.attentionNoData}</h3>
        {list(attention.noData, "no-data", () => "")}
        <h3 className="mt-2 text-sm font-semibold">{t.attentionBelow}</h3>
        {list(attention.belowSample, "below-sample", (r) => `${r.respondents} / ${r.sample?.minimum ?? "–"}`)}
      </div>
    </section>
  );
}
