// The tabulation of a view as the regulation lays it out (PermenPANRB 14/2017, pengolahan data):
// one row per respondent, one column per unsur, then the rows Jumlah nilai, Jumlah jawaban, NRR,
// NRR tertimbang, IKM and IKM konversi. In the workbook those rows are spreadsheet formulas over
// the respondent rows, their values cached from lib/ikm (the same numbers as the dashboard); the
// CSV holds the values. A second sheet holds the raw responses (the CSV export's columns), a
// third the respondents' profile counts.
//
// Streamed: the processing sheet is written from one pass over the rows while lib/ikm's
// accumulator adds them up, the raw sheet from a second pass, so memory holds one batch.
// Unanswered items are blank cells (COUNT and SUM skip them), never 0. The summary rows are
// labelled in the No column, which is how the `ikm` reader (lib/tabulation) tells them apart.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { columnLetter } from "@/lib/tabulation/read-tabulation";
import { createIkmAccumulator, formatDecimal, type IkmResult, type IkmTemplate, computeIkmFromSums, type DisplayLocale } from "@/lib/ikm";
import { BOM, csvCell, exportHeaderCells, exportLayout, exportRowCells, type TExportLabels, type TExportRow, type TExportVersion } from "./csv";

export type TTabulationLabels = {
  processingSheet: string;
  rawSheet: string;
  profileSheet: string;
  title: string;
  number: string;
  sum: string;
  answered: string;
  nrr: string;
  weighted: string;
  ikm: string;
  konversi: string;
  mutu: string;
  kinerja: string;
  category: string;
  value: string;
  count: string;
  notGiven: string;
  gender: string;
  ageBand: string;
  education: string;
  occupation: string;
  service: string;
  channel: string;
  export: TExportLabels;
};

export type TTabulationInput = {
  template: IkmTemplate;
  /** Rows of these versions (not suspicious) are the respondents of the processing sheet. */
  familyVersions: ReadonlySet<string>;
  versions: readonly TExportVersion[];
  timeZone: string;
  labels: TTabulationLabels;
  /** An unsur's or kinerja's text in the reader's language. */
  pick: (id: string, en: string | null | undefined) => string;
  /** Called once per pass: a fresh run over the view's rows. */
  batches: () => AsyncGenerator<TExportRow[], void, undefined>;
};

/** Whether a row is a respondent of the index (what the dashboard counts). */
export function countsInIndex(r: TExportRow, familyVersions: ReadonlySet<string>): boolean {
  return !r.suspicious && familyVersions.has(r.versionId);
}

const AGE_BANDS: [number, string][] = [[25, "< 25"], [35, "25–34"], [45, "35–44"], [55, "45–54"], [Infinity, "≥ 55"]];
const ageBand = (age: number | null) => (age === null ? null : AGE_BANDS.find(([upper]) => age < upper)![1]);

/** Profile counts of the respondents: category -> value -> count, categories in a fixed order. */
export class ProfileCounts {
  readonly counts = new Map<keyof TTabulationLabels, Map<string | null, number>>(
    (["gender", "ageBand", "education", "occupation", "service", "channel"] as const).map((k) => [k, new Map()]),
  );
  add(r: TExportRow) {
    const values: [keyof TTabulationLabels, string | null][] = [
      ["gender", r.gender], ["ageBand", ageBand(r.age)], ["education", r.education], ["occupation", r.occupation], ["service", r.service], ["channel", r.channel],
    ];
    for (const [k, v] of values) {
      const m = this.counts.get(k)!;
      m.set(v, (m.get(v) ?? 0) + 1);
    }
  }
  rows(labels: TTabulationLabels): [string, string, number][] {
    const out: [string, string, number][] = [];
    for (const [k, m] of this.counts) {
      const entries = [...m].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
      for (const [v, n] of entries) out.push([labels[k] as string, v ?? labels.notGiven, n]);
    }
    return out;
  }
}

const FIRST_DATA_ROW = 4;

/** The summary rows' cells: [label, per item (formula, cached value)..., ] for rows after the data. */
function summaryRows(k: number, n: number, result: IkmResult, input: TTabulationInput) {
  const { labels, template: { scale } } = input;
  const last = FIRST_DATA_ROW + n - 1;
  const at = (i: number) => columnLetter(i + 1); // column B is the first unsur
  const countRow = last + 2, nrrRow = last + 3, weightedRow = last + 4, ikmRow = last + 5;
  const sumRow = last + 1;
  // No respondents: the header cell alone (SUM and COUNT of a text are 0), never the summary rows themselves.
  const range = (i: number) => (n === 0 ? `${at(i)}${FIRST_DATA_ROW - 1}` : `${at(i)}${FIRST_DATA_ROW}:${at(i)}${last}`);
  const items = result.items;
  const konversi = scale.min === 1 && scale.max === 4 ? `B${ikmRow}*25` : `25+75*(B${ikmRow}-${scale.min})/${scale.max - scale.min}`;
  const perItem = (f: (i: number) => string, v: (i: number) => number | null) =>
    Array.from({ length: k }, (_, i) => ({ formula: f(i), result: v(i) ?? undefined }));
  return [
    { label: labels.sum, cells: perItem((i) => `SUM(${range(i)})`, (i) => items[i]!.sum) },
    { label: labels.answered, cells: perItem((i) => `COUNT(${range(i)})`, (i) => items[i]!.answered) },
    { label: labels.nrr, cells: perItem((i) => `IF(${at(i)}${countRow}=0,"",${at(i)}${sumRow}/${at(i)}${countRow})`, (i) => items[i]!.nrr) },
    { label: labels.weighted, cells: perItem((i) => `IF(${at(i)}${countRow}=0,"",${at(i)}${nrrRow}/${k})`, (i) => items[i]!.weightedNrr) },
    { label: labels.ikm, cells: [{ formula: `SUM(B${weightedRow}:${at(k - 1)}${weightedRow})`, result: result.ikm ?? undefined }] },
    { label: labels.konversi, cells: [{ formula: konversi, result: result.konversi ?? undefined }] },
    { label: labels.mutu, cells: [result.mutu ?? ""] },
    { label: labels.kinerja, cells: [result.kinerja ? input.pick(result.kinerja, result.kinerjaEn) : ""] },
  ];
}

