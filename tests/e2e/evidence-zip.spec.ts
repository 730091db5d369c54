import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import { computeIkmFromRows, formatKonversi, PERMENPAN_14_2017 } from "@/lib/ikm";
import { currentMonth, monthStart, periodKey, periodMonths, periodOfMonth, previousPeriod } from "@/lib/periods";
import { query } from "./support/db";
import { signedInPage } from "./support/session";

// The evaluation evidence ZIP downloaded from the unit dashboard's link in the built app: the
// report of the last ended triwulan inside it carries lib/ikm's konversi on the raw responses;
// another unit's kepala gets 404, a bad year 400.

const LAST_Q = previousPeriod(periodOfMonth("QUARTER", currentMonth("Asia/Jakarta")));
const YEAR = LAST_Q.year;
const day = (i: number) => monthStart(i).toISOString().slice(0, 10);
const dir = mkdtempSync(path.join(tmpdir(), "suara-e2e-evidence-"));

test("an admin downloads a unit's evaluation evidence from its dashboard", async ({ browser }) => {
  const rows = await query<{ answers: Record<string, number> }>(
    `SELECT r.answers FROM response r JOIN unit u ON u.id = r.unit_id
      WHERE u.code = 'RSUD' AND NOT r.suspicious
        AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date >= $1::date AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date < $2::date`,
    [day(periodMonths(LAST_Q).start), day(periodMonths(LAST_Q).end)],
  );
  const expected = computeIkmFromRows(rows.map((r) => r.answers), { template: PERMENPAN_14_2017 });
  const page = await signedInPage(browser, "admin@suara.test");
  await page.goto(`/dasbor/unit/RSUD?periode=${periodKey(LAST_Q)}`);
  const link = page.getByTestId("evidence-zip");
  await expect(link).toHaveText(`Bukti evaluasi ${YEAR} (ZIP)`);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`bukti-evaluasi-RSUD-${YEAR}.zip`);
  const entries = unzipSync(new Uint8Array(readFileSync(await download.path())));
  const names = Object.keys(entries);
  expect(names[0]).toBe("README.txt");
  expect(names).toEqual(expect.arrayContaining(["rtl/rtl.csv", "publikasi/publikasi.csv", "tindak-lanjut.csv"]));
  for (let q = 1; q <= 4; q++) {
    const ended = q <= LAST_Q.number;
    expect(names.includes(`laporan/laporan-skm-RSUD-${YEAR}-T${q}.pdf`), `T${q}`).toBe(ended);
  }
  const file = path.join(dir, "last.pdf");
  writeFileSync(file, entries[`laporan/laporan-skm-RSUD-${periodKey(LAST_Q)}.pdf`]!);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, " ");
  expect(text).toMatch(new RegExp(`Nilai IKM \\(konversi\\) ${formatKonversi(expected)}\\b`));
  expect(new TextDecoder().decode(entries["README.txt"])).toContain("Zona Integritas");
});

test("a kepala unit gets 404 for another unit's evidence, and a bad year 400", async ({ browser }) => {
  const kepala = await signedInPage(browser, "kepala.dukcapil@suara.test");
  expect((await kepala.request.get(`/dasbor/unit/RSUD/bukti-evaluasi.zip?tahun=${YEAR}`)).status()).toBe(404);
  const own = await kepala.request.get(`/dasbor/unit/DISDUKCAPIL/bukti-evaluasi.zip?tahun=${YEAR}`);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("application/zip");
  expect(own.headers()["content-disposition"]).toBe(`attachment; filename="bukti-evaluasi-DISDUKCAPIL-${YEAR}.zip"`);
  // The seed's approved plan of Dukcapil for the last ended triwulan is in the plans CSV.
  const plans = new TextDecoder().decode(unzipSync(new Uint8Array(await own.body()))["rtl/rtl.csv"]);
  expect(plans).toContain(`"${periodKey(LAST_Q)}"`);
  expect(plans).toContain('"Disetujui"');
  const bad = await kepala.request.get(`/dasbor/unit/DISDUKCAPIL/bukti-evaluasi.zip?tahun=dua-ribu`);
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toBe("Parameter tahun wajib diisi dengan tahun empat angka, misalnya ?tahun=2026.");
});
