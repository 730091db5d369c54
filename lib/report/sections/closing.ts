// BAB V Penutup and the signature block of the unit head: jabatan, room to sign, name, NIP;
// blank lines to fill in by hand where the unit's head is not set.
import { FONT, FONT_BOLD, heading, paragraph, type TDoc } from "@/lib/report/draw";
import type { TUnitReportInput } from "@/lib/report/input";

const BLANK = "( ........................................ )";
const BLANK_NIP = "..................................";

/** A NIP as it is printed under a signature: birth date, appointment, sex, serial ("19700101 199503 1 001"). */
export function printedNip(nip: string): string {
  return /^\d{18}$/.test(nip) ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : nip;
}

export function closing(doc: TDoc, { d, t, f, period, head, generatedAt }: TUnitReportInput) {
  const result = d.score?.result;
  heading(doc, t("bab5"));
  if (result?.computable) {
    paragraph(doc, t("bab5Text", { unit: d.unit.name, period: f.period(period), konversi: f.konversi(result), mutu: result.mutu ?? "–", kinerja: result.kinerja ? f.pick(result.kinerja, result.kinerjaEn) : "–" }));
  } else paragraph(doc, result ? t("notComputable") : t("noData"));
  paragraph(doc, t("closingText"));

  // The signature block, right-aligned, kept whole on one page.
  const width = 240;
  const x = doc.page.width - doc.page.margins.right - width;
  if (doc.y + 170 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + 24;
  doc.font(FONT).fontSize(10).fillColor("#1e293b");
  doc.text(t("signDate", { date: f.date(generatedAt) }), x, top, { width, align: "center" });
  doc.text(head.title ?? t("signPlace", { unit: d.unit.name }), x, doc.y, { width, align: "center" });
  const nameY = doc.y + 64;
  if (head.name) doc.font(FONT_BOLD).text(head.name, x, nameY, { width, align: "center", underline: true });
  else doc.text(BLANK, x, nameY, { width, align: "center" });
  doc.font(FONT).text(`${t("nip")} ${head.nip ? printedNip(head.nip) : BLANK_NIP}`, x, doc.y, { width, align: "center" });
  doc.x = doc.page.margins.left;
}
