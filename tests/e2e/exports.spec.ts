import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { computeIkmFromRows, formatDecimal, formatIkm, formatKonversi, PERMENPAN_14_2017 } from "@/lib/ikm";
import { currentMonth, monthStart, periodKey, periodMonths, periodOfMonth, previousPeriod, type TPeriodKind } from "@/lib/periods";
import { query } from "./support/db";
import { createEvaluator } from "./support/formula";
import { signedInPage } from "./support/session";

// What a kepala unit hands over, downloaded the way they would: from the links on the unit's
// dashboard. Each file is read back independently of the app: the PDF rendered to pixels and its
// text extracted, the workbook's formulas recomputed from its cells, the CSV parsed; every figure
// is lib/ikm's on the raw responses of the same view, and another unit's files answer 404.

const UNIT = "DUKCAPIL-CAPIL";
const LAST_Q = previousPeriod(periodOfMonth("QUARTER", currentMonth("Asia/Jakarta")));
const PERIOD = periodKey(LAST_Q);
const day = (i: number) => monthStart(i).toISOString().slice(0, 10);
const dir = mkdtempSync(path.join(tmpdir(), "suara-e2e-exports-"));

async function rawAnswers(code: string) {
  const rows = await query<{ answers: Record<string, number> }>(
    `SELECT r.answers FROM response r JOIN unit u ON u.id = r.unit_id
      WHERE u.code = $1 AND NOT r.suspicious
        AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date >= $2::date AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date < $3::date
      ORDER BY r.submitted_at, r.id`,
    [code, day(periodMonths(LAST_Q).start), day(periodMonths(LAST_Q).end)],
  );
  return rows.map((r) => r.answers);
}

/** Clicks a dashboard link and returns the file the browser saved. */
async function download(page: Page, testId: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const saved = path.join(dir, file.suggestedFilename());
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), path: saved, bytes: readFileSync(saved) };
}

/** One page of a PDF as RGB pixels (pdftoppm's PPM: a text header, then 3 bytes a pixel). */
function pixels(file: string, pageNo: number) {
  const base = path.join(dir, `${path.basename(file)}-${pageNo}`);
  execFileSync("pdftoppm", ["-r", "40", "-f", String(pageNo), "-l", String(pageNo), "-singlefile", file, base]);
  const ppm = readFileSync(`${base}.ppm`);
  const [, w, h] = ppm.subarray(0, 40).toString("latin1").split(/\s+/).map(Number) as [number, number, number];
  const data = ppm.subarray(ppm.length - w * h * 3);
  // The body: above the footer (the page number alone would make a blank page look inked).
  const body = Math.floor(h * 0.92) * w * 3;
  let ink = 0, teal = 0;
  for (let p = 0; p < body; p += 3) {
    const [r, g, b] = [data[p]!, data[p + 1]!, data[p + 2]!];
    if (r + g + b < 384) ink++;
    // The trend line and its points (#0f766e), anti-aliased: green and blue well above red.
    if (g > r + 40 && b > r + 30 && g < 200) teal++;
  }
  return { ink: ink / (body / 3), teal };
}

