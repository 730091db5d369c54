import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { computeIkmFromRows, formatIkm, formatKonversi, PERMENPAN_14_2017 } from "@/lib/ikm";
import { formatDate } from "@/lib/i18n/format";
import { currentMonth, monthStart, periodKey, periodMonths, periodOfMonth, previousPeriod } from "@/lib/periods";
import { query } from "./support/db";
import { signedInPage } from "./support/session";

// The SKM report downloaded from the built app as a signed-in role: a real PDF
// whose extracted text carries the figures lib/ikm computes here from the raw
// responses; English on request; 404 outside the caller's dashboard scope.

const LAST_Q = previousPeriod(periodOfMonth("QUARTER", currentMonth("Asia/Jakarta")));
const PERIOD = periodKey(LAST_Q);
const day = (i: number) => monthStart(i).toISOString().slice(0, 10);
const dir = mkdtempSync(path.join(tmpdir(), "suara-e2e-report-"));

async function pdfText(page: Page, url: string) {
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const body = await res.body();
  expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const file = path.join(dir, `${Date.now()}.pdf`);
  writeFileSync(file, body);
  return { disposition: res.headers()["content-disposition"], text: execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, " ") };
}

test("an admin downloads a unit's SKM report whose figures are lib/ikm's", async ({ browser }) => {
  const rows = await query<{ answers: Record<string, number> }>(
    `SELECT r.answers FROM response r JOIN unit u ON u.id = r.unit_id
      WHERE u.code = 'RSUD' AND NOT r.suspicious
        AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date >= $1::date AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date < $2::date`,
    [day(periodMonths(LAST_Q).start), day(periodMonths(LAST_Q).end)],
  );
  const expected = computeIkmFromRows(rows.map((r) => r.answers), { template: PERMENPAN_14_2017 });
  const page = await signedInPage(browser, "admin@suara.test");
  const id = await pdfText(page, `/dasbor/unit/RSUD/laporan.pdf?periode=${PERIOD}&cakupan=sendiri`);
  expect(id.disposition).toContain(`laporan-skm-RSUD-${PERIOD}.pdf`);
  expect(id.text).toContain("BAB III Hasil");
  expect(id.text).toMatch(new RegExp(`Nilai IKM \\(konversi\\) ${formatKonversi(expected)}\\b`));
  expect(id.text).toMatch(new RegExp(`Jumlah NRR tertimbang \\(IKM\\) ${formatIkm(expected.ikm)}\\b`));
  // Signed by the unit head the demo gives RSUD, under the jabatan; the period's first day in BAB II.
  const [head] = await query<{ head_name: string; head_title: string; head_nip: string }>(`SELECT head_name, head_title, head_nip FROM unit WHERE code = 'RSUD'`);
  const nip = head!.head_nip;
  const flat = id.text.replace(/\s+/g, " ");
  expect(flat).toContain(`${head!.head_title} ${head!.head_name} NIP. ${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`);
  expect(flat).toContain("BAB II Pengumpulan Data");
  const first = formatDate("id", new Date(monthStart(periodMonths(LAST_Q).start).getTime() + 12 * 3_600_000));
  const last = formatDate("id", new Date(monthStart(periodMonths(LAST_Q).end).getTime() - 12 * 3_600_000));
  expect(flat).toMatch(new RegExp(`Pengumpulan data: Triwulan [IV]+ \\d{4}, ${first} sampai dengan ${last}\\.`));
  const en = await pdfText(page, `/dasbor/unit/RSUD/laporan.pdf?periode=${PERIOD}&cakupan=sendiri&bahasa=en`);
  expect(en.text).toContain("Chapter III Results");
  expect(en.text).toMatch(new RegExp(`IKM score \\(konversi\\) ${formatKonversi(expected, "en")}\\b`));
});

test("a kepala unit gets 404 for another unit's report, and the operator for its own", async ({ browser }) => {
  const kepala = await signedInPage(browser, "kepala.dukcapil@suara.test");
  expect((await kepala.request.get(`/dasbor/unit/RSUD/laporan.pdf?periode=${PERIOD}`)).status()).toBe(404);
  expect((await kepala.request.get(`/dasbor/unit/DISDUKCAPIL/laporan.pdf?periode=${PERIOD}`)).status()).toBe(200);
  const operator = await signedInPage(browser, "operator.dukcapil@suara.test");
  expect((await operator.request.get(`/dasbor/unit/DISDUKCAPIL/laporan.pdf?periode=${PERIOD}`)).status()).toBe(404);
});
