// The responses export as CSV. Pure: the data layer (lib/dal/export.ts) hands
// the questionnaire versions in the file and the rows in batches; this lays out
// the columns, formats each cell and streams the bytes.
//
// Made for Excel as Indonesian offices run it: `;` between cells (the list
// separator of the Indonesian regional setting, where the comma is the decimal
// mark), CRLF line ends, and a UTF-8 byte-order mark. Without the BOM Excel on
// Windows reads a CSV as the ANSI code page and mangles every non-ASCII letter
// of a saran or a service name; papaparse and LibreOffice skip the BOM.

export const BOM = "\uFEFF";
const SEP = ";";
const EOL = "\r\n";

export type TExportItem = { code: string; name: string; nameEn: string };

/** A questionnaire version whose responses are in the file. */
export type TExportVersion = { id: string; templateKey: string; version: number; asksHarapan: boolean; items: TExportItem[] };

export type TExportRow = {
  id: string;
  submittedAt: Date;
  unitCode: string;
  unitName: string;
  service: string | null;
  channel: string;
  versionId: string;
  answers: Record<string, number>;
  harapan: Record<string, number> | null;
  gender: string | null;
  age: number | null;
  education: string | null;
  occupation: string | null;
  saran: string | null;
  verified: boolean;
  suspicious: boolean;
};

/** What a person reads in the file, in the reader's language (from the messages). */
export type TExportLabels = {
  number: string;
  time: string;
  unitCode: string;
  unit: string;
  service: string;
  channel: string;
  questionnaire: string;
  /** An item column's heading; `item` is null when versions in the file name the code differently. */
  item: (code: string, item: TExportItem | null) => string;
  harapan: (code: string, item: TExportItem | null) => string;
  gender: string;
  age: string;
  education: string;
  occupation: string;
  verified: string;
  suspicious: string;
  saran: string;
  yes: string;
  no: string;
};

type TExportKey = Exclude<keyof TExportLabels, "item" | "harapan"> | "item" | "harapan" | "itemNamed" | "harapanNamed";
/** The `responsesExport` messages' translator, narrowed. */
export type TExportText = (key: TExportKey, values?: Record<string, string>) => string;

/** The labels from the reader's messages; `pick` chooses an unsur's name in the reader's language. */
export function exportLabels(t: TExportText, pick: (id: string, en: string) => string, timeZone: string): TExportLabels {
  return {
    number: t("number"), time: t("time", { zone: timeZone }), unitCode: t("unitCode"), unit: t("unit"),
    service: t("service"), channel: t("channel"), questionnaire: t("questionnaire"),
    item: (code, item) => (item ? t("itemNamed", { code, name: pick(item.name, item.nameEn) }) : t("item", { code })),
    harapan: (code, item) => (item ? t("harapanNamed", { code, name: pick(item.name, item.nameEn) }) : t("harapan", { code })),
    gender: t("gender"), age: t("age"), education: t("education"), occupation: t("occupation"),
    verified: t("verified"), suspicious: t("suspicious"), saran: t("saran"), yes: t("yes"), no: t("no"),
  };
}

/** A column of items: its code and, when every version in the file agrees on it, its unsur. */
export type TItemColumn = { code: string; item: TExportItem | null };

export type TExportLayout = { items: TItemColumn[]; harapan: TItemColumn[]; versionLabel: Map<string, string> };

/**
 * The item columns of the versions in the file, in questionnaire order: U1-U9 for 14/2017,
 * U1-U14 for 25/2004, the union when a unit changed questionnaire (its Kuesioner column then
 * says which one a row answered), and importance (harapan) columns for the versions that ask it.
 */
export function exportLayout(versions: readonly TExportVersion[]): TExportLayout {
  const columns = (list: readonly TExportVersion[]): TItemColumn[] => {
    const byCode = new Map<string, TItemColumn>();
    for (const v of list) {
      for (const item of v.items) {
        const seen = byCode.get(item.code);
        if (!seen) byCode.set(item.code, { code: item.code, item });
        else if (seen.item && seen.item.name !== item.name) seen.item = null; // U1 is Prosedur in 2004, Persyaratan in 2017
      }
    }
    return [...byCode.values()];
  };
  return {
    items: columns(versions),
    harapan: columns(versions.filter((v) => v.asksHarapan)),
    versionLabel: new Map(versions.map((v) => [v.id, `${v.templateKey} v${v.version}`])),
  };
}

