import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeIkmFromRows, formatIkm, formatInteger, formatKonversi, formatNrr, type ResponseRow } from "@/lib/ikm";
import type { TCaller } from "@/lib/permissions";
import { screenText } from "@/lib/privacy/screen";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The SKM report PDF, read back the way a person would: its text extracted
// with pdftotext (every figure compared with lib/ikm computed again here on the
// raw responses), its pages rendered with pdftoppm and looked at (not blank,
// the chart page carries ink). Outside the caller's scope it is not found.

let db: TestDatabase;
let report: typeof import("@/lib/report/unit");
const callers = {} as Record<"admin" | "kepala" | "operator", TCaller>;
const NOW = new Date("2026-11-28T05:00:00Z");
const IN_T3 = `(r.submitted_at AT TIME ZONE 'Asia/Jakarta') >= '2026-07-01' AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta') < '2026-10-01'`;
const dir = mkdtempSync(path.join(tmpdir(), "suara-report-"));
const raw = <T extends object>(text: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(text, params)).rows as T[]);

async function pdf(caller: TCaller | null, code: string, params: Record<string, string>, locale: "id" | "en" = "id") {
  const out = await report.unitReportPdf(caller, code, params, locale, NOW);
  if (!out.ok) return out;
  const file = path.join(dir, `${out.report.fileName}-${locale}.pdf`);
  writeFileSync(file, out.report.bytes);
  // -layout keeps a table row on one line; spaces collapsed so cells read as "U1 Persyaratan 1.234 3,21".
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, " ");
  return { ...out, file, text };
}

/** Mean and spread of a greyscale PNG's pixels (pdftoppm -gray), from its PGM twin. */
function ink(file: string, page: number) {
  const base = path.join(dir, `page-${page}`);
  execFileSync("pdftoppm", ["-gray", "-r", "40", "-f", String(page), "-l", String(page), "-singlefile", file, base]);
  const pgm = readFileSync(`${base}.pgm`);
  // Header: P5\n<w> <h>\n255\n
  const header = pgm.subarray(0, 40).toString("latin1").split(/\s+/);
  const [w, h] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(pgm.length - w * h);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return { w, h, darkShare: dark / pixels.length };
}

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 4000, until: NOW });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  report = await import("@/lib/report/unit");
  const units = await raw<{ id: string; code: string; path: string }>(`SELECT id, code, path FROM unit`);
  const on = (code: string) => units.find((u) => u.code === code)!;
  const caller = (role: TCaller["assignments"][number]["role"], code: string): TCaller => ({
    userId: crypto.randomUUID(), email: `${role}@report.test`, name: role, mustChangePassword: false,
    assignments: [{ role, unitId: on(code).id, unitPath: on(code).path }],
  });
  callers.admin = caller("ADMIN", "KAB-SUKAMAJU");
  callers.kepala = caller("KEPALA_UNIT", "DISDUKCAPIL");
  callers.operator = caller("OPERATOR", "RSUD");
}, 240_000);
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
  if (!process.env.KEEP_REPORT) rmSync(dir, { recursive: true, force: true });
});

