import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  compareIkm,
  computeIkmFromRows,
  formatDecimal,
  formatInteger,
  formatKonversi,
  formatNrr,
  minimumSample,
  PERMENPAN_14_2017,
  type IkmResult,
} from "@/lib/ikm";
import { formatDate } from "@/lib/i18n";
import { currentMonth, periodKey, periodMonths, periodOfMonth, previousPeriod, monthStart, type TPeriod } from "@/lib/periods";
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { query } from "./support/db";

// Each demo role signs in and reads the dashboards; every number on screen is
// checked against lib/ikm computed here from the raw responses in the
// database (not from the rollups the app reads).

const PASSWORD = "Suara-Demo-2026";
/** Columns of the unit table. */
const COL = { name: 0, konversi: 1, mutu: 2, respondents: 3, sample: 4, change: 5, weakest: 6 };

async function asUser(browser: Browser, email: string, locale?: "en"): Promise<Page> {
  const context = await browser.newContext();
  if (locale) await context.addCookies([{ name: "suara_locale", value: locale, url: test.info().project.use.baseURL! }]);
  const page = await context.newPage();
  await page.goto("/masuk");
  await page.getByLabel(locale ? "Email" : "Email").fill(email);
  await page.getByLabel(locale ? "Password" : "Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: locale ? "Sign in" : "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
  return page;
}

// The last complete triwulan (the seed covers the 12 months before today).
const LAST_Q: TPeriod = previousPeriod(periodOfMonth("QUARTER", currentMonth("Asia/Jakarta")));
const PERIOD = periodKey(LAST_Q);
const day = (i: number) => monthStart(i).toISOString().slice(0, 10);
const RANGE = [day(periodMonths(LAST_Q).start), day(periodMonths(LAST_Q).end)];

/** lib/ikm on the raw, non-suspicious responses of `units` in the last triwulan (or `period`). */
async function expected(units: string[], extra = "", params: unknown[] = [], period: TPeriod = LAST_Q, population?: number): Promise<IkmResult> {
  const range = [day(periodMonths(period).start), day(periodMonths(period).end)];
  const rows = await query<{ answers: Record<string, number> }>(
    `SELECT r.answers FROM response r JOIN unit u ON u.id = r.unit_id
      WHERE u.code = ANY($1) AND NOT r.suspicious
        AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date >= $2::date AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date < $3::date ${extra}`,
    [units, range[0], range[1], ...params],
  );
  return computeIkmFromRows(rows.map((r) => r.answers), { template: PERMENPAN_14_2017, population });
}

async function subtree(code: string): Promise<string[]> {
  const rows = await query<{ code: string }>(`SELECT c.code FROM unit c, unit p WHERE p.code = $1 AND c.path LIKE p.path || '%'`, [code]);
  return rows.map((r) => r.code);
}

async function population(units: string[], period: TPeriod = LAST_Q): Promise<number> {
  const [row] = await query<{ n: number }>(
    `SELECT sum(up.population)::int AS n FROM unit_population up JOIN unit u ON u.id = up.unit_id JOIN survey_period p ON p.id = up.period_id
      WHERE u.code = ANY($1) AND p.kind = 'QUARTER' AND p.year = $2 AND p.number = $3`,
    [units, period.year, period.number],
  );
  return row!.n;
}

/** The headline and the NRR table show exactly `e`. */
async function expectHeadline(page: Page, e: IkmResult, locale: "id" | "en" = "id", testId = "headline") {
  await expect(page.getByTestId(`${testId}-konversi`)).toHaveText(formatKonversi(e, locale));
  await expect(page.getByTestId(`${testId}-mutu`)).toHaveText(e.mutu!);
  await expect(page.getByTestId(`${testId}-kinerja`)).toHaveText(locale === "en" ? e.kinerjaEn! : e.kinerja!);
  await expect(page.getByTestId(`${testId}-respondents`)).toHaveText(formatInteger(e.respondents, locale));
}

async function expectNrrTable(page: Page, e: IkmResult) {
  const table = page.getByTestId("nrr-table");
  for (const item of e.items) await expect(table.getByTestId(`nrr-${item.code}`).getByTestId("nrr-value")).toHaveText(formatNrr(item.nrr));
  // Weakest first: the table's order is lib/ikm's ranking, the first three marked as priorities.
  const order = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-testid")!.slice(4)));
  expect(order).toEqual(e.priorities);
  const marked = await table.locator("tbody tr").filter({ has: page.getByTestId("priority") }).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-testid")!.slice(4)));
  expect(marked).toEqual(e.priorities.slice(0, 3));
}

test("the kepala unit reads their dinas with its bidang pooled, numbers equal to lib/ikm on the raw responses", async ({ browser }) => {
  const page = await asUser(browser, "kepala.dukcapil@suara.test");
  await page.goto(`/dasbor/unit/DISDUKCAPIL?periode=${PERIOD}`);
  await expect(page.getByTestId("unit-name")).toHaveText("Dinas Kependudukan dan Pencatatan Sipil");
  const units = await subtree("DISDUKCAPIL");
  expect(units).toHaveLength(4);
  const e = await expected(units);
  await expectHeadline(page, e);
  await expectNrrTable(page, e);
  // The charts draw, the trend on its labelled grade bands.
  await expect(page.getByTestId("nrr").locator(".recharts-bar-rectangle")).toHaveCount(9);
  await expect(page.getByTestId("trend").locator(".recharts-reference-area").first()).toBeVisible();
  await expect(page.getByTestId("trend")).toContainText("B · Baik");
  // Sample: the four units' people served, against Krejcie-Morgan.
  const n = await population(units);
  await expect(page.getByTestId("headline-sample")).toHaveText(e.respondents >= minimumSample(n) ? "memenuhi sampel minimum" : "⚠ di bawah sampel minimum");
  await expect(page.getByTestId("headline")).toContainText(`Sampel minimum ${formatInteger(minimumSample(n))} (populasi ${formatInteger(n)})`);
  // The change from the triwulan before, as lib/ikm's comparison of the two periods' raw responses gives it
  // (each with its people served, as the interval behind "beyond noise" uses them).
  const before = previousPeriod(LAST_Q);
  const change = compareIkm(await expected(units, "", [], LAST_Q, n), await expected(units, "", [], before, await population(units, before)));
  const arrow = change.direction === "naik" ? "▲ +" : change.direction === "turun" ? "▼ " : "■ ";
  await expect(page.getByTestId("headline-change")).toContainText(
    `${arrow}${formatDecimal(change.deltaRounded, 2)} (${change.significant ? "perubahan nyata" : "masih dalam batas galat"}`,
  );
  // Dates for an Indonesian reader: "Data per 1 Des 2026", saran dated "28 Nov 2026".
  await expect(page.getByText(`Data per ${formatDate("id", new Date())}`)).toBeVisible();
  await expect(page.getByTestId("saran").locator("li p").nth(1)).toContainText(/^\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4} · /);

  // Own responses only: another number, again lib/ikm's.
  await page.getByLabel("Cakupan").selectOption("sendiri");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/cakupan=sendiri/);
  await expectHeadline(page, await expected(["DISDUKCAPIL"]));

  // The latest saran link to the inbox; the kepala unit filters it, opens an item, assigns it, notes and replies.
  await expect(page.getByTestId("saran").locator("li")).toHaveCount(5);
  await page.getByTestId("inbox-link").click();
  await expect(page.getByTestId("inbox-title")).toHaveText("Kotak saran: Dinas Kependudukan dan Pencatatan Sipil");
  // The dashboard's period and scope came along: the dinas's own items of the period (a saran or a low score).
  const inPeriod = `FROM feedback_item f JOIN unit u ON u.id = f.unit_id WHERE u.code = 'DISDUKCAPIL' AND NOT f.suspicious
        AND (f.submitted_at AT TIME ZONE 'Asia/Jakarta')::date >= $1::date AND (f.submitted_at AT TIME ZONE 'Asia/Jakarta')::date < $2::date`;
  const [count] = await query<{ n: number }>(`SELECT count(*)::int AS n ${inPeriod}`, RANGE);
  await expect(page.getByTestId("inbox-total")).toHaveText(formatInteger(count!.n));
  await page.getByLabel("Status").selectOption("BARU");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/status=BARU/);
  const [fresh] = await query<{ n: number }>(`SELECT count(*)::int AS n ${inPeriod} AND f.status = 'BARU'`, RANGE);
  await expect(page.getByTestId("inbox-total")).toHaveText(formatInteger(fresh!.n));
  const first = page.getByTestId("inbox-item").first();
  await first.getByTestId("inbox-open").click();
  await expect(page.getByTestId("item-title")).toHaveText("Saran untuk Dinas Kependudukan dan Pencatatan Sipil");
  const id = page.url().split("/").pop()!.split("?")[0]!;
  await page.getByLabel("Petugas").selectOption({ label: "Kepala Dinas Dukcapil" });
  await page.getByRole("button", { name: "Tugaskan" }).click();
  await expect(page.getByTestId("assign-form").getByRole("status")).toHaveText("Tersimpan.");
  await page.getByLabel("Catatan baru (tidak dilihat warga)").fill("Dibahas di rapat pelayanan");
  await page.getByRole("button", { name: "Tambah catatan" }).click();
  await expect(page.getByTestId("note")).toContainText(["Dibahas di rapat pelayanan"]);
  await page.getByLabel("Balasan", { exact: true }).fill("Terima kasih, loket ditambah.");
  await page.getByRole("button", { name: "Kirim balasan" }).click();
  await expect(page.getByTestId("reply")).toContainText(["Terima kasih, loket ditambah."]);
  await expect(page.getByTestId("item-status")).toHaveText("Diproses");
  const stored = await query<{ status: string; assignee: string; note: string; reply: string; answered: boolean }>(
    `SELECT f.status::text, a.email AS assignee, n.body AS note, r.body AS reply, f.answered_at IS NOT NULL AS answered
       FROM feedback_item f JOIN "user" a ON a.id = f.assignee_id JOIN feedback_note n ON n.response_id = f.response_id JOIN feedback_reply r ON r.response_id = f.response_id
      WHERE f.response_id = $1`,
    [id],
  );
  expect(stored).toEqual([{ status: "DITINDAKLANJUTI", assignee: "kepala.dukcapil@suara.test", note: "Dibahas di rapat pelayanan", reply: "Terima kasih, loket ditambah.", answered: true }]);

  // Outside their dinas: not found, on the dashboard, the agency view and the inbox alike.
  for (const path of ["/dasbor/unit/RSUD", "/dasbor/instansi?unit=KAB-SUKAMAJU", "/dasbor/instansi?unit=DINKES", "/dasbor/unit/RSUD/saran"]) {
    expect((await page.goto(path))!.status(), path).toBe(404);
  }
  // Their own agency view is their dinas with its bidang ranked.
  await page.goto(`/dasbor/instansi?periode=${PERIOD}`);
  await expect(page.getByTestId("agency-title")).toHaveText("Ringkasan instansi: Dinas Kependudukan dan Pencatatan Sipil");
  await expect(page.getByTestId("unit-table").locator("tbody tr")).toHaveCount(4);
  await expectHeadline(page, e, "id", "pooled");
});

