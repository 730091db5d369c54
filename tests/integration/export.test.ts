import Papa from "papaparse";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvStream, exportLabels } from "@/lib/export/csv";
import { MESSAGES } from "@/lib/i18n/messages";
import type { TCaller } from "@/lib/permissions";
import { parseDashboardQuery, type TSearchParams } from "@/lib/validation/dashboard";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The CSV of a unit dashboard's view, read back the way a spreadsheet would
// (papaparse, `;`) and compared with the raw responses in the database: the
// same filters as the view, suspicious responses kept and marked, the columns
// of the questionnaire(s) answered, times on the agency's clock, formulas
// defused, and the same bytes whatever the batch size.

let db: TestDatabase;
let exporter: typeof import("@/lib/dal/export");
let dash: typeof import("@/lib/dal/dashboard");
const callers = {} as Record<"admin" | "kepala", TCaller>;
const NOW = new Date("2026-11-28T05:00:00Z");
const SUSPICIOUS = "Mencurigakan (tidak dihitung dalam IKM)";
const t = createTranslator({ locale: "id", messages: MESSAGES.id, namespace: "responsesExport" });

const query = (params: TSearchParams) => parseDashboardQuery(params, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }, NOW).query;
type Row = Record<string, string>;

/** The file as bytes and as rows keyed by header, or null when the data layer refuses it. */
async function download(caller: TCaller | null, code: string, params: TSearchParams, batchSize?: number) {
  const exp = await exporter.openResponseExport(caller, code, query(params));
  if (!exp) return null;
  const stream = csvStream(exp.batches(batchSize), exp.versions, exportLabels(t, (id) => id, exp.timeZone), exp.timeZone);
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const parsed = Papa.parse<string[]>(text, { delimiter: ";", skipEmptyLines: true });
  const [header, ...lines] = parsed.data as string[][];
  const rows: Row[] = lines.map((l) => Object.fromEntries(header!.map((h, i) => [h, l[i]!])));
  return { bytes, text, header: header!, rows };
}

const raw = <T extends object>(text: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(text, params)).rows as T[]);
const WIB_TIME = `to_char(r.submitted_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD"T"HH24:MI:SS') || '+07:00'`;
const IN_T3 = `(r.submitted_at AT TIME ZONE 'Asia/Jakarta') >= '2026-07-01' AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta') < '2026-10-01'`;
const sorted = (xs: string[]) => [...xs].sort();

