// Demo data: a believable kabupaten with ~30 units in 3 levels, 2-5 services
// each, 12 months of responses with a realistic spread (strong, weak and
// improving units; blanks; saran; some units below the minimum sample), the
// periods, populations, publications, a follow-up plan and one account per role.
//
// Bulk-loaded with plain SQL in one transaction: either the whole demo is
// there or none of it is, so "seed when empty" stays a safe test.
import pg from "pg";
import { computeIkmFromSums } from "@/lib/ikm/compute";
import { TEMPLATES } from "@/lib/ikm/templates";
import { insertDemoAccounts } from "@/lib/server/seed-demo-accounts";
import { HARAPAN_TEMPLATE, installStandardTemplates } from "@/lib/server/standard-templates";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountsActive } from "@/lib/server/seed-demo-accounts";
import { demoHead } from "@/lib/server/seed-demo-heads";
import { flatten, ITEM_OFFSET, SARAN, TREE } from "@/lib/server/seed-demo-tree";


// How important citizens find each unsur (added to 3.3): time, cost and the
// product matter most; the complaint desk least.
const IMPORTANCE_OFFSET = [0.2, 0.1, 0.55, 0.45, 0.3, 0.15, 0.2, -0.1, -0.45];

/** The template of the demo's puskesmas, which also asks importance (harapan). */
const asksHarapan = (u: { kind: string }) => u.kind === "PUSKESMAS";

const EDUCATION = ["SD", "SMP", "SMA", "SMA", "SMA", "D1_D3", "S1", "S1", "S2", "S3"];
const EDU_W = [8, 12, 30, 0, 0, 12, 28, 0, 8, 2];
const OCCUPATION = ["PNS", "TNI", "POLRI", "SWASTA", "WIRAUSAHA", "LAINNYA"];
const OCC_W = [12, 2, 2, 30, 28, 26];
const CHANNELS = ["WEB", "KIOSK", "PAPER", "API"];
const CHANNEL_W = [58, 22, 16, 4];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SeedResult = { units: number; services: number; responses: number; seconds: number };

export type SeedOptions = {
  /** Total responses over the 12 months (default 50,000). */
  responses?: number;
  /** The last day of data (default today). */
  until?: Date;
  log?: (line: string) => void;
};