test("a dashboard opens on the last completed triwulan, the running one a click away and marked", async ({ browser }) => {
  const page = await asUser(browser, "kepala.dukcapil@suara.test");
  await page.goto("/dasbor/unit/DISDUKCAPIL");
  await expect(page.getByTestId("period-label")).toHaveText(`Triwulan ${["I", "II", "III", "IV"][LAST_Q.number - 1]} ${LAST_Q.year}`);
  await expectHeadline(page, await expected(await subtree("DISDUKCAPIL"), "", [], LAST_Q, await population(await subtree("DISDUKCAPIL"))));
  const running = periodOfMonth("QUARTER", currentMonth("Asia/Jakarta"));
  await page.getByTestId("running-period").click();
  await expect(page).toHaveURL(new RegExp(`periode=${periodKey(running)}`));
  await expect(page.getByText("periode berjalan: angka masih bertambah")).toBeVisible();
  await expect(page.getByTestId("running-period")).toHaveCount(0);
  await expect(page.locator("#f-periode option:checked")).toHaveText(/\(berjalan\)$/);
  // The agency view too.
  await page.goto("/dasbor/instansi");
  await expect(page.getByTestId("period-label")).toHaveText(`Triwulan ${["I", "II", "III", "IV"][LAST_Q.number - 1]} ${LAST_Q.year}`);
  await expect(page.getByTestId("running-period")).toBeVisible();
});

