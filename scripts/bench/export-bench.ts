// How fast the responses CSV streams, and how much memory it takes, for a large export.
//
// Builds a dinas with four sub-units in a fresh database on the local PostgreSQL,
// adds --responses responses (default 1,000,000) over this year, generated in SQL
// and rolled up by the real suara_rollup_rebuild(), then exports the year through
// the data layer and the CSV stream the route handler returns (lib/dal/export.ts,
// lib/export/csv.ts), read to the end as a client would: the dinas with its
// sub-units pooled (every row), and one sub-unit alone. Prints rows/s, MB/s, the
// file size and the process's resident memory before and at its peak: the peak
// stays near the baseline whatever the size, since one batch is held at a time.
//
// Run: npm run bench:export -- [--responses 1000000] [--batch 2000] [--keep-db]
// Needs the local PostgreSQL (or --admin-url); ~1-2 min at 1M on 2 cores, mostly generating.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { csvStream, exportLabels, type TExportText } from "@/lib/export/csv";
import { MESSAGES } from "@/lib/i18n/messages";
import { migrate } from "@/lib/server/migrate";
import { addResponses, BATCH, benchDatabase, buildAgency, mb, N, say } from "./export-agency";
import { parseDashboardQuery } from "@/lib/validation/dashboard";

const { dbName, url, create, cleanup } = benchDatabase("export");

async function main() {
  await create();
  await migrate(url, { engine: "builtin" });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const kepala = await buildAgency(c);
  const t0 = performance.now();
  await addResponses(c, N);
  say(`${N.toLocaleString("en")} responses generated and rolled up in ${((performance.now() - t0) / 1000).toFixed(0)} s; database ${dbName}`);
  await c.end();

  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const { openResponseExport } = await import("@/lib/dal/export");
  // The headings' messages filled by hand: next-intl's entry point needs React's client build,
  // which this react-server process (for the data layer's server-only imports) does not load.
  const messages = MESSAGES.id.responsesExport;
  const t: TExportText = (key, values = {}) => messages[key].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
  const year = String(new Date().getUTCFullYear());

  for (const [label, code, cakupan] of [["dinas with its UPT", "DINAS-EKSPOR", "gabungan"], ["one UPT alone", "UPT-EKSPOR-1", "sendiri"]] as const) {
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const started = performance.now();
    const exp = (await openResponseExport(kepala, code, parseDashboardQuery({ periode: year, cakupan }, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }).query))!;
    const reader = csvStream(exp.batches(BATCH), exp.versions, exportLabels(t, (id) => id, exp.timeZone), exp.timeZone).getReader();
    let bytes = 0;
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const b of value) if (b === 10) lines++;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const seconds = (performance.now() - started) / 1000;
    const rows = lines - 1;
    say(`\n${label} (${code}, ${cakupan}, year ${year}, batches of ${BATCH.toLocaleString("en")})`);
    say(`  ${rows.toLocaleString("en")} rows, ${mb(bytes)} MB in ${seconds.toFixed(1)} s: ${Math.round(rows / seconds).toLocaleString("en")} rows/s, ${(bytes / 1024 / 1024 / seconds).toFixed(1)} MB/s`);
    say(`  resident memory: ${mb(baseline)} MB before, peak ${mb(peak)} MB (+${mb(peak - baseline)} MB) for a ${mb(bytes)} MB file`);
    // The same batches without writing CSV: what the database and the driver cost alone.
    const q0 = performance.now();
    let read = 0;
    for await (const batch of exp.batches(BATCH)) read += batch.length;
    const qs = (performance.now() - q0) / 1000;
    say(`  the queries alone: ${read.toLocaleString("en")} rows in ${qs.toFixed(1)} s, ${Math.round(read / qs).toLocaleString("en")} rows/s`);
  }
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(cleanup);
