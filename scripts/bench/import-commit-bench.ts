// How fast a large import is committed (lib/dal/import, the path `npm run import` takes): the
// agency of bench:export with no responses, a tabulation CSV of --responses rows (seeded random
// scores, a saran every 20th row) on one service and day, then preview, commit (the rows and
// the batch's set-based rollup pass, in one transaction) and the same file again (nothing new).
// Prints the times, rows/s and peak RSS, and checks the rollup's count and the IKM added
// against lib/ikm on the generated scores.
//
// Run: npm run bench:import -- [--responses 100000] [--keep-db]
// Measured here (2 cores shared with other work), 100,000 rows: preview 7.6 s, commit 27.2 s
// (the preview again included; 3,679 rows/s), the same file again 2.3 s (0 new), peak RSS
// 1.2 GB; after reading row by row, keeping each new row only as its insert record and one month
// formatter instead of one per row: preview 3.3 s, commit 25.8 s (3,873 rows/s; ~19 s of it the
// insert, mostly the feedback trigger on rows with a low score), again 2.3 s, peak RSS 517 MB.
// Before the set-based rollup pass, 10,000 rows took 13.8 s: 11 s of it the per-row trigger.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { computeIkmFromRows, PERMENPAN_14_2017 } from "@/lib/ikm";
import { migrate } from "@/lib/server/migrate";
import { benchDatabase, buildAgency, mb, N, say } from "./export-agency";

const { dbName, url, create, cleanup } = benchDatabase("import");

function generate(rows: number): { csv: string; scores: number[][] } {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const codes = PERMENPAN_14_2017.items.map((i) => i.code);
  const lines = [["No", ...codes, "Saran"].join(";")];
  const scores: number[][] = [];
  for (let n = 1; n <= rows; n++) {
    const row = codes.map(() => 1 + Math.floor(random() * 4));
    scores.push(row);
    lines.push([n, ...row, n % 20 === 0 ? `Saran nomor ${n}` : ""].join(";"));
  }
  return { csv: lines.join("\n"), scores };
}

async function main() {
  await create();
  await migrate(url, { engine: "builtin" });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await buildAgency(c);
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const { previewImportFromShell, commitImportFromShell } = await import("@/lib/dal/import/shell");

  const { csv, scores } = generate(N);
  const file = { fileName: "bench.csv", bytes: new TextEncoder().encode(csv), serviceCode: "L1", date: "2026-06-15" };
  say(`${N.toLocaleString("en")} rows, ${mb(file.bytes.length)} MB CSV; database ${dbName}`);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

  let t = performance.now();
  const preview = await previewImportFromShell("DINAS-EKSPOR", file);
  const previewS = (performance.now() - t) / 1000;
  if (!preview.ok || preview.value.refusals.length > 0) throw new Error(`preview refused: ${JSON.stringify(preview).slice(0, 300)}`);
  say(`preview: ${previewS.toFixed(1)} s (${preview.value.newRows.toLocaleString("en")} new)`);

  t = performance.now();
  const done = await commitImportFromShell("DINAS-EKSPOR", file);
  const commitS = (performance.now() - t) / 1000;
  if (!done.ok) throw new Error(`commit refused: ${done.error}`);
  say(`commit (preview again + insert + rollup): ${commitS.toFixed(1)} s, ${Math.round(N / commitS).toLocaleString("en")} rows/s`);

  t = performance.now();
  const again = await previewImportFromShell("DINAS-EKSPOR", file);
  say(`the same file again: ${((performance.now() - t) / 1000).toFixed(1)} s, ${again.ok ? again.value.newRows : "?"} new, ${again.ok ? again.value.alreadyImported : "?"} already imported`);
  clearInterval(sampler);
  say(`peak RSS ${mb(peak)} MB`);

  const counted = Number((await c.query(`SELECT sum(responses) AS n FROM unit_monthly_summary m JOIN unit u ON u.id = m.unit_id WHERE u.code = 'DINAS-EKSPOR'`)).rows[0].n);
  const expected = computeIkmFromRows(scores, { template: PERMENPAN_14_2017 });
  const ok = counted === N && preview.value.added.ikm === expected.ikm && done.value.inserted === N;
  say(`check: rollup ${counted.toLocaleString("en")} of ${N.toLocaleString("en")}, IKM added ${preview.value.added.ikm} vs lib/ikm ${expected.ikm}: ${ok ? "ok" : "MISMATCH"}`);
  await c.end();
  if (!ok) process.exitCode = 1;
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(cleanup);