test("the published figure a citizen reads stands beside the live one, and both say which responses they count", async ({ browser, page: citizen }) => {
  // The citizen's thank-you page shows the unit's last published result: its own responses.
  await citizen.goto("/s/DISDUKCAPIL/terima-kasih");
  const published = (await citizen.getByTestId("published-konversi").textContent())!;
  await expect(citizen.getByTestId("published-counts")).toHaveText("Dihitung dari respons unit ini sendiri.");
  const [row] = await query<{ konversi: number; mutu: string }>(
    `SELECT (p.result->>'konversi')::float8 AS konversi, p.result->>'mutu' AS mutu FROM publication p JOIN unit u ON u.id = p.unit_id JOIN survey_period sp ON sp.id = p.period_id
      WHERE u.code = 'DISDUKCAPIL' AND sp.kind = 'QUARTER' AND sp.year = $1 AND sp.number = $2`,
    [LAST_Q.year, LAST_Q.number],
  );
  expect(published).toBe(formatDecimal(row!.konversi, 2));

  // Its kepala opens the same quarter: pooled with the sub-units by default, and says so, with the published figure beside it.
  const page = await asUser(browser, "kepala.dukcapil@suara.test");
  await page.goto(`/dasbor/unit/DISDUKCAPIL?periode=${PERIOD}`);
  await expect(page.getByTestId("headline-counts")).toHaveText("Dihitung dari respons unit ini beserta sub-unitnya (4 unit digabung).");
  await expect(page.getByTestId("published-line")).toContainText(`${published} (mutu ${row!.mutu})`);
  await expect(page.getByTestId("published")).toContainText("Angka yang diumumkan menghitung respons unit ini sendiri.");
  // One click to the figure the citizen read: the unit's own responses, the same number (no late entries in a closed quarter).
  await page.getByTestId("published-scope-link").click();
  await expect(page).toHaveURL(/cakupan=sendiri/);
  await expect(page.getByTestId("headline-counts")).toHaveText("Dihitung dari respons unit ini sendiri (tanpa sub-unit).");
  await expect(page.getByTestId("headline-konversi")).toHaveText(published);
  await expect(page.getByTestId("published-scope-link")).toHaveCount(0);
});

