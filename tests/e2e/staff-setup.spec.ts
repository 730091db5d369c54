import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { printedSetupCode, startFreshServer, type FreshServer } from "./support/fresh-server";

// A real agency's first run: `npm start` with SUARA_SEED=never on an empty database prints a
// one-time setup code; whoever runs the server claims /pasang with it in the browser, and the
// first admin signs in. A server of its own (the suite's server holds the demo agency).

let fresh: FreshServer;
let base: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  fresh = await startFreshServer("setup");
  base = fresh.base;
});

test.afterAll(async () => {
  await fresh?.stop();
});

/** No axe violation, and no sideways scrolling at this width. */
async function accessible(page: Page, width: number) {
  await page.setViewportSize({ width, height: 800 });
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test("the first admin claims the setup with the code printed on the console, once", async ({ browser }) => {
  const code = printedSetupCode(fresh.server);
  expect(code, fresh.server.output()).toBeTruthy();
  expect(fresh.server.output()).toContain(`${base}/pasang`);

  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/pasang`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Penyiapan instansi");
  await page.getByLabel("Kode penyiapan").fill("AAAA-BBBB-CCCC-DDDD");
  await page.getByLabel("Nama instansi").fill("Pemerintah Kota Contoh");
  await page.getByLabel("Kode unit induk").fill("kota-contoh");
  await page.getByLabel("Nama admin").fill("Admin Kota");
  await page.getByLabel("Email admin").fill("admin@contoh.go.id");
  await page.getByLabel("Kata sandi admin").fill("Pelayanan-Prima-2026");
  await page.getByRole("button", { name: "Siapkan instansi" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Kode penyiapan salah." })).toBeVisible();
  // The page, with an error shown, at phone and desktop size.
  await accessible(page, 360);
  await accessible(page, 1280);
  // What was typed stays (but the code and the password).
  await expect(page.getByLabel("Nama instansi")).toHaveValue("Pemerintah Kota Contoh");

  await page.getByLabel("Kode penyiapan").fill(code!.toLowerCase());
  await page.getByLabel("Kata sandi admin").fill("Pelayanan-Prima-2026");
  await page.getByRole("button", { name: "Siapkan instansi" }).click();
  await expect(page.getByRole("status")).toHaveText("Instansi siap. Masuk dengan admin@contoh.go.id dan kata sandi yang baru Anda buat.");

  await page.getByRole("link", { name: "Masuk" }).click();
  await page.getByLabel("Email").fill("admin@contoh.go.id");
  await page.getByLabel("Kata sandi").fill("Pelayanan-Prima-2026");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
  await expect(page.getByText("Pemerintah Kota Contoh").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Pengaturan instansi" })).toBeVisible();

  // The setup is gone: the page is not found, for the admin and for anyone else.
  expect((await page.goto(`${base}/pasang`))?.status()).toBe(404);
  const stranger = await (await browser.newContext()).newPage();
  expect((await stranger.goto(`${base}/pasang`))?.status()).toBe(404);
  // The regulation's questionnaire is there: a citizen can answer at once.
  await stranger.goto(`${base}/s/KOTA-CONTOH`);
  await expect(stranger.getByRole("heading", { level: 1 })).toContainText("Pemerintah Kota Contoh");
  await expect(stranger.getByRole("group", { name: /1\. Persyaratan/ })).toBeVisible();
});
