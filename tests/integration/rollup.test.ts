import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeIkmFromRows, computeIkmFromSums, defineTemplate } from "@/lib/ikm";
import { PROFILE_SLOTS, profileVector } from "@/lib/profile";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import type pg from "pg";

// The rollup is what every dashboard reads: it must equal the responses
// whatever the write path (insert, late paper entry, correction, deletion).

type Rollup = {
  unit_id: string; service_id: string; day: string; channel: string; responses: number; sums: number[]; counts: number[];
  mean_sum: string; mean_sum_sq: string; harapan_sums: number[]; harapan_counts: number[]; profile: number[];
};

const COLUMNS = `unit_id, service_id, channel::text, verified, suspicious, responses, sums, counts,
  mean_sum::text, mean_sum_sq::text,
  harapan_sums, harapan_counts, profile`;

async function readRollup(c: pg.Client): Promise<Rollup[]> {
  const res = await c.query(`
    SELECT day::text AS day, ${COLUMNS} FROM unit_daily_rollup WHERE responses <> 0
     ORDER BY unit_id, service_id, day, channel, verified, suspicious`);
  return res.rows;
}

async function readMonthly(c: pg.Client): Promise<Rollup[]> {
  const res = await c.query(`
    SELECT month::text AS day, ${COLUMNS} FROM unit_monthly_rollup WHERE responses <> 0
     ORDER BY unit_id, service_id, month, channel, verified, suspicious`);
  return res.rows;
}

async function readSummary(c: pg.Client): Promise<Rollup[]> {
  const res = await c.query(`
    SELECT month::text AS day, unit_id, NULL AS service_id, NULL AS channel, NULL AS verified, suspicious, responses, sums, counts,
           mean_sum::text, mean_sum_sq::text,
           harapan_sums, harapan_counts, profile
      FROM unit_monthly_summary WHERE responses <> 0 ORDER BY unit_id, month, suspicious`);
  return res.rows;
}

/** Adds two numeric strings of the same scale exactly ("6.000000000000" + "3.5..."). */
function addDecimal(a: string, b: string): string {
  const digits = a.split(".")[1]?.length ?? 0;
  const scaled = (v: string) => BigInt(v.replace(".", ""));
  const sum = (scaled(a) + scaled(b)).toString().padStart(digits + 1, "0");
  return digits ? `${sum.slice(0, -digits)}.${sum.slice(-digits)}` : sum;
}

/** The daily rollup added up per month (and, with `summary`, over services, channels and verified), in TypeScript. */
function monthsOf(daily: Rollup[], summary = false): Rollup[] {
  const add = (a: number[], b: number[]) => a.map((x, i) => x + (b[i] ?? 0));
  const byKey = new Map<string, Rollup>();
  for (const r of daily) {
    const month = `${r.day.slice(0, 7)}-01`;
    const key = summary ? [r.unit_id, month, (r as { suspicious?: boolean }).suspicious].join("|") : [r.unit_id, r.service_id, month, r.channel].join("|");
    const m = byKey.get(key);
    if (!m) byKey.set(key, summary ? { ...r, day: month, service_id: null as never, channel: null as never, verified: null } as Rollup : { ...r, day: month });
    else
      byKey.set(key, {
        ...m,
        responses: m.responses + r.responses,
        sums: add(m.sums, r.sums),
        counts: add(m.counts, r.counts),
        harapan_sums: add(m.harapan_sums, r.harapan_sums),
        harapan_counts: add(m.harapan_counts, r.harapan_counts),
        profile: add(m.profile, r.profile),
        // Exact numerics: the months' sums must equal the days' to the last digit.
        mean_sum: addDecimal(m.mean_sum, r.mean_sum),
        mean_sum_sq: addDecimal(m.mean_sum_sq, r.mean_sum_sq),
      });
  }
  const out = [...byKey.values()];
  return summary ? out.sort((a, b) => a.unit_id.localeCompare(b.unit_id) || a.day.localeCompare(b.day)) : out;
}