test("the filters change the numbers, the URL keeps them, and a shared link shows the same view", async ({ browser }) => {
  const page = await asUser(browser, "admin@suara.test");
  await page.goto(`/dasbor/unit/RSUD?periode=${PERIOD}`);
  const all = await expected(["RSUD"]);
  await expectHeadline(page, all);

  await page.getByLabel("Kanal", { exact: true }).selectOption("PAPER");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/kanal=PAPER/);
  const paper = await expected(["RSUD"], `AND r.channel = 'PAPER'`);
  expect(paper.respondents).toBeLessThan(all.respondents);
  await expectHeadline(page, paper);
  await expectNrrTable(page, paper);

  await page.getByLabel("Layanan", { exact: true }).selectOption("IGD");
  await page.getByLabel("Hanya respons terverifikasi (kode transaksi)").uncheck();
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/layanan=IGD/);
  const igdPaper = await expected(["RSUD"], `AND r.channel = 'PAPER' AND r.service_id = (SELECT s.id FROM service s JOIN unit u ON u.id = s.unit_id WHERE u.code = 'RSUD' AND s.code = 'IGD')`);
  await expectHeadline(page, igdPaper);

  // The same URL in another browser (a colleague) shows the same view.
  const url = page.url();
  const colleague = await asUser(browser, "pimpinan@suara.test");
  await colleague.goto(url);
  await expectHeadline(colleague, igdPaper);
  await expect(colleague.getByLabel("Kanal", { exact: true })).toHaveValue("PAPER");
  await expect(colleague.getByLabel("Layanan", { exact: true })).toHaveValue("IGD");

  // Verified only, and a parameter that means nothing is named, not obeyed.
  await colleague.goto(`/dasbor/unit/RSUD?periode=${PERIOD}&terverifikasi=1&kanal=MERPATI`);
  await expect(colleague.getByTestId("ignored")).toContainText("kanal");
  await expectHeadline(colleague, await expected(["RSUD"], `AND r.verified`));
});

