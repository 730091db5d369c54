import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectStats, computeIkmFromRows, computeIkmFromSums, PERMENPAN_14_2017, type IkmResult } from "@/lib/ikm";
import type { TCaller } from "@/lib/permissions";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// Import into a unit, end to end on the data layer: the dashboard moves by exactly what lib/ikm
// says of the imported rows (read back from the database), the same file twice counts once, a
// bad row writes nothing, undo leaves the rollups equal to a recount, and nobody outside the
// unit's operators and admins gets anything.

let db: TestDatabase;
let imp: typeof import("@/lib/dal/import");
let dash: typeof import("@/lib/dal/dashboard");
const callers = {} as Record<"admin" | "operator" | "kepala" | "foreignOperator", TCaller>;
const UNIT = "DISDUKCAPIL";
const fixture = (name: string) => new Uint8Array(readFileSync(path.join("tests/fixtures/import", name)));
const GOOGLE = fixture("google-forms.csv");
const googleFile = { fileName: "google-forms.csv", bytes: GOOGLE, serviceCode: "KTP" };

const one = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows[0] as T);
const rows = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows as T[]);
const imported = () => rows<{ answers: Record<string, number>; service: string | null; entered: string; batch: string }>(
  `SELECT r.answers, s.code AS service, r.entered_by_id AS entered, r.import_batch_id AS batch
     FROM response r LEFT JOIN service s ON s.id = r.service_id JOIN unit u ON u.id = r.unit_id
    WHERE u.code = $1 AND r.channel = 'IMPORT' ORDER BY r.submitted_at`,
  [UNIT],
);
const rollup = () =>
  rows(`SELECT unit_id, service_id, day::text, template_version_id, channel::text, verified, suspicious, responses, sums, counts, mean_sum::text, profile
          FROM unit_daily_rollup WHERE responses <> 0 ORDER BY unit_id, service_id, day, template_version_id, channel, verified, suspicious`);
