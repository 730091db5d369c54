// npm run ikm -- <berkas.csv|berkas.xlsx> [--template ID] [--population N] [--sheet NAMA] [--json]
// npm run ikm -- --population N [--json]
//
// Computes the IKM of a tabulation (one row per respondent, columns U1..U9 or U1..U14).
// Exit status: 0 = done, 2 = bad input or usage (one line on stderr), 1 = unexpected failure.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  DEFAULT_TEMPLATE_ID,
  TEMPLATES,
  computeIkmFromRows,
  formatDecimal,
  formatIkm,
  formatInteger,
  formatKonversi,
  formatNrr,
  formatWeight,
  getTemplate,
  minimumSample,
  type IkmResult,
  type IkmTemplate,
} from "../lib/ikm";
import { ImportReadError, detectSource, readImportBytes } from "../lib/import";
import { AGENCY_TIME_ZONES } from "../lib/periods";
import { TabulationError, readTabulationFile, type Tabulation } from "../lib/tabulation/read-tabulation";
import { formJson, formNotices, previewForm, refusalText } from "./lib/ikm-form";

const USAGE = `Pemakaian:
  npm run ikm -- <berkas.csv|berkas.xlsx> [--template ${Object.keys(TEMPLATES).join("|")}] [--population N] [--sheet NAMA] [--time-zone ZONA] [--json]
  npm run ikm -- --population N [--json]

  --template    template kuesioner (bawaan: ${DEFAULT_TEMPLATE_ID})
  --population  jumlah orang yang dilayani pada periode survei: memeriksa sampel minimum (Krejcie & Morgan)
  --sheet       lembar kerja XLSX yang dibaca (bawaan: lembar pertama)
  --time-zone   zona waktu instansi untuk cap waktu ekspor formulir (bawaan: Asia/Jakarta)

  Berkas: tabulasi (kolom U1…U9) atau ekspor formulir daring (Google Forms, Microsoft Forms,
  KoboToolbox) dengan pertanyaan lengkap sebagai judul kolom dan label pilihan sebagai jawaban.
  --json        keluaran satu objek JSON`;

class UsageError extends Error {}

function fail(message: string, status: number): never {
  process.stderr.write(`Kesalahan: ${message}\n`);
  process.exit(status);
}