// A cell a spreadsheet would run as a formula: = + - @ first (after any spaces), or a tab or
// carriage return first (OWASP's list). Saran is free text from the public.
const FORMULA = /^(?:\s*[=+\-@]|[\t\r])/;

/** One cell: numbers bare, text quoted, a formula-like text defused with a leading apostrophe. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

const line = (cells: (string | number | null | undefined)[]) => cells.map(csvCell).join(SEP) + EOL;

const DAY = 86_400_000;
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
const dayOffsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC in minutes at instant `ms`, from Intl (tens of microseconds a call). */
function offsetAt(ms: number, timeZone: string): number {
  let format = zoneFormats.get(timeZone);
  if (!format) zoneFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })));
  const name = format.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * The offset at `ms`, memoised per UTC day: a day that starts and ends on the same offset has it
 * throughout (a zone changes at most once a day); a changeover day asks Intl for each instant.
 */
function offsetMinutes(ms: number, timeZone: string): number {
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  const day = Math.floor(ms / DAY);
  let offset = days.get(day);
  if (offset === undefined) {
    const start = offsetAt(day * DAY, timeZone);
    offset = start === offsetAt((day + 1) * DAY - 1, timeZone) ? start : Number.NaN;
    days.set(day, offset);
  }
  return Number.isNaN(offset) ? offsetAt(ms, timeZone) : offset;
}

/** ISO 8601 on the agency's clock with its offset: 2026-11-30T08:15:00+08:00 (whole seconds). */
export function localTimestamp(at: Date, timeZone: string): string {
  const offset = offsetMinutes(at.getTime(), timeZone);
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** The header's cells (shared with the tabulation workbook's raw sheet). */
export function exportHeaderCells(layout: TExportLayout, labels: TExportLabels): string[] {
  return [
    labels.number, labels.time, labels.unitCode, labels.unit, labels.service, labels.channel, labels.questionnaire,
    ...layout.items.map((c) => labels.item(c.code, c.item)),
    ...layout.harapan.map((c) => labels.harapan(c.code, c.item)),
    labels.gender, labels.age, labels.education, labels.occupation, labels.verified, labels.suspicious, labels.saran,
  ];
}

export function csvHeader(layout: TExportLayout, labels: TExportLabels): string {
  return line(exportHeaderCells(layout, labels));
}

/** One row's cells, unanswered items undefined (shared with the tabulation workbook's raw sheet). */
export function exportRowCells(n: number, r: TExportRow, layout: TExportLayout, labels: TExportLabels, timeZone: string): (string | number | null | undefined)[] {
  const yesNo = (b: boolean) => (b ? labels.yes : labels.no);
  return [
    n, localTimestamp(r.submittedAt, timeZone), r.unitCode, r.unitName, r.service, r.channel, layout.versionLabel.get(r.versionId) ?? r.versionId,
    ...layout.items.map((c) => r.answers[c.code]),
    ...layout.harapan.map((c) => r.harapan?.[c.code]),
    r.gender, r.age, r.education, r.occupation, yesNo(r.verified), yesNo(r.suspicious), r.saran,
  ];
}

export function csvRow(n: number, r: TExportRow, layout: TExportLayout, labels: TExportLabels, timeZone: string): string {
  return line(exportRowCells(n, r, layout, labels, timeZone));
}

/**
 * The file as a byte stream: the BOM and the header first, then one batch of rows per pull, so
 * memory holds one batch whatever the size of the export, and a client that stops reading stops
 * the queries (cancel ends the batches).
 */
export function csvStream(
  batches: AsyncIterator<TExportRow[]>,
  versions: readonly TExportVersion[],
  labels: TExportLabels,
  timeZone: string,
): ReadableStream<Uint8Array> {
  const layout = exportLayout(versions);
  const encoder = new TextEncoder();
  let n = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + csvHeader(layout, labels)));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      let chunk = "";
      for (const r of next.value) chunk += csvRow(++n, r, layout, labels, timeZone);
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await batches.return?.();
    },
  });
}
