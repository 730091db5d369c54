import { getTranslations } from "next-intl/server";
import { MutuBadge } from "@/components/dashboard/mutu-badge";
import { Change, type TSortHeader, type TTableText, type TUnitRowView } from "@/components/dashboard/unit-table";
import { withQuery } from "@/components/dashboard/url";
import { mutuOfNrr } from "@/components/dashboard/view";
import { Card, CardTitle } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import type { TMutuSpread, TUnitRow } from "@/lib/dashboard/agency";
import type { TFormat } from "@/lib/i18n";
import { getFormat } from "@/lib/i18n/server";
import type { IkmTemplate } from "@/lib/ikm";
import type { TSearchParams, TSortKey } from "@/lib/validation/dashboard";

type TDashT = Awaited<ReturnType<typeof getTranslations<"dashboard">>>;
type TCommonT = Awaited<ReturnType<typeof getTranslations<"common">>>;

/** How many units are in each grade (bars sized by count). */
export async function SpreadSection({ spread }: { spread: TMutuSpread }) {
  const [t, f] = await Promise.all([getTranslations("dashboard"), getFormat()]);
  const total = Object.values(spread).reduce((a, b) => a + b, 0);
  const rows = (["A", "B", "C", "D"] as const).map((m) => ({ key: m, n: spread[m] }));
  return (
    <Card data-testid="spread">
      <CardTitle>{t("spreadTitle")}</CardTitle>
      <ul className="mt-2 space-y-1.5">
        {rows.map((r) => (
          <li key={r.key} className="grid grid-cols-[2rem_1fr_3rem] items-center gap-2 text-sm" data-testid={`spread-${r.key}`}>
            <MutuBadge mutu={r.key} size="sm" />
            <span className="h-4 rounded bg-slate-100" aria-hidden="true">
              <span className={`block h-4 rounded m${r.key}`} style={{ width: `${total ? (100 * r.n) / total : 0}%` }} />
            </span>
            <span className="text-right tabular-nums" data-testid="count">{f.integer(r.n)}</span>
          </li>
        ))}
        <li className="grid grid-cols-[2rem_1fr_3rem] items-center gap-2 text-sm text-slate-700" data-testid="spread-none">
          <span>–</span>
          <span>{t("noDataUnits")}</span>
          <span className="text-right tabular-nums" data-testid="count">{f.integer(spread.none)}</span>
        </li>
      </ul>
    </Card>
  );
}

/** The rows the client tables draw: every number formatted here, by lib/ikm. */
export function unitRowViews(rows: readonly TUnitRow[], template: IkmTemplate | undefined, f: TFormat, href: (row: TUnitRow) => string, drillHref: (code: string) => string): TUnitRowView[] {
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
      konversi: res ? f.konversi(res) : "–",
      mutu: res?.mutu ?? null,
      respondents: f.integer(res?.respondents ?? 0),
      sample: res?.sample ? { met: res.sample.met, minimum: f.integer(res.sample.minimumSample) } : null,
      change: c && c.deltaRounded !== null && c.direction ? { text: f.decimal(c.deltaRounded), direction: c.direction, significant: !!c.significant } : null,
      weakest: weakest ? `${weakest.code} ${f.pick(weakest.name, weakest.nameEn)}` : "–",
      heat:
        template && res && r.comparable
          ? template.items.map((i) => {
              const item = res.items.find((x) => x.code === i.code);
              return [f.nrr(item?.nrr ?? null), mutuOfNrr(item?.nrr ?? null, template)] as [string, string | null];
            })
          : null,
    };
  });
}

export function tableText(t: TDashT, common: TCommonT): TTableText {
  return {
    title: t("unitsTitle"), unit: t("unit"), konversi: t("konversi"), mutu: t("mutu"), respondents: t("respondents"), sample: t("sample"), change: t("change"),
    weakest: t("weakest"), subUnits: t("subUnits"), otherQuestionnaire: t("otherQuestionnaire"), yes: common("yes"), no: common("no"),
    beyondNoise: t("beyondNoise"), withinNoise: t("withinNoise"), heatTitle: t("heatTitle"), scrollHint: t("scrollHint"),
  };
}

/** The sort links of the table's headers: a second click reverses; a first sorts names A-Z and numbers highest first. */
export function sortHeaders(params: TSearchParams, sort: TSortKey, direction: "naik" | "turun", t: TDashT): TSortHeader[] {
  const cols: [TSortKey, string, boolean][] = [["nama", t("unit"), false], ["konversi", t("konversi"), true], ["responden", t("respondents"), true], ["sampel", t("sample"), false], ["perubahan", t("change"), true]];
  return cols.map(([key, label, numeric]) => {
    const active = sort === key;
    const next = active ? (direction === "turun" ? "naik" : "turun") : key === "nama" ? "naik" : "turun";
    return { key, label, numeric, active: active ? direction : null, href: withQuery("/dasbor/instansi", params, { urut: key, arah: next }) };
  });
}

export function heatItems(template: IkmTemplate, f: TFormat) {
  return template.items.map((i) => {
    const name = f.pick(i.name, i.nameEn);
    return { code: i.code, name, short: name.split(/[ ,/]/)[0]! };
  });
}

export async function MoversSection({ movers, attention }: {
  movers: { rises: TUnitRowView[]; falls: TUnitRowView[] };
  attention: { noData: TUnitRowView[]; belowSample: TUnitRowView[] };
}) {
  const [t, common] = await Promise.all([getTranslations("dashboard"), getTranslations("common")]);
  const list = (rows: TUnitRowView[], testId: string, extra: (r: TUnitRowView) => React.ReactNode) => (
    <ul className="mt-1 space-y-1 text-sm" data-testid={testId}>
      {rows.length === 0 && <li className="text-slate-600">{common("none")}</li>}
      {rows.map((r) => (
        <li key={r.code} className="flex justify-between gap-2">
          <TextLink href={r.href}>{r.name}</TextLink>
          <span className="tabular-nums">{extra(r)}</span>
        </li>
      ))}
    </ul>
  );
  const changeText = { beyondNoise: t("beyondNoise"), withinNoise: t("withinNoise") };
  return (
    <Card className="grid gap-4 md:grid-cols-2" data-testid="movers">
      <div>
        <h2 className="font-semibold">{t("moversTitle")}</h2>
        <h3 className="mt-2 text-sm font-semibold text-green-800">{t("rises")}</h3>
        {list(movers.rises, "rises", (r) => <Change c={r.change} t={changeText} />)}
        <h3 className="mt-2 text-sm font-semibold text-red-800">{t("falls")}</h3>
        {list(movers.falls, "falls", (r) => <Change c={r.change} t={changeText} />)}
      </div>
      <div>
        <h2 className="font-semibold">{t("attentionTitle")}</h2>
        <h3 className="mt-2 text-sm font-semibold">{t("attentionNoData")}</h3>
        {list(attention.noData, "no-data", () => "")}
        <h3 className="mt-2 text-sm font-semibold">{t("attentionBelow")}</h3>
        {list(attention.belowSample, "below-sample", (r) => `${r.respondents} / ${r.sample?.minimum ?? "–"}`)}
      </div>
    </Card>
  );
}