/** The unit's own index for 2026 as its dashboard shows it. */
const year = async (): Promise<IkmResult> => {
  const q = parseDashboardQuery({ periode: "2026", cakupan: "sendiri" }, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }).query;
  return (await dash.getUnitDashboard(callers.admin, UNIT, q))!.score!.result;
};

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 300, until: new Date("2026-11-28T05:00:00Z") });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  imp = await import("@/lib/dal/import");
  dash = await import("@/lib/dal/dashboard");
  const as = async (email: string, role: TCaller["assignments"][number]["role"], code: string): Promise<TCaller> => {
    const u = await one<{ id: string; path: string }>(`SELECT id, path FROM unit WHERE code = $1`, [code]);
    const userId = (await one<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [email])).id;
    return { userId, email, name: email, mustChangePassword: false, assignments: [{ role, unitId: u.id, unitPath: u.path }] };
  };
  callers.admin = await as("admin@suara.test", "ADMIN", "KAB-SUKAMAJU");
  callers.operator = await as("operator.dukcapil@suara.test", "OPERATOR", UNIT);
  callers.kepala = await as("kepala.dukcapil@suara.test", "KEPALA_UNIT", UNIT);
  callers.foreignOperator = await as("pimpinan@suara.test", "OPERATOR", "DINKES");
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("importing a Google Forms export", () => {
  let batchId = "";
  let before: IkmResult;

  it("previews what lib/ikm says of the rows, writes nothing, and commits them all", async () => {
    before = await year();
    const preview = await imp.previewImport(callers.operator, UNIT, googleFile);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value).toMatchObject({ source: "google-forms", rowsRead: 7, newRows: 7, alreadyImported: 0, refusals: [] });
    expect(await imported()).toEqual([]);

    const done = await imp.commitImport(callers.operator, UNIT, googleFile);
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    batchId = done.value.batchId;
    expect(done.value.inserted).toBe(7);

    const stored = await imported();
    expect(stored).toHaveLength(7);
    expect(new Set(stored.map((r) => `${r.service}|${r.entered}|${r.batch}`))).toEqual(new Set([`KTP|${callers.operator.userId}|${batchId}`]));
    // The preview's IKM of the rows is lib/ikm's on the rows as stored.
    const ofRows = computeIkmFromRows(stored.map((r) => r.answers), { template: PERMENPAN_14_2017 });
    expect(preview.value.added.ikm).toBe(ofRows.ikm);
    expect(preview.value.added.respondents).toBe(7);
    // And the unit's own over March to May: what its rollup holds once they are in.
    expect(preview.value.months).toEqual({ first: "2026-03", last: "2026-05" });
    const spring = await one<{ n: number }>(
      `SELECT coalesce(sum(m.responses), 0)::int AS n FROM unit_monthly_summary m JOIN unit u ON u.id = m.unit_id
        WHERE u.code = $1 AND NOT m.suspicious AND m.month BETWEEN '2026-03-01' AND '2026-05-01'`,
      [UNIT],
    );
    expect(preview.value.after!.respondents).toBe(spring.n);
    expect(preview.value.before!.respondents).toBe(spring.n - 7);

    // The dashboard moves by exactly the rows: its sums before plus theirs, through lib/ikm.
    const mine = collectStats(stored.map((r) => r.answers), PERMENPAN_14_2017);
    const expected = computeIkmFromSums(
      {
        respondents: before.respondents + 7,
        items: Object.fromEntries(before.items.map((i) => [i.code, { answered: i.answered + mine.items[i.code]!.answered, sum: i.sum + mine.items[i.code]!.sum }])),
      },
      { template: PERMENPAN_14_2017 },
    );
    const after = await year();
    expect(after.respondents).toBe(before.respondents + 7);
    expect(after.items.map((i) => i.sum)).toEqual(expected.items.map((i) => i.sum));
    expect(after.ikm).toBe(expected.ikm);
    expect(after.konversi).toBe(expected.konversi);
    expect(after.ikm).not.toBe(before.ikm);
    // Added set-based (one pass for the batch), the rollups are what a recount gives.
    const maintained = await rollup();
    await withClient(db.url, (c) => c.query(`SELECT suara_rollup_rebuild()`));
    expect(await rollup()).toEqual(maintained);

    const audit = await one<{ action: string; actor_id: string; rows: string }>(
      `SELECT action, actor_id, detail->>'rows' AS rows FROM audit_log WHERE target_id = $1`,
      [batchId],
    );
    expect(audit).toEqual({ action: "import.commit", actor_id: callers.operator.userId, rows: "7" });
    const list = await imp.listImports(callers.operator, UNIT);
    expect(list!.map((b) => [b.id, b.inserted, b.service?.code, b.undoneAt])).toEqual([[batchId, 7, "KTP", null]]);
  });

  it("counts nothing twice: the same file again has no new row, and its commit writes nothing", async () => {
    const again = await imp.previewImport(callers.admin, UNIT, googleFile);
    expect(again.ok && again.value).toMatchObject({ newRows: 0, alreadyImported: 7, refusals: [] });
    expect(await imp.commitImport(callers.admin, UNIT, googleFile)).toEqual({ ok: false, error: "nothingNew" });
    expect(await imported()).toHaveLength(7);
    expect((await year()).respondents).toBe(before.respondents + 7);
    expect(await one(`SELECT count(*)::int AS n FROM import_batch`)).toEqual({ n: 1 });
  });

  it("lets nobody else at the unit's imports: a kepala, another unit's operator", async () => {
    for (const who of [callers.kepala, callers.foreignOperator, null]) {
      expect(await imp.previewImport(who, UNIT, googleFile)).toEqual({ ok: false, error: "notFound" });
      expect(await imp.commitImport(who, UNIT, googleFile)).toEqual({ ok: false, error: "notFound" });
      expect(await imp.listImports(who, UNIT)).toBeNull();
      expect(await imp.undoImport(who, { batchId })).toEqual({ ok: false, error: "notFound" });
    }
    expect(await imported()).toHaveLength(7);
  });

  it("undoes the import: its responses go, the rollups equal a recount, the dashboard is back, both entries audited", async () => {
    const undone = await imp.undoImport(callers.operator, { batchId });
    expect(undone).toEqual({ ok: true, value: { deleted: 7 } });
    expect(await imported()).toEqual([]);
    const back = await year();
    expect(back.respondents).toBe(before.respondents);
    expect(back.ikm).toBe(before.ikm);
    const maintained = await rollup();
    await withClient(db.url, (c) => c.query(`SELECT suara_rollup_rebuild()`));
    expect(await rollup()).toEqual(maintained);
    expect(await rows(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`, [batchId])).toEqual([{ action: "import.commit" }, { action: "import.undo" }]);
    expect((await imp.listImports(callers.operator, UNIT))![0]!.undoneBy).toBe("Operator Dukcapil");
    expect(await imp.undoImport(callers.operator, { batchId })).toEqual({ ok: false, error: "alreadyUndone" });
    // Undone, the rows may come in again.
    const again = await imp.previewImport(callers.operator, UNIT, googleFile);
    expect(again.ok && again.value.newRows).toBe(7);
  });
});

describe("refusals and choices", () => {
  it("a file with one bad row writes nothing, and names the row and column", async () => {
    const file = { fileName: "skor-diluar-skala.csv", bytes: fixture("skor-diluar-skala.csv"), serviceCode: "KK", date: "2026-06-15" };
    const preview = await imp.previewImport(callers.operator, UNIT, file);
    expect(preview.ok && preview.value.refusals.map((r) => [r.key, r.row, r.column, r.value])).toEqual([["outOfScale", 3, "U3", "5"]]);
    expect(await imp.commitImport(callers.operator, UNIT, file)).toEqual({ ok: false, error: "refused" });
    expect(await one(`SELECT count(*)::int AS n FROM response WHERE channel = 'IMPORT'`)).toEqual({ n: 0 });
    expect(await one(`SELECT count(*)::int AS n FROM import_batch WHERE undone_at IS NULL`)).toEqual({ n: 0 });
    // Without a time of their own, rows need the date chosen.
    const undated = await imp.previewImport(callers.operator, UNIT, { ...file, date: undefined });
    expect(undated.ok && undated.value.refusals.filter((r) => r.key === "noDate").map((r) => r.row)).toEqual([2, 4]);
  });

  it("reads the service column by the unit's service codes and names; unknown text is refused with row and column", async () => {
    const asIs = await imp.previewImport(callers.operator, UNIT, { fileName: "google-forms.csv", bytes: GOOGLE });
    const column = "Jenis layanan yang diterima";
    expect(asIs.ok && asIs.value.refusals.map((r) => [r.key, r.row, r.column, r.value])).toEqual([
      ["unknownService", 2, column, "Pembuatan KTP"],
      ["unknownService", 3, column, "Pembuatan KTP"],
      ["unknownService", 6, column, "Akta Kelahiran"],
      ["unknownService", 7, column, "Akta Kelahiran"],
      ["unknownService", 8, column, "Pembuatan KTP"],
    ]);
    // "ktp elektronik" by name, "Kartu Keluarga" by name already, "kia" by code.
    const text = new TextDecoder().decode(GOOGLE).replaceAll("Pembuatan KTP", "ktp elektronik").replaceAll("Akta Kelahiran", "kia");
    const file = { fileName: "layanan.csv", bytes: new TextEncoder().encode(text) };
    const matched = await imp.previewImport(callers.operator, UNIT, file);
    expect(matched.ok && matched.value).toMatchObject({ refusals: [], newRows: 7, serviceColumn: column });
    const done = await imp.commitImport(callers.operator, UNIT, file);
    expect(done.ok).toBe(true);
    expect((await imported()).map((r) => r.service)).toEqual(["KTP", "KTP", "KK", "KK", "KIA", "KIA", "KTP"]);
    if (done.ok) expect((await imp.undoImport(callers.operator, { batchId: done.value.batchId })).ok).toBe(true);
  });

  it("a corrected mapping changes what is read", async () => {
    const proposed = await imp.previewImport(callers.operator, UNIT, googleFile);
    if (!proposed.ok) throw new Error("preview");
    const { items } = proposed.value.mapping!;
    // U1 and U2 swapped: each column's labels are then another question's, refused.
    const swapped = await imp.previewImport(callers.operator, UNIT, { ...googleFile, mappingOverride: { items: { U1: items.U2!, U2: items.U1! } } });
    const header = proposed.value.header;
    expect(swapped.ok && swapped.value.refusals.filter((r) => r.row === 2).map((r) => [r.key, r.column])).toEqual([
      ["unknownLabel", header[items.U2!]],
      ["unknownLabel", header[items.U1!]],
    ]);
    // No gender column: other rows (their fingerprints change), the same IKM.
    const noGender = await imp.previewImport(callers.operator, UNIT, { ...googleFile, mappingOverride: { roles: { gender: null } } });
    expect(noGender.ok && noGender.value).toMatchObject({ refusals: [], newRows: 7, alreadyImported: 0 });
    expect(noGender.ok && noGender.value.mapping!.roles.gender).toBeNull();
    expect(noGender.ok && noGender.value.added.ikm).toBe(proposed.value.added.ikm);
  });

  it("a mapping naming a column or an item the file does not have is refused, not a server error; nothing is written", async () => {
    const count = async () => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM import_batch`)).n;
    const before = await count();
    const forgeries: { items?: Record<string, number>; roles?: { saran: number } }[] = [{ items: { U1: 999 } }, { items: { U99: 1 } }, { roles: { saran: -1 } }];
    for (const mappingOverride of forgeries) {
      const forged = await imp.previewImport(callers.operator, UNIT, { ...googleFile, mappingOverride });
      if (!forged.ok) {
        // The schema refuses what it can tell without the file (a negative column).
        expect(forged).toMatchObject({ ok: false, error: "invalid" });
        continue;
      }
      expect(forged.value).toMatchObject({ refusalCount: 1, refusals: [{ key: "badMapping", row: 1 }], newRows: 0 });
      expect(await imp.commitImport(callers.operator, UNIT, { ...googleFile, mappingOverride })).toEqual({ ok: false, error: "refused" });
    }
    expect(await count()).toBe(before);
  });
});

