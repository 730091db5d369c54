import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeIkmFromRows, formatInteger, formatKonversi, type ResponseRow } from "@/lib/ikm";
import type { TCaller } from "@/lib/permissions";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The evaluation evidence ZIP of one small unit and year, unzipped and read back: one report
// per ended triwulan (its text holding the IKM lib/ikm computes again here from the raw
// responses), the plans CSV with its actions and files, the publication log with its proof,
// the time to follow-up, the README; a hostile attachment name comes out harmless; another
// unit's kepala gets 404, a bad year 400.

let db: TestDatabase;
let evidence: typeof import("@/lib/export/evidence");
const callers = {} as Record<"admin" | "kepala" | "otherKepala", TCaller>;
const UNIT = "UPT-TERMINAL";
// Mid-August 2026 (WIB): T1 and T2 have ended, T3 is running, T4 has not begun.
const NOW = new Date("2026-08-15T05:00:00Z");
const dir = mkdtempSync(path.join(tmpdir(), "suara-evidence-"));
const raw = <T extends object>(text: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(text, params)).rows as T[]);
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const PDF = Buffer.from("%PDF-1.4\n% notulen FKP\n%%EOF\n");
// PostgreSQL text holds no NUL (tests/unit/evidence-files.test.ts has that one): other control and bidi characters.
const HOSTILE = "../../etc/passwd\u0007\u202e.pdf";

/** The quarter's responses to the unit's questionnaire, as the report counts them (not suspicious). */
const quarterRows = async (q: number) =>
  (
    await raw<{ answers: ResponseRow }>(
      `SELECT r.answers FROM response r JOIN unit u ON u.id = r.unit_id
        WHERE u.code = $1 AND NOT r.suspicious
          AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta') >= make_date(2026, $2 * 3 - 2, 1)
          AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta') < make_date(2026, $2 * 3 - 2, 1) + interval '3 months'`,
      [UNIT, q],
    )
  ).map((r) => r.answers);

