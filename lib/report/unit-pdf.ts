// The SKM report of one unit and period as a PDF (pdfkit, fonts embedded from
// the dejavu-fonts-ttf package, charts as vectors). Every figure is the unit
// dashboard's own (getUnitDashboard: lib/ikm on the rollups), printed through
// lib/ikm's formatters, so the paper and the screen agree to the last digit.
// No data access here: lib/report/unit.ts reads, this lays out.
import path from "node:path";
import PDFDocument from "pdfkit";
import type { TUnitDashboard } from "@/lib/dal/dashboard/unit";
import type { TFormat } from "@/lib/i18n/format";
import type { TPeriod } from "@/lib/periods";
import { screenText } from "@/lib/privacy/screen";
import type { TProfileQuestion } from "@/lib/profile";
import { contentWidth, ensureSpace, FONT, FONT_BOLD, heading, lineChart, paragraph, table, type TDoc } from "@/lib/report/draw";

/** A translator narrowed to what the report calls (next-intl's, bound to a namespace). */
export type TText = (key: string, values?: Record<string, string | number>) => string;

export type TUnitReportInput = {
  d: TUnitDashboard;
  period: TPeriod;
  agencyName: string;
  /** PNG or JPEG bytes (the agency's logo), or null. */
  logo: Uint8Array | null;
  generatedAt: Date;
  f: TFormat;
  /** The `report` messages. */
  t: TText;
  /** The `labels` messages (profile answers, channels). */
  labels: TText;
  /** The `dashboard` messages (column names shared with the screen). */
  dash: TText;
};

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const AGE_LABEL: Record<string, string> = { "<20": "< 20", "20-29": "20–29", "30-39": "30–39", "40-49": "40–49", "50-59": "50–59", ">=60": "≥ 60" };
const SARAN_SHOWN = 5;
const PROFILE: readonly TProfileQuestion[] = ["gender", "age", "education", "occupation"];

/** The whole report as PDF bytes. */
export async function renderUnitReport(input: TUnitReportInput): Promise<Uint8Array> {
  const { d, t, f } = input;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 62, right: 56 },
    bufferPages: true,
    info: { Title: `${t("title")} ${d.unit.name} ${f.period(input.period)}`, Author: input.agencyName },
  });
  doc.registerFont(FONT, path.join(FONT_DIR, "DejaVuSans.ttf"));
  doc.registerFont(FONT_BOLD, path.join(FONT_DIR, "DejaVuSans-Bold.ttf"));
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });

  cover(doc, input);
  doc.addPage();
  introduction(doc, input);
  results(doc, input);
  analysis(doc, input);
  closing(doc, input);
  pageNumbers(doc, t);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

function cover(doc: TDoc, { d, t, f, period, agencyName, logo, generatedAt }: TUnitReportInput) {
  const width = contentWidth(doc);
  const left = doc.page.margins.left;
  let y = 120;
  if (logo) {
    doc.image(Buffer.from(logo), left + width / 2 - 45, y, { fit: [90, 90], align: "center", valign: "center" });
    y += 110;
  }
  doc.font(FONT_BOLD).fontSize(13).fillColor("#1e293b").text(agencyName.toUpperCase(), left, y, { width, align: "center" });
  doc.moveDown(2).fontSize(17).text(t("title").toUpperCase(), { width, align: "center" });
  doc.moveDown(1).fontSize(16).text(d.unit.name, { width, align: "center" });
  if (d.scope === "gabungan" && d.subtreeUnits > 1) doc.font(FONT).fontSize(11).text(t("scopeSubtree", { count: d.subtreeUnits }), { width, align: "center" });
  doc.moveDown(1).font(FONT).fontSize(13).text(t("periodLine", { period: f.period(period) }), { width, align: "center" });
  const template = d.family?.template;
  if (template?.regulation) doc.moveDown(0.5).fontSize(10).text(t("regulation", { regulation: template.regulation }), { width, align: "center" });
  doc.fontSize(9).text(t("generated", { date: f.date(generatedAt) }), left, doc.page.height - doc.page.margins.bottom - 30, { width, align: "center" });
}