function parsePopulation(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--population harus bilangan bulat positif tanpa pemisah ribuan (diterima: "${value}").`);
  }
  return Number(text);
}

function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  return align === "left" ? text.padEnd(width) : text.padStart(width);
}

function jsonReport(file: string, template: IkmTemplate, tabulation: Pick<Tabulation, "rowsWithoutAnswers">, result: IkmResult, population?: number) {
  return {
    file,
    template: template.id,
    respondents: result.respondents,
    rowsWithoutAnswers: tabulation.rowsWithoutAnswers,
    weight: result.weight,
    unsur: result.items.map((item) => ({
      code: item.code,
      name: item.name,
      answered: item.answered,
      sum: item.sum,
      nrr: item.nrr,
      weightedNrr: item.weightedNrr,
      rank: item.rank,
    })),
    computable: result.computable,
    unansweredItems: result.unansweredItems,
    ikm: result.ikm,
    konversi: result.konversi,
    konversiRounded: result.konversiRounded,
    mutu: result.mutu,
    kinerja: result.kinerja,
    weakest: result.priorities[0] ?? null,
    priorities: result.priorities,
    ci95: result.confidence
      ? {
          lower: result.confidence.lower,
          upper: result.confidence.upper,
          standardError: result.confidence.standardError,
          finitePopulationCorrection: result.confidence.finitePopulationCorrection,
        }
      : null,
    ...(population === undefined || !result.sample
      ? {}
      : { population, minimumSample: result.sample.minimumSample, sampleMet: result.sample.met }),
  };
}

function textReport(file: string, template: IkmTemplate, tabulation: Pick<Tabulation, "rowsWithoutAnswers">, result: IkmResult): string {
  const lines: string[] = [];
  lines.push(`Indeks Kepuasan Masyarakat — ${file}`);
  lines.push(`Template   : ${template.name}`);
  const skipped = tabulation.rowsWithoutAnswers.length;
  lines.push(
    `Responden  : ${formatInteger(result.respondents)}` +
      (skipped > 0 ? ` (${skipped} baris tanpa jawaban dilewati: baris ${tabulation.rowsWithoutAnswers.join(", ")})` : ""),
  );
  lines.push("");

  const codeWidth = Math.max(...result.items.map((item) => item.code.length));
  const label = (item: { code: string; name: string }) => `${pad(item.code, codeWidth)}  ${item.name}`;
  const nameWidth = Math.max(5, ...result.items.map((item) => label(item).length));
  lines.push(
    `${pad("Unsur", nameWidth)}  ${pad("Jawaban", 7, "right")}  ${pad("NRR", 5, "right")}  ${pad("NRR x bobot", 11, "right")}  ${pad("Peringkat", 9, "right")}`,
  );
  lines.push("-".repeat(nameWidth + 2 + 7 + 2 + 5 + 2 + 11 + 2 + 9));
  for (const item of result.items) {
    lines.push(
      `${pad(label(item), nameWidth)}  ${pad(formatInteger(item.answered), 7, "right")}  ${pad(formatNrr(item.nrr), 5, "right")}  ${pad(formatDecimal(item.weightedNrr, 3), 11, "right")}  ${pad(item.rank === null ? "–" : String(item.rank), 9, "right")}`,
    );
  }
  lines.push(`Bobot per unsur: 1/${result.items.length} (ditampilkan ${formatWeight(result.weight)}; dihitung dengan pecahan tepat)`);
  lines.push("");

  if (!result.computable) {
    lines.push(
      `IKM tidak dapat dihitung: unsur ${result.unansweredItems.join(", ")} tidak dijawab oleh satu pun responden.`,
    );
  } else {
    const { min, max } = template.scale;
    lines.push(`IKM (skala ${min}–${max})        : ${formatIkm(result.ikm)}`);
    const ci = result.confidence
      ? `   (selang kepercayaan 95%: ${formatDecimal(result.confidence.lower)} – ${formatDecimal(result.confidence.upper)})`
      : "";
    lines.push(`IKM konversi (25–100)  : ${formatKonversi(result)}${ci}`);
    lines.push(`Mutu pelayanan         : ${result.mutu}`);
    lines.push(`Kinerja unit pelayanan : ${result.kinerja}`);
  }
  const byCode = new Map(result.items.map((item) => [item.code, item]));
  const weakest = result.priorities[0];
  if (weakest) {
    const item = byCode.get(weakest)!;
    lines.push(`Unsur terlemah         : ${item.code} ${item.name} (NRR ${formatNrr(item.nrr)})`);
    lines.push(
      `Prioritas perbaikan    : ${result.priorities
        .slice(0, 3)
        .map((code) => `${code} (${formatNrr(byCode.get(code)!.nrr)})`)
        .join(", ")}`,
    );
  }
  if (result.sample) {
    const { minimumSample: minimum, population, met, respondents } = result.sample;
    lines.push(
      `Sampel                 : ${formatInteger(respondents)} responden; minimum ${formatInteger(minimum)} untuk populasi ${formatInteger(population)} (Krejcie & Morgan) — ` +
        (met ? "terpenuhi" : `BELUM terpenuhi (kurang ${formatInteger(minimum - respondents)}); hasil tetap ditampilkan`),
    );
  } else {
    lines.push("Sampel                 : tidak diperiksa (berikan --population N)");
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  let values: { template?: string; population?: string; sheet?: string; "time-zone"?: string; json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        template: { type: "string", short: "t" },
        population: { type: "string", short: "p" },
        sheet: { type: "string" },
        "time-zone": { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const option = /--?[A-Za-z][\w-]*/.exec(/'([^']+)'/.exec(message)?.[1] ?? "")?.[0] ?? "";
    const long = /--[\w-]+/.exec(message)?.[0] ?? option;
    throw new UsageError(
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? `opsi tidak dikenal: ${option}; lihat --help.`
        : code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
          ? message.includes("missing")
            ? `opsi ${long} memerlukan nilai; lihat --help.`
            : `opsi ${long} tidak menerima nilai; lihat --help.`
          : "argumen tidak sah; lihat --help.",
    );
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const population = parsePopulation(values.population);
  if (positionals.length > 1) {
    throw new UsageError(`hanya satu berkas yang dapat dihitung sekaligus (diterima: ${positionals.join(", ")}).`);
  }
  const file = positionals[0];

  if (file === undefined) {
    if (population === undefined) throw new UsageError("berkas tabulasi tidak diberikan; lihat --help.");
    const minimum = minimumSample(population);
    process.stdout.write(
      values.json
        ? `${JSON.stringify({ population, minimumSample: minimum })}\n`
        : `Populasi ${formatInteger(population)}: sampel minimum ${formatInteger(minimum)} responden (Krejcie & Morgan).\n`,
    );
    return;
  }

  const templateId = values.template ?? DEFAULT_TEMPLATE_ID;
  const template = getTemplate(templateId);
  if (!template) {
    throw new UsageError(`template "${templateId}" tidak dikenal; pilihan: ${Object.keys(TEMPLATES).join(", ")}.`);
  }

  const timeZone = values["time-zone"] ?? "Asia/Jakarta";
  if (!(AGENCY_TIME_ZONES as readonly string[]).includes(timeZone)) {
    throw new UsageError(`--time-zone harus salah satu dari ${AGENCY_TIME_ZONES.join(", ")} (diterima: "${timeZone}").`);
  }
  if (await formExport(file, template, timeZone, population, values)) return;

  const tabulation = await readTabulationFile(file, template, values.sheet === undefined ? {} : { sheet: values.sheet });
  if (tabulation.ignoredItemColumns.length > 0) {
    // U10.. in a 9-unsur run almost always means a 14-unsur tabulation: U1 would then be read as
    // Persyaratan while it holds Prosedur. Refuse rather than compute a wrong index.
    const extra = tabulation.ignoredItemColumns;
    throw new UsageError(
      `berkas "${file}" baris ${tabulation.headerRow}: kolom ${extra.join(", ")} bukan unsur template ${template.id}` +
        (template.id !== "kepmenpan-25-2004" ? "; untuk tabulasi 14 unsur gunakan --template kepmenpan-25-2004" : "") +
        "; hapus atau ganti nama kolom itu bila bukan skor.",
    );
  }
  const result = computeIkmFromRows(
    tabulation.rows.map((row) => row.scores),
    population === undefined ? { template } : { template, population },
  );
  process.stdout.write(
    values.json
      ? `${JSON.stringify(jsonReport(file, template, tabulation, result, population), null, 2)}\n`
      : `${textReport(file, template, tabulation, result)}\n`,
  );
}

/**
 * An online-form export goes through lib/import (the import preview's figures); a tabulation
 * (or a file that cannot be read here) is left to the tabulation reader. True when handled.
 */
async function formExport(
  file: string,
  template: IkmTemplate,
  timeZone: string,
  population: number | undefined,
  values: { sheet?: string; json?: boolean },
): Promise<boolean> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return false;
  }
  const headerCodes = template.items.map((item) => item.code);
  let table;
  try {
    table = await readImportBytes(file, data, values.sheet === undefined ? { headerCodes } : { headerCodes, sheet: values.sheet });
  } catch (error) {
    if (error instanceof ImportReadError) return false;
    throw error;
  }
  if (table.headerRow === 0 || detectSource(table.header, template) === "tabulation") return false;
  const imported = previewForm(table, template, timeZone);
  const { preview } = imported;
  if (preview.refused.length > 0) {
    const shown = preview.refused.slice(0, 5).map(refusalText);
    const more = preview.refused.length - shown.length;
    throw new UsageError(
      `berkas "${file}": ${preview.refused.length} penolakan; ${shown.join(" ")}${more > 0 ? ` (dan ${more} lagi)` : ""}`,
    );
  }
  for (const notice of formNotices(imported)) process.stderr.write(`Catatan: ${notice}\n`);
  const result = computeIkmFromRows(
    preview.accepted.map((row) => row.answers),
    population === undefined ? { template } : { template, population },
  );
  const skipped = { rowsWithoutAnswers: [...preview.rowsWithoutAnswers] };
  process.stdout.write(
    values.json
      ? `${JSON.stringify({ ...jsonReport(file, template, skipped, result, population), ...formJson(imported) }, null, 2)}\n`
      : `${textReport(file, template, skipped, result)}\n`,
  );
  return true;
}

main().catch((error: unknown) => {
  if (error instanceof TabulationError || error instanceof UsageError) fail(error.message, 2);
  fail(`tidak terduga: ${error instanceof Error ? error.stack ?? error.message : String(error)}`, 1);
});