test("a kepala unit downloads the view's report, tabulation and CSV, and every figure is lib/ikm's", async ({ browser }) => {
  const answers = await rawAnswers(UNIT);
  expect(answers.length).toBeGreaterThan(20);
  const expected = computeIkmFromRows(answers, { template: PERMENPAN_14_2017 });

  const page = await signedInPage(browser, "kepala.dukcapil@suara.test");
  await page.goto(`/dasbor/unit/${UNIT}?periode=${PERIOD}&cakupan=sendiri`);
  await expect(page.getByTestId("report-pdf")).toBeVisible();

  // The report: a PDF whose pages carry ink, whose trend chart is drawn, whose text holds the figures.
  const pdf = await download(page, "report-pdf");
  expect(pdf.name).toBe(`laporan-skm-${UNIT}-${PERIOD}.pdf`);
  expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf.path], { encoding: "utf8" }))![1]);
  expect(pages).toBeGreaterThanOrEqual(3);
  const looks = Array.from({ length: pages }, (_, i) => pixels(pdf.path, i + 1));
  for (const look of looks) {
    expect(look.ink).toBeGreaterThan(0.001); // no blank page (a closing page with a few lines: 0.0018 at 40 dpi)
    expect(look.ink).toBeLessThan(0.3); // and none rendered as a black block
  }
  expect(looks.some((l) => l.teal > 20)).toBe(true);
  const text = execFileSync("pdftotext", ["-layout", pdf.path, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, " ");
  expect(text).toMatch(new RegExp(`Nilai IKM \\(konversi\\) ${formatKonversi(expected)}\\b`));
  expect(text).toMatch(new RegExp(`Jumlah NRR tertimbang \\(IKM\\) ${formatIkm(expected.ikm)}\\b`));
  expect(text).toMatch(new RegExp(`Mutu pelayanan ${expected.mutu}\\b`));

  // The processing sheet: each summary formula recomputed from the cells it names.
  const xlsx = await download(page, "tabulation-xlsx");
  expect(xlsx.name).toBe(`tabulasi-${UNIT}-${PERIOD}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const { evaluate, cellValue } = createEvaluator(sheet);
  const last = 3 + answers.length;
  expect(cellValue(`A${last}`)).toBe(answers.length);
  const formula = (ref: string) => (sheet.getCell(ref).value as { formula: string }).formula;
  expected.items.forEach((item, i) => {
    const col = String.fromCharCode(66 + i);
    expect(evaluate(formula(`${col}${last + 1}`))).toBe(item.sum);
    expect(evaluate(formula(`${col}${last + 2}`))).toBe(item.answered);
    expect(evaluate(formula(`${col}${last + 3}`))).toBeCloseTo(item.nrr!, 12);
    expect(evaluate(formula(`${col}${last + 4}`))).toBeCloseTo(item.weightedNrr!, 12);
  });
  expect(evaluate(formula(`B${last + 5}`))).toBeCloseTo(expected.ikm!, 12);
  expect(evaluate(formula(`B${last + 6}`))).toBeCloseTo(expected.konversi!, 10);
  expect(cellValue(`B${last + 7}`)).toBe(expected.mutu);

  // The CSV of the same view, Indonesian dialect: the rows are the responses, the tail lib/ikm's.
  const csv = await download(page, "tabulation-csv");
  const parsed = Papa.parse<string[]>(csv.bytes.toString("utf8").replace(/^\uFEFF/, ""), { delimiter: ";", skipEmptyLines: true }).data;
  expect(parsed[0]).toEqual(["No", ...PERMENPAN_14_2017.items.map((i) => i.code)]);
  const dataRows = parsed.slice(1, 1 + answers.length);
  expect(dataRows.map((r) => Number(r[0]))).toEqual(answers.map((_, i) => i + 1));
  const fromCsv = computeIkmFromRows(
    dataRows.map((r) => Object.fromEntries(PERMENPAN_14_2017.items.map((item, i) => [item.code, r[i + 1] === "" ? undefined : Number(r[i + 1])]))) as Record<string, number>[],
    { template: PERMENPAN_14_2017 },
  );
  expect(fromCsv.konversi).toBe(expected.konversi);
  const tail = Object.fromEntries(parsed.slice(1 + answers.length).map((r) => [r[0], r.slice(1)]));
  expect(tail["IKM konversi"]?.[0]).toBe(formatKonversi(expected));
  expect(tail["Mutu pelayanan"]?.[0]).toBe(expected.mutu);

  // Another unit's files: 404, as if they did not exist.
  for (const file of ["laporan.pdf", "tabulasi.xlsx", "tabulasi.csv"])
    expect((await page.request.get(`/dasbor/unit/RSUD/${file}?periode=${PERIOD}`)).status(), file).toBe(404);
});

test("the public page of a unit shows what an admin published, frozen, and never the open period", async ({ page }) => {
  const published = await query<{ kind: TPeriodKind; year: number; number: number; konversi: number; respondents: number }>(
    `SELECT p.kind, p.year, p.number, (pub.result->>'konversi')::float8 AS konversi, (pub.result->>'respondents')::int AS respondents
       FROM publication pub JOIN survey_period p ON p.id = pub.period_id JOIN unit u ON u.id = pub.unit_id
      WHERE u.code = $1 AND pub.unpublished_at IS NULL`,
    [UNIT],
  );
  expect(published.length).toBeGreaterThan(0);
  await page.goto(`/hasil/${UNIT}`);
  const rows = page.getByTestId("unit-periods").locator("tbody tr");
  await expect(rows).toHaveCount(published.length);
  for (const p of published) {
    const row = page.getByTestId(`unit-period-${periodKey(p)}`);
    await expect(row.getByTestId("result-konversi")).toHaveText(formatDecimal(p.konversi, 2));
    await expect(row.locator("td").nth(2)).toHaveText(p.respondents.toLocaleString("id-ID"));
  }
  // The period still collecting answers is not public, whatever its responses say.
  const open = periodOfMonth("QUARTER", currentMonth("Asia/Jakarta"));
  await expect(page.getByTestId(`unit-period-${periodKey(open)}`)).toHaveCount(0);
});

test("top management downloads the agency's pooled report from the overview, with the overview's own figure", async ({ browser }) => {
  const page = await signedInPage(browser, "pimpinan@suara.test");
  await page.goto(`/dasbor/instansi?periode=${PERIOD}`);
  const shown = (await page.getByTestId("pooled-konversi").textContent())!.trim();
  expect(shown).toMatch(/^\d{2,3},\d{2}$/);
  const pdf = await download(page, "pooled-report-pdf");
  expect(pdf.name).toBe(`laporan-skm-KAB-SUKAMAJU-${PERIOD}.pdf`);
  const text = execFileSync("pdftotext", ["-layout", pdf.path, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, " ");
  expect(text).toMatch(new RegExp(`Nilai IKM \\(konversi\\) ${shown}\\b`));
  // The pooled view lists its sub-units (BAB III), each with its own index.
  expect(text).toContain("Dinas Kependudukan dan Pencatatan Sipil");
});
