// How fast an online-form export is read, matched and previewed (lib/import), and how much
// memory it takes. Generates a Google Forms CSV (Indonesian locale timestamps, numbered full
// questions, labels with and without "a." prefixes, mixed case, a quoted multi-line saran every
// 50th row) with --rows rows in a temporary file, then times read + match + preview and checks
// the preview's IKM against lib/ikm on the generated scores. Prints rows/s and peak RSS.
//
// Run: npx tsx scripts/bench/import-parse-bench.ts [--rows 100000]
import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PERMENPAN_14_2017, computeIkmFromRows } from "@/lib/ikm";
import { buildPreview, detectSource, proposeMapping, readCsvText } from "@/lib/import";

const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" } } });
const ROWS = Number(values.rows);
const T = PERMENPAN_14_2017;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function quote(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function generate(rows: number): { csv: string; scores: number[][] } {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const header = ["Stempel waktu", "Jenis layanan yang diterima", "Jenis Kelamin", "Usia", "Pendidikan Terakhir", "Pekerjaan",
    ...T.items.map((item, i) => `${i + 1}. ${item.question}`), "Saran dan masukan"];
  const lines = [header.map(quote).join(",")];
  const scores: number[][] = [];
  const genders = ["Laki-laki", "Perempuan"];
  const education = ["SD", "SMP", "SMA/SMK", "D3", "S1", "S2"];
  const jobs = ["PNS", "Swasta", "Wiraswasta", "Petani", "Lainnya"];
  const start = Date.UTC(2026, 0, 1);
  for (let r = 0; r < rows; r++) {
    const at = new Date(start + Math.floor(random() * 300 * 86400) * 1000);
    const stamp = `${at.getUTCDate()}/${String(at.getUTCMonth() + 1).padStart(2, "0")}/${at.getUTCFullYear()} ${at.getUTCHours()}:${String(at.getUTCMinutes()).padStart(2, "0")}:${String(at.getUTCSeconds()).padStart(2, "0")}`;
    const row = T.items.map(() => 1 + Math.floor(random() * 4));
    scores.push(row);
    const labels = row.map((score, i) => {
      const label = T.items[i]!.options[score - 1]!.id;
      const style = (r + i) % 4;
      return style === 0 ? label : style === 1 ? `${"abcd"[score - 1]}. ${label}` : style === 2 ? label.toUpperCase() : label.toLowerCase();
    });
    const saran = r % 50 === 0 ? `Antrean lama, "loket" sedikit.\nMohon ditambah (${r}).` : "";
    lines.push([stamp, `Layanan ${r % 5}`, genders[r % 2]!, String(18 + (r % 60)), education[r % 6]!, jobs[r % 5]!, ...labels, saran].map(quote).join(","));
  }
  return { csv: `${lines.join("\r\n")}\r\n`, scores };
}

async function main() {
  const file = path.join(tmpdir(), `suara-import-bench-${process.pid}.csv`);
  const { csv, scores } = generate(ROWS);
  await writeFile(file, csv);
  const size = Buffer.byteLength(csv);
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const table = readCsvText((await readFile(file)).toString("utf8"));
  const t1 = performance.now();
  const source = detectSource(table.header, T);
  const mapping = proposeMapping(table.header, T);
  const preview = buildPreview(table, mapping, { template: T, timeZone: "Asia/Jakarta" });
  const t2 = performance.now();
  await rm(file);
  const expected = computeIkmFromRows(scores, { template: T });
  if (preview.refused.length > 0 || preview.accepted.length !== ROWS || preview.ikm.konversi !== expected.konversi) {
    throw new Error(`preview differs: ${preview.accepted.length} accepted, ${preview.refused.length} refused, konversi ${preview.ikm.konversi} vs ${expected.konversi}`);
  }
  const seconds = (t2 - t0) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(`${ROWS.toLocaleString("en")} rows (${source}), ${mb(size)} CSV`);
  console.log(`read ${((t1 - t0) / 1000).toFixed(2)} s, match + preview ${((t2 - t1) / 1000).toFixed(2)} s, total ${seconds.toFixed(2)} s = ${Math.round(ROWS / seconds).toLocaleString("en")} rows/s`);
  console.log(`RSS before ${mb(rssBefore)} (file generated in memory), peak ${mb(peak)}; konversi ${preview.ikm.konversiRounded} = lib/ikm`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
