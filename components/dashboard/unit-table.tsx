"use client";
// The agency's two big tables, drawn from compact rows the server formats
// (every number from lib/ikm): the payload carries the data once instead of
// a server-rendered element per cell.
import { ScrollArea, Table } from "@/components/ui/table";

export type TUnitRowView = {
  code: string;
  name: string;
  parent: string | null;
  href: string;
  drillHref: string | null;
  otherQuestionnaire: boolean;
  konversi: string;
  mutu: string | null;
  respondents: string;
  /** "met", or the minimum sample when below it; null without a population. */
  sample: { met: boolean; minimum: string } | null;
  change: { text: string; direction: "naik" | "turun" | "tetap"; significant: boolean } | null;
  weakest: string;
  /** Per unsur of the view's questionnaire: NRR as shown, and the grade it reaches. */
  heat: [string, string | null][] | null;
};

export type TTableText = {
  title: string; unit: string; konversi: string; mutu: string; respondents: string; sample: string; change: string; weakest: string;
  subUnits: string; otherQuestionnaire: string; yes: string; no: string; beyondNoise: string; withinNoise: string; heatTitle: string;
  scrollHint: string;
};

export type TSortHeader = { key: string; label: string; href: string; active: "naik" | "turun" | null; numeric: boolean };

/** A change as a table or a list shows it: arrow, two decimals, and * when beyond sampling noise. */
export function Change({ c, t }: { c: TUnitRowView["change"]; t: Pick<TTableText, "beyondNoise" | "withinNoise"> }) {
  if (!c) return <span className="text-slate-600">–</span>;
  const tone = !c.significant ? "text-slate-600" : c.direction === "naik" ? "font-semibold text-green-800" : c.direction === "turun" ? "font-semibold text-red-800" : "";
  return (
    <span className={tone} title={c.significant ? t.beyondNoise : t.withinNoise}>
      {c.direction === "naik" ? "▲ +" : c.direction === "turun" ? "▼ " : ""}
      {c.text}
      {c.significant ? " *" : ""}
    </span>
  );
}

export function UnitTable({ rows, headers, t }: { rows: TUnitRowView[]; headers: TSortHeader[]; t: TTableText }) {
  const head = (key: string) => {
    const h = headers.find((x) => x.key === key)!;
    return (
      <th className={h.numeric ? "num" : undefined} aria-sort={h.active ? (h.active === "naik" ? "ascending" : "descending") : undefined}>
        <a href={h.href} className="text-slate-900 underline decoration-dotted" data-testid={`sort-${h.key}`}>
          {h.label} {h.active ? (h.active === "naik" ? "↑" : "↓") : ""}
        </a>
      </th>
    );
  };
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="unit-table">
      <h2 className="font-semibold" id="unit-table-title">{t.title}</h2>
      <p className="text-xs text-slate-600 lg:hidden print:hidden">{t.scrollHint}</p>
      <ScrollArea label={t.title} className="mt-2">
      <Table className="min-w-[44rem] print:min-w-0" aria-labelledby="unit-table-title">
        <thead>
          <tr>
            {head("nama")}
            {head("konversi")}
            <th>{t.mutu}</th>
            {head("responden")}
            {head("sampel")}
            {head("perubahan")}
            <th>{t.weakest}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-testid={`unit-row-${r.code}`}>
              <td>
                <a href={r.href} className="font-medium text-brand-700 underline" data-testid="unit-link">{r.name}</a>
                {r.drillHref && (
                  <a href={r.drillHref} className="ml-2 text-xs text-brand-700 underline print:hidden" data-testid="drill">{t.subUnits} →</a>
                )}
                {r.parent && <span className="block text-xs text-slate-600">{r.parent}</span>}
                {r.otherQuestionnaire && <span className="block text-xs text-amber-800">{t.otherQuestionnaire}</span>}
              </td>
              <td className="num">{r.konversi}</td>
              <td>{r.mutu ? <span className={`mb m${r.mutu}`}>{r.mutu}</span> : "–"}</td>
              <td className="num">{r.respondents}</td>
              <td>
                {r.sample ? (r.sample.met ? <span className="text-green-800">{t.yes}</span> : <span className="font-semibold text-amber-800">⚠ {t.no} ({r.sample.minimum})</span>) : <span className="text-slate-600">–</span>}
              </td>
              <td className="num"><Change c={r.change} t={t} /></td>
              <td>{r.weakest}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      </ScrollArea>
      <p className="mt-2 text-xs text-slate-600">* {t.beyondNoise}</p>
    </section>
  );
}

/** Unit x unsur, each cell the unit's NRR coloured by the grade it reaches (the letter printed too). */
export function HeatMap({ rows, items, t }: { rows: TUnitRowView[]; items: { code: string; name: string; short: string }[]; t: TTableText }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="heat-map">
      <h2 className="font-semibold" id="heat-map-title">{t.heatTitle}</h2>
      <p className="text-xs text-slate-600 lg:hidden print:hidden">{t.scrollHint}</p>
      <ScrollArea label={t.heatTitle} className="mt-2">
      <table className="heat w-full min-w-[44rem] border-separate border-spacing-0.5 text-xs print:min-w-0" aria-labelledby="heat-map-title">
        <thead>
          <tr>
            <th className="px-2 text-left text-xs font-semibold text-slate-700">{t.unit}</th>
            {items.map((i) => (
              <th key={i.code} className="px-1 text-center text-xs font-semibold text-slate-700" title={i.name}>
                {i.code}
                <span className="block font-normal">{i.short}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-testid={`heat-${r.code}`}>
              <td><a href={r.href} className="text-brand-700 underline">{r.name}</a></td>
              {items.map((i, k) => {
                const cell = r.heat?.[k];
                return cell?.[1] ? (
                  <td key={i.code} className={`m${cell[1]}`}>{cell[0]}<i>{cell[1]}</i></td>
                ) : (
                  <td key={i.code}>{cell?.[0] ?? "–"}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollArea>
    </section>
  );
}
