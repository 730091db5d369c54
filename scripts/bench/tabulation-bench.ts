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
import { parseArgs } from "node:util";
import pg from "pg";
import { createReadStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { exportLabels, type TExportText } from "@/lib/export/csv";
import { tabulationXlsxStream, type TTabulationLabels } from "@/lib/export/tabulation";
import { TEMPLATES } from "@/lib/ikm/templates";
import { MESSAGES } from "@/lib/i18n/messages";
import type { TCaller } from "@/lib/permissions";
import { migrate } from "@/lib/server/migrate";
import { parseDashboardQuery } from "@/lib/validation/dashboard";

const { values: opt } = parseArgs({
  options: {
    responses: { type: "string", default: "1000000" },
    batch: { type: "string", default: "2000" },
    "keep-db": { type: "boolean", default: false },
    "admin-url": { type: "string", default: process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
  },
});
const N = Number(opt.responses);
const BATCH = Number(opt.batch);
const say = (s = "") => console.log(s);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

const dbName = `suara_bench_tabulation_${process.pid}`;
const url = (() => {
  const u = new URL(opt["admin-url"]);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: opt["admin-url"] });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

async function cleanup() {
  const { closeDb } = await import("@/lib/db");
  await closeDb().catch(() => {});
  if (opt["keep-db"]) return say(`kept database ${dbName}`);
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  say(`dropped database ${dbName}`);
}
process.on("SIGINT", () => void cleanup().finally(() => process.exit(130)));

/** The default questionnaire, a dinas and four sub-units with two services each; its kepala. */
async function buildAgency(c: pg.Client): Promise<TCaller> {
  const tpl = TEMPLATES["permenpan-14-2017"];
  const t = (await c.query(`INSERT INTO questionnaire_template (id, key, kind, name, is_default) VALUES (gen_random_uuid(), $1, 'PERMENPAN_14_2017', $2, true) RETURNING id`, [tpl.id, tpl.name])).rows[0].id;
  const v = (await c.query(`INSERT INTO template_version (id, template_id, version, bands) VALUES (gen_random_uuid(), $1, 1, $2) RETURNING id`, [t, JSON.stringify(tpl.bands)])).rows[0].id;
  for (const [i, item] of tpl.items.entries()) {
    await c.query(`INSERT INTO template_item (id, version_id, position, code, unsur, unsur_en, question, question_en, options) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, '[]')`,
      [v, i + 1, item.code, item.name, item.nameEn, item.question, item.questionEn]);
  }
  // Published once its items are in: a published version is frozen (template_version_frozen).
  await c.query(`UPDATE template_version SET published_at = now() WHERE id = $1`, [v]);
  const dinas = (await c.query(`INSERT INTO unit (id, path, depth, name, kind, code, updated_at) VALUES (gen_random_uuid(), '', 0, 'Dinas Ekspor', 'DINAS', 'DINAS-EKSPOR', now()) RETURNING id`)).rows[0].id;
  await c.query(`UPDATE unit SET path = '/' || id || '/' WHERE id = $1`, [dinas]);
  for (let k = 1; k <= 4; k++) {
    const id = (await c.query(`INSERT INTO unit (id, parent_id, path, depth, name, kind, code, updated_at) VALUES (gen_random_uuid(), $1, '', 1, $2, 'UPT', $3, now()) RETURNING id`, [dinas, `UPT Ekspor ${k}`, `UPT-EKSPOR-${k}`])).rows[0].id;
    await c.query(`UPDATE unit SET path = (SELECT path FROM unit WHERE id = $2) || id || '/' WHERE id = $1`, [id, dinas]);
  }
  await c.query(`INSERT INTO service (id, unit_id, code, name, sort_order) SELECT gen_random_uuid(), u.id, 'L' || s, 'Layanan ' || s, s FROM unit u, generate_series(1, 2) s`);
  const path = (await c.query(`SELECT path FROM unit WHERE id = $1`, [dinas])).rows[0].path;
  return { userId: crypto.randomUUID(), email: "kepala@bench.test", name: "kepala", mustChangePassword: false, assignments: [{ role: "KEPALA_UNIT", unitId: dinas, unitPath: path }] };
}

/** `count` responses over this year (WIB) so far, a third in the dinas itself, the rest across its UPT. */
async function addResponses(c: pg.Client, count: number) {
  await c.query(`ALTER TABLE response DISABLE TRIGGER response_rollup`);
  await c.query(`ALTER TABLE response DISABLE TRIGGER response_check_scores`);
  const step = 250_000;
  for (let start = 1; start <= count; start += step) {
    const end = Math.min(count, start + step - 1);
    await c.query(
      `WITH units AS (SELECT array_agg(u.id ORDER BY u.depth, u.code) AS ids,
                             array_agg((SELECT s.id FROM service s WHERE s.unit_id = u.id ORDER BY s.sort_order LIMIT 1) ORDER BY u.depth, u.code) AS services
                        FROM unit u),
            fixed AS (SELECT (SELECT id FROM template_version LIMIT 1) AS version,
                             date_trunc('year', now() AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'Asia/Jakarta' AS start)
       INSERT INTO response (id, unit_id, service_id, template_version_id, channel, submitted_at, received_at, answers,
                             gender, age, education, saran, idempotency_key, verified, suspicious)
       SELECT gen_random_uuid(), units.ids[x.k], units.services[x.k], fixed.version,
              (ARRAY['WEB','KIOSK','PAPER'])[1 + floor(random() * 3)]::"Channel", x.at, x.at,
              jsonb_build_object('U1', 1 + floor(random() * 4)::int, 'U2', 1 + floor(random() * 4)::int, 'U3', 1 + floor(random() * 4)::int,
                'U4', 1 + floor(random() * 4)::int, 'U5', 1 + floor(random() * 4)::int, 'U6', 1 + floor(random() * 4)::int,
                'U7', 1 + floor(random() * 4)::int, 'U8', 1 + floor(random() * 4)::int, 'U9', 1 + floor(random() * 4)::int),
              (ARRAY['L','P'])[1 + floor(random() * 2)]::"Gender", 17 + floor(random() * 50)::int, 'SMA',
              CASE WHEN random() < 0.15 THEN 'Antrean terlalu lama; mohon ditambah petugas loket.' END,
              'bench-' || x.g, random() < 0.1, random() < 0.003
         FROM units, fixed,
              LATERAL (SELECT g, CASE WHEN g % 3 = 0 THEN 1 ELSE 2 + g % 4 END AS k, fixed.start + random() * (now() - fixed.start) AS at
                         FROM generate_series($1::int, $2::int) g) x`,
      [start, end],
    );
    process.stdout.write(`  ${end.toLocaleString("en")} responses\r`);
  }
  process.stdout.write("\n");
  await c.query(`ALTER TABLE response ENABLE TRIGGER response_rollup`);
  await c.query(`ALTER TABLE response ENABLE TRIGGER response_check_scores`);
  await c.query(`SELECT suara_rollup_rebuild()`);
  await c.query(`VACUUM ANALYZE response`);
  await c.query(`VACUUM ANALYZE unit_monthly_summary`);
}

async function main() {
  await admin(`CREATE DATABASE "${dbName}"`);
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
