import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportLabels } from "@/lib/export/csv";
import { tabulationCsvStream, tabulationXlsxStream, type TCsvDialect, type TTabulationInput, type TTabulationLabels } from "@/lib/export/tabulation";
import { MESSAGES } from "@/lib/i18n/messages";
import type { IkmResult } from "@/lib/ikm";
import type { TCaller } from "@/lib/permissions";
import { parseDashboardQuery, type TSearchParams } from "@/lib/validation/dashboard";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The tabulation of a unit dashboard's view, read back: the workbook with exceljs (formulas
// present, their cached values lib/ikm's result on the same data, the dashboard's own number),
// the CSV in both dialects, and both files through the `ikm` command's reader (same konversi).

let db: TestDatabase;
let dir: string;
let tab: typeof import("@/lib/dal/tabulation");
let dash: typeof import("@/lib/dal/dashboard");
const callers = {} as Record<"admin" | "kepala", TCaller>;
const NOW = new Date("2026-11-28T05:00:00Z");
const query = (params: TSearchParams) => parseDashboardQuery(params, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }, NOW).query;
const raw = <T extends object>(text: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(text, params)).rows as T[]);

function labelsFor(locale: "id" | "en", timeZone: string): TTabulationLabels {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "tabulationExport" });
  const te = createTranslator({ locale, messages: MESSAGES[locale], namespace: "responsesExport" });
  const keys = ["processingSheet", "rawSheet", "profileSheet", "number", "sum", "answered", "nrr", "weighted", "ikm", "konversi", "mutu", "kinerja",
    "category", "value", "count", "notGiven", "gender", "ageBand", "education", "occupation", "service", "channel"] as const;
  return {
    ...(Object.fromEntries(keys.map((k) => [k, t(k)])) as Omit<TTabulationLabels, "title" | "export">),
    title: t("title", { unit: "U", code: "C", period: "P", template: "T" }),
    export: exportLabels(te, (id) => id, timeZone),
  };
}

async function open(caller: TCaller | null, code: string, params: TSearchParams, locale: "id" | "en" = "id"): Promise<TTabulationInput | null> {
  const exp = await tab.openTabulationExport(caller, code, query(params));
  if (!exp) return null;
  return { template: exp.family!.template, familyVersions: exp.familyVersions, versions: exp.versions, timeZone: exp.timeZone, labels: labelsFor(locale, exp.timeZone), pick: (id, en) => (locale === "en" && en ? en : id), batches: () => exp.batches(500) };
}
const bytesOf = async (s: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(s).arrayBuffer());
const ikm = promisify(execFile);

async function ikmCommand(file: string): Promise<{ konversi: number; konversiRounded: number; respondents: number }> {
  const { stdout } = await ikm("npx", ["tsx", "scripts/ikm.ts", file, "--json"], { cwd: process.cwd() });
  return JSON.parse(stdout);
}

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 4000, until: NOW });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  tab = await import("@/lib/dal/tabulation");
  dash = await import("@/lib/dal/dashboard");
  dir = await mkdtemp(path.join(tmpdir(), "tabulasi-"));
  const units = await raw<{ id: string; code: string; path: string }>(`SELECT id, code, path FROM unit`);
  const on = (code: string) => units.find((u) => u.code === code)!;
  callers.admin = { userId: crypto.randomUUID(), email: "admin@tab.test", name: "admin", mustChangePassword: false, assignments: [{ role: "ADMIN", unitId: on("KAB-SUKAMAJU").id, unitPath: on("KAB-SUKAMAJU").path }] };
  callers.kepala = { userId: crypto.randomUUID(), email: "kepala@tab.test", name: "kepala", mustChangePassword: false, assignments: [{ role: "KEPALA_UNIT", unitId: on("DISDUKCAPIL").id, unitPath: on("DISDUKCAPIL").path }] };
  // One response with U4 unanswered: its cell must be blank, and NRR U4 counts one answer fewer.
  await raw(
    `INSERT INTO response (id, unit_id, template_version_id, channel, submitted_at, answers, idempotency_key)
     SELECT gen_random_uuid(), u.id, v.id, 'PAPER', '2026-08-05T03:00:00Z', '{"U1":4,"U2":4,"U3":4,"U5":1,"U6":4,"U7":4,"U8":4,"U9":4}'::jsonb, gen_random_uuid()::text
       FROM unit u, template_version v JOIN questionnaire_template t ON t.id = v.template_id
      WHERE u.code = 'RSUD' AND t.key = 'permenpan-14-2017' ORDER BY v.version DESC LIMIT 1`,
  );
}, 240_000);
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const PARAMS = { periode: "2026-T3" };

