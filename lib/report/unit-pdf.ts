// The SKM report of one unit and period as a PDF (pdfkit, fonts embedded from
// the dejavu-fonts-ttf package, charts as vectors). Every figure is the unit
// dashboard's own (getUnitDashboard: lib/ikm on the rollups), printed through
// lib/ikm's formatters, so the paper and the screen agree to the last digit.
// No data access here: lib/report/unit.ts reads, this lays out: the cover and
// page numbers here, each chapter in lib/report/sections/.
import path from "node:path";
import PDFDocument from "pdfkit";
import { contentWidth, FONT, FONT_BOLD, type TDoc } from "@/lib/report/draw";
import type { TText, TUnitReportInput } from "@/lib/report/input";
import { analysis } from "@/lib/report/sections/analysis";
import { closing } from "@/lib/report/sections/closing";
import { dataCollection, introduction } from "@/lib/report/sections/introduction";
import { results } from "@/lib/report/sections/results";

export type { TText, TUnitReportInput } from "@/lib/report/input";

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

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
  dataCollection(doc, input);
  results(doc, input);
  doc.addPage();
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
