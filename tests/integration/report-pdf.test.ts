import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeIkmFromRows, formatIkm, formatInteger, formatKonversi, formatNrr, krejcieMorganRow, minimumSample, type ResponseRow } from "@/lib/ikm";
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
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The answers of the period's counted responses (not suspicious, the 14/2017 questionnaire) of the units whose path starts with `code`'s, or of `code` alone. */
const answersOf = async (code: string, subtree: boolean) =>
  (
    await raw<{ answers: ResponseRow }>(
      `SELECT r.answers FROM response r JOIN unit u ON u.id = r.unit_id JOIN template_version v ON v.id = r.template_version_id
         JOIN questionnaire_template t ON t.id = v.template_id
        WHERE ${subtree ? "u.path LIKE (SELECT path FROM unit WHERE code = $1) || '%'" : "u.code = $1"} AND NOT r.suspicious AND t.key = 'permenpan-14-2017' AND ${IN_T3}`,
      [code],
    )
  ).map((r) => r.answers);

async function pdf(caller: TCaller | null, code: string, params: Record<string, string>, locale: "id" | "en" = "id") {
  const out = await report.unitReportPdf(caller, code, params, locale, NOW);
  if (!out.ok) return out;
  const file = path.join(dir, `${out.report.fileName}-${locale}.pdf`);
  writeFileSync(file, out.report.bytes);
  // -layout keeps a table row on one line; spaces collapsed so cells read as "U1 Persyaratan 1.234 3,21".
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, " ");
  // Without -layout a table cell's lines come out together: a wrapped cell reads as one sentence.
  const plain = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  return { ...out, file, text, plain };
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
    // Respondents per service (BAB III), counted here on the raw responses; the one without a service too.
    const perService = await raw<{ name: string | null; n: number }>(
      `SELECT s.name, count(*)::int AS n FROM response r JOIN unit u ON u.id = r.unit_id LEFT JOIN service s ON s.id = r.service_id
        WHERE u.code = 'RSUD' AND NOT r.suspicious AND ${IN_T3} GROUP BY s.name`,
    );
    expect(perService.length).toBeGreaterThan(3);
    for (const s of perService) expect(text).toMatch(new RegExp(`\\n${escape(s.name ?? "Tanpa jenis layanan")} ${escape(formatInteger(s.n))} \\d`));
    // The band table as the regulation prints it.
    expect(text).toMatch(/88,31 – 100,00 A Sangat Baik/);
    expect(text).toMatch(/76,61 – 88,30 B Baik/);
    // Fonts embedded (no reader-side substitution).
    const fonts = execFileSync("pdffonts", [out.file], { encoding: "utf8" });
    expect(fonts).toMatch(/DejaVuSans\s.*yes/);
    expect(fonts).not.toMatch(/\bno\s+no\s+no\b/);
  }, 120_000);

  it("holds the regulation's chapters: legal basis, the period's dates, the sample and its table row, the child units, the RTL, the head who signs", async () => {
    // The previous quarter's plan, partly realised (40 % and 90 %: 65 % on average).
    await raw(
      `WITH plan AS (
         INSERT INTO follow_up_plan (id, unit_id, period_id, status, updated_at)
         SELECT gen_random_uuid(), u.id, p.id, 'DISETUJUI', now() FROM unit u, survey_period p
          WHERE u.code = 'DISDUKCAPIL' AND p.kind = 'QUARTER' AND p.year = 2026 AND p.number = 2 RETURNING id)
       INSERT INTO follow_up_action (id, plan_id, unsur_code, action, owner, progress, position, updated_at)
       SELECT gen_random_uuid(), plan.id, a.unsur, a.action, 'Kabid Dafduk', a.progress, a.position, now()
         FROM plan, (VALUES ('U3', 'Loket prioritas lansia', 40, 0), ('U8', 'Kursi ruang tunggu', 90, 1)) AS a(unsur, action, progress, position)`,
    );
    const out = await pdf(callers.admin, "DISDUKCAPIL", { periode: "2026-T3" });
    if (!out.ok) throw new Error(out.message);
    const flat = out.text.replace(/\s+/g, " ");

    // BAB I: the legal basis.
    expect(flat).toContain("BAB I Pendahuluan");
    expect(flat).toContain("1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;");
    expect(flat).toContain("2. Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009");
    expect(flat).toContain("Reformasi Birokrasi Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat");

    // BAB II: who ran it, when (the quarter's first and last day), the population of the
    // pooled units and its Krejcie-Morgan minimum, the table row it reads, the respondents.
    expect(flat).toContain("Survei dilaksanakan secara mandiri oleh Dinas Kependudukan dan Pencatatan Sipil beserta sub-unitnya (4 unit), Pemerintah Kabupaten Sukamaju");
    expect(flat).toContain("Pengumpulan data: Triwulan III 2026, 1 Jul 2026 sampai dengan 30 Sep 2026.");
    const [served] = await raw<{ population: number }>(
      `SELECT sum(n.population)::int AS population FROM unit_population n JOIN unit u ON u.id = n.unit_id JOIN survey_period p ON p.id = n.period_id
        WHERE u.path LIKE (SELECT path FROM unit WHERE code = 'DISDUKCAPIL') || '%' AND p.kind = 'QUARTER' AND p.year = 2026 AND p.number = 3`,
    );
    const population = served!.population;
    expect(population).toBeGreaterThan(1000);
    const pooled = computeIkmFromRows(await answersOf("DISDUKCAPIL", true));
    expect(out.text).toContain(`\nPopulasi (orang dilayani) ${formatInteger(population)}\n`);
    expect(out.text).toContain(`\nSampel minimum (Krejcie dan Morgan) ${formatInteger(minimumSample(population))}\n`);
    expect(out.text).toContain(`\nResponden yang diperoleh ${formatInteger(pooled.respondents)}\n`);
    expect(out.text).toContain(`\nKecukupan sampel ${pooled.respondents >= minimumSample(population) ? "memenuhi" : "di bawah"} sampel minimum\n`);
    const row = krejcieMorganRow(population);
    expect(flat).toContain(`populasi ${formatInteger(population)} dibaca pada baris N = ${formatInteger(row.population)}, dengan sampel S = ${formatInteger(row.sample)}:`);
    expect(out.text).toContain(`\n ${formatInteger(row.population)} ${formatInteger(row.sample)} ← baris yang dipakai\n`);
    expect(flat).toMatch(new RegExp(`Jumlah ${escape(formatInteger(pooled.respondents))} 100,0%`));

    // BAB III: each child unit (and the dinas's own responses) with its own index.
    for (const [code, subtree, name] of [
      ["DISDUKCAPIL", false, "Dinas Kependudukan dan Pencatatan Sipil"],
      ["DUKCAPIL-DAFDUK", true, "Bidang Pelayanan Pendaftaran Penduduk"],
      ["DUKCAPIL-CAPIL", true, "Bidang Pelayanan Pencatatan Sipil"],
      ["UPT-DUKCAPIL-UTARA", true, "UPT Dukcapil Wilayah Utara"],
    ] as const) {
      const r = computeIkmFromRows(await answersOf(code, subtree));
      expect(out.text, code).toMatch(new RegExp(`\\n${escape(name)} ${escape(formatInteger(r.respondents))} ${escape(formatKonversi(r))} ${r.mutu}\\n`));
    }
    expect(out.text).toMatch(/\nHasil per unit\n/);
    expect(out.text).toMatch(new RegExp(`Nilai IKM \\(konversi\\) ${formatKonversi(pooled)}\\b`));

    // BAB IV: the quarter's RTL as seeded (actions, owners, realisation), the previous quarter's realisation.
    const actions = await raw<{ unsur_code: string; action: string; owner: string; progress: number }>(
      `SELECT a.unsur_code, a.action, a.owner, a.progress FROM follow_up_action a JOIN follow_up_plan p ON p.id = a.plan_id
         JOIN unit u ON u.id = p.unit_id JOIN survey_period sp ON sp.id = p.period_id
        WHERE u.code = 'DISDUKCAPIL' AND sp.kind = 'QUARTER' AND sp.year = 2026 AND sp.number = 3 ORDER BY a.position`,
    );
    expect(actions.length).toBe(3);
    expect(out.plain).toContain("Status RTL: Disetujui");
    for (const a of actions) {
      expect(out.plain).toContain(a.action);
      expect(out.plain).toContain(`${a.progress}%`);
    }
    expect(out.plain).toContain("Menambah dua loket perekaman KTP-el pada jam 08.00-11.00 dan menerapkan antrean daring");
    expect(flat).toContain("Realisasi RTL Triwulan II 2026: rata-rata 65% dari 2 kegiatan.");

    // The signature block: the unit head's jabatan, name and NIP as the admin keeps them.
    const [head] = await raw<{ head_name: string; head_title: string; head_nip: string }>(`SELECT head_name, head_title, head_nip FROM unit WHERE code = 'DISDUKCAPIL'`);
    expect(head!.head_nip).toMatch(/^\d{18}$/);
    const nip = head!.head_nip;
    expect(flat).toContain(`${head!.head_title} ${head!.head_name} NIP. ${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`);
    expect(flat).toContain("BAB V Penutup");
  }, 120_000);

  it("leaves lines to sign by hand when the unit head is not set, and says when there is no RTL", async () => {
    await raw(`UPDATE unit SET head_name = NULL, head_title = NULL, head_nip = NULL WHERE code = 'RSUD'`);
    const out = await pdf(callers.admin, "RSUD", { periode: "2026-T3" });
    if (!out.ok) throw new Error(out.message);
    const flat = out.text.replace(/\s+/g, " ");
    expect(flat).toMatch(/Kepala RSUD Kabupaten Sukamaju \( \.{20,} \) NIP\. \.{20,}/);
    expect(flat).toContain("Belum ada rencana tindak lanjut untuk Triwulan III 2026.");
    expect(flat).toContain("Tidak ada RTL untuk Triwulan II 2026.");
    // A unit of its own (no sub-units): no table per unit.
    expect(out.text).not.toMatch(/\nHasil per unit\n/);
  }, 120_000);

  it("renders pages with ink on them, the trend drawn as vectors", async () => {
    const out = await pdf(callers.admin, "RSUD", { periode: "2026-T3" });
    if (!out.ok) throw new Error(out.message);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [out.file], { encoding: "utf8" }))![1]);
    expect(pages).toBeGreaterThanOrEqual(6);
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