function introduction(doc: TDoc, { d, t, f, period, labels, dash }: TUnitReportInput) {
  heading(doc, t("bab1"));
  paragraph(doc, t("bab1Text", { unit: d.unit.name, period: f.period(period) }));
  heading(doc, t("bab2"));
  const template = d.family?.template;
  if (template) {
    paragraph(doc, t("bab2Text", { template: f.pick(template.name, template.nameEn), items: template.items.length, min: template.scale.min, max: template.scale.max }));
  }
  const total = d.byChannel.reduce((a, c) => a + c.respondents, 0);
  table(
    doc,
    [
      { header: dash("byChannel"), width: 0.6 },
      { header: dash("respondents"), width: 0.2, align: "right" },
      { header: t("share"), width: 0.2, align: "right" },
    ],
    d.byChannel.map((c) => [labels(`channel.${c.channel}`), f.integer(c.respondents), percent(f, c.respondents, total)]),
  );
  const result = d.score?.result;
  const sample = result?.sample;
  const rows: string[][] = [[dash("respondents"), f.integer(result?.respondents ?? 0)]];
  if (sample) {
    rows.push([t("population"), f.integer(sample.population)]);
    rows.push([t("minimumSample"), `${f.integer(sample.minimumSample)} (${sample.met ? t("sampleMet") : t("belowSample")})`]);
  } else {
    rows.push([t("minimumSample"), t("noPopulation")]);
  }
  table(doc, [{ header: "", width: 0.55 }, { header: "", width: 0.45, align: "right" }], rows);
}

function results(doc: TDoc, input: TUnitReportInput) {
  const { d, t, f, dash, labels } = input;
  doc.addPage();
  heading(doc, t("bab3"));
  const result = d.score?.result;
  const template = d.family?.template;
  if (!result || !template) {
    paragraph(doc, t("noData"));
    return;
  }

  heading(doc, t("profileTitle"), 11);
  const total = d.byChannel.reduce((a, c) => a + c.respondents, 0);
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
      d.trend.map((p) => ({ label: f.period(p.period, true), value: p.konversi, valueLabel: f.decimal(p.konversi) })),
      { min: 25, max: 100, bands: bands.slice(1).map((b) => b.min), tick: (v) => (Number.isInteger(v) ? f.integer(v) : f.decimal(v)) },
    );
}

function analysis(doc: TDoc, { d, t, f }: TUnitReportInput) {
  const result = d.score?.result;
  if (!result) return;
  heading(doc, t("bab4"));
  const byCode = new Map(result.items.map((i) => [i.code, i]));
  const weakest = byCode.get(result.priorities[0] ?? "");
  const strongest = byCode.get(result.priorities.at(-1) ?? "");
  if (weakest) paragraph(doc, t("weakest", { code: weakest.code, name: f.pick(weakest.name, weakest.nameEn), nrr: f.nrr(weakest.nrr) }));
  if (strongest && strongest !== weakest) paragraph(doc, t("strongest", { code: strongest.code, name: f.pick(strongest.name, strongest.nameEn), nrr: f.nrr(strongest.nrr) }));
  // Saran as citizens wrote them, personal data masked (a report is handed around).
  heading(doc, t("saranTitle"), 11);
  if (d.saran.total === 0) paragraph(doc, t("noSaran"));
  else {
    paragraph(doc, t("saranCount", { total: d.saran.total }));
    for (const s of d.saran.latest.slice(0, SARAN_SHOWN)) paragraph(doc, `• ${f.date(s.at)}: ${screenText(s.text).text}`);
  }
}

function closing(doc: TDoc, { d, t, f, period }: TUnitReportInput) {
  const result = d.score?.result;
  heading(doc, t("bab5"));
  if (result?.computable)
    paragraph(doc, t("bab5Text", { unit: d.unit.name, period: f.period(period), konversi: f.konversi(result), mutu: result.mutu ?? "–", kinerja: result.kinerja ? f.pick(result.kinerja, result.kinerjaEn) : "–" }));
  else paragraph(doc, result ? t("notComputable") : t("noData"));
  // The signature block, right-aligned.
  const width = 220;
  const x = doc.page.width - doc.page.margins.right - width;
  if (doc.y + 140 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + 24;
  doc.font(FONT).fontSize(10).text(t("signPlace", { unit: d.unit.name }), x, top, { width, align: "center" });
  doc.text(t("signName"), x, top + 80, { width, align: "center" });
}

function pageNumbers(doc: TDoc, t: TText) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - doc.page.margins.bottom + 20;
    // Below the bottom margin: keep pdfkit from starting a new page for it.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT).fontSize(8).fillColor("#475569").text(t("page", { page: i + 1, pages: range.count }), doc.page.margins.left, y, { width: contentWidth(doc), align: "center" });
    doc.page.margins.bottom = margin;
  }
}

function percent(f: TFormat, n: number, total: number) {
  return total > 0 ? `${f.decimal((100 * n) / total, 1)}%` : "–";
}