test("the export link carries the view's filters and downloads the rows the view counts", async ({ browser }) => {
  const page = await asUser(browser, "kepala.dukcapil@suara.test");
  await page.goto(`/dasbor/unit/DISDUKCAPIL?periode=${PERIOD}`);
  await page.getByLabel("Kanal", { exact: true }).selectOption("WEB");
  await page.getByLabel("Layanan", { exact: true }).selectOption("KTP");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/layanan=KTP/);
  const respondents = await page.getByTestId("headline-respondents").textContent();

  const link = page.getByTestId("export-csv");
  const href = new URL((await link.getAttribute("href"))!, page.url());
  expect(href.pathname).toBe("/api/v1/units/DISDUKCAPIL/responses.csv");
  expect(Object.fromEntries(href.searchParams)).toMatchObject({ periode: PERIOD, kanal: "WEB", layanan: "KTP", cakupan: "gabungan" });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`responden-DISDUKCAPIL-${PERIOD}.csv`);
  const text = readFileSync((await download.path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...lines] = Papa.parse<string[]>(text, { delimiter: ";", skipEmptyLines: true }).data;
  const rows = lines.map((l) => Object.fromEntries(header!.map((h, i) => [h, l[i]!])));

  // The view's responses, from the database: the dinas and its sub-units, KTP, web, the triwulan on WIB.
  const units = await subtree("DISDUKCAPIL");
  const raw = await query<{ at: string; unit: string }>(
    `SELECT to_char(r.submitted_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD"T"HH24:MI:SS') || '+07:00' AS at, u.code AS unit
       FROM response r JOIN unit u ON u.id = r.unit_id JOIN service s ON s.id = r.service_id
      WHERE u.code = ANY($1) AND s.code = 'KTP' AND r.channel = 'WEB'
        AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date >= $2::date AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date < $3::date`,
    [units, RANGE[0], RANGE[1]],
  );
  expect(raw.length).toBeGreaterThan(10);
  expect(rows.map((r) => `${r["Kode unit"]} ${r["Waktu (Asia/Jakarta)"]}`).sort()).toEqual(raw.map((r) => `${r.unit} ${r.at}`).sort());
  expect(new Set(rows.map((r) => r.Kanal))).toEqual(new Set(["WEB"]));
  // Suspicious responses are in the file, marked; the rest are exactly the respondents on screen.
  const counted = rows.filter((r) => r["Mencurigakan (tidak dihitung dalam IKM)"] === "tidak").length;
  expect(formatInteger(counted)).toBe(respondents);
});

