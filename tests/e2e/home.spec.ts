import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("a first-time visitor learns what Suara is, in Indonesian, and can switch to English", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Survei Kepuasan Masyarakat untuk unit pelayanan publik");
  await expect(page.locator("header").getByText("Pemerintah Kabupaten Sukamaju")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ke mana Anda pergi" })).toBeVisible();
  // The demo data is there, counted from the database and formatted for Indonesian readers.
  await expect(page.getByTestId("overview-responses")).toHaveText(/^\d{1,3}(\.\d{3})+$/);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Public satisfaction surveys for public-service units");
  await expect(page.getByTestId("overview-responses")).toHaveText(/^\d{1,3}(,\d{3})+$/);

  // The choice sticks across visits.
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
});

test("a citizen without a QR code finds their unit's questionnaire, and staff find the sign-in", async ({ page }) => {
  await page.goto("/");
  await page.getByText("Tidak ada kode QR? Pilih unit yang melayani Anda").click();
  await page.getByRole("link", { name: "Puskesmas Mekarsari" }).click();
  await expect(page).toHaveURL(/\/s\/PKM-MEKARSARI$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Puskesmas Mekarsari");
  await page.goto("/");
  await page.getByRole("link", { name: "Masuk untuk pegawai" }).click();
  await expect(page).toHaveURL(/\/masuk$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the language switch still works as a plain form", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Where to go" })).toBeVisible();
  });
});

test("the home page has no accessibility violations", async ({ page }) => {
  await page.goto("/");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("the health endpoint reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: "up" });
  // The job queue starts with the app (in the background, so it may take a moment after boot).
  await expect.poll(async () => (await (await request.get("/api/health")).json()).jobs).toBe("up");
});