/** The workbook as a byte stream; the rows are read while the client reads the file. */
export function tabulationXlsxStream(input: TTabulationInput): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  void writeWorkbook(input, out).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

async function writeWorkbook(input: TTabulationInput, out: PassThrough): Promise<void> {
  const { template, labels } = input;
  const codes = template.items.map((i) => i.code);
  const k = codes.length;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });

  const proc = wb.addWorksheet(labels.processingSheet);
  proc.addRow([labels.title]).commit();
  proc.addRow(["", ...template.items.map((i) => input.pick(i.name, i.nameEn))]).commit();
  proc.addRow([labels.number, ...codes]).commit();
  const acc = createIkmAccumulator(template);
  const profile = new ProfileCounts();
  let n = 0;
  for await (const batch of input.batches()) {
    if (out.destroyed) return; // the client went away: stop the queries
    for (const r of batch) {
      if (!countsInIndex(r, input.familyVersions)) continue;
      const scores = codes.map((c) => r.answers[c] ?? null);
      acc.add(scores);
      profile.add(r);
      proc.addRow([++n, ...scores]).commit();
    }
    await drained(out);
  }
  const result = computeIkmFromSums(acc.stats(), { template });
  for (const row of summaryRows(k, n, result, input)) proc.addRow([row.label, ...row.cells]).commit();
  await proc.commit();

  const layout = exportLayout(input.versions);
  const raw = wb.addWorksheet(labels.rawSheet);
  raw.addRow(exportHeaderCells(layout, labels.export)).commit();
  let m = 0;
  for await (const batch of input.batches()) {
    if (out.destroyed) return;
    for (const r of batch) raw.addRow(exportRowCells(++m, r, layout, labels.export, input.timeZone).map((v) => v ?? null)).commit();
    await drained(out);
  }
  await raw.commit();

  const prof = wb.addWorksheet(labels.profileSheet);
  prof.addRow([labels.category, labels.value, labels.count]).commit();
  for (const row of profile.rows(labels)) prof.addRow(row).commit();
  await prof.commit();
  await wb.commit();
}

/** Wait while the client is slower than the database: the zip's output is the only buffer let grow. */
async function drained(out: PassThrough): Promise<void> {
  while (!out.destroyed && out.readableLength > out.readableHighWaterMark * 16) await new Promise((r) => setTimeout(r, 10));
}

/** The CSV's separators: `;` with a decimal comma (Indonesian Excel), or `,` with a decimal point. */
export type TCsvDialect = { sep: ";" | ","; locale: DisplayLocale };

/** The processing sheet as CSV: the same rows under the header, the summary rows holding lib/ikm's values (NRR and IKM to 3 decimals, konversi to 2). */
export function tabulationCsvStream(input: TTabulationInput, dialect: TCsvDialect): ReadableStream<Uint8Array> {
  const { template, labels } = input;
  const codes = template.items.map((i) => i.code);
  const encoder = new TextEncoder();
  // A decimal is written bare ({ bare }: text that csvCell would quote) so a spreadsheet reads it as a number in the dialect's locale.
  const line = (cells: (string | number | null | undefined | { bare: string })[]) =>
    cells.map((c) => (c !== null && typeof c === "object" ? c.bare : csvCell(c))).join(dialect.sep) + "\r\n";
  const num = (v: number | null | undefined, digits: number) => (v === null || v === undefined ? "" : { bare: formatDecimal(v, digits, dialect.locale) });
  const acc = createIkmAccumulator(template);
  let n = 0;
  let iterator: AsyncGenerator<TExportRow[], void, undefined> | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // The header first: a reader (Excel, the `ikm` command) tells the separator from the first line.
      controller.enqueue(encoder.encode(BOM + line([labels.number, ...codes])));
      iterator = input.batches();
    },
    async pull(controller) {
      const next = await iterator!.next();
      if (next.done) {
        const r = computeIkmFromSums(acc.stats(), { template });
        const tail =
          line([labels.sum, ...r.items.map((i) => i.sum)]) +
          line([labels.answered, ...r.items.map((i) => i.answered)]) +
          line([labels.nrr, ...r.items.map((i) => num(i.nrr, 3))]) +
          line([labels.weighted, ...r.items.map((i) => num(i.weightedNrr, 3))]) +
          line([labels.ikm, num(r.ikm, 3)]) +
          line([labels.konversi, num(r.konversiRounded, 2)]) +
          line([labels.mutu, r.mutu ?? ""]) +
          line([labels.kinerja, r.kinerja ? input.pick(r.kinerja, r.kinerjaEn) : ""]);
        controller.enqueue(encoder.encode(tail));
        return controller.close();
      }
      let chunk = "";
      for (const row of next.value) {
        if (!countsInIndex(row, input.familyVersions)) continue;
        const scores = codes.map((c) => row.answers[c] ?? null);
        acc.add(scores);
        chunk += line([++n, ...scores]);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator?.return();
    },
  });
}
