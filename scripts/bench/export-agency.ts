// The agency and responses the export benchmarks share (bench:export, bench:tabulation): their
// options, a fresh database on the local PostgreSQL (dropped at the end unless --keep-db), a
// dinas with four UPT and two services each, and --responses responses over this year
// generated in SQL and rolled up by the real suara_rollup_rebuild().
import { parseArgs } from "node:util";
import pg from "pg";
import { TEMPLATES } from "@/lib/ikm/templates";
import type { TCaller } from "@/lib/permissions";

export const { values: opt } = parseArgs({
  options: {
    responses: { type: "string", default: "1000000" },
    batch: { type: "string", default: "2000" },
    "keep-db": { type: "boolean", default: false },
    "admin-url": { type: "string", default: process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
  },
});
export const N = Number(opt.responses);
export const BATCH = Number(opt.batch);
export const say = (s = "") => console.log(s);
export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** The benchmark's own database `suara_bench_<name>_<pid>`: its URL, made empty, dropped by `cleanup` (also on Ctrl-C). */
export function benchDatabase(name: string) {
  const dbName = `suara_bench_${name}_${process.pid}`;
  const u = new URL(opt["admin-url"]);
  u.pathname = `/${dbName}`;
  const url = u.toString();
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
  return { dbName, url, create: () => admin(`CREATE DATABASE "${dbName}"`), cleanup };
}

/** The default questionnaire, a dinas and four sub-units with two services each; its kepala. */
export async function buildAgency(c: pg.Client): Promise<TCaller> {
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
export async function addResponses(c: pg.Client, count: number) {
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
