import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeIkmFromRows, computeIkmFromSums, defineTemplate } from "@/lib/ikm";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import type pg from "pg";

// The rollup is what every dashboard reads: it must equal the responses
// whatever the write path (insert, late paper entry, correction, deletion).

type Rollup = { unit_id: string; service_id: string; day: string; channel: string; responses: number; sums: number[]; counts: number[]; mean_sum: number; mean_sum_sq: number };

async function readRollup(c: pg.Client): Promise<Rollup[]> {
  const res = await c.query(`
    SELECT unit_id, service_id, day::text AS day, channel::text, verified, suspicious, responses, sums, counts,
           round(mean_sum::numeric, 9)::float8 AS mean_sum, round(mean_sum_sq::numeric, 9)::float8 AS mean_sum_sq
      FROM unit_daily_rollup WHERE responses <> 0
     ORDER BY unit_id, service_id, day, channel, verified, suspicious`);
  return res.rows;
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

  const insert = (unit: string, answers: Record<string, number>, at: string, extra: { service?: string | null; channel?: string } = {}) =>
    c.query(
      `INSERT INTO response (id, unit_id, service_id, template_version_id, channel, submitted_at, answers, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [randomUUID(), unit, extra.service === undefined ? null : extra.service, versionId, extra.channel ?? "WEB", at, JSON.stringify(answers), randomUUID()],
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
    expect(rows[0]!.mean_sum).toBeCloseTo(6, 9);
    expect(rows[0]!.mean_sum_sq).toBeCloseTo(18, 9);
  });

  it("follows corrections and deletions, and equals a full rebuild", async () => {
    const id = await insert(unitB, { U1: 3, U2: 3, U3: 3 }, "2026-04-10T03:00:00Z", { channel: "PAPER" });
    await insert(unitB, { U2: 4 }, "2026-04-10T04:00:00Z", { channel: "PAPER" });
    await c.query(`UPDATE response SET answers = '{"U1": 1, "U3": 2}', channel = 'KIOSK' WHERE id = $1`, [id]);
    const late = await insert(unitB, { U1: 4, U2: 4, U3: 4 }, "2026-01-05T03:00:00Z"); // a late paper entry for January
    await c.query(`DELETE FROM response WHERE id = $1`, [late]);

    const maintained = await readRollup(c);
    await c.query(`SELECT suara_rollup_rebuild()`);
    const rebuilt = await readRollup(c);
    expect(maintained).toEqual(rebuilt);
    const b = maintained.filter((r) => r.unit_id === unitB);
    expect(b.map((r) => [r.channel, r.responses, r.sums, r.counts])).toEqual([
      ["WEB", 0, [0, 0, 0], [0, 0, 0]],
      ["KIOSK", 1, [1, 0, 2], [1, 0, 1]],
      ["PAPER", 1, [0, 4, 0], [0, 1, 0]],
    ].filter(([, n]) => n !== 0));
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
