// How long the dashboards take on the server as responses pile up.
//
// Builds an agency of 300 units (a root, 24 dinas/badan, their bidang/UPT;
// 3 services each; a tenth of the units on the questionnaire that also asks
// importance) in a fresh database on the local PostgreSQL, then grows it to
// each size in turn (default 10k, 1M, 10M responses over the last 12 months),
// generated in SQL and rolled up by the real suara_rollup_rebuild(). At each
// size it times, for the current period with no filter and with a channel filter:
//   - the data layer in this process: getAgencyDashboard (all 300 units, the
//     pooled index, trend, heat map), getUnitDashboard of a dinas with its
//     sub-units pooled, and of the root (all 300 units pooled, its latest saran
//     from every unit), median and p95 of --runs calls after a warm-up;
//   - the pages through HTTP against `npm start` on the same database (signed
//     in with Chromium once): /dasbor/instansi, /dasbor/unit/<dinas> and
//     /dasbor/unit/<root>, full HTML received, median and p95.
// Prints a table and the ratios against the smallest size.
//
// Run: npx tsx scripts/bench/dashboard-bench.ts [--sizes 10000,1000000,10000000] [--runs 15] [--no-http] [--keep-db]
// Needs the local PostgreSQL (or --admin-url) and a few GB of disk at 10M. Takes
// ~2 min to 1M, and 15-25 min to 10M on 2 cores (mostly generating the rows).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { chromium } from "playwright-core";
import type { TCaller } from "@/lib/permissions";
import { TEMPLATES } from "@/lib/ikm/templates";
import { migrate } from "@/lib/server/migrate";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { freePort, launch, waitReady, type Launch } from "@/tests/support/launcher";

const { values: opt } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,1000000,10000000" },
    units: { type: "string", default: "300" },
    runs: { type: "string", default: "15" },
    "no-http": { type: "boolean", default: false },
    "keep-db": { type: "boolean", default: false },
    "admin-url": { type: "string", default: process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
  },
});
const SIZES = opt.sizes.split(",").map(Number);
const UNITS = Number(opt.units);
const RUNS = Number(opt.runs);
const PASSWORD = "Bench-Dasbor-2026";
const say = (s = "") => console.log(s);
const ms = (x: number) => x.toFixed(1);