describe("the SKM report PDF", () => {
  it("prints the figures lib/ikm computes from the raw responses", async () => {
    // The period's newest saran carries a phone number: the report must not print it.
    await raw(
      `INSERT INTO response (id, unit_id, template_version_id, channel, submitted_at, answers, saran, idempotency_key)
       SELECT gen_random_uuid(), u.id, v.id, 'WEB', '2026-09-30T10:00:00Z', $1::jsonb, $2, gen_random_uuid()::text
         FROM unit u, template_version v JOIN questionnaire_template t ON t.id = v.template_id
        WHERE u.code = 'RSUD' AND t.key = 'permenpan-14-2017'`,
      [JSON.stringify(Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, 3]))), "Antrean lama, hubungi saya di 0812-3456-7890 ya"],
    );
    const out = await pdf(callers.admin, "RSUD", { periode: "2026-T3", cakupan: "sendiri" });
    if (!out.ok) throw new Error(out.message);
    expect(out.text).not.toContain("3456");
    expect(out.text.replace(/\s+/g, " ")).toContain("Antrean lama, hubungi saya di [nomor telepon] ya");
    const rows = await raw<{ answers: ResponseRow }>(
      `SELECT r.answers FROM response r JOIN unit u ON u.id = r.unit_id JOIN template_version v ON v.id = r.template_version_id
         JOIN questionnaire_template t ON t.id = v.template_id
        WHERE u.code = 'RSUD' AND NOT r.suspicious AND t.key = 'permenpan-14-2017' AND ${IN_T3}`,
    );
    expect(rows.length).toBeGreaterThan(30);
    const expected = computeIkmFromRows(rows.map((r) => r.answers));
    expect(expected.computable).toBe(true);
    const text = out.text;
    expect(text.replace(/\s+/g, " ")).toContain("LAPORAN SURVEI KEPUASAN MASYARAKAT RSUD Kabupaten Sukamaju Periode: Triwulan III 2026");
    expect(text).toContain("BAB III Hasil");
    expect(text).toMatch(new RegExp(`Nilai IKM \\(konversi\\) ${formatKonversi(expected)}\\b`));
    expect(text).toMatch(new RegExp(`Jumlah NRR tertimbang \\(IKM\\) ${formatIkm(expected.ikm)}\\b`));
    expect(text).toMatch(new RegExp(`\\nResponden ${formatInteger(expected.respondents)}\\n`));
    for (const item of expected.items) {
      // "U3 Kecepatan waktu pelayanan 1.234 3,21 0,111 0,357": answered, NRR, weight.
      expect(text).toMatch(new RegExp(`${item.code} [^\\n]*? ${formatInteger(item.answered).replace(".", "\\.")} ${formatNrr(item.nrr)} 0,111 `));
    }
    expect(text).toContain(`Mutu pelayanan ${expected.mutu}`);
    const weakest = expected.items.find((i) => i.code === expected.priorities[0])!;
    expect(text).toContain(`Unsur terlemah (prioritas perbaikan): ${weakest.code} ${weakest.name}, NRR ${formatNrr(weakest.nrr)}.`);
    // The latest saran, personal data masked: the same ones the dashboard lists.
    const view = await (await import("@/lib/dal/dashboard")).getUnitDashboard(callers.admin, "RSUD", parseDashboardQuery({ periode: "2026-T3", cakupan: "sendiri" }, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }, NOW).query);
    expect(view!.saran.latest.length).toBeGreaterThan(0);
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(`${view!.saran.total} saran diterima pada periode ini`);
    for (const s of view!.saran.latest.slice(0, 5)) expect(flat).toContain(screenText(s.text).text.replace(/\s+/g, " "));
    // The band table as the regulation prints it.
    expect(text).toMatch(/88,31 – 100,00 A Sangat Baik/);
    expect(text).toMatch(/76,61 – 88,30 B Baik/);
    // Fonts embedded (no reader-side substitution).
    const fonts = execFileSync("pdffonts", [out.file], { encoding: "utf8" });
    expect(fonts).toMatch(/DejaVuSans\s.*yes/);
    expect(fonts).not.toMatch(/\bno\s+no\s+no\b/);
  }, 120_000);

  it("renders pages with ink on them, the trend drawn as vectors", async () => {
    const out = await pdf(callers.admin, "RSUD", { periode: "2026-T3" });
    if (!out.ok) throw new Error(out.message);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [out.file], { encoding: "utf8" }))![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let p = 1; p <= pages; p++) {
      const { w, h, darkShare } = ink(out.file, p);
      expect(w).toBeGreaterThan(300);
      expect(h).toBeGreaterThan(w);
      // The last page may hold only the signature block: some ink, never none.
      expect(darkShare, `page ${p}`).toBeGreaterThan(0.0005);
      expect(darkShare, `page ${p}`).toBeLessThan(0.5);
    }
    // No raster image in the file: the chart is paths (and there is no logo in the demo).
    expect(execFileSync("pdfimages", ["-list", out.file], { encoding: "utf8" }).trim().split("\n").length).toBe(2);
    expect(out.text).toContain("Tren nilai IKM (konversi)");
  }, 120_000);

  it("prints the agency's logo on the cover, and only there", async () => {
    const logo = readFileSync(path.join(import.meta.dirname, "..", "e2e", "fixtures", "logo.png"));
    const updated = await withClient(db.url, (c) => c.query(`UPDATE agency_settings SET logo = $1, logo_type = 'image/png' WHERE id`, [logo]));
    expect(updated.rowCount).toBe(1);
    try {
      const out = await pdf(callers.admin, "RSUD", { periode: "2026-T3" });
      if (!out.ok) throw new Error(out.message);
      const images = execFileSync("pdfimages", ["-list", out.file], { encoding: "utf8" }).trim().split("\n").slice(2);
      expect(images).toHaveLength(1);
      // page, num, type, width, height: the 64 x 32 logo on page 1.
      expect(images[0]!.trim().split(/\s+/).slice(0, 5)).toEqual(["1", "0", "image", "64", "32"]);
    } finally {
      await withClient(db.url, (c) => c.query(`UPDATE agency_settings SET logo = NULL, logo_type = NULL WHERE id`));
    }
  }, 120_000);

  it("speaks English when asked, with English number formatting", async () => {
    const out = await pdf(callers.admin, "RSUD", { periode: "2026-T3", cakupan: "sendiri" }, "en");
    if (!out.ok) throw new Error(out.message);
    expect(out.text).toContain("PUBLIC SATISFACTION SURVEY REPORT");
    expect(out.text).toContain("Chapter III Results");
    expect(out.text).toMatch(/88\.31 – 100\.00 A Very good/);
    expect(out.report.fileName).toBe("skm-report-RSUD-2026-T3");
  }, 120_000);

  it("is not found outside dashboard.read on the unit, and refuses a query it cannot read", async () => {
    expect(await pdf(callers.kepala, "RSUD", { periode: "2026-T3" })).toMatchObject({ ok: false, status: 404 });
    expect(await pdf(callers.operator, "RSUD", { periode: "2026-T3" })).toMatchObject({ ok: false, status: 404 });
    expect(await pdf(null, "RSUD", { periode: "2026-T3" })).toMatchObject({ ok: false, status: 404 });
    expect(await pdf(callers.admin, "TIDAK-ADA", { periode: "2026-T3" })).toMatchObject({ ok: false, status: 404 });
    expect(await pdf(callers.admin, "RSUD", { periode: "2026-X9" })).toMatchObject({ ok: false, status: 400 });
    const own = await pdf(callers.kepala, "DISDUKCAPIL", { periode: "2026-T3" });
    expect(own.ok).toBe(true);
  }, 120_000);
});