test("top management sees every unit side by side, drills down the tree and back, and sorts", async ({ browser }) => {
  const page = await asUser(browser, "pimpinan@suara.test");
  await page.getByRole("link", { name: "Ringkasan instansi" }).first().click();
  await expect(page).toHaveURL(/\/dasbor\/instansi$/);
  await page.goto(`/dasbor/instansi?periode=${PERIOD}`);
  await expect(page.getByTestId("agency-title")).toHaveText("Ringkasan instansi: Pemerintah Kabupaten Sukamaju");
  const everyUnit = await subtree("KAB-SUKAMAJU");
  const table = page.getByTestId("unit-table");
  await expect(table.locator("tbody tr")).toHaveCount(everyUnit.length);
  await expectHeadline(page, await expected(everyUnit), "id", "pooled");
  // Each unit's own row equals lib/ikm on its own responses.
  for (const code of ["RSUD", "PKM-MEKARSARI", "UPT-DUKCAPIL-UTARA", "DPMPTSP-ADUAN"]) {
    const e = await expected([code]);
    const row = table.getByTestId(`unit-row-${code}`).locator("td");
    await expect(row.nth(COL.konversi)).toHaveText(formatKonversi(e));
    await expect(row.nth(COL.mutu)).toHaveText(e.mutu!);
    await expect(row.nth(COL.respondents)).toHaveText(formatInteger(e.respondents));
    const weakest = e.items.find((i) => i.code === e.priorities[0])!;
    await expect(row.nth(COL.weakest)).toHaveText(`${weakest.code} ${weakest.name}`);
    // The heat map: each cell of the unit's row holds its NRR for that unsur, in template order.
    const cells = page.getByTestId(`heat-${code}`).locator("td");
    for (const [k, item] of e.items.entries()) await expect(cells.nth(k + 1)).toHaveText(new RegExp(`^${formatNrr(item.nrr)}[ABCD]$`));
  }
  // A unit with sub-units: its row counts its own responses, and its link opens the same numbers.
  const ownDukcapil = await expected(["DISDUKCAPIL"]);
  const dukcapilRow = table.getByTestId("unit-row-DISDUKCAPIL");
  await expect(dukcapilRow.locator("td").nth(COL.konversi)).toHaveText(formatKonversi(ownDukcapil));
  await dukcapilRow.getByTestId("unit-link").click();
  await expectHeadline(page, ownDukcapil);
  await page.goBack();
  await expect(table.locator("tbody tr")).toHaveCount(everyUnit.length);

  // Sorted by konversi, highest first, by default.
  const values = await table.locator(`tbody tr td:nth-child(${COL.konversi + 1})`).allTextContents();
  const numbers = values.filter((v) => v !== "–").map((v) => Number(v.replace(",", ".")));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  await table.getByTestId("sort-nama").click();
  await expect(page).toHaveURL(/urut=nama/);
  const names = await page.getByTestId("unit-table").getByTestId("unit-link").allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "id")));

  // Drill into Dinas Kesehatan: its subtree only, each child pooled with its own sub-units.
  await page.getByTestId("unit-row-DINKES").getByTestId("drill").click();
  await expect(page).toHaveURL(/unit=DINKES/);
  await expect(page.getByTestId("agency-title")).toHaveText("Ringkasan instansi: Dinas Kesehatan");
  const dinkes = await subtree("DINKES");
  await expect(page.getByTestId("unit-table").locator("tbody tr")).toHaveCount(dinkes.length);
  await expectHeadline(page, await expected(dinkes), "id", "pooled");
  await page.getByLabel("Tampilkan").selectOption("anak");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/tingkat=anak/);
  await expect(page).toHaveURL(/unit=DINKES/);
  const e = await expected(["PKM-SUKAMAJU"]);
  await expect(page.getByTestId("unit-row-PKM-SUKAMAJU").locator("td").nth(COL.konversi)).toHaveText(formatKonversi(e));
  // Into a unit's own dashboard, and back up the tree by the breadcrumb.
  await page.getByTestId("unit-row-PKM-SUKAMAJU").getByTestId("unit-link").click();
  await expect(page.getByTestId("unit-name")).toHaveText("Puskesmas Sukamaju");
  await expectHeadline(page, e);
  await page.goBack();
  await page.getByTestId("breadcrumb").getByRole("link", { name: "Pemerintah Kabupaten Sukamaju" }).click();
  await expect(page.getByTestId("agency-title")).toHaveText("Ringkasan instansi: Pemerintah Kabupaten Sukamaju");

  // Movers are only changes beyond noise, each marked as such.
  for (const row of await page.getByTestId("rises").locator("li").all()) await expect(row).toContainText("*");
});

