import Link from "next/link";
import { MutuBadge } from "@/components/dashboard/mutu-badge";
import { DASH_TEXT, MUTU_CELL } from "@/components/dashboard/text";
import { withQuery } from "@/components/dashboard/url";
import { mutuOfNrr } from "@/components/dashboard/view";
import type { TMutuSpread, TUnitRow } from "@/lib/dashboard/agency";
import { formatDecimal, formatInteger, formatKonversi, formatNrr, type IkmTemplate } from "@/lib/ikm";
import type { Locale } from "@/lib/i18n";
import type { TSearchParams, TSortKey } from "@/lib/validation/dashboard";

const card = "rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid";
const th = "px-2 py-1.5 text-left text-xs font-semibold text-slate-600";
const td = "px-2 py-1.5";

export function Change({ row, locale }: { row: TUnitRow; locale: Locale }) {
  const c = row.score?.change;
  if (!c || c.deltaRounded === null) return <span className="text-slate-400">–</span>;
  const t = DASH_TEXT[locale];
  return (
    <span className={c.significant ? (c.direction === "naik" ? "font-semibold text-green-800" : c.direction === "turun" ? "font-semibold text-red-800" : "") : "text-slate-600"}
      title={c.significant ? t.beyondNoise : t.withinNoise} data-testid="change">
      {c.direction === "naik" ? "▲ +" : c.direction === "turun" ? "▼ " : ""}
      {formatDecimal(c.deltaRounded, 2, locale)}
      {c.significant ? " *" : ""}
    </span>
  );
}

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
              <span className={`block h-4 rounded ${MUTU_CELL[r.key]}`} style={{ width: `${total ? (100 * r.n) / total : 0}%` }} />
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

// The big tables link with plain anchors: a next/link per row is a client
// component each (payload, hydration, and a prefetch per visible row).

