// The text files of the evaluation evidence ZIP (lib/export/evidence.ts): the CSVs of the
// follow-up plans, the publication log and the time to follow-up, the README, and the names the
// attached files go under. Pure: the data layer hands the evidence, the messages the words.
import { safeFilename } from "@/lib/attachments/sniff";
import type { TEvidenceLogEntry, TEvidencePlan, TUnitEvidence } from "@/lib/dal/evidence";
import { BOM, csvCell, localTimestamp } from "@/lib/export/csv";
import { formatDecimal } from "@/lib/ikm";
import type { Locale } from "@/lib/i18n/config";
import { periodKey } from "@/lib/periods";

/** A translator of one messages namespace (next-intl's, narrowed). */
export type TText = (key: string, values?: Record<string, string | number>) => string;

/** What the builders need of the messages: the `evidence` words, plan status and medium names, a period's name. */
export type TEvidenceWords = { t: TText; status: (s: string) => string; medium: (m: string) => string; period: (key: string) => string };

const EOL = "\r\n";
type TCell = string | number | null | undefined | { bare: string };

/**
 * A CSV as the reader's spreadsheet opens it: `;` with a decimal comma for Indonesian, `,` with a
 * decimal point for English; a UTF-8 BOM and CRLF line ends (Excel on Windows); text quoted and
 * defused against formulas by csvCell.
 */
export function csvText(rows: TCell[][], locale: Locale): string {
  const sep = locale === "id" ? ";" : ",";
  return BOM + rows.map((cells) => cells.map((c) => (c !== null && typeof c === "object" ? c.bare : csvCell(c))).join(sep) + EOL).join("");
}

const decimal = (v: number | null, digits: number, locale: Locale): TCell => (v === null ? "" : { bare: formatDecimal(v, digits, locale) });
/** A DATE column (held as UTC midnight): the day itself. */
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
const at = (d: Date | null, timeZone: string) => (d ? localTimestamp(d, timeZone) : "");

/**
 * Names inside the archive: the file's own name made safe (last path segment only, no control or
 * bidirectional characters, none Windows refuses, no leading dots, no ".."), and unique within
 * the archive ("bukti (2).png"). A name from an upload never leaves its folder.
 */
export function entryNamer() {
  const taken = new Set<string>();
  return (folder: string, name: string): string => {
    const clean = safeFilename(name.replace(/\.{2,}/g, ".")).replace(/\.{2,}/g, ".");
    const dot = clean.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, ""];
    let candidate = `${folder}/${clean}`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${folder}/${stem} (${n})${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}

/** The plans of the year, one row per action (a plan without actions gets one row); `paths` maps a file id to its entry. */
export function plansCsv(e: TUnitEvidence, w: TEvidenceWords, paths: ReadonlyMap<string, string>, locale: Locale): string {
  const t = (k: string) => w.t(`rtl.${k}`);
  const files = (list: { id: string }[]) => list.map((f) => paths.get(f.id)).filter((p): p is string => !!p).join(" | ");
  const header = ["period", "periodName", "status", "fkpDate", "submittedAt", "approvedAt", "minutes", "unsur", "action", "owner", "dueDate", "expectedEffect", "progress", "realisation", "doneAt", "files"].map(t);
  const rows: TCell[][] = [header];
  for (const p of e.plans) {
    const head: TCell[] = [periodKey(p.period), w.period(periodKey(p.period)), w.status(p.status), day(p.fkpDate), at(p.submittedAt, e.timeZone), at(p.approvedAt, e.timeZone), files(p.files)];
    if (p.actions.length === 0) rows.push([...head, "", "", "", "", "", "", "", "", ""]);
    for (const a of p.actions) {
      rows.push([...head, a.unsurCode, a.action, a.owner, day(a.dueDate), a.expectedEffect, a.progress, a.realisation, at(a.doneAt, e.timeZone), files(a.files)]);
    }
  }
  return csvText(rows, locale);
}

/** The publication log of the year, one row per entry; `photos` maps an entry id to its proof's entry. */
export function publicationCsv(log: readonly TEvidenceLogEntry[], w: TEvidenceWords, photos: ReadonlyMap<string, string>, locale: Locale): string {
  const t = (k: string) => w.t(`publication.${k}`);
  const rows: TCell[][] = [["period", "periodName", "medium", "publishedOn", "url", "note", "proof"].map(t)];
  for (const l of log) rows.push([periodKey(l.period), w.period(periodKey(l.period)), w.medium(l.medium), day(l.publishedOn), l.url, l.note, photos.get(l.id) ?? ""]);
  return csvText(rows, locale);
}

/** From report to follow-up, per plan, then the year's figures (lib/follow-up/metrics's, as computed by the data layer). */
export function followUpCsv(e: TUnitEvidence, w: TEvidenceWords, locale: Locale): string {
  const t = (k: string) => w.t(`followUp.${k}`);
  const rows: TCell[][] = [["period", "periodName", "status", "reportedAt", "reportedBy", "approvedAt", "days", "actions", "realised"].map(t)];
  const realised = (p: TEvidencePlan) => p.actions.filter((a) => a.progress >= 100).length;
  for (const p of e.plans) {
    rows.push([
      periodKey(p.period), w.period(periodKey(p.period)), w.status(p.status), at(p.reportedAt, e.timeZone), t(p.reportedBy),
      at(p.approvedAt, e.timeZone), p.daysToFollowUp, p.actions.length, realised(p),
    ]);
  }
  const m = e.metrics;
  rows.push([]);
  rows.push([t("summary"), String(e.year)]);
  rows.push([t("plans"), m.plans]);
  rows.push([t("approvedPlans"), m.approvedPlans]);
  rows.push([t("actionsTotal"), m.actions]);
  rows.push([t("realisedTotal"), m.realised]);
  rows.push([t("realisedShare"), decimal(m.realisedShare === null ? null : m.realisedShare * 100, 1, locale)]);
  rows.push([t("meanDays"), decimal(m.meanDaysToFollowUp, 1, locale)]);
  rows.push([t("maxDays"), m.maxDaysToFollowUp]);
  return csvText(rows, locale);
}

/** README.txt: what each folder holds, for the evaluator who opens the archive. CRLF for Notepad. */
export function readmeText(e: TUnitEvidence, w: TEvidenceWords, v: { generatedAt: string; reports: string[]; pending: string[] }): string {
  const t = (k: string, values?: Record<string, string | number>) => w.t(`readme.${k}`, values);
  const none = t("none");
  const lines = [
    t("title"),
    t("unit", { unit: e.unit.name, code: e.unit.code, year: e.year }),
    t("generated", { date: v.generatedAt }),
    "",
    t("purpose"),
    "",
    "laporan/",
    `  ${t("reports", { periods: v.reports.length > 0 ? v.reports.join(", ") : none })}`,
    ...(v.pending.length > 0 ? [`  ${t("pending", { periods: v.pending.join(", ") })}`] : []),
    "rtl/",
    `  ${t("plans")}`,
    `  ${t("attachments")}`,
    "publikasi/",
    `  ${t("publication")}`,
    `  ${t("proofs")}`,
    "tindak-lanjut.csv",
    `  ${t("followUp")}`,
    "",
    t("csv", { zone: e.timeZone }),
    t("names"),
  ];
  return lines.join(EOL) + EOL;
}