test("a puskesmas that asks importance shows expectation against perception from the raw answers", async ({ browser }) => {
  const page = await asUser(browser, "admin@suara.test");
  await page.goto(`/dasbor/unit/PKM-SUKAMAJU?periode=${PERIOD}`);
  const rows = await query<{ code: string; mean: number }>(
    `SELECT h.key AS code, avg(h.value::int)::float8 AS mean FROM response r JOIN unit u ON u.id = r.unit_id, jsonb_each(r.harapan) h
      WHERE u.code = 'PKM-SUKAMAJU' AND NOT r.suspicious
        AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date >= $1::date AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date < $2::date
      GROUP BY 1`,
    RANGE,
  );
  expect(rows).toHaveLength(9);
  const table = page.getByTestId("importance-table");
  const performance = await expected(["PKM-SUKAMAJU"]);
  for (const r of rows) {
    const cells = table.getByTestId(`importance-${r.code}`).locator("td");
    const nrr = performance.items.find((i) => i.code === r.code)!.nrr!;
    await expect(cells.nth(1)).toHaveText(formatDecimal(r.mean, 2, "id"));
    await expect(cells.nth(2)).toHaveText(formatNrr(nrr));
    await expect(cells.nth(3)).toHaveText(formatDecimal(nrr - r.mean, 2, "id"));
  }
  await expect(table).toContainText("Prioritas utama");
  // RSUD does not ask it: no such section.
  await page.goto(`/dasbor/unit/RSUD?periode=${PERIOD}`);
  await expect(page.getByTestId("nrr")).toBeVisible();
  await expect(page.getByTestId("importance")).toHaveCount(0);
});

test("in English, numbers and dates are formatted for the reader", async ({ browser }) => {
  const page = await asUser(browser, "pimpinan@suara.test", "en");
  await page.goto(`/dasbor/unit/RSUD?periode=${PERIOD}`);
  const e = await expected(["RSUD"]);
  await expectHeadline(page, e, "en");
  await expect(page.getByTestId("headline-konversi")).toHaveText(/^\d{2}\.\d{2}$/);
  await expect(page.getByTestId("period-label")).toHaveText(`Q${LAST_Q.number} ${LAST_Q.year}`);
  await expect(page.getByText(`Data as of ${formatDate("en", new Date())}`)).toBeVisible();
  await expect(page.getByText("Mean score (NRR) per unsur, weakest first")).toBeVisible();
});

test("the operator sees counts and survey tools, no index and no agency view", async ({ browser }) => {
  const page = await asUser(browser, "operator.dukcapil@suara.test");
  await expect(page.getByRole("link", { name: "Ringkasan instansi" })).toHaveCount(0);
  expect((await page.goto("/dasbor/instansi"))!.status()).toBe(404);
  expect((await page.goto("/dasbor/unit/DISDUKCAPIL/saran"))!.status()).toBe(404);
  await page.goto("/dasbor/unit/DISDUKCAPIL");
  await expect(page.getByTestId("unit-counts")).toBeVisible();
  await expect(page.getByTestId("survey-links")).toBeVisible();
  await expect(page.getByTestId("headline")).toHaveCount(0);
});

test("the dashboards fit a tablet, print without the controls, and pass an accessibility scan", async ({ browser }) => {
  const page = await asUser(browser, "admin@suara.test");
  await page.setViewportSize({ width: 768, height: 1024 });
  for (const path of [`/dasbor/instansi?periode=${PERIOD}`, `/dasbor/unit/PKM-SUKAMAJU?periode=${PERIOD}`]) {
    await page.goto(path);
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    // Wide tables scroll inside their card; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("filters")).toBeHidden();
    await expect(page.getByTestId("nrr-table").or(page.getByTestId("unit-table")).first()).toBeVisible();
    await page.emulateMedia({ media: "screen" });
  }
});