describe("the tabulation export", () => {
  let view: IkmResult;
  let book: ExcelJS.Workbook;
  let xlsxFile: string;

  beforeAll(async () => {
    view = (await dash.getUnitDashboard(callers.admin, "RSUD", query(PARAMS)))!.score!.result;
    const bytes = await bytesOf(tabulationXlsxStream((await open(callers.admin, "RSUD", PARAMS))!));
    xlsxFile = path.join(dir, "rsud.xlsx");
    await writeFile(xlsxFile, bytes);
    book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  }, 120_000);

  it("lays out the processing sheet with formulas whose cached values are lib/ikm's (the dashboard's) result", () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(["Pengolahan IKM", "Data responden", "Profil responden"]);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(3).values).toEqual([undefined, "No", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]);
    const n = view.respondents;
    expect(n).toBeGreaterThan(50);
    const last = 3 + n;
    expect(sheet.getCell(`A${last}`).value).toBe(n);
    const label = (row: number) => sheet.getCell(`A${row}`).value;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((d) => label(last + d))).toEqual([
      "Jumlah nilai per unsur", "Jumlah jawaban per unsur", "NRR per unsur", "NRR tertimbang per unsur", "IKM", "IKM konversi", "Mutu pelayanan", "Kinerja unit pelayanan",
    ]);
    const f = (ref: string) => sheet.getCell(ref).value as { formula: string; result: number };
    expect(f(`B${last + 1}`).formula).toBe(`SUM(B4:B${last})`);
    expect(f(`E${last + 2}`).formula).toBe(`COUNT(E4:E${last})`);
    expect(f(`B${last + 3}`).formula).toBe(`IF(B${last + 2}=0,"",B${last + 1}/B${last + 2})`);
    expect(f(`B${last + 5}`).formula).toBe(`SUM(B${last + 4}:J${last + 4})`);
    expect(f(`B${last + 6}`).formula).toBe(`B${last + 5}*25`);
    view.items.forEach((item, i) => {
      const col = String.fromCharCode(66 + i);
      expect(f(`${col}${last + 1}`).result).toBe(item.sum);
      expect(f(`${col}${last + 2}`).result).toBe(item.answered);
      expect(f(`${col}${last + 3}`).result).toBeCloseTo(item.nrr!, 12);
    });
    expect(f(`B${last + 5}`).result).toBeCloseTo(view.ikm!, 12);
    expect(f(`B${last + 6}`).result).toBeCloseTo(view.konversi!, 10);
    expect(sheet.getCell(`B${last + 7}`).value).toBe(view.mutu);
    // Unanswered U4 (one inserted above): a blank cell, not a 0, and left out of U4's count.
    let blanks = 0;
    for (let r = 4; r <= last; r++) if (sheet.getCell(`E${r}`).value === null) blanks++;
    expect(blanks).toBeGreaterThan(0);
    expect(blanks).toBe(n - view.items[3]!.answered);
  });

  it("holds every response of the view in the raw sheet (suspicious ones marked) and the respondents' profile counts", async () => {
    const [{ count }] = (await raw<{ count: number }>(
      `SELECT count(*)::int AS count FROM response r JOIN unit u ON u.id = r.unit_id WHERE u.code = 'RSUD'
          AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta') >= '2026-07-01' AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta') < '2026-10-01'`,
    )) as [{ count: number }];
    const rawSheet = book.worksheets[1]!;
    expect(rawSheet.actualRowCount - 1).toBe(count);
    expect(String(rawSheet.getCell("B2").value)).toMatch(/^2026-0[789]-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    const profile = book.worksheets[2]!;
    const genders: number[] = [];
    profile.eachRow((row, i) => { if (i > 1 && row.getCell(1).value === "Jenis kelamin") genders.push(row.getCell(3).value as number); });
    expect(genders.reduce((a, b) => a + b, 0)).toBe(view.respondents);
  });

  it("reads back through the ikm command with the same konversi", async () => {
    const out = await ikmCommand(xlsxFile);
    expect(out.respondents).toBe(view.respondents);
    expect(out.konversiRounded).toBe(view.konversiRounded);
    expect(out.konversi).toBeCloseTo(view.konversi!, 10);
  }, 60_000);

  it.each([
    ["titik-koma", { sep: ";", locale: "id" }, ","],
    ["koma", { sep: ",", locale: "en" }, "."],
  ] as [string, TCsvDialect, string][])("writes the CSV (%s) in its locale and reads back with the same konversi", async (name, dialect, decimal) => {
    const text = new TextDecoder().decode(await bytesOf(tabulationCsvStream((await open(callers.admin, "RSUD", PARAMS, dialect.locale))!, dialect)));
    const lines = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: dialect.sep, skipEmptyLines: true }).data;
    expect(lines[0]).toEqual(["No", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]);
    expect(lines).toHaveLength(1 + view.respondents + 8);
    const nrr = lines[1 + view.respondents + 2]!;
    expect(nrr.slice(1)).toEqual(view.items.map((i) => i.nrr!.toFixed(3).replace(".", decimal)));
    expect(lines[1 + view.respondents + 5]![1]).toBe(view.konversiRounded!.toFixed(2).replace(".", decimal));
    expect(lines[1 + view.respondents + 7]).toEqual([dialect.locale === "id" ? "Kinerja unit pelayanan" : "Unit performance", dialect.locale === "id" ? view.kinerja : view.kinerjaEn]);
    const file = path.join(dir, `rsud-${name}.csv`);
    await writeFile(file, text);
    const out = await ikmCommand(file);
    expect(out.respondents).toBe(view.respondents);
    expect(out.konversiRounded).toBe(view.konversiRounded);
  }, 60_000);

  it("answers another unit's tabulation as not found, and a parent's for the child's head", async () => {
    expect(await tab.openTabulationExport(callers.kepala, "RSUD", query(PARAMS))).toBeNull();
    expect(await tab.openTabulationExport(callers.kepala, "KAB-SUKAMAJU", query(PARAMS))).toBeNull();
    expect(await tab.openTabulationExport(null, "DISDUKCAPIL", query(PARAMS))).toBeNull();
    expect(await tab.openTabulationExport(callers.kepala, "DISDUKCAPIL", query(PARAMS))).not.toBeNull();
  });
});