const dbName = `suara_bench_dashboard_${process.pid}`;
const url = (() => {
  const u = new URL(opt["admin-url"]);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

let app: Launch | undefined;
async function cleanup() {
  await app?.stop();
  const { closeDb } = await import("@/lib/db");
  await closeDb().catch(() => {});
  if (opt["keep-db"]) return say(`kept database ${dbName}`);
  const admin = new pg.Client({ connectionString: opt["admin-url"] });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.end();
  say(`dropped database ${dbName}`);
}
process.on("SIGINT", () => void cleanup().finally(() => process.exit(130)));

type Agency = { rootCode: string; dinasCode: string; unitIds: string[]; admin: TCaller; kepala: TCaller };

async function buildAgency(c: pg.Client): Promise<Agency> {
  // Templates: the default 14/2017 questionnaire, and the same with importance.
  const versions: string[] = [];
  for (const [key, harapan] of [["permenpan-14-2017", false], ["permenpan-14-2017-harapan", true]] as const) {
    const tpl = TEMPLATES["permenpan-14-2017"];
    const t = (await c.query(`INSERT INTO questionnaire_template (id, key, kind, name, is_default) VALUES (gen_random_uuid(), $1, 'PERMENPAN_14_2017', $2, $3) RETURNING id`,
      [key, tpl.name, !harapan])).rows[0].id;
    const v = (await c.query(`INSERT INTO template_version (id, template_id, version, bands, asks_harapan) VALUES (gen_random_uuid(), $1, 1, $2, $3) RETURNING id`,
      [t, JSON.stringify(tpl.bands), harapan])).rows[0].id;
    for (const [i, item] of tpl.items.entries()) {
      await c.query(`INSERT INTO template_item (id, version_id, position, code, unsur, unsur_en, question, question_en, options) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, '[]')`,
        [v, i + 1, item.code, item.name, item.nameEn, item.question, item.questionEn]);
    }
    // Published once its items are in: a published version is frozen (template_version_frozen).
    await c.query(`UPDATE template_version SET published_at = now() WHERE id = $1`, [v]);
    versions.push(v);
  }
  // 1 root + D dinas + the rest as their children.
  const dinas = 24;
  const ids: string[] = [];
  const root = (await c.query(`INSERT INTO unit (id, path, depth, name, kind, code, updated_at) VALUES (gen_random_uuid(), '', 0, 'Pemerintah Kabupaten Bench', 'PEMDA', 'KAB-BENCH', now()) RETURNING id`)).rows[0].id;
  await c.query(`UPDATE unit SET path = '/' || id || '/' WHERE id = $1`, [root]);
  ids.push(root);
  const dinasIds: string[] = [];
  for (let d = 0; d < dinas; d++) {
    const id = (await c.query(`INSERT INTO unit (id, parent_id, path, depth, name, kind, code, updated_at) SELECT gen_random_uuid(), $1, '', 1, $2, 'DINAS', $3, now() RETURNING id`,
      [root, `Dinas Bench ${d + 1}`, `DINAS-${d + 1}`])).rows[0].id;
    await c.query(`UPDATE unit SET path = '/' || $2 || '/' || id || '/' WHERE id = $1`, [id, root]);
    ids.push(id);
    dinasIds.push(id);
  }
  for (let k = 0; ids.length < UNITS; k++) {
    const parent = dinasIds[k % dinas]!;
    const id = (await c.query(`INSERT INTO unit (id, parent_id, path, depth, name, kind, code, template_id, updated_at)
         SELECT gen_random_uuid(), $1, '', 2, $2, 'BIDANG', $3, $4, now() RETURNING id`,
      [parent, `Bidang Bench ${k + 1}`, `BIDANG-${k + 1}`, k % 10 === 0 ? (await c.query(`SELECT template_id FROM template_version WHERE id = $1`, [versions[1]])).rows[0].template_id : null])).rows[0].id;
    await c.query(`UPDATE unit SET path = (SELECT path FROM unit WHERE id = $2) || id || '/' WHERE id = $1`, [id, parent]);
    ids.push(id);
  }
  await c.query(`INSERT INTO service (id, unit_id, code, name, sort_order) SELECT gen_random_uuid(), u.id, 'L' || s, 'Layanan ' || s, s FROM unit u, generate_series(1, 3) s`);
  // Periods and people served (quarters and years of this year and the last).
  const year = new Date().getUTCFullYear();
  for (const y of [year - 1, year]) {
    for (let q = 1; q <= 4; q++) {
      await c.query(`INSERT INTO survey_period (id, kind, year, number, start_date, end_date) VALUES (gen_random_uuid(), 'QUARTER', $1, $2, make_date($1, $3, 1), make_date($1, $3, 1) + interval '3 months')`, [y, q, (q - 1) * 3 + 1]);
    }
    await c.query(`INSERT INTO survey_period (id, kind, year, number, start_date, end_date) VALUES (gen_random_uuid(), 'YEAR', $1, 1, make_date($1, 1, 1), make_date($1 + 1, 1, 1))`, [y]);
  }
  await c.query(`INSERT INTO unit_population (unit_id, period_id, population) SELECT u.id, p.id, CASE p.kind WHEN 'YEAR' THEN 40000 ELSE 10000 END FROM unit u, survey_period p`);
  // Two accounts: an agency admin and the kepala of the first dinas.
  const passwordHash = await hash(PASSWORD);
  const callers: TCaller[] = [];
  for (const [email, role, unit] of [["admin@bench.test", "ADMIN", root], ["kepala@bench.test", "KEPALA_UNIT", dinasIds[0]!]] as const) {
    const u = (await c.query(`INSERT INTO "user" (id, email, name, password_hash, password_changed_at) VALUES (gen_random_uuid(), $1, $1, $2, now()) RETURNING id`, [email, passwordHash])).rows[0].id;
    await c.query(`INSERT INTO role_assignment (id, user_id, unit_id, role) VALUES (gen_random_uuid(), $1, $2, $3)`, [u, unit, role]);
    const path = (await c.query(`SELECT path FROM unit WHERE id = $1`, [unit])).rows[0].path;
    callers.push({ userId: u, email, name: email, mustChangePassword: false, assignments: [{ role, unitId: unit, unitPath: path }] });
  }
  return { rootCode: "KAB-BENCH", dinasCode: "DINAS-1", unitIds: ids, admin: callers[0]!, kepala: callers[1]! };
}

type Layout = { units: string[]; services: string[]; versions: string[]; harapan: boolean[] };

/** Units (in a fixed order), 3 services each, and the template version each unit answers. */
async function layout(c: pg.Client): Promise<Layout> {
  const { rows } = await c.query(`
    SELECT u.id, array_agg(s.id ORDER BY s.sort_order) AS services, v.id AS version, v.asks_harapan
      FROM unit u JOIN service s ON s.unit_id = u.id
      JOIN questionnaire_template t ON (u.template_id IS NULL AND t.is_default) OR t.id = u.template_id
      JOIN template_version v ON v.template_id = t.id
     GROUP BY u.id, v.id ORDER BY u.code`);
  return { units: rows.map((r) => r.id), services: rows.flatMap((r) => r.services), versions: rows.map((r) => r.version), harapan: rows.map((r) => r.asks_harapan) };
}

/** Adds `count` responses spread over the last 365 days, skewed across units, set-based in SQL. */
async function addResponses(c: pg.Client, l: Layout, from: number, count: number) {
  const BATCH = 500_000;
  for (let start = from; start < from + count; start += BATCH) {
    const end = Math.min(from + count, start + BATCH) - 1;
    await c.query(
      `INSERT INTO response (id, unit_id, service_id, template_version_id, channel, submitted_at, received_at, answers, harapan,
                             gender, age, education, occupation, saran, idempotency_key, verified, suspicious)
       SELECT gen_random_uuid(), ($3::uuid[])[x.ui], ($4::uuid[])[(x.ui - 1) * 3 + x.si], ($5::uuid[])[x.ui], x.channel, x.at, x.at,
              jsonb_strip_nulls(jsonb_build_object(
                'U1', score(x.mean, 0.05), 'U2', score(x.mean, -0.05), 'U3', score(x.mean, -0.3), 'U4', score(x.mean, 0.45),
                'U5', score(x.mean, 0), 'U6', score(x.mean, 0.05), 'U7', score(x.mean, 0.15), 'U8', score(x.mean, -0.25), 'U9', score(x.mean, -0.1))),
              CASE WHEN ($6::boolean[])[x.ui] THEN jsonb_strip_nulls(jsonb_build_object('U1', score(3.4, 0), 'U2', score(3.4, 0), 'U3', score(3.8, 0),
                'U4', score(3.7, 0), 'U5', score(3.5, 0), 'U6', score(3.4, 0), 'U7', score(3.4, 0), 'U8', score(3.2, 0), 'U9', score(2.9, 0))) END,
              (ARRAY['L','P',NULL])[1 + floor(random() * 3)]::"Gender",
              CASE WHEN random() < 0.9 THEN 17 + floor(random() * random() * 60)::int END,
              (ARRAY['SD','SMP','SMA','SMA','D1_D3','S1','S1','S2',NULL])[1 + floor(random() * 9)]::"Education",
              (ARRAY['PNS','SWASTA','WIRAUSAHA','LAINNYA','SWASTA',NULL])[1 + floor(random() * 6)]::"Occupation",
              CASE WHEN random() < 0.16 THEN (ARRAY['Antrean terlalu lama, mohon ditambah petugas.', 'Ruang tunggu panas.', 'Petugas ramah, terima kasih.', 'Persyaratan mohon diumumkan lebih jelas.'])[1 + floor(random() * 4)] END,
              'bench-' || x.g, random() < 0.1, random() < 0.003
         FROM (SELECT g,
                      1 + floor($7 * power(random(), 1.5))::int AS ui,
                      1 + floor(random() * 3)::int AS si,
                      (ARRAY['WEB','WEB','WEB','KIOSK','KIOSK','PAPER','API'])[1 + floor(random() * 7)]::"Channel" AS channel,
                      now() - random() * interval '364 days' AS at,
                      2.7 + random() * 0.9 AS mean
                 FROM generate_series($1::int, $2::int) AS g) x`,
      [start, end, l.units, l.services, l.versions, l.harapan, l.units.length],
    );
    process.stdout.write(`  ${(end + 1).toLocaleString("en")} responses\r`);
  }
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]! };
}

