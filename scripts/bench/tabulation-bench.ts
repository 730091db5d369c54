// How fast the tabulation workbook streams, and how much memory it takes, for a large view.
//
// The agency and responses of bench:export (a dinas with four UPT, --responses over this
// year, rolled up by suara_rollup_rebuild()), then the dinas' year through the data layer and
// the workbook stream the route handler returns (lib/dal/tabulation.ts, lib/export/tabulation.ts),
// read to the end as a client would. Prints rows/s, the file size, the time to the first
// bytes and the resident memory before and at its peak; then reads the file back (exceljs'
// streaming reader) and checks the row counts of both sheets against the database.
//
// Run: npm run bench:tabulation -- [--responses 1000000] [--batch 2000] [--keep-db]
// Needs the local PostgreSQL (or --admin-url); ~1-2 min at 1M on 2 cores, mostly generating.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createReadStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { exportLabels, type TExportText } from "@/lib/export/csv";
import { tabulationXlsxStream, type TTabulationLabels } from "@/lib/export/tabulation";
import { MESSAGES } from "@/lib/i18n/messages";
import { migrate } from "@/lib/server/migrate";
import { addResponses, BATCH, benchDatabase, buildAgency, mb, N, say } from "./export-agency";
import { parseDashboardQuery } from "@/lib/validation/dashboard";

const { dbName, url, create, cleanup } = benchDatabase("tabulation");

async function main() {
  await create();
  await migrate(url, { engine: "builtin" });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const kepala = await buildAgency(c);
  const t0 = performance.now();
  await addResponses(c, N);
  say(`${N.toLocaleString("en")} responses generated and rolled up in ${((performance.now() - t0) / 1000).toFixed(0)} s; database ${dbName}`);
  const year = String(new Date().getUTCFullYear());
  const yearStart = `date_trunc('year', now() AT TIME ZONE 'Asia/Jakarta')`;
  const counted = Number((await c.query(`SELECT count(*) FILTER (WHERE NOT suspicious) AS n FROM response WHERE (submitted_at AT TIME ZONE 'Asia/Jakarta') >= ${yearStart}`)).rows[0].n);
  const all = Number((await c.query(`SELECT count(*) AS n FROM response WHERE (submitted_at AT TIME ZONE 'Asia/Jakarta') >= ${yearStart}`)).rows[0].n);
  await c.end();

  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const { openTabulationExport } = await import("@/lib/dal/tabulation");
  // The messages filled by hand: next-intl's entry point needs React's client build, which this
  // react-server process (for the data layer's server-only imports) does not load.
  const fill = (messages: Record<string, string>) => (key: string, values: Record<string, string> = {}) => messages[key]!.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
  const t = fill(MESSAGES.id.tabulationExport);
  const te = fill(MESSAGES.id.responsesExport) as TExportText;

  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const exp = (await openTabulationExport(kepala, "DINAS-EKSPOR", parseDashboardQuery({ periode: year, cakupan: "gabungan" }, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }).query))!;
  const keys = ["processingSheet", "rawSheet", "profileSheet", "number", "sum", "answered", "nrr", "weighted", "ikm", "konversi", "mutu", "kinerja",
    "category", "value", "count", "notGiven", "gender", "ageBand", "education", "occupation", "service", "channel"] as const;
  const labels = { ...Object.fromEntries(keys.map((k) => [k, t(k)])), title: t("title", { unit: exp.unit.name, code: exp.unit.code, period: year, template: exp.family!.template.name }), export: exportLabels(te, (id) => id, exp.timeZone) } as TTabulationLabels;
  const reader = tabulationXlsxStream({ template: exp.family!.template, familyVersions: exp.familyVersions, versions: exp.versions, timeZone: exp.timeZone, labels, pick: (id) => id, batches: () => exp.batches(BATCH) }).getReader();
  // Written to a file as it comes (what a browser does), for the read-back check below.
  const file = path.join(tmpdir(), `${dbName}.xlsx`);
  const handle = await open(file, "w");
  let bytes = 0;
  let first = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (first === 0) first = performance.now() - started;
    bytes += value.byteLength;
    await handle.write(value);
  }
  await handle.close();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  say(`\ntabulation of the dinas with its UPT (year ${year}, batches of ${BATCH.toLocaleString("en")}): ${all.toLocaleString("en")} responses, ${counted.toLocaleString("en")} counted`);
  say(`  ${mb(bytes)} MB in ${seconds.toFixed(1)} s: ${Math.round(all / seconds).toLocaleString("en")} rows/s (both sheets: ${Math.round((all + counted) / seconds).toLocaleString("en")} rows written/s); first bytes after ${first.toFixed(0)} ms`);
  say(`  resident memory: ${mb(baseline)} MB before, peak ${mb(peak)} MB (+${mb(peak - baseline)} MB) for a ${mb(bytes)} MB file`);

  const rows: Record<string, number> = {};
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), { worksheets: "emit", sharedStrings: "cache" })) {
    const ws = sheet as unknown as AsyncIterable<unknown> & { name: string };
    let n = 0;
    for await (const row of ws) if (row) n++;
    rows[ws.name] = n;
  }
  await rm(file, { force: true });
  const processing = (rows[labels.processingSheet] ?? 0) - 3 - 8;
  const rawRows = (rows[labels.rawSheet] ?? 0) - 1;
  say(`  read back: ${processing.toLocaleString("en")} respondent rows (expected ${counted.toLocaleString("en")}), ${rawRows.toLocaleString("en")} raw rows (expected ${all.toLocaleString("en")})`);
  if (processing !== counted || rawRows !== all) {
    say("  ROW COUNT MISMATCH");
    process.exitCode = 1;
  }
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(cleanup);