async function insert(unit: string, at: string, opts: { template?: string; answers?: Record<string, number>; saran?: string; channel?: string } = {}) {
  await raw(
    `INSERT INTO response (id, unit_id, template_version_id, channel, submitted_at, answers, saran, idempotency_key)
     SELECT gen_random_uuid(), u.id, v.id, $3::"Channel", $2::timestamptz, $4::jsonb, $5, gen_random_uuid()::text
       FROM unit u, template_version v JOIN questionnaire_template t ON t.id = v.template_id
      WHERE u.code = $1 AND t.key = $6`,
    [unit, at, opts.channel ?? "PAPER", JSON.stringify(opts.answers ?? { U1: 3, U2: 3, U3: 3, U4: 3, U5: 3, U6: 3, U7: 3, U8: 3, U9: 3 }), opts.saran ?? null, opts.template ?? "permenpan-14-2017"],
  );
}

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 6000, until: NOW });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  exporter = await import("@/lib/dal/export");
  dash = await import("@/lib/dal/dashboard");
  const units = await raw<{ id: string; code: string; path: string }>(`SELECT id, code, path FROM unit`);
  const on = (code: string) => units.find((u) => u.code === code)!;
  callers.admin = { userId: crypto.randomUUID(), email: "admin@export.test", name: "admin", mustChangePassword: false, assignments: [{ role: "ADMIN", unitId: on("KAB-SUKAMAJU").id, unitPath: on("KAB-SUKAMAJU").path }] };
  callers.kepala = { userId: crypto.randomUUID(), email: "kepala@export.test", name: "kepala", mustChangePassword: false, assignments: [{ role: "KEPALA_UNIT", unitId: on("DISDUKCAPIL").id, unitPath: on("DISDUKCAPIL").path }] };
  // A unit still on the 2004 questionnaire (14 unsur) under Dinas Kesehatan, which answered the 2017 one once in July.
  const dinkes = on("DINKES");
  await raw(
    `WITH t AS (SELECT id FROM questionnaire_template WHERE key = 'kepmenpan-25-2004'), n AS (SELECT gen_random_uuid() AS id)
     INSERT INTO unit (id, parent_id, path, depth, name, kind, code, template_id, updated_at)
     SELECT n.id, $1::uuid, $2 || n.id || '/', 2, 'UPT Arsip Kesehatan', 'UPT', 'UPT-ARSIP', t.id, now() FROM n, t`,
    [dinkes.id, dinkes.path],
  );
  await insert("UPT-ARSIP", "2026-07-10T03:00:00Z");
  const all14 = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`U${i + 1}`, 1 + (i % 4)]));
  await insert("UPT-ARSIP", "2026-08-03T02:00:00Z", { template: "kepmenpan-25-2004", answers: all14 });
  await insert("UPT-ARSIP", "2026-08-04T02:00:00Z", { template: "kepmenpan-25-2004", answers: Object.fromEntries(Object.entries(all14).filter(([code]) => code !== "U12")) });
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("the responses export", () => {
  it("holds the view's responses: its period, service, channel, verification and scope, nothing else", async () => {
    const params = { periode: "2026-T3", layanan: "IGD", kanal: "WEB" };
    const file = (await download(callers.admin, "RSUD", params))!;
    const expected = await raw<{ at: string }>(
      `SELECT ${WIB_TIME} AS at FROM response r JOIN unit u ON u.id = r.unit_id JOIN service s ON s.id = r.service_id
        WHERE u.code = 'RSUD' AND s.code = 'IGD' AND r.channel = 'WEB' AND ${IN_T3}`,
    );
    expect(expected.length).toBeGreaterThan(3);
    expect(sorted(file.rows.map((r) => r["Waktu (Asia/Jakarta)"]!))).toEqual(sorted(expected.map((r) => r.at)));
    const [igd] = await raw<{ name: string }>(`SELECT s.name FROM service s JOIN unit u ON u.id = s.unit_id WHERE u.code = 'RSUD' AND s.code = 'IGD'`);
    expect(new Set(file.rows.map((r) => r.Layanan))).toEqual(new Set([igd!.name]));
    expect(new Set(file.rows.map((r) => r.Kanal))).toEqual(new Set(["WEB"]));
    // The rows the view counts are the file's unmarked rows.
    const view = await dash.getUnitDashboard(callers.admin, "RSUD", query(params));
    expect(file.rows.filter((r) => r[SUSPICIOUS] === "tidak").length).toBe(view!.score!.result.respondents);

    const verified = (await download(callers.admin, "RSUD", { periode: "2026-T3", terverifikasi: "1" }))!;
    const [v] = await raw<{ n: number }>(`SELECT count(*)::int AS n FROM response r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'RSUD' AND r.verified AND ${IN_T3}`);
    expect(verified.rows.length).toBe(v!.n);
    expect(verified.rows.every((r) => r["Terverifikasi (kode transaksi)"] === "ya")).toBe(true);

    // Not the last twelve months: the year holds more.
    const year = await raw<{ n: number }>(`SELECT count(*)::int AS n FROM response r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'RSUD' AND r.submitted_at > now() - interval '1 year'`);
    expect((await download(callers.admin, "RSUD", { periode: "2026-T3" }))!.rows.length).toBeLessThan(year[0]!.n);

    // A dinas with its bidang and UPT by default (as its dashboard), or alone.
    const subtree = await raw<{ code: string; n: number }>(
      `SELECT u.code, count(*)::int AS n FROM response r JOIN unit u ON u.id = r.unit_id JOIN unit p ON u.path LIKE p.path || '%'
        WHERE p.code = 'DISDUKCAPIL' AND ${IN_T3} GROUP BY u.code`,
    );
    const pooled = (await download(callers.kepala, "DISDUKCAPIL", { periode: "2026-T3" }))!;
    expect(pooled.rows.length).toBe(subtree.reduce((a, r) => a + r.n, 0));
    expect(new Set(pooled.rows.map((r) => r["Kode unit"]))).toEqual(new Set(subtree.map((r) => r.code)));
    const own = (await download(callers.kepala, "DISDUKCAPIL", { periode: "2026-T3", cakupan: "sendiri" }))!;
    expect(own.rows.length).toBe(subtree.find((r) => r.code === "DISDUKCAPIL")!.n);
    expect(new Set(own.rows.map((r) => r["Kode unit"]))).toEqual(new Set(["DISDUKCAPIL"]));
  });

  it("keeps suspicious responses, marked in a column that says the index does not count them", async () => {
    await raw(
      `UPDATE response SET suspicious = true WHERE id IN (
         SELECT r.id FROM response r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'RSUD' AND NOT r.suspicious AND ${IN_T3} ORDER BY r.submitted_at LIMIT 3)`,
    );
    const [n] = await raw<{ all: number; sus: number }>(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE r.suspicious)::int AS sus FROM response r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'RSUD' AND ${IN_T3}`,
    );
    const file = (await download(callers.admin, "RSUD", { periode: "2026-T3" }))!;
    expect(file.header).toContain(SUSPICIOUS);
    expect(file.rows.length).toBe(n!.all);
    expect(file.rows.filter((r) => r[SUSPICIOUS] === "ya").length).toBe(n!.sus);
    expect(n!.sus).toBeGreaterThanOrEqual(3);
    const view = await dash.getUnitDashboard(callers.admin, "RSUD", query({ periode: "2026-T3" }));
    expect(view!.suspiciousExcluded).toBe(n!.sus);
    expect(view!.score!.result.respondents).toBe(n!.all - n!.sus);
  });

  it("has the columns of the questionnaire answered: U1-U14 for 2004, the union when a unit changed, harapan where asked", async () => {
    const items2004 = (await raw<{ h: string }>(
      `SELECT i.code || ' ' || i.unsur AS h FROM template_item i JOIN template_version v ON v.id = i.version_id JOIN questionnaire_template t ON t.id = v.template_id
        WHERE t.key = 'kepmenpan-25-2004' ORDER BY i.position`,
    )).map((r) => r.h);
    expect(items2004).toHaveLength(14);
    const august = (await download(callers.admin, "UPT-ARSIP", { periode: "2026-08" }))!;
    expect(august.header.filter((h) => /^U\d+/.test(h))).toEqual(items2004);
    expect(august.header.some((h) => h.startsWith("Harapan"))).toBe(false);
    expect(august.rows.map((r) => [r[items2004[0]!], r[items2004[11]!], r[items2004[13]!], r.Kuesioner])).toEqual([
      ["1", "4", "2", "kepmenpan-25-2004 v1"],
      ["1", "", "2", "kepmenpan-25-2004 v1"],
    ]);
    // Before any response the columns are the unit's own questionnaire's.
    expect((await download(callers.admin, "UPT-ARSIP", { periode: "2026-T1" }))!.header.filter((h) => /^U\d+/.test(h))).toEqual(items2004);
    // July (2017) and August (2004) together: U1-U9 mean different unsur in each, so they carry the code only.
    const quarter = (await download(callers.admin, "UPT-ARSIP", { periode: "2026-T3" }))!;
    expect(quarter.header.filter((h) => /^U\d+/.test(h))).toEqual([...Array.from({ length: 9 }, (_, i) => `U${i + 1}`), ...items2004.slice(9)]);
    expect(quarter.rows.map((r) => r.Kuesioner)).toEqual(["permenpan-14-2017 v1", "kepmenpan-25-2004 v1", "kepmenpan-25-2004 v1"]);
    expect([quarter.rows[0]!.U1, quarter.rows[0]![items2004[9]!], quarter.rows[1]!.U1, quarter.rows[1]![items2004[9]!]]).toEqual(["3", "", "1", "2"]);

    // The puskesmas asks importance: nine harapan columns, each answer as stored.
    const pkm = (await download(callers.admin, "PKM-SUKAMAJU", { periode: "2026-T3" }))!;
    const harapanHeads = pkm.header.filter((h) => h.startsWith("Harapan"));
    const items2017 = (await raw<{ h: string }>(
      `SELECT i.code || ' ' || i.unsur AS h FROM template_item i JOIN template_version v ON v.id = i.version_id JOIN questionnaire_template t ON t.id = v.template_id
        WHERE t.key = 'permenpan-14-2017-harapan' ORDER BY i.position`,
    )).map((r) => r.h);
    expect(pkm.header.filter((h) => /^U\d+/.test(h))).toEqual(items2017);
    expect(harapanHeads).toEqual(items2017.map((h) => `Harapan ${h}`));
    expect(harapanHeads[0]).toBe("Harapan U1 Persyaratan");
    const stored = await raw<{ harapan: Record<string, number> }>(
      `SELECT r.harapan FROM response r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'PKM-SUKAMAJU' AND ${IN_T3} ORDER BY r.submitted_at, r.id`,
    );
    expect(stored.length).toBeGreaterThan(10);
    expect(pkm.rows.map((r) => harapanHeads.map((h) => r[h]))).toEqual(stored.map((s) => Array.from({ length: 9 }, (_, i) => String(s.harapan[`U${i + 1}`] ?? ""))));
  });

  it("writes each time on the agency's clock with its offset", async () => {
    await insert("RSUD", "2026-08-15T01:15:00Z", { saran: "jam-wib-0815" });
    const file = (await download(callers.admin, "RSUD", { periode: "2026-08", cakupan: "sendiri" }))!;
    expect(file.rows.find((r) => r.Saran === "jam-wib-0815")!["Waktu (Asia/Jakarta)"]).toBe("2026-08-15T08:15:00+07:00");
    expect(file.rows.every((r) => /^2026-08-\d\dT\d\d:\d\d:\d\d\+07:00$/.test(r["Waktu (Asia/Jakarta)"]!))).toBe(true);
  });

  it("refuses a unit outside the caller's scope exactly like one that does not exist", async () => {
    for (const code of ["RSUD", "KAB-SUKAMAJU", "DINKES", "TIDAK-ADA", "bad code;"]) expect(await download(callers.kepala, code, { periode: "2026-T3" })).toBeNull();
    expect(await download(null, "DISDUKCAPIL", { periode: "2026-T3" })).toBeNull();
    const operator: TCaller = { ...callers.kepala, assignments: callers.kepala.assignments.map((a) => ({ ...a, role: "OPERATOR" as const })) };
    expect(await download(operator, "DISDUKCAPIL", { periode: "2026-T3" })).toBeNull();
    expect(await download(callers.kepala, "DUKCAPIL-DAFDUK", { periode: "2026-T3" })).not.toBeNull();
  });

  it("defuses cells a spreadsheet would run as formulas, and keeps every saran whole", async () => {
    const sarans = ["=HYPERLINK(\"http://x.test\";\"klik\")", "+62 812 0000", "-1+2", "@SUM(A1:A9)", "  =1+1", "\t=cmd", "Antre \"lama\"; petugas\r\nramah", "Baik — terima kasih 👍"];
    for (const [i, saran] of sarans.entries()) await insert("RSUD", `2026-09-0${i + 1}T02:00:00Z`, { saran });
    const file = (await download(callers.admin, "RSUD", { periode: "2026-09", cakupan: "sendiri" }))!;
    const bySaran = file.rows.map((r) => r.Saran!).filter((s) => sarans.some((x) => s.endsWith(x)));
    expect(bySaran).toEqual(["'=HYPERLINK(\"http://x.test\";\"klik\")", "'+62 812 0000", "'-1+2", "'@SUM(A1:A9)", "'  =1+1", "'\t=cmd", "Antre \"lama\"; petugas\r\nramah", "Baik — terima kasih 👍"]);
    // Excel's way in: a UTF-8 byte-order mark, `;` between cells, CRLF after each line.
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.text.slice(1).split("\r\n")[0]!.split(";").slice(0, 3)).toEqual(['"No"', '"Waktu (Asia/Jakarta)"', '"Kode unit"']);
  });

  it("streams in batches exactly the file one query gives, a few thousand rows", async () => {
    const params = { periode: "2026" };
    const whole = (await download(callers.admin, "KAB-SUKAMAJU", params, 1_000_000))!;
    const batched = (await download(callers.admin, "KAB-SUKAMAJU", params, 37))!;
    const [n] = await raw<{ n: number }>(`SELECT count(*)::int AS n FROM response r WHERE (r.submitted_at AT TIME ZONE 'Asia/Jakarta') >= '2026-01-01' AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta') < '2027-01-01'`);
    expect(n!.n).toBeGreaterThan(3000);
    expect(whole.rows.length).toBe(n!.n);
    expect(Buffer.from(batched.bytes).equals(Buffer.from(whole.bytes))).toBe(true);
    expect(batched.rows.map((r) => r.No)).toEqual(Array.from({ length: n!.n }, (_, i) => String(i + 1)));
  });
});