async function time(fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

async function main() {
  const admin = new pg.Client({ connectionString: opt["admin-url"] });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  await migrate(url, { engine: "builtin" });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  // A score 1..4 around a mean (the sum of three uniforms is close enough to a bell).
  await c.query(`CREATE FUNCTION score(mean double precision, shift double precision) RETURNS integer LANGUAGE sql VOLATILE AS $$
    SELECT CASE WHEN random() < 0.025 THEN NULL ELSE least(4, greatest(1, round(mean + shift + (random() + random() + random() - 1.5) * 0.9)))::int END $$`);
  const agency = await buildAgency(c);
  const units = await layout(c);
  say(`agency: ${agency.unitIds.length} units, ${agency.unitIds.length * 3} services; database ${dbName}`);

  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const dash = await import("@/lib/dal/dashboard");
  const followUp = await import("@/lib/dal/follow-up/overview");
  const effect = await import("@/lib/dal/follow-up/effect");
  const { previousPeriod } = await import("@/lib/periods");
  const plain = parseDashboardQuery({}, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }).query;
  const kiosk = parseDashboardQuery({ kanal: "KIOSK" }, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }).query;

  let cookie = "";
  let port = 0;
  if (!opt["no-http"]) {
    port = await freePort();
    app = launch({ DATABASE_URL: url, PORT: String(port), SUARA_SEED: "never", AUTH_SECRET: process.env.AUTH_SECRET, NEXT_TELEMETRY_DISABLED: "1" });
    await waitReady(app, 600_000);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
    const page = await (await browser.newContext()).newPage();
    await page.goto(`http://localhost:${port}/masuk`);
    await page.getByLabel("Email").fill("admin@bench.test");
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await page.waitForURL(/\/dasbor/);
    cookie = (await page.context().cookies()).map((k) => `${k.name}=${k.value}`).join("; ");
    await browser.close();
  }
  const bytes = new Map<string, number>();
  const get = async (path: string) => {
    const r = await fetch(`http://localhost:${port}${path}`, { headers: { cookie }, redirect: "manual" });
    const body = await r.text();
    if (r.status !== 200 || body.length < 10_000) throw new Error(`GET ${path}: ${r.status}, ${body.length} bytes`);
    bytes.set(path, Buffer.byteLength(body));
  };

  type Row = { size: number; daily: number; monthly: number; rebuild: number; dal: Record<string, { median: number; p95: number }>; http: Record<string, { median: number; p95: number }> };
  const rows: Row[] = [];
  let have = 0;
  for (const size of SIZES) {
    say(`\n== ${size.toLocaleString("en")} responses`);
    const t0 = performance.now();
    await c.query(`ALTER TABLE response DISABLE TRIGGER response_rollup`);
    await c.query(`ALTER TABLE response DISABLE TRIGGER response_check_scores`);
    await addResponses(c, units, have, size - have);
    await c.query(`ALTER TABLE response ENABLE TRIGGER response_rollup`);
    await c.query(`ALTER TABLE response ENABLE TRIGGER response_check_scores`);
    have = size;
    say(`  generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const t1 = performance.now();
    await c.query(`SELECT suara_rollup_rebuild()`);
    const rebuild = (performance.now() - t1) / 1000;
    await c.query(`VACUUM ANALYZE unit_daily_rollup`);
    await c.query(`VACUUM ANALYZE unit_monthly_rollup`);
    await c.query(`VACUUM ANALYZE unit_monthly_summary`);
    // As autovacuum leaves a live table: the open-items index is read index-only.
    await c.query(`VACUUM ANALYZE feedback_item`);
    await c.query(`ANALYZE response`);
    const counts = (await c.query(`SELECT (SELECT count(*) FROM unit_daily_rollup)::int AS daily, (SELECT count(*) FROM unit_monthly_rollup)::int AS monthly, (SELECT sum(responses) FROM unit_monthly_rollup)::int AS n`)).rows[0];
    if (counts.n !== size) throw new Error(`rollup holds ${counts.n} responses, expected ${size}`);
    say(`  rollup rebuilt in ${rebuild.toFixed(1)} s: ${counts.daily.toLocaleString("en")} daily rows, ${counts.monthly.toLocaleString("en")} monthly rows`);

    const dal = {
      agency: await time(() => dash.getAgencyDashboard(agency.admin, plain)),
      "agency kiosk": await time(() => dash.getAgencyDashboard(agency.admin, kiosk)),
      unit: await time(() => dash.getUnitDashboard(agency.kepala, agency.dinasCode, plain)),
      "unit kiosk": await time(() => dash.getUnitDashboard(agency.kepala, agency.dinasCode, kiosk)),
      "root unit": await time(() => dash.getUnitDashboard(agency.admin, agency.rootCode, plain)),
      // The follow-up columns of the agency overview (plans, feedback, attention), all units.
      "follow-up": await time(() => followUp.followUpOverview(agency.admin, plain.period)),
      // Sums of squares from raw answers for a dinas subtree, 3 unsur, two quarters ("did the plan work").
      "nrr moments": await time(async () => {
        const [u] = (await c.query(`SELECT path FROM unit WHERE code = $1`, [agency.dinasCode])).rows;
        return effect.momentsFor(u.path, ["U1", "U2", "U3"], [previousPeriod(plain.period), plain.period], "Asia/Jakarta");
      }),
      "nrr moments root": await time(() => effect.momentsFor(`/`, ["U1", "U2", "U3"], [previousPeriod(plain.period), plain.period], "Asia/Jakarta")),
    };
    const http: Row["http"] = {};
    if (!opt["no-http"]) {
      http.agency = await time(() => get("/dasbor/instansi"));
      http["agency kiosk"] = await time(() => get("/dasbor/instansi?kanal=KIOSK"));
      http.unit = await time(() => get(`/dasbor/unit/${agency.dinasCode}`));
      http["unit kiosk"] = await time(() => get(`/dasbor/unit/${agency.dinasCode}?kanal=KIOSK`));
      http["root unit"] = await time(() => get(`/dasbor/unit/${agency.rootCode}`));
    }
    rows.push({ size, daily: counts.daily, monthly: counts.monthly, rebuild, dal, http });
    for (const [k, v] of Object.entries(dal)) say(`  data layer ${k.padEnd(13)} median ${ms(v.median)} ms, p95 ${ms(v.p95)} ms`);
    for (const [k, v] of Object.entries(http)) say(`  page       ${k.padEnd(13)} median ${ms(v.median)} ms, p95 ${ms(v.p95)} ms`);
    for (const [path, n] of bytes) say(`  HTML ${path}: ${(n / 1024).toFixed(0)} KiB`);
  }

  say(`\nDashboards, ${UNITS} units, current period (median of ${RUNS}, ms; p95 in brackets)`);
  const keys = Object.keys(rows[0]!.dal);
  const head = ["responses", "monthly rows", ...keys.map((k) => `DAL ${k}`), ...(opt["no-http"] ? [] : keys.map((k) => `page ${k}`))];
  say(head.join(" | "));
  for (const r of rows) {
    say([r.size.toLocaleString("en"), r.monthly.toLocaleString("en"),
      ...keys.map((k) => `${ms(r.dal[k]!.median)} (${ms(r.dal[k]!.p95)})`),
      ...(opt["no-http"] ? [] : keys.map((k) => `${ms(r.http[k]!.median)} (${ms(r.http[k]!.p95)})`))].join(" | "));
  }
  const first = rows[0]!;
  for (const r of rows.slice(1)) {
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    say(`ratio ${r.size.toLocaleString("en")} / ${first.size.toLocaleString("en")}: ` +
      [...keys.map((k) => `DAL ${k} ${ratio(r.dal[k]!.median, first.dal[k]!.median)}`),
        ...(opt["no-http"] ? [] : keys.map((k) => `page ${k} ${ratio(r.http[k]!.median, first.http[k]!.median)}`))].join(", "));
  }
  await c.end();
}

main()
  .then(cleanup)
  .catch(async (err) => {
    console.error(err);
    await cleanup().catch(() => {});
    process.exit(1);
  });