/** Loads the demo into an empty database; null (and nothing written) when it already holds an agency. */
export async function seedDemo(databaseUrl: string, opts: SeedOptions = {}): Promise<SeedResult | null> {
  const started = Date.now();
  const total = opts.responses ?? 50_000;
  const log = opts.log ?? (() => {});
  const rand = mulberry32(20171404);
  const uuid = () => crypto.randomUUID();
  const pick = <T>(items: readonly T[], weights?: readonly number[]): T => {
    if (!weights) return items[Math.floor(rand() * items.length)]!;
    let r = rand() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < items.length; i++) if ((r -= weights[i]!) < 0) return items[i]!;
    return items[items.length - 1]!;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Two instances starting together on one empty database: one seeds, the other waits and finds it done.
    await client.query("SELECT pg_advisory_xact_lock(20171404)");
    if ((await client.query("SELECT EXISTS (SELECT 1 FROM unit) AS seeded")).rows[0].seeded) {
      await client.query("ROLLBACK");
      return null;
    }

    // Questionnaire templates: both regulations, and the 14/2017 one that also asks harapan.
    const { templateIds, versionIds } = await installStandardTemplates((sql, params) => client.query(sql, params), { withHarapan: true });
    const versionId = versionIds["permenpan-14-2017"]!;
    const harapanVersionId = versionIds[HARAPAN_TEMPLATE]!;
    const items = TEMPLATES["permenpan-14-2017"].items;

    // The unit tree and its services.
    const units = flatten(TREE, null, [], uuid);
    const services = new Map<string, { id: string; code: string }[]>();
    let serviceCount = 0;
    for (const [index, u] of units.entries()) {
      const head = demoHead(index, u.kind, u.name);
      await client.query(
        `INSERT INTO unit (id, parent_id, path, depth, name, kind, code, template_id, head_name, head_title, head_nip, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,now())`,
        [u.id, u.parentId, u.path, u.depth, u.name, u.kind, u.code, asksHarapan(u) ? templateIds[HARAPAN_TEMPLATE] : null, head.name, head.title, head.nip],
      );
      const list = u.services.map(([code], i) => ({ id: uuid(), code, name: u.services[i]![1], order: i }));
      for (const s of list) {
        await client.query(`INSERT INTO service (id, unit_id, code, name, sort_order) VALUES ($1,$2,$3,$4,$5)`, [
          s.id, u.id, s.code, s.name, s.order,
        ]);
      }
      services.set(u.id, list);
      serviceCount += list.length;
    }

    // Survey periods: months, quarters, semesters and years of this year and the last.
    const until = opts.until ?? new Date();
    const thisYear = until.getUTCFullYear();
    const periods: { id: string; kind: string; year: number; number: number; start: Date; end: Date }[] = [];
    for (const year of [thisYear - 1, thisYear]) {
      const add = (kind: string, number: number, m0: number, months: number) =>
        periods.push({ id: uuid(), kind, year, number, start: new Date(Date.UTC(year, m0, 1)), end: new Date(Date.UTC(year, m0 + months, 1)) });
      for (let m = 1; m <= 12; m++) add("MONTH", m, m - 1, 1);
      for (let q = 1; q <= 4; q++) add("QUARTER", q, (q - 1) * 3, 3);
      add("SEMESTER", 1, 0, 6);
      add("SEMESTER", 2, 6, 6);
      add("YEAR", 1, 0, 12);
    }
    for (const p of periods) {
      await client.query(
        `INSERT INTO survey_period (id, kind, year, number, start_date, end_date) VALUES ($1,$2,$3,$4,$5,$6)`,
        [p.id, p.kind, p.year, p.number, p.start.toISOString().slice(0, 10), p.end.toISOString().slice(0, 10)],
      );
    }

    // Responses over the 12 months up to `until`, spread by each unit's volume.
    const endDay = Date.UTC(until.getUTCFullYear(), until.getUTCMonth(), until.getUTCDate());
    const startDay = endDay - 364 * 86_400_000;
    const weighted = units.filter((u) => u.volume > 0);
    const volumeSum = weighted.reduce((a, u) => a + u.volume, 0);
    const perUnit = new Map(weighted.map((u) => [u.id, Math.round((total * u.volume) / volumeSum)]));
    // Rounding drift goes to the largest unit so the total is exact.
    const drift = total - [...perUnit.values()].reduce((a, b) => a + b, 0);
    const biggest = weighted.reduce((a, b) => (b.volume > a.volume ? b : a));
    perUnit.set(biggest.id, perUnit.get(biggest.id)! + drift);

    await client.query("ALTER TABLE response DISABLE TRIGGER response_rollup");
    const columns = [
      "id", "unit_id", "service_id", "template_version_id", "channel", "submitted_at", "received_at", "answers",
      "gender", "age", "education", "occupation", "saran", "idempotency_key", "verified", "suspicious", "harapan",
    ];
    let batch: unknown[][] = [];
    let written = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const params: unknown[] = [];
      const rows = batch.map((row) => {
        const start = params.length;
        params.push(...row);
        return `(${row.map((_, i) => `$${start + i + 1}`).join(",")})`;
      });
      await client.query(`INSERT INTO response (${columns.join(",")}) VALUES ${rows.join(",")}`, params);
      written += batch.length;
      batch = [];
    };

    let serial = 0;
    for (const u of weighted) {
      const n = perUnit.get(u.id)!;
      const unitServices = services.get(u.id)!;
      for (let k = 0; k < n; k++) {
        // Weekday office hours, WIB (UTC+7).
        let day = startDay + Math.floor(rand() * 365) * 86_400_000;
        while ([0, 6].includes(new Date(day).getUTCDay())) day -= 86_400_000;
        if (day < startDay) day += 3 * 86_400_000;
        const t = (day - startDay) / (endDay - startDay); // 0..1 through the year
        // 08:00-15:00 WIB, never later than `until`.
        const submitted = new Date(Math.min(day + (1 + rand() * 7) * 3_600_000, until.getTime() - 120_000));
        const received = new Date(submitted.getTime() + Math.floor(rand() * 90_000));
        const mean = u.start + (u.end - u.start) * t;
        const respondentShift = normal() * 0.25;
        const answers: Record<string, number> = {};
        const scores: number[] = [];
        items.forEach((item, i) => {
          if (rand() < 0.025) return; // left blank
          const raw = mean + ITEM_OFFSET[i]! + respondentShift + normal() * 0.45;
          const score = Math.min(4, Math.max(1, Math.round(raw)));
          answers[item.code] = score;
          scores.push(score);
        });
        if (scores.length === 0) answers[items[6]!.code] = 3;
        // Importance: citizens care most about time and cost, least about the complaint desk.
        let harapan: Record<string, number> | null = null;
        if (asksHarapan(u)) {
          harapan = {};
          items.forEach((item, i) => {
            if (rand() < 0.03) return;
            harapan![item.code] = Math.min(4, Math.max(1, Math.round(3.3 + IMPORTANCE_OFFSET[i]! + normal() * 0.5)));
          });
        }
        let saran: string | null = null;
        if (rand() < 0.16) {
          // Citizens write about what disappointed them most often.
          const worst = items.findIndex((it) => answers[it.code] === Math.min(...Object.values(answers)));
          saran = pick(SARAN[rand() < 0.75 ? Math.max(worst, 0) : Math.floor(rand() * 9)]!);
        }
        const channel = pick(CHANNELS, CHANNEL_W);
        const profile = rand() < 0.88;
        batch.push([
          uuid(), u.id, pick(unitServices).id, asksHarapan(u) ? harapanVersionId : versionId, channel, submitted, received, JSON.stringify(answers),
          profile ? (rand() < 0.52 ? "P" : "L") : null,
          profile && rand() < 0.95 ? 17 + Math.floor(rand() * rand() * 60) : null,
          profile ? pick(EDUCATION, EDU_W) : null,
          profile ? pick(OCCUPATION, OCC_W) : null,
          saran,
          `demo-${(serial++).toString(36)}`,
          channel === "KIOSK" ? false : rand() < 0.1,
          rand() < 0.003,
          harapan ? JSON.stringify(harapan) : null,
        ]);
        if (batch.length === 1000) await flush();
      }
    }
    await flush();
    await client.query("ALTER TABLE response ENABLE TRIGGER response_rollup");
    await client.query("SELECT suara_rollup_rebuild()");
    log(`seeded ${written} responses`);

    // Populations (people served) per unit and quarter/year: some units survey
    // too few people for their population, and are shown as below the sample.
    for (const u of units) {
      // People served depends on the unit, not on how many responses were asked for.
      const n = Math.round((50_000 * u.volume) / volumeSum);
      const servedPerYear = Math.round(n * (u.code.startsWith("UPT-PKB") || u.code === "RSUD" ? 40 : 12 + rand() * 10));
      for (const p of periods.filter((p) => p.kind === "QUARTER" || p.kind === "YEAR")) {
        const population = p.kind === "YEAR" ? servedPerYear : Math.round(servedPerYear / 4);
        if (population > 0) {
          await client.query(`INSERT INTO unit_population (unit_id, period_id, population) VALUES ($1,$2,$3)`, [u.id, p.id, population]);
        }
      }
    }

    // The last three completed quarters are published for every unit with data.
    const completedQuarters = periods
      .filter((p) => p.kind === "QUARTER" && p.end.getTime() <= until.getTime())
      .sort((a, b) => a.end.getTime() - b.end.getTime())
      .slice(-3);
    for (const p of completedQuarters) {
      // Only a closed period is published: the agency closed each on the day it ended.
      await client.query(`UPDATE survey_period SET closed_at = $2 WHERE id = $1`, [p.id, p.end]);
      // Each publication freezes the result as computed (by lib/ikm) on the day it was published.
      const rows = (
        await client.query(
          `SELECT r.unit_id, t.pos::int AS pos, sum(t.s)::int AS s, sum(t.c)::int AS c
             FROM unit_daily_rollup r, unnest(r.sums, r.counts) WITH ORDINALITY AS t(s, c, pos)
            WHERE r.day >= $1 AND r.day < $2 AND NOT r.suspicious AND r.template_version_id = ANY($3::uuid[])
            GROUP BY 1, 2`,
          [p.start.toISOString().slice(0, 10), p.end.toISOString().slice(0, 10), [versionId, harapanVersionId]],
        )
      ).rows as { unit_id: string; pos: number; s: number; c: number }[];
      const respondents = new Map(
        (
          await client.query(
            `SELECT unit_id, sum(responses)::int AS n FROM unit_daily_rollup
              WHERE day >= $1 AND day < $2 AND NOT suspicious AND template_version_id = ANY($3::uuid[]) GROUP BY 1`,
            [p.start.toISOString().slice(0, 10), p.end.toISOString().slice(0, 10), [versionId, harapanVersionId]],
          )
        ).rows.map((r) => [r.unit_id as string, r.n as number]),
      );
      for (const u of weighted) {
        const n = respondents.get(u.id) ?? 0;
        if (n === 0) continue;
        const itemStats = Object.fromEntries(
          items.map((item, i) => {
            const at = rows.find((r) => r.unit_id === u.id && r.pos === i + 1);
            return [item.code, { sum: at?.s ?? 0, answered: at?.c ?? 0 }];
          }),
        );
        const r = computeIkmFromSums({ respondents: n, items: itemStats }, { template: TEMPLATES["permenpan-14-2017"] });
        const result = r.computable
          ? { konversi: r.konversiRounded, mutu: r.mutu, kinerja: r.kinerja, kinerjaEn: r.kinerjaEn, respondents: n, scope: "sendiri", templateVersionId: asksHarapan(u) ? harapanVersionId : versionId,
              unsur: r.items.flatMap((i) => (i.nrr === null ? [] : [{ code: i.code, name: i.name, nameEn: i.nameEn, nrr: i.nrr }])) }
          : null;
        await client.query(`INSERT INTO publication (id, unit_id, period_id, published_at, result) VALUES ($1,$2,$3,$4,$5)`, [
          uuid(), u.id, p.id, p.end, result ? JSON.stringify(result) : null,
        ]);
      }
      // The agency's own index (/hasil's headline and trend): the root pooled with every unit
      // under it, judged against the summed population, as an admin's "gabungan" publish freezes it.
      const root = units.find((u) => u.depth === 0)!;
      const pooledItems = Object.fromEntries(
        items.map((item, i) => {
          const at = rows.filter((r) => r.pos === i + 1);
          return [item.code, { sum: at.reduce((a, r) => a + r.s, 0), answered: at.reduce((a, r) => a + r.c, 0) }];
        }),
      );
      const pooledN = [...respondents.values()].reduce((a, n) => a + n, 0);
      const population = Number((await client.query(`SELECT coalesce(sum(population), 0)::int AS n FROM unit_population WHERE period_id = $1`, [p.id])).rows[0].n);
      const pooled = computeIkmFromSums({ respondents: pooledN, items: pooledItems }, { template: TEMPLATES["permenpan-14-2017"], population: population > 0 ? population : undefined });
      if (pooledN > 0 && pooled.computable) {
        const sample = pooled.sample ? { population: pooled.sample.population, minimumSample: pooled.sample.minimumSample, belowMinimum: !pooled.sample.met } : {};
        const result = {
          konversi: pooled.konversiRounded, mutu: pooled.mutu, kinerja: pooled.kinerja, kinerjaEn: pooled.kinerjaEn, respondents: pooledN, scope: "gabungan", ...sample,
          unsur: pooled.items.flatMap((i) => (i.nrr === null ? [] : [{ code: i.code, name: i.name, nameEn: i.nameEn, nrr: i.nrr }])),
        };
        await client.query(`INSERT INTO publication (id, unit_id, period_id, published_at, result, scope) VALUES ($1,$2,$3,$4,$5,'POOLED')`, [
          uuid(), root.id, p.id, p.end, JSON.stringify(result),
        ]);
      }
    }

    // One account per role.
    const unitByCode = new Map(units.map((u) => [u.code, u]));
    const userIds = await insertDemoAccounts(client, (code) => unitByCode.get(code)!.id, uuid);

    // A follow-up plan for Dukcapil's priorities of the last completed quarter, approved, partly realised.
    const q3 = completedQuarters.at(-1)!;
    const day = (offset: number) => new Date(until.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const planId = uuid();
    await client.query(
      `INSERT INTO follow_up_plan (id, unit_id, period_id, status, created_by_id, approved_by_id, approved_at, updated_at)
       VALUES ($1,$2,$3,'DISETUJUI',$4,$5,$6,now())`,
      [planId, unitByCode.get("DISDUKCAPIL")!.id, q3.id, userIds.get("kepala.dukcapil@suara.test"),
        userIds.get("pimpinan@suara.test"), new Date(Math.min(q3.end.getTime() + 14 * 86_400_000, until.getTime()))],
    );
    const actions: [string, string, string, string, number][] = [
      ["U3", "Menambah dua loket perekaman KTP-el pada jam 08.00-11.00 dan menerapkan antrean daring", "Sekretaris Dinas", day(33), 60],
      ["U8", "Memperbaiki ruang tunggu: kipas angin, 20 kursi tambahan, jalur kursi roda", "Kasubbag Umum", day(17), 35],
      ["U2", "Mencetak dan memasang alur pelayanan di setiap loket dan di situs web", "Kabid Dafduk", day(2), 100],
    ];
    let position = 0;
    for (const [unsur, action, owner, due, progress] of actions) {
      await client.query(
        `INSERT INTO follow_up_action (id, plan_id, unsur_code, action, owner, due_date, progress, done_at, position, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,CASE WHEN $7 >= 100 THEN $6::date::timestamptz END,$8,now())`,
        [uuid(), planId, unsur, action, owner, due, progress, position++],
      );
    }
    await client.query(
      `INSERT INTO follow_up_comment (id, plan_id, user_id, body) VALUES ($1,$2,$3,$4)`,
      [uuid(), planId, userIds.get("pimpinan@suara.test"), "Disetujui. Laporkan realisasi antrean daring pada rapat bulan Desember."],
    );

    // Some older saran are being acted on or resolved (the inbox items themselves come from the trigger).
    await client.query(
      `UPDATE feedback_item
          SET status = CASE WHEN (hashtext(response_id::text) % 2) = 0 THEN 'DITINDAKLANJUTI'::"FeedbackStatus" ELSE 'SELESAI'::"FeedbackStatus" END,
              answered_at = submitted_at + interval '2 days',
              closed_at = CASE WHEN (hashtext(response_id::text) % 2) = 0 THEN NULL ELSE submitted_at + interval '3 days' END,
              updated_at = submitted_at + interval '3 days'
        WHERE saran IS NOT NULL AND submitted_at < now() - interval '60 days' AND (hashtext(response_id::text) % 3) = 0`,
    );

    await client.query(
      `INSERT INTO audit_log (action, target_type, detail) VALUES ('seed.demo', 'agency', $1)`,
      [JSON.stringify({ units: units.length, services: serviceCount, responses: written })],
    );
    await client.query("COMMIT");
    return { units: units.length, services: serviceCount, responses: written, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

/** True when the database has no agency yet (the seed runs only then). */
export async function isEmptyDatabase(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const res = await client.query(`SELECT NOT EXISTS (SELECT 1 FROM unit) AS empty`);
    return res.rows[0].empty as boolean;
  } finally {
    await client.end();
  }
}