describe("per-unit per-day rollup", () => {
  let db: TestDatabase;
  let c: pg.Client;
  const unitA = randomUUID();
  const unitB = randomUUID();
  const service = randomUUID();
  let versionId: string;

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: true });
    const { default: pgmod } = await import("pg");
    c = new pgmod.Client({ connectionString: db.url });
    await c.connect();
    const templateId = randomUUID();
    versionId = randomUUID();
    await c.query(`INSERT INTO questionnaire_template (id, key, kind, name) VALUES ($1, 't', 'CUSTOM', 'T')`, [templateId]);
    await c.query(`INSERT INTO template_version (id, template_id, version, bands) VALUES ($1, $2, 1, '[]')`, [versionId, templateId]);
    for (const [i, code] of ["U1", "U2", "U3"].entries()) {
      await c.query(
        `INSERT INTO template_item (id, version_id, position, code, unsur, unsur_en, question, question_en, options)
         VALUES ($1, $2, $3, $4, $4, $4, $4, $4, '[]')`,
        [randomUUID(), versionId, i + 1, code],
      );
    }
    for (const [id, code] of [[unitA, "A"], [unitB, "B"]]) {
      await c.query(`INSERT INTO unit (id, path, depth, name, kind, code, updated_at) VALUES ($1, $2, 0, $3, 'DINAS', $3, now())`, [id, `/${id}/`, code]);
    }
    await c.query(`INSERT INTO service (id, unit_id, code, name) VALUES ($1, $2, 'S', 'S')`, [service, unitA]);
  });
  afterAll(async () => {
    await c?.end();
    await db?.drop();
  });

  type Extra = {
    service?: string | null; channel?: string; harapan?: Record<string, number>;
    gender?: string; age?: number; education?: string; occupation?: string;
  };
  const insert = (unit: string, answers: Record<string, number>, at: string, extra: Extra = {}) =>
    c.query(
      `INSERT INTO response (id, unit_id, service_id, template_version_id, channel, submitted_at, answers, idempotency_key,
                             harapan, gender, age, education, occupation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [randomUUID(), unit, extra.service === undefined ? null : extra.service, versionId, extra.channel ?? "WEB", at, JSON.stringify(answers), randomUUID(),
        extra.harapan ? JSON.stringify(extra.harapan) : null, extra.gender ?? null, extra.age ?? null, extra.education ?? null, extra.occupation ?? null],
    ).then((r) => r.rows[0].id as string);

  it("counts each answered item, leaves blanks out, and splits days on WIB", async () => {
    await insert(unitA, { U1: 4, U2: 3, U3: 2 }, "2026-03-02T02:00:00Z", { service });
    await insert(unitA, { U1: 2, U3: 4 }, "2026-03-02T09:00:00Z", { service }); // 16:00 WIB, same day
    await insert(unitA, { U1: 1, U2: 1, U3: 1 }, "2026-03-02T17:30:00Z", { service }); // 00:30 WIB on 3 March
    const rows = await readRollup(c);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ day: "2026-03-02", responses: 2, sums: [6, 3, 6], counts: [2, 1, 2] });
    expect(rows[1]).toMatchObject({ day: "2026-03-03", responses: 1, sums: [1, 1, 1], counts: [1, 1, 1] });
    // Respondent means 3 and 3 (2 answered items: 6/2).
    expect(rows[0]!.mean_sum).toBe("6.000000000000");
    expect(rows[0]!.mean_sum_sq).toBe("18.000000000000000000000000");
  });

  it("follows corrections and deletions, and equals a full rebuild", async () => {
    const id = await insert(unitB, { U1: 3, U2: 3, U3: 3 }, "2026-04-10T03:00:00Z", { channel: "PAPER" });
    await insert(unitB, { U2: 4 }, "2026-04-10T04:00:00Z", { channel: "PAPER" });
    await c.query(`UPDATE response SET answers = '{"U1": 1, "U3": 2}', channel = 'KIOSK' WHERE id = $1`, [id]);
    const late = await insert(unitB, { U1: 4, U2: 4, U3: 4 }, "2026-01-05T03:00:00Z"); // a late paper entry for January
    await c.query(`DELETE FROM response WHERE id = $1`, [late]);

    const maintained = await readRollup(c);
    const maintainedMonthly = await readMonthly(c);
    const maintainedSummary = await readSummary(c);
    await c.query(`SELECT suara_rollup_rebuild()`);
    const rebuilt = await readRollup(c);
    expect(maintained).toEqual(rebuilt);
    expect(maintainedMonthly).toEqual(await readMonthly(c));
    expect(maintainedSummary).toEqual(await readSummary(c));
    expect(maintainedMonthly).toEqual(monthsOf(maintained));
    expect(maintainedSummary).toEqual(monthsOf(maintained, true));
    const b = maintained.filter((r) => r.unit_id === unitB);
    expect(b.map((r) => [r.channel, r.responses, r.sums, r.counts])).toEqual([
      ["WEB", 0, [0, 0, 0], [0, 0, 0]],
      ["KIOSK", 1, [1, 0, 2], [1, 0, 1]],
      ["PAPER", 1, [0, 4, 0], [0, 1, 0]],
    ].filter(([, n]) => n !== 0));
  });

  it("counts importance (harapan) and the respondent profile in the slots lib/profile lays out", async () => {
    const unitC = randomUUID();
    await c.query(`INSERT INTO unit (id, path, depth, name, kind, code, updated_at) VALUES ($1, $2, 0, 'C', 'DINAS', 'C', now())`, [unitC, `/${unitC}/`]);
    const people: (Omit<Extra, "harapan"> & { harapan?: Record<string, number> })[] = [
      { gender: "P", age: 19, education: "SMA", occupation: "SWASTA", harapan: { U1: 4, U2: 4, U3: 3 } },
      { gender: "L", age: 60, education: "S3", occupation: "PNS", harapan: { U1: 3, U3: 4 } },
      { age: 20, education: "D1_D3" },
      { gender: "P", age: 59, occupation: "LAINNYA" },
      {},
    ];
    for (const [i, p] of people.entries()) await insert(unitC, { U1: 3, U2: 2 + (i % 3) }, `2026-05-0${i + 1}T03:00:00Z`, p);
    const rows = (await readRollup(c)).filter((r) => r.unit_id === unitC);
    expect(rows).toHaveLength(5);
    for (const [i, p] of people.entries()) {
      expect(rows[i]!.profile).toHaveLength(PROFILE_SLOTS);
      expect(rows[i]!.profile).toEqual(profileVector(p));
      expect(rows[i]!.harapan_counts).toEqual(["U1", "U2", "U3"].map((k) => (p.harapan && k in p.harapan ? 1 : 0)));
      expect(rows[i]!.harapan_sums).toEqual(["U1", "U2", "U3"].map((k) => p.harapan?.[k] ?? 0));
    }
    const [month] = (await readMonthly(c)).filter((r) => r.unit_id === unitC);
    expect(month).toMatchObject({ day: "2026-05-01", responses: 5, harapan_sums: [7, 4, 7], harapan_counts: [2, 1, 2] });
    expect(month!.profile).toEqual(people.map(profileVector).reduce((a, v) => a.map((x, i) => x + v[i]!)));
    // Moving a response to another month moves it in the monthly rollup too.
    await c.query(`UPDATE response SET submitted_at = '2026-06-01T03:00:00Z' WHERE unit_id = $1 AND submitted_at = '2026-05-01T03:00:00Z'`, [unitC]);
    const months = (await readMonthly(c)).filter((r) => r.unit_id === unitC).map((r) => [r.day, r.responses, r.harapan_sums]);
    expect(months).toEqual([["2026-05-01", 4, [3, 0, 4]], ["2026-06-01", 1, [4, 4, 3]]]);
    const monthly = await readMonthly(c);
    const summary = await readSummary(c);
    await c.query(`SELECT suara_rollup_rebuild()`);
    expect(await readMonthly(c)).toEqual(monthly);
    expect(await readSummary(c)).toEqual(summary);
    expect(summary.filter((r) => r.unit_id === unitC).map((r) => [r.day, r.responses, r.profile])).toEqual(
      months.map(([day, n]) => [day, n, monthly.find((m) => m.unit_id === unitC && m.day === day)!.profile]),
    );
  });

  it("gives lib/ikm the same index from rollup sums as from the rows", async () => {
    const rows = (await c.query(`SELECT answers FROM response WHERE unit_id = $1`, [unitA])).rows.map((r) => r.answers);
    const agg = (await c.query(`SELECT sums, counts, responses, mean_sum, mean_sum_sq FROM unit_daily_rollup WHERE unit_id = $1`, [unitA])).rows;
    const sumAt = (i: number, k: "sums" | "counts") => agg.reduce((a, r) => a + r[k][i], 0);
    const template = defineTemplate({
      id: "t", name: "T", scale: { min: 1, max: 4 },
      items: ["U1", "U2", "U3"].map((code) => ({ code, name: code })),
      bands: [{ mutu: "D", kinerja: "Tidak Baik", min: 25, max: 64.99 }, { mutu: "A", kinerja: "Baik", min: 65, max: 100 }],
    });
    const fromRows = computeIkmFromRows(rows, { template });
    const fromSums = computeIkmFromSums(
      {
        respondents: agg.reduce((a, r) => a + r.responses, 0),
        items: Object.fromEntries(["U1", "U2", "U3"].map((code, i) => [code, { answered: sumAt(i, "counts"), sum: sumAt(i, "sums") }])),
      },
      { template },
    );
    expect(fromSums.konversi).toBe(fromRows.konversi);
    expect(fromSums.items.map((i) => i.nrr)).toEqual(fromRows.items.map((i) => i.nrr));
  });

  it("keeps the audit log append-only", async () => {
    await c.query(`INSERT INTO audit_log (action) VALUES ('test.entry')`);
    await expect(c.query(`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(c.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(c.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const left = await c.query(`SELECT action FROM audit_log`);
    expect(left.rows).toEqual([{ action: "test.entry" }]);
  });
});