describe("npm run import", () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/import.ts", ...args], { env: { ...process.env, DATABASE_URL: db.url } }).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
    );

  it("prints the preview, commits through the same data layer, and refuses a bad file naming row and column", async () => {
    const file = "tests/fixtures/import/google-forms.csv";
    const before = await one<{ n: number }>(`SELECT count(*)::int AS n FROM response WHERE channel = 'IMPORT'`);
    const done = await run(["--unit", "DUKCAPIL-DAFDUK", "--service", "KK", file]);
    expect(done.code).toBe(0);
    expect(done.out).toContain("google-forms.csv (google-forms): 7 baris dibaca; 7 baru, 0 sudah pernah diimpor, 0 dilewati.");
    expect(done.out).toMatch(/Diimpor: 7 jawaban \(impor [0-9a-f-]{36}\)/);
    const batch = await one<{ id: string; created_by_id: string | null; inserted: number }>(`SELECT id, created_by_id, inserted FROM import_batch WHERE file_name = 'google-forms.csv' AND unit_id = (SELECT id FROM unit WHERE code = 'DUKCAPIL-DAFDUK')`);
    expect(batch).toMatchObject({ created_by_id: null, inserted: 7 });
    expect(await one(`SELECT action, actor_id, detail->>'via' AS via FROM audit_log WHERE target_id = $1`, [batch.id])).toEqual({ action: "import.commit", actor_id: null, via: "shell" });

    const bad = await run(["--unit", "DUKCAPIL-DAFDUK", "--service", "KK", "--date", "2026-06-15", "tests/fixtures/import/skor-diluar-skala.csv"]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Baris 3, kolom "U3": skor "5" di luar skala 1–4.');
    expect(await one<{ n: number }>(`SELECT count(*)::int AS n FROM response WHERE channel = 'IMPORT'`)).toEqual({ n: before.n + 7 });
  });
});