/** Every unit side by side; the column headers sort (a link each: works without JavaScript, and the URL keeps it). */
export function UnitTable({ rows, params, sort, direction, locale, unitHref, drillHref }: {
  rows: TUnitRow[];
  params: TSearchParams;
  sort: TSortKey;
  direction: "naik" | "turun";
  locale: Locale;
  unitHref: (code: string) => string;
  drillHref: (code: string) => string;
}) {
  const t = DASH_TEXT[locale];
  const head = (key: TSortKey, label: string, right = false) => {
    const active = sort === key;
    // A second click reverses; a first click sorts names A-Z and numbers highest first.
    const next = active ? (direction === "turun" ? "naik" : "turun") : key === "nama" ? "naik" : "turun";
    return (
      <th className={`${th} ${right ? "text-right" : ""}`} aria-sort={active ? (direction === "naik" ? "ascending" : "descending") : undefined}>
        <Link href={withQuery("/dasbor/instansi", params, { urut: key, arah: next })} className="underline decoration-dotted" data-testid={`sort-${key}`}>
          {label} {active ? (direction === "naik" ? "↑" : "↓") : ""}
        </Link>
      </th>
    );
  };
  return (
    <section className={`${card} overflow-x-auto`} data-testid="unit-table">
      <h2 className="font-semibold">{t.unitsTitle}</h2>
      <table className="mt-2 w-full min-w-[44rem] text-sm">
        <thead className="border-b border-slate-200">
          <tr>
            {head("nama", t.unit)}
            {head("konversi", t.konversi, true)}
            <th className={th}>{t.mutu}</th>
            {head("responden", t.respondents, true)}
            {head("sampel", t.sample)}
            {head("perubahan", t.change, true)}
            <th className={th}>{t.weakest}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const res = r.score?.result;
            const weakest = res?.priorities[0] ? res.items.find((i) => i.code === res.priorities[0]) : undefined;
            return (
              <tr key={r.code} className="border-b border-slate-100" data-testid={`unit-row-${r.code}`}>
                <td className={td}>
                  <a href={unitHref(r.code)} className="font-medium text-brand-700 underline" data-testid="unit-link">{r.name}</a>
                  {r.hasChildren && (
                    <a href={drillHref(r.code)} className="ml-2 text-xs text-brand-700 underline print:hidden" data-testid="drill">
                      {t.subUnits} →
                    </a>
                  )}
                  {r.parentName && <span className="block text-xs text-slate-500">{r.parentName}</span>}
                  {!r.comparable && <span className="block text-xs text-amber-800">{t.otherQuestionnaire}</span>}
                </td>
                <td className={`${td} text-right tabular-nums`} data-testid="konversi">{res ? formatKonversi(res, locale) : "–"}</td>
                <td className={td} data-testid="mutu"><MutuBadge mutu={res?.mutu ?? null} size="sm" /></td>
                <td className={`${td} text-right tabular-nums`} data-testid="respondents">{formatInteger(res?.respondents ?? 0, locale)}</td>
                <td className={td} data-testid="sample">
                  {res?.sample ? (res.sample.met ? <span className="text-green-800">{t.yes}</span> : <span className="font-semibold text-amber-800">⚠ {t.no} ({formatInteger(res.sample.minimumSample, locale)})</span>) : <span className="text-slate-400">–</span>}
                </td>
                <td className={`${td} text-right tabular-nums`}><Change row={r} locale={locale} /></td>
                <td className={td} data-testid="weakest">{weakest ? `${weakest.code} ${locale === "en" ? weakest.nameEn : weakest.name}` : "–"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">* {t.beyondNoise}</p>
    </section>
  );
}

/** Unit x unsur, each cell the unit's NRR coloured by the grade it reaches. */
export function HeatMap({ rows, template, locale, unitHref }: { rows: TUnitRow[]; template: IkmTemplate; locale: Locale; unitHref: (code: string) => string }) {
  const t = DASH_TEXT[locale];
  const en = locale === "en";
  return (
    <section className={`${card} overflow-x-auto`} data-testid="heat-map">
      <h2 className="font-semibold">{t.heatTitle}</h2>
      <table className="mt-2 w-full min-w-[44rem] border-separate border-spacing-0.5 text-xs">
        <thead>
          <tr>
            <th className={th}>{t.unit}</th>
            {template.items.map((i) => (
              <th key={i.code} className={`${th} text-center`} title={en ? i.nameEn : i.name}>
                {i.code}
                <span className="block font-normal">{(en ? i.nameEn : i.name).split(/[ ,/]/)[0]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-testid={`heat-${r.code}`}>
              <td className="whitespace-nowrap px-1 py-1 text-sm">
                <a href={unitHref(r.code)} className="text-brand-700 underline">{r.name}</a>
              </td>
              {template.items.map((i) => {
                const item = r.comparable ? r.score?.result.items.find((x) => x.code === i.code) : undefined;
                const mutu = item ? mutuOfNrr(item.nrr, template) : null;
                return (
                  <td key={i.code} className={`rounded px-1 py-1 text-center tabular-nums ${mutu ? MUTU_CELL[mutu] : "text-slate-400"}`}
                    data-testid={`heat-${r.code}-${i.code}`}>
                    {item ? formatNrr(item.nrr, locale) : "–"}
                    {mutu && <span className="ml-0.5 text-[10px] opacity-70">{mutu}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function MoversSection({ movers, attention, locale, unitHref }: {
  movers: { rises: TUnitRow[]; falls: TUnitRow[] };
  attention: { noData: TUnitRow[]; belowSample: TUnitRow[] };
  locale: Locale;
  unitHref: (code: string) => string;
}) {
  const t = DASH_TEXT[locale];
  const list = (rows: TUnitRow[], testId: string, extra: (r: TUnitRow) => React.ReactNode) => (
    <ul className="mt-1 space-y-1 text-sm" data-testid={testId}>
      {rows.length === 0 && <li className="text-slate-500">{t.none}</li>}
      {rows.map((r) => (
        <li key={r.code} className="flex justify-between gap-2">
          <Link href={unitHref(r.code)} className="text-brand-700 underline">{r.name}</Link>
          <span className="tabular-nums">{extra(r)}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <section className={`${card} grid gap-4 md:grid-cols-2`} data-testid="movers">
      <div>
        <h2 className="font-semibold">{t.moversTitle}</h2>
        <h3 className="mt-2 text-sm font-semibold text-green-800">{t.rises}</h3>
        {list(movers.rises, "rises", (r) => <Change row={r} locale={locale} />)}
        <h3 className="mt-2 text-sm font-semibold text-red-800">{t.falls}</h3>
        {list(movers.falls, "falls", (r) => <Change row={r} locale={locale} />)}
      </div>
      <div>
        <h2 className="font-semibold">{t.attentionTitle}</h2>
        <h3 className="mt-2 text-sm font-semibold">{t.attentionNoData}</h3>
        {list(attention.noData, "no-data", () => "")}
        <h3 className="mt-2 text-sm font-semibold">{t.attentionBelow}</h3>
        {list(attention.belowSample, "below-sample", (r) =>
          `${formatInteger(r.score!.result.respondents, locale)} / ${formatInteger(r.score!.result.sample!.minimumSample, locale)}`,
        )}
      </div>
    </section>
  );
}
