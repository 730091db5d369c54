import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { computeIkmFromRows, PERMENPAN_14_2017 } from "@/lib/ikm";
import { query } from "./support/db";
import { signedInPage } from "./support/session";

// An operator imports an Indonesian-locale tabulation CSV, a Microsoft Forms XLSX and a Google
// Forms export (one of whose questions the agency had reworded, so its column is chosen by
// hand in the preview) through the import screen; after each commit the unit's dashboard shows
// what lib/ikm computes for the unit's stored responses. The same files again add nothing; an
// import is undone; bad files are refused in the browser with their row and column, and
// nothing is written.

const UNIT = "DUKCAPIL-DAFDUK";
const FIXTURES = path.join(process.cwd(), "tests/fixtures/import");
const fixture = (name: string) => path.join(FIXTURES, name);
// The first quarter of 2026, in which the files' rows (or the date given to them) fall.
const DASHBOARD = `/dasbor/unit/${UNIT}?periode=2026-T1&cakupan=sendiri`;
const CODES = PERMENPAN_14_2017.items.map((i) => i.code);
const komma = (n: number) => n.toFixed(2).replace(".", ",");

async function headline(page: Page) {
  await page.goto(DASHBOARD);
  const respondents = Number((await page.getByTestId("headline-respondents").textContent())!.replace(/\./g, ""));
  return { respondents, konversi: (await page.getByTestId("headline-konversi").textContent())!.trim() };
}

/** The unit's responses in the quarter, as the dashboard counts them. */
async function quarterRows() {
  return query<{ answers: Record<string, number> }>(
    `SELECT r.answers FROM response r JOIN unit u ON u.id = r.unit_id
      WHERE u.code = $1 AND NOT r.suspicious
        AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date >= '2026-01-01' AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date < '2026-04-01'`,
    [UNIT],
  );
}

const unitCount = async () =>
  Number((await query<{ n: number }>(`SELECT count(*)::int AS n FROM response r JOIN unit u ON u.id = r.unit_id WHERE u.code = $1`, [UNIT]))[0]!.n);

/** The dashboard shows lib/ikm's figures for the stored rows. */
async function expectDashboardAsLibIkm(kepala: Page) {
  const rows = await quarterRows();
  const expected = computeIkmFromRows(rows.map((r) => r.answers), { template: PERMENPAN_14_2017 });
  const shown = await headline(kepala);
  expect(shown.respondents).toBe(rows.length);
  expect(shown.konversi).toBe(komma(expected.konversiRounded!));
  return shown;
}

/** Chooses the file (and service, date) and presses Pratinjau; waits for the server's answer. */
async function preview(page: Page, file: string, { service = "KTP", date = "" }: { service?: string; date?: string } = {}) {
  const form = page.getByTestId("import-form");
  const seq = Number(await form.getAttribute("data-seq"));
  await page.locator("#import-file").setInputFiles(fixture(file));
  await page.locator("#import-service").selectOption(service);
  await page.locator("#import-date").fill(date);
  await page.getByRole("button", { name: "Pratinjau", exact: true }).click();
  await expect(form).toHaveAttribute("data-seq", String(seq + 1));
}

async function press(page: Page, name: string | RegExp) {
  const form = page.getByTestId("import-form");
  const seq = Number(await form.getAttribute("data-seq"));
  await page.getByRole("button", { name }).click();
  await expect(form).toHaveAttribute("data-seq", String(seq + 1));
}

const count = (page: Page, id: string) => page.getByTestId(id);