// TextDecoder (and fflate's strFromU8) drop a BOM unless told to keep it.
const withBom = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
const csv = (bytes: Uint8Array) => {
  const text = withBom(bytes);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: false }).data.filter((r) => r.length > 1 || r[0] !== "");
};
const zip = async (caller: TCaller | null, params: Record<string, string>, locale: "id" | "en" = "id", code = UNIT) => {
  const out = await evidence.unitEvidenceZip(caller, code, params, locale, NOW);
  if (!out.ok) return out;
  const bytes = new Uint8Array(await new Response(out.zip.stream()).arrayBuffer());
  return { ...out, bytes, entries: unzipSync(bytes) };
};

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 20, until: NOW });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  delete process.env.ATTACHMENTS_DIR;
  evidence = await import("@/lib/export/evidence");
  const units = await raw<{ id: string; code: string; path: string }>(`SELECT id, code, path FROM unit`);
  const on = (code: string) => units.find((u) => u.code === code)!;
  const caller = (role: TCaller["assignments"][number]["role"], code: string): TCaller => ({
    userId: crypto.randomUUID(), email: `${role}-${code}@evidence.test`, name: role, mustChangePassword: false,
    assignments: [{ role, unitId: on(code).id, unitPath: on(code).path }],
  });
  callers.admin = caller("ADMIN", "KAB-SUKAMAJU");
  callers.kepala = caller("KEPALA_UNIT", UNIT);
  callers.otherKepala = caller("KEPALA_UNIT", "UPT-PKB");

  // Twelve responses in each of T1 and T2, their answers spread so each quarter has its own index.
  await raw(
    `INSERT INTO response (id, unit_id, template_version_id, channel, submitted_at, answers, idempotency_key)
     SELECT gen_random_uuid(), u.id, v.id, 'WEB', make_timestamptz(2026, q * 3 - 1, 1 + i, 3, 0, 0, 'UTC'),
            (SELECT jsonb_object_agg('U' || k, 1 + (i + k + q) % 4) FROM generate_series(1, 9) k), gen_random_uuid()::text
       FROM unit u, template_version v JOIN questionnaire_template t ON t.id = v.template_id, generate_series(1, 2) q, generate_series(1, 12) i
      WHERE u.code = $1 AND t.key = 'permenpan-14-2017' AND v.published_at IS NOT NULL`,
    [UNIT],
  );
  // T1: published 10 Apr, plan approved 20 Apr (10 days), two actions, files on the plan and on a progress entry.
  await withClient(db.url, async (c) => {
    const { unit_id, period_id } = (
      await c.query(`SELECT u.id AS unit_id, p.id AS period_id FROM unit u, survey_period p WHERE u.code = $1 AND p.kind = 'QUARTER' AND p.year = 2026 AND p.number = 1`, [UNIT])
    ).rows[0];
    await c.query(`DELETE FROM publication_log_entry WHERE unit_id = $1`, [unit_id]);
    await c.query(
      `INSERT INTO publication (id, unit_id, period_id, published_at) VALUES (gen_random_uuid(), $1, $2, '2026-04-10T02:00:00Z')
       ON CONFLICT (unit_id, period_id) DO UPDATE SET published_at = EXCLUDED.published_at, unpublished_at = NULL`,
      [unit_id, period_id],
    );
    const plan = (
      await c.query(
        `INSERT INTO follow_up_plan (id, unit_id, period_id, status, fkp_date, submitted_at, approved_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, 'DISETUJUI', '2026-04-14', '2026-04-16T03:00:00Z', '2026-04-20T03:00:00Z', now()) RETURNING id`,
        [unit_id, period_id],
      )
    ).rows[0].id;
    const action = async (position: number, unsur: string, text: string, progress: number, doneAt: string | null, realisation: string | null) =>
      (
        await c.query(
          `INSERT INTO follow_up_action (id, plan_id, unsur_code, action, owner, due_date, progress, realisation, done_at, position, updated_at)
           VALUES (gen_random_uuid(), $1, $2, $3, 'Kasubag TU', '2026-06-30', $4, $5, $6, $7, now()) RETURNING id`,
          [plan, unsur, text, progress, realisation, doneAt, position],
        )
      ).rows[0].id;
    const done = await action(0, "U3", "Antrean daring", 100, "2026-06-01T04:00:00Z", "Antrean daring berjalan sejak Juni");
    await action(1, "U7", "Ruang tunggu ber-AC", 40, null, null);
    const progress = (await c.query(`INSERT INTO follow_up_progress (id, action_id, progress, note) VALUES (gen_random_uuid(), $1, 100, 'Selesai') RETURNING id`, [done])).rows[0].id;
    const attach = (name: string, bytes: Buffer, type: string, kind: string, progressId: string | null) =>
      c.query(
        `INSERT INTO attachment (id, unit_id, plan_id, progress_id, kind, filename, content_type, size, sha256, data)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, encode(sha256($8::bytea), 'hex'), $8)`,
        [unit_id, plan, progressId, kind, name, type, bytes.length, bytes],
      );
    await attach("notulen.pdf", PDF, "application/pdf", "FKP_MINUTES", null);
    await attach("bukti.png", PNG, "image/png", "EVIDENCE", progress);
    await attach("bukti.png", PNG, "image/png", "EVIDENCE", progress);
    await attach(HOSTILE, PDF, "application/pdf", "EVIDENCE", progress);
    await c.query(
      `INSERT INTO publication_log_entry (id, unit_id, period_id, medium, published_on, url, photo, photo_type, note)
       VALUES (gen_random_uuid(), $1, $2, 'NOTICE_BOARD', '2026-04-11', NULL, $3, 'image/png', 'Papan di loket'),
              (gen_random_uuid(), $1, $2, 'WEBSITE', '2026-04-12', 'https://terminal.sukamaju.go.id/skm', NULL, NULL, NULL)`,
      [unit_id, period_id, PNG],
    );
  });
}, 240_000);
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the evaluation evidence ZIP", () => {
  it("holds a report per ended period with lib/ikm's figures, the plans, the publication log and the follow-up time", async () => {
    const out = await zip(callers.admin, { tahun: "2026" });
    if (!out.ok) throw new Error(out.message);
    expect(out.zip.fileName).toBe(`bukti-evaluasi-${UNIT}-2026`);
    const names = Object.keys(out.entries);
    expect(names[0]).toBe("README.txt");
    expect(names.sort()).toEqual(
      [
        "README.txt",
        `laporan/laporan-skm-${UNIT}-2026-T1.pdf`,
        `laporan/laporan-skm-${UNIT}-2026-T2.pdf`,
        "publikasi/bukti/2026-T1-notice_board.png",
        "publikasi/publikasi.csv",
        "rtl/lampiran/2026-T1/bukti (2).png",
        "rtl/lampiran/2026-T1/bukti.png",
        "rtl/lampiran/2026-T1/notulen.pdf",
        "rtl/lampiran/2026-T1/passwd.pdf",
        "rtl/rtl.csv",
        "tindak-lanjut.csv",
      ].sort(),
    );
    for (const name of names) {
      expect(name).not.toContain("..");
      expect(name).not.toMatch(/[\u0000-\u001f\\]/);
    }

    for (const q of [1, 2]) {
      const bytes = out.entries[`laporan/laporan-skm-${UNIT}-2026-T${q}.pdf`]!;
      expect(strFromU8(bytes.subarray(0, 5))).toBe("%PDF-");
      const file = path.join(dir, `T${q}.pdf`);
      writeFileSync(file, bytes);
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, " ");
      const rows = await quarterRows(q);
      expect(rows.length).toBeGreaterThanOrEqual(12);
      const expected = computeIkmFromRows(rows);
      expect(expected.computable).toBe(true);
      expect(text).toContain(`Triwulan ${q === 1 ? "I" : "II"} 2026`);
      expect(text).toMatch(new RegExp(`Nilai IKM \\(konversi\\) ${formatKonversi(expected)}\\b`));
      expect(text).toMatch(new RegExp(`\\nResponden ${formatInteger(expected.respondents)}\\n`));
    }

    const plans = csv(out.entries["rtl/rtl.csv"]!);
    expect(plans[0]!.slice(0, 3)).toEqual(["Periode", "Nama periode", "Status rencana"]);
    expect(plans).toHaveLength(3);
    const col = (name: string) => plans[0]!.indexOf(name);
    const [first, second] = [plans[1]!, plans[2]!];
    expect(first[col("Periode")]).toBe("2026-T1");
    expect(first[col("Status rencana")]).toBe("Disetujui");
    expect(first[col("Disetujui")]).toBe("2026-04-20T10:00:00+07:00");
    expect(first[col("Notulen FKP")]).toBe("rtl/lampiran/2026-T1/notulen.pdf");
    expect([first[col("Unsur")], first[col("Kegiatan")], first[col("Target waktu")], first[col("Realisasi (%)")]]).toEqual(["U3", "Antrean daring", "2026-06-30", "100"]);
    expect(first[col("Keterangan realisasi")]).toBe("Antrean daring berjalan sejak Juni");
    expect(first[col("Tanggal selesai")]).toBe("2026-06-01T11:00:00+07:00");
    expect(first[col("Bukti realisasi")]).toBe("rtl/lampiran/2026-T1/bukti.png | rtl/lampiran/2026-T1/bukti (2).png | rtl/lampiran/2026-T1/passwd.pdf");
    expect([second[col("Unsur")], second[col("Realisasi (%)")], second[col("Tanggal selesai")], second[col("Bukti realisasi")]]).toEqual(["U7", "40", "", ""]);
    // The files are the bytes uploaded.
    expect(Buffer.from(out.entries["rtl/lampiran/2026-T1/passwd.pdf"]!).equals(PDF)).toBe(true);
    expect(Buffer.from(out.entries["rtl/lampiran/2026-T1/bukti (2).png"]!).equals(PNG)).toBe(true);

    const log = csv(out.entries["publikasi/publikasi.csv"]!);
    expect(log).toEqual([
      ["Periode", "Nama periode", "Media", "Tanggal publikasi", "Tautan", "Catatan", "Foto bukti"],
      ["2026-T1", "Triwulan I 2026", "Papan pengumuman di loket", "2026-04-11", "", "Papan di loket", "publikasi/bukti/2026-T1-notice_board.png"],
      ["2026-T1", "Triwulan I 2026", "Situs web", "2026-04-12", "https://terminal.sukamaju.go.id/skm", "", ""],
    ]);
    expect(Buffer.from(out.entries["publikasi/bukti/2026-T1-notice_board.png"]!).equals(PNG)).toBe(true);

    const follow = csv(out.entries["tindak-lanjut.csv"]!);
    expect(follow[0]).toEqual(["Periode", "Nama periode", "Status rencana", "Hasil dilaporkan", "Dasar tanggal laporan", "Rencana disetujui", "Hari sampai tindak lanjut", "Kegiatan", "Kegiatan terealisasi 100%"]);
    expect(follow[1]).toEqual(["2026-T1", "Triwulan I 2026", "Disetujui", "2026-04-10T09:00:00+07:00", "publikasi hasil", "2026-04-20T10:00:00+07:00", "10", "2", "1"]);
    const summary = Object.fromEntries(follow.slice(2).map((r) => [r[0], r[1]]));
    expect(summary).toMatchObject({
      "Ringkasan tahun": "2026", "Jumlah rencana": "1", "Jumlah rencana disetujui": "1", "Jumlah kegiatan pada rencana disetujui": "2",
      "Jumlah kegiatan terealisasi 100%": "1", "Persentase kegiatan terealisasi": "50,0", "Rata-rata hari sampai tindak lanjut": "10,0", "Hari terlama sampai tindak lanjut": "10",
    });

    const readme = strFromU8(out.entries["README.txt"]!);
    expect(readme).toContain("PermenPANRB Nomor 29 Tahun 2022 sebagaimana diubah dengan PermenPANRB Nomor 4 Tahun 2023");
    expect(readme).toContain("Zona Integritas");
    expect(readme).toContain("Triwulan I 2026, Triwulan II 2026");
    expect(readme).toContain("belum berakhir: Triwulan III 2026, Triwulan IV 2026");
    for (const folder of ["laporan/", "rtl/", "publikasi/", "tindak-lanjut.csv"]) expect(readme).toContain(`\r\n${folder}\r\n`);
  }, 120_000);

  it("speaks English when asked: README, CSV headings, comma separator", async () => {
    const out = await zip(callers.kepala, { tahun: "2026", bahasa: "en" }, "en");
    if (!out.ok) throw new Error(out.message);
    expect(out.zip.fileName).toBe(`evaluation-evidence-${UNIT}-2026`);
    expect(Object.keys(out.entries)).toContain(`laporan/skm-report-${UNIT}-2026-T2.pdf`);
    const readme = strFromU8(out.entries["README.txt"]!);
    expect(readme).toContain("PermenPANRB 29/2022 as amended by PermenPANRB 4/2023");
    expect(readme).toContain("Zona Integritas");
    const follow = withBom(out.entries["tindak-lanjut.csv"]!);
    expect(follow.split("\r\n")[0]).toBe('\uFEFF"Period","Period name","Plan status","Result reported","Report date from","Plan approved","Days to follow-up","Actions","Actions realised 100%"');
    expect(follow).toContain('"Share of actions realised (%)",50.0\r\n');
  }, 120_000);

  it("is not found for another unit's kepala, and refuses a bad or missing year", async () => {
    expect(await zip(callers.otherKepala, { tahun: "2026" })).toMatchObject({ ok: false, status: 404, message: "Bukti evaluasi tidak ditemukan." });
    expect(await zip(null, { tahun: "2026" })).toMatchObject({ ok: false, status: 404 });
    expect(await zip(callers.admin, { tahun: "2026" }, "id", "TIDAK-ADA")).toMatchObject({ ok: false, status: 404 });
    const badYear = "Parameter tahun wajib diisi dengan tahun empat angka, misalnya ?tahun=2026.";
    expect(await zip(callers.admin, {})).toMatchObject({ ok: false, status: 400, message: badYear });
    expect(await zip(callers.admin, { tahun: "20x6" })).toMatchObject({ ok: false, status: 400, message: badYear });
    expect(await zip(callers.admin, { tahun: "1999" })).toMatchObject({ ok: false, status: 400, message: badYear });
    expect(await zip(callers.admin, { tahun: "2027" })).toMatchObject({ ok: false, status: 400, message: "Tahun 2027 belum dimulai: belum ada bukti untuk tahun itu." });
    expect(await zip(callers.admin, { tahun: "2026", periode: "2026-T1" })).toMatchObject({ ok: false, status: 400, message: "Parameter berikut tidak dapat dibaca: periode" });
    // A year with nothing: the README says so, no report, the CSVs only their headings.
    const empty = await zip(callers.kepala, { tahun: "2024" });
    if (!empty.ok) throw new Error(empty.message);
    expect(Object.keys(empty.entries).filter((n) => n.startsWith("laporan/")).length).toBe(4);
  }, 120_000);
});
