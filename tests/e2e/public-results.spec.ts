import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { query } from "./support/db";

// The public results: the demo publishes its last three completed triwulan for its units and,
// pooled, for the agency root. Desktop project only (playwright.config.ts); the run without
// JavaScript is at phone size.

/** Live publications of active units, newest period first, as /hasil reads them. */
const LIVE = `SELECT u.code, u.depth, u.name, (p.result->>'konversi')::float8 AS konversi, sp.year, sp.number
                FROM publication p JOIN unit u ON u.id = p.unit_id JOIN survey_period sp ON sp.id = p.period_id
               WHERE p.unpublished_at IS NULL AND p.result IS NOT NULL AND u.active`;
const decimal = (n: number) => n.toFixed(2).replace(".", ",");

test("a citizen reads every unit's published index, opens one, and switches to English", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Hasil survei" }).click();
  await expect(page).toHaveURL(/\/hasil$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hasil Survei Kepuasan Masyarakat");
  // The agency's pooled index, the newest of its trend, and one bar per published triwulan.
  const agency = await query<{ konversi: number; year: number; number: number }>(`${LIVE} AND u.depth = 0 ORDER BY sp.end_date`);
  expect(agency.length).toBe(3);
  await expect(page.getByTestId("agency-index")).toContainText("Pemerintah Kabupaten Sukamaju");
  await expect(page.getByTestId("agency-index").getByTestId("result-konversi").first()).toHaveText(decimal(agency.at(-1)!.konversi));
  await expect(page.getByTestId("agency-trend").locator("li")).toHaveCount(3);
  await expect(page.getByTestId("agency-trend").locator("li").first()).toContainText(decimal(agency[0]!.konversi));
  const rsud = page.getByTestId("result-row-RSUD");
  await expect(rsud).toBeVisible();
  // Konversi in the Indonesian way (91,48) and its mutu.
  await expect(rsud.getByTestId("result-konversi")).toHaveText(/^\d{2,3},\d{2}$/);
  await expect(rsud.getByTestId("result-mutu")).toHaveText(/^Mutu [A-D] \(/);
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);

  await rsud.getByRole("link").click();
  await expect(page).toHaveURL(/\/hasil\/RSUD$/);
  await expect(page.getByTestId("unit-periods")).toContainText("Triwulan III 2026");
  await expect(page.getByRole("heading", { name: "Anda berkata, kami bertindak" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Kode QR/ })).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("unit-periods")).toContainText("2026");
  await expect(page.getByRole("heading", { name: "You said, we did" })).toBeVisible();
  await expect(page.getByTestId("unit-latest").getByTestId("result-konversi")).toHaveText(/^\d{2,3}\.\d{2}$/);
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
});

test("badge and open data answer with their types and documented columns", async ({ request }) => {
  const badge = await request.get("/hasil/RSUD/badge.svg");
  expect(badge.status()).toBe(200);
  expect(badge.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  expect(badge.headers()["cache-control"]).toMatch(/public, max-age=/);
  expect(await badge.text()).toMatch(/^<svg [^]*TW III 2026/);
  expect((await request.get("/hasil/TIDAK-ADA/badge.svg")).status()).toBe(404);
  const csv = await request.get("/hasil/data.csv");
  expect((await csv.text()).split("\r\n")[0]).toBe("unit,code,period,konversi,mutu,respondents,published_at");
  const json = (await (await request.get("/hasil/data.json")).json()) as { rows: { code: string }[] };
  expect(json.rows.some((r) => r.code === "RSUD")).toBe(true);
  expect((await request.get("/hasil/TIDAK-ADA")).status()).toBe(404);
});

test.describe("without JavaScript, on a phone", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  test("the search and level filter are a plain GET form, filtered on the server", async ({ page }) => {
    const units = await query<{ code: string; depth: number; name: string }>(`SELECT DISTINCT u.code, u.depth, u.name FROM (${LIVE}) u`);
    const rows = page.getByTestId("results-table").locator("tbody tr");
    const shownCodes = async () => (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-testid")!.replace("result-row-", "")))).sort();
    const matching = (needle: string, depth?: number) =>
      units.filter((u) => (depth === undefined || u.depth === depth) && (u.name.toLowerCase().includes(needle) || u.code.toLowerCase().includes(needle))).map((u) => u.code).sort();

    await page.goto("/hasil");
    await expect(rows).toHaveCount(units.length);
    // The table scrolls inside its own box: the page itself is no wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByLabel("Cari unit").fill("dukcapil");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect(page).toHaveURL(/\/hasil\?q=dukcapil&tingkat=$/);
    const dukcapil = matching("dukcapil");
    expect(dukcapil.length).toBeGreaterThan(2);
    await expect(rows).toHaveCount(dukcapil.length);
    expect(await shownCodes()).toEqual(dukcapil);
    await expect(page.getByTestId("results-count")).toContainText(String(dukcapil.length));

    // Search and level together: the search box keeps its text across the round trip.
    await expect(page.getByLabel("Cari unit")).toHaveValue("dukcapil");
    await page.getByLabel("Tingkat").selectOption("3");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect(page).toHaveURL(/q=dukcapil&tingkat=3$/);
    const third = matching("dukcapil", 2);
    expect(third.length).toBeGreaterThan(0);
    expect(third.length).toBeLessThan(dukcapil.length);
    await expect(rows).toHaveCount(third.length);
    expect(await shownCodes()).toEqual(third);
    await expect(page.getByLabel("Tingkat")).toHaveValue("3");

    // The level alone: the agency itself is level 1.
    await page.getByLabel("Cari unit").fill("");
    await page.getByLabel("Tingkat").selectOption("1");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    // Read the rows of the new page, not of the one the form post is leaving (that read once came back empty).
    await expect(page).toHaveURL(/\/hasil\?q=&tingkat=1$/);
    await page.waitForLoadState("load");
    await expect(rows).toHaveCount(1);
    expect(await shownCodes()).toEqual(["KAB-SUKAMAJU"]);

    await page.getByLabel("Cari unit").fill("zzz-tidak-ada");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect(page.getByText("Tidak ada unit yang cocok dengan pencarian.")).toBeVisible();
    await expect(page.getByTestId("results-table")).toHaveCount(0);
  });
});
