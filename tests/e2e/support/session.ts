import { expect, type Browser } from "@playwright/test";

/** The demo accounts' password (README). */
export const DEMO_PASSWORD = "Suara-Demo-2026";

/** A page in a browser context of its own, signed in as `email` (a demo account) in Indonesian. */
export async function signedInPage(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
  return page;
}
