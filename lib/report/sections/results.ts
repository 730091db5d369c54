// BAB III Hasil: respondents per service and (for a pooled view) per child unit, the
// respondent profile, NRR per unsur with its weight, the index, the band table and the trend.
// Every figure the unit dashboard's own (lib/ikm), printed through lib/i18n/format.
import { fromFirstData } from "@/lib/dashboard/trend";
import type { TProfileQuestion } from "@/lib/profile";
import { ensureSpace, heading, lineChart, paragraph, table, type TDoc } from "@/lib/report/draw";
import type { TUnitReportInput } from "@/lib/report/input";
import { percent } from "@/lib/report/sections/shared";

const AGE_LABEL: Record<string, string> = { "<20": "< 20", "20-29": "20–29", "30-39": "30–39", "40-49": "40–49", "50-59": "50–59", ">=60": "≥ 60" };
const PROFILE: readonly TProfileQuestion[] = ["gender", "age", "education", "occupation"];

export function results(doc: TDoc, input: TUnitReportInput) {
  const { d, t, f, dash, labels } = input;
  doc.addPage();
  heading(doc, t("bab3"));
  const result = d.score?.result;
  const template = d.family?.template;
  if (!result || !template) {
    paragraph(doc, t("noData"));
    return;
  }
  const total = d.byChannel.reduce((a, c) => a + c.respondents, 0);

  services(doc, input, total);
  children(doc, input);

  heading(doc, t("profileTitle"), 11);
  const answerLabel = (q: TProfileQuestion, a: string) => {
    if (a === "-") return labels("notGiven");
    if (q === "age") return AGE_LABEL[a] ?? a;
    return labels(`${q}.${a}`);
  };
  for (const q of PROFILE) {
    table(
      doc,
      [
        { header: dash(q), width: 0.6 },
        { header: dash("respondents"), width: 0.2, align: "right" },
        { header: t("share"), width: 0.2, align: "right" },
      ],
      d.profile[q].map((x) => [answerLabel(q, x.answer), f.integer(x.respondents), percent(f, x.respondents, total)]),
    );
  }

  heading(doc, t("nrrTitle"), 11);
  const weight = f.weight(result.weight);
  table(
    doc,
    [
      { header: dash("unsur"), width: 0.44 },
      { header: dash("answered"), width: 0.14, align: "right" },
      { header: dash("nrr"), width: 0.12, align: "right" },
      { header: t("weight"), width: 0.1, align: "right" },
      { header: dash("weighted"), width: 0.2, align: "right" },
    ],
    [
      ...result.items.map((i) => [`${i.code} ${f.pick(i.name, i.nameEn)}`, f.integer(i.answered), f.nrr(i.nrr), weight, f.decimal(i.weightedNrr, 3)]),
      [t("weightedTotal"), "", "", "", f.ikm(result.ikm)],
    ],
    { boldLast: true },
  );

  heading(doc, t("summaryTitle"), 11);
  if (!result.computable) paragraph(doc, t("notComputable"));
  table(
    doc,
    [
      { header: "", width: 0.55 },
      { header: "", width: 0.45, align: "right" },
    ],
    [
      [dash("respondents"), f.integer(result.respondents)],
      [dash("ikm"), f.ikm(result.ikm)],
      [dash("konversi"), f.konversi(result)],
      [dash("mutu"), result.mutu ?? "–"],
      [dash("kinerja"), result.kinerja ? f.pick(result.kinerja, result.kinerjaEn) : "–"],
    ],
  );

  heading(doc, t("bandTitle"), 11);
  const bands = [...template.bands].sort((a, b) => a.min - b.min);
  table(
    doc,
    [
      { header: t("interval"), width: 0.4 },
      { header: dash("mutu"), width: 0.2, align: "center" },
      { header: dash("kinerja"), width: 0.4 },
    ],
    bands.map((b) => [`${f.decimal(b.min)} – ${f.decimal(b.max)}`, b.mutu, f.pick(b.kinerja, b.kinerjaEn)]),
  );

  // The chart's heading on the chart's page.
  ensureSpace(doc, 240);
  heading(doc, t("trendTitle"), 11);
  if (d.trend.every((p) => p.konversi === null)) paragraph(doc, t("noTrend"));
  else
    lineChart(
      doc,
      fromFirstData(d.trend).map((p) => ({ label: f.period(p.period, true), value: p.konversi, valueLabel: f.decimal(p.konversi) })),
      { min: 25, max: 100, bands: bands.slice(1).map((b) => b.min), tick: (v) => (Number.isInteger(v) ? f.integer(v) : f.decimal(v)) },
    );
}

/** Respondents per jenis layanan (a pooled view names each service's unit: codes repeat across units). */
function services(doc: TDoc, { d, t, f, dash }: TUnitReportInput, total: number) {
  heading(doc, t("servicesTitle"), 11);
  const pooled = d.scope === "gabungan" && d.subtreeUnits > 1;
  // A response given without choosing a service counts in the rollup's "no service" row (no name).
  const rows = d.byService.map((s) => [s.name || t("noService"), ...(pooled ? [s.unit] : []), f.integer(s.respondents), percent(f, s.respondents, total)]);
  table(
    doc,
    pooled
      ? [
          { header: t("service"), width: 0.38 },
          { header: t("unit"), width: 0.32 },
          { header: dash("respondents"), width: 0.15, align: "right" },
          { header: t("share"), width: 0.15, align: "right" },
        ]
      : [
          { header: t("service"), width: 0.6 },
          { header: dash("respondents"), width: 0.2, align: "right" },
          { header: t("share"), width: 0.2, align: "right" },
        ],
    rows,
  );
}

/** A pooled view: each child unit (with its own sub-units) side by side, the unit's own responses first. */
function children(doc: TDoc, { children, t, f, dash }: TUnitReportInput) {
  if (!children || children.length === 0) return;
  heading(doc, t("childrenTitle"), 11);
  table(
    doc,
    [
      { header: t("unit"), width: 0.46 },
      { header: dash("respondents"), width: 0.16, align: "right" },
      { header: dash("konversi"), width: 0.2, align: "right" },
      { header: dash("mutu"), width: 0.18, align: "center" },
    ],
    children.map((c) => {
      const r = c.score?.result;
      return [c.scope === "sendiri" ? t("unitOwn", { unit: c.name }) : c.name, f.integer(r?.respondents ?? 0), r ? f.konversi(r) : "–", r?.mutu ?? "–"];
    }),
  );
}
