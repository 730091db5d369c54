import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// The public results: the demo publishes 2026-T1..T3 for its units (not the agency root).

test("a citizen reads every unit's published index, opens one, and switches to English", async ({ page }) => {
  await page.goto("/hasil");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hasil Survei Kepuasan Masyarakat");
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

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the search and level filter are a plain GET form", async ({ page }) => {
    await page.goto("/hasil");
    await page.getByLabel("Cari unit").fill("rsud");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect(page).toHaveURL(/\/hasil\?q=rsud/);
    await expect(page.getByTestId("result-row-RSUD")).toBeVisible();
    await expect(page.getByTestId("results-table").locator("tbody tr")).toHaveCount(1);
    await page.getByLabel("Cari unit").fill("");
    await page.getByLabel("Tingkat").selectOption("3");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect(page).toHaveURL(/tingkat=3/);
    await expect(page.getByTestId("result-row-RSUD")).toHaveCount(0);
    await page.getByLabel("Cari unit").fill("zzz-tidak-ada");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect(page.getByText("Tidak ada unit yang cocok dengan pencarian.")).toBeVisible();
  });
});
