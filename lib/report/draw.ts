// Drawing pieces for the SKM report on a pdfkit document: headings, paragraphs,
// plain tables that break across pages, and the trend as a vector line chart.
// No data access and no wording of their own: the caller hands the strings.
import type PDFDocument from "pdfkit";

export type TDoc = InstanceType<typeof PDFDocument>;
export const FONT = "body";
export const FONT_BOLD = "body-bold";

const TEXT = "#1e293b";
const RULE = "#94a3b8";
const SHADE = "#e2e8f0";

function bottom(doc: TDoc) {
  return doc.page.height - doc.page.margins.bottom;
}

/** A new page when fewer than `height` points are left on this one. */
export function ensureSpace(doc: TDoc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function heading(doc: TDoc, text: string, size = 14) {
  ensureSpace(doc, size * 4);
  doc.moveDown(0.6).font(FONT_BOLD).fontSize(size).fillColor(TEXT).text(text, doc.page.margins.left, doc.y);
  doc.moveDown(0.3).font(FONT).fontSize(10);
}

export function paragraph(doc: TDoc, text: string) {
  doc.font(FONT).fontSize(10).fillColor(TEXT).text(text, doc.page.margins.left, doc.y, { align: "justify", width: contentWidth(doc) });
  doc.moveDown(0.4);
}

/** Numbered (or bulleted) items with a hanging indent: "1." in the margin column, the text beside it. */
export function items(doc: TDoc, texts: readonly string[], marker: (i: number) => string = (i) => `${i + 1}.`) {
  const left = doc.page.margins.left;
  const indent = 18;
  texts.forEach((text, i) => {
    doc.font(FONT).fontSize(10).fillColor(TEXT);
    ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) - indent }) + 4);
    const y = doc.y;
    doc.text(marker(i), left, y, { width: indent, lineBreak: false });
    doc.text(text, left + indent, y, { width: contentWidth(doc) - indent, align: "justify" });
    doc.moveDown(0.2);
  });
  doc.x = left;
  doc.moveDown(0.3);
}

export function contentWidth(doc: TDoc) {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export type TColumn = { header: string; width: number; align?: "left" | "right" | "center" };

/** A table of plain strings; widths are fractions of the content width. Repeats its header after a page break. */
export function table(doc: TDoc, columns: readonly TColumn[], rows: readonly (readonly string[])[], opts: { boldLast?: boolean } = {}) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const pad = 3;
  const xs: number[] = [];
  let x = left;
  for (const c of columns) {
    xs.push(x);
    x += c.width * width;
  }
  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(9);
    return Math.max(...cells.map((s, i) => doc.heightOfString(s, { width: columns[i]!.width * width - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: readonly string[], font: string, fill: string | null) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    if (fill) doc.rect(left, y, width, h).fill(fill);
    doc.font(font).fontSize(9).fillColor(TEXT);
    cells.forEach((s, i) => {
      const c = columns[i]!;
      doc.text(s, xs[i]! + pad, y + pad, { width: c.width * width - 2 * pad, align: c.align ?? "left" });
    });
    doc.moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.x = left;
    doc.y = y + h;
  };
  const header = columns.map((c) => c.header);
  ensureSpace(doc, rowHeight(header, FONT_BOLD) + rowHeight(rows[0] ?? header, FONT));
  drawRow(header, FONT_BOLD, SHADE);
  rows.forEach((r, i) => {
    const last = opts.boldLast && i === rows.length - 1;
    if (doc.y + rowHeight(r, FONT) > bottom(doc)) {
      doc.addPage();
      drawRow(header, FONT_BOLD, SHADE);
    }
    drawRow(r, last ? FONT_BOLD : FONT, null);
  });
  doc.moveDown(0.6);
}

export type TChartPoint = { label: string; value: number | null; valueLabel: string };

/** A line chart on the konversi scale (lines, not an image): one point per period, gaps where there is no value. */
export function lineChart(doc: TDoc, points: readonly TChartPoint[], opts: { min: number; max: number; bands: readonly number[]; tick: (value: number) => string }) {
  const height = 170;
  ensureSpace(doc, height + 30);
  const left = doc.page.margins.left + 30;
  const width = contentWidth(doc) - 40;
  const top = doc.y + 8;
  const yOf = (v: number) => top + height - ((v - opts.min) / (opts.max - opts.min)) * height;
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  const xOf = (i: number) => (points.length > 1 ? left + i * step : left + width / 2);

  doc.save();
  doc.lineWidth(0.5).strokeColor(RULE);
  doc.rect(left, top, width, height).stroke();
  doc.font(FONT).fontSize(7).fillColor(TEXT);
  for (const edge of opts.bands) {
    if (edge <= opts.min || edge >= opts.max) continue;
    doc.moveTo(left, yOf(edge)).lineTo(left + width, yOf(edge)).dash(2, { space: 2 }).stroke().undash();
  }
  for (const tick of [opts.min, ...opts.bands.filter((b) => b > opts.min && b < opts.max), opts.max]) {
    doc.text(opts.tick(tick), left - 28, yOf(tick) - 3, { width: 24, align: "right" });
  }
  // The line, broken where a period has no value.
  doc.lineWidth(1.5).strokeColor("#0f766e");
  let open = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      open = false;
      return;
    }
    if (open) doc.lineTo(xOf(i), yOf(p.value));
    else doc.moveTo(xOf(i), yOf(p.value));
    open = true;
  });
  doc.stroke();
  points.forEach((p, i) => {
    const x = xOf(i);
    if (p.value !== null) {
      doc.circle(x, yOf(p.value), 2.5).fill("#0f766e");
      doc.fillColor(TEXT).text(p.valueLabel, x - 20, yOf(p.value) - 12, { width: 40, align: "center" });
    }
    doc.fillColor(TEXT).text(p.label, x - 25, top + height + 4, { width: 50, align: "center" });
  });
  doc.restore();
  doc.x = doc.page.margins.left;
  doc.y = top + height + 24;
}