test("an operator imports a CSV, an XLSX and a Google Forms export; the dashboard moves by lib/ikm; nothing doubles; an import is undone", async ({ browser }) => {
  test.setTimeout(120_000);
  const kepala = await signedInPage(browser, "kepala.dukcapil@suara.test");
  const start = await expectDashboardAsLibIkm(kepala);
  const startCount = await unitCount();

  const page = await signedInPage(browser, "operator.dukcapil@suara.test");
  await page.goto(`/dasbor/unit/${UNIT}`);
  await page.getByTestId("import-link").click();
  await expect(page).toHaveURL(new RegExp(`/dasbor/unit/${UNIT}/impor$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Impor data: Bidang Pelayanan Pendaftaran Penduduk");

  // 1. The Indonesian tabulation (";" and decimal commas, a title row, a blank numbered row), dated by hand.
  await preview(page, "tabulasi-id.csv", { date: "2026-02-27" });
  await expect(page.getByTestId("import-source")).toHaveText("Jenis berkas: Tabulasi (U1…)");
  await expect(count(page, "import-rows-read")).toHaveText("13");
  await expect(count(page, "import-new-rows")).toHaveText("12");
  await expect(count(page, "import-skipped")).toHaveText("1");
  await expect(count(page, "import-refused")).toHaveText("0");
  await expect(page.getByTestId("map-U5")).toHaveValue("9"); // the proposed mapping: U5 in the file's 10th column
  const tabulation = readFileSync(fixture("tabulasi-id.csv"), "utf8")
    .split(/\r?\n/)
    .map((line) => line.split(";"))
    .filter((cells) => /^\d+$/.test(cells[0] ?? "") && cells[5] !== "")
    .map((cells) => Object.fromEntries(CODES.flatMap((code, i) => (cells[5 + i] ? [[code, Number(cells[5 + i])]] : []))));
  expect(tabulation).toHaveLength(12);
  const tabulationIkm = computeIkmFromRows(tabulation, { template: PERMENPAN_14_2017 });
  await expect(page.getByTestId("import-added-konversi")).toHaveText(komma(tabulationIkm.konversiRounded!));
  await expect(page.getByTestId("import-added-mutu")).toHaveText(tabulationIkm.mutu!);
  await press(page, "Impor 12 baris");
  await expect(page.getByTestId("import-committed")).toContainText("12 baris dari tabulasi-id.csv diimpor.");
  await expect(page.getByTestId("import-row").first()).toContainText("tabulasi-id.csv");
  expect(await unitCount()).toBe(startCount + 12);
  const afterTabulation = await expectDashboardAsLibIkm(kepala);
  expect(afterTabulation.respondents).toBe(start.respondents + 12);
  const stored = await query<{ answers: Record<string, number>; channel: string; by: string; day: string }>(
    `SELECT r.answers, r.channel::text, u.email AS by, (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date::text AS day
       FROM response r JOIN "user" u ON u.id = r.entered_by_id JOIN import_batch b ON b.id = r.import_batch_id
      WHERE b.file_name = 'tabulasi-id.csv' ORDER BY r.answers->>'U1', r.answers::text`,
  );
  expect(stored).toHaveLength(12);
  expect(new Set(stored.map((s) => `${s.channel} ${s.by} ${s.day}`))).toEqual(new Set(["IMPORT operator.dukcapil@suara.test 2026-02-27"]));
  expect(stored.map((s) => JSON.stringify(s.answers)).sort()).toEqual(tabulation.map((a) => JSON.stringify(Object.fromEntries(Object.entries(a).sort()))).sort());

  // 2. A Microsoft Forms XLSX: dates as date cells, answers as option labels (one row in English); three rows in the quarter.
  await preview(page, "microsoft-forms.xlsx");
  await expect(page.getByTestId("import-source")).toHaveText("Jenis berkas: Microsoft Forms");
  await expect(count(page, "import-new-rows")).toHaveText("5");
  await expect(count(page, "import-refused")).toHaveText("0");
  await press(page, "Impor 5 baris");
  await expect(page.getByTestId("import-committed")).toContainText("5 baris dari microsoft-forms.xlsx diimpor.");
  const afterXlsx = await expectDashboardAsLibIkm(kepala);
  expect(afterXlsx.respondents).toBe(afterTabulation.respondents + 3);
  expect(await unitCount()).toBe(startCount + 17);

  // 3. A Google Forms export whose third question the agency had reworded: no column is proposed for U3.
  await preview(page, "google-forms-diubah.csv");
  await expect(page.getByTestId("import-source")).toHaveText("Jenis berkas: Google Forms");
  await expect(count(page, "import-refused")).toHaveText("1");
  const missing = page.getByTestId("import-refusal");
  await expect(missing).toHaveCount(1);
  await expect(missing).toContainText("Baris 1: tidak ada kolom untuk unsur U3");
  await expect(page.getByTestId("import-commit")).toBeDisabled();
  // The preview with its mapping and a refusal is as accessible as the rest of the staff pages.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
  // The operator gives U3 its column, and previews again.
  await page.getByTestId("map-U3").selectOption({ label: "Kolom 9: Menurut Anda seberapa lama Anda menunggu sampai selesai dilayani?" });
  await expect(page.getByTestId("import-commit")).toBeDisabled();
  await press(page, "Perbarui pratinjau");
  await expect(count(page, "import-refused")).toHaveText("0");
  await expect(count(page, "import-new-rows")).toHaveText("7");
  await expect(page.getByTestId("map-U3")).toHaveValue("8");
  // lib/ikm's figure for the export's seven rows (tests/unit/import-fixtures.test.ts holds their scores): 71,36, mutu C.
  await expect(page.getByTestId("import-added-konversi")).toHaveText("71,36");
  await expect(page.getByTestId("import-added-mutu")).toHaveText("C");
  await press(page, "Impor 7 baris");
  await expect(page.getByTestId("import-committed")).toContainText("7 baris dari google-forms-diubah.csv diimpor.");
  const afterGoogle = await expectDashboardAsLibIkm(kepala);
  expect(afterGoogle.respondents).toBe(afterXlsx.respondents + 3);
  expect(await unitCount()).toBe(startCount + 24);

  // The same files again: every row is recognised, nothing can be committed, nothing is written.
  await preview(page, "tabulasi-id.csv", { date: "2026-02-27" });
  await expect(count(page, "import-already")).toHaveText("12");
  await expect(count(page, "import-new-rows")).toHaveText("0");
  await expect(page.getByTestId("import-nothing-new")).toBeVisible();
  await expect(page.getByTestId("import-commit")).toBeDisabled();
  await preview(page, "microsoft-forms.xlsx");
  await expect(count(page, "import-already")).toHaveText("5");
  await expect(page.getByTestId("import-commit")).toBeDisabled();
  expect(await unitCount()).toBe(startCount + 24);

  // Undo the Google Forms import: its seven rows leave, the dashboard follows, the list says who undid it.
  const row = page.getByTestId("import-row").filter({ hasText: "google-forms-diubah.csv" });
  await row.getByRole("button", { name: "Batalkan impor google-forms-diubah.csv" }).click();
  await row.getByTestId("import-undo-confirm").getByRole("button", { name: "Batalkan impor", exact: true }).click();
  await expect(row.getByTestId("import-row-status")).toContainText("Dibatalkan");
  await expect(row.getByTestId("import-row-status")).toContainText("oleh Operator Dukcapil");
  expect(await unitCount()).toBe(startCount + 17);
  const afterUndo = await expectDashboardAsLibIkm(kepala);
  expect(afterUndo).toEqual(afterXlsx);
  const audit = await query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'import.%' ORDER BY id DESC LIMIT 1`);
  expect(audit).toEqual([{ action: "import.undo" }]);
});

test("bad files are refused in the browser with their row and column, and nothing is written", async ({ browser }) => {
  const page = await signedInPage(browser, "operator.dukcapil@suara.test");
  await page.goto(`/dasbor/unit/${UNIT}/impor`);
  const before = await unitCount();
  const batches = async () => Number((await query<{ n: number }>(`SELECT count(*)::int AS n FROM import_batch`))[0]!.n);
  const batchesBefore = await batches();

  // No file at all: the browser asks for one, and nothing is sent.
  await page.getByRole("button", { name: "Pratinjau", exact: true }).click();
  expect(await page.locator("#import-file").evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);
  await expect(page.getByTestId("import-form")).toHaveAttribute("data-seq", "0");

  const cases: [string, string, string?][] = [
    ["kosong.csv", "Berkas kosong: tidak ada baris judul maupun data (baris 1)."],
    ["kolom-salah.csv", "Baris 1: tidak ada kolom untuk unsur U3; pilih kolomnya atau periksa berkasnya."],
    ["label-tak-dikenal.csv", 'Baris 3, kolom "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?": jawaban "Lumayan baik" tidak cocok dengan pilihan mana pun dari unsur U8.'],
    // A tabulation: its rows are dated by hand (without a date every row would be refused for it).
    ["skor-diluar-skala.csv", 'Baris 3, kolom "U3": skor "5" di luar skala 1–4.', "2026-02-27"],
  ];
  for (const [file, reason, date] of cases) {
    await preview(page, file, { date });
    await expect(page.getByTestId("import-preview")).toContainText(`Pratinjau: ${file}`);
    const refusal = page.getByTestId("import-refusal").first();
    await expect(refusal.locator("td").nth(3)).toHaveText(reason);
    await expect(page.getByText("Belum dapat diimpor: lihat penolakan di atas.")).toBeVisible();
    await expect(page.getByTestId("import-commit")).toBeDisabled();
  }
  // A row refused beside good ones: the good ones are not imported either (all or nothing).
  await expect(count(page, "import-new-rows")).toHaveText("2");
  expect(await unitCount()).toBe(before);
  expect(await batches()).toBe(batchesBefore);
});
