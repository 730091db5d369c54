import { expect, test, type Browser } from "@playwright/test";

// The small things of the staff screens that a new admin trips over.

async function asUser(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("Suara-Demo-2026");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
  return page;
}

test("no role is preselected, roles read as words, the user page leads back, and the password page is linked", async ({ browser }) => {
  const admin = await asUser(browser, "admin@suara.test");
  await admin.goto("/admin/pengguna");
  // Nothing chosen for the admin: a new account never becomes an admin of the whole agency by default.
  await expect(admin.getByLabel("Peran", { exact: true })).toHaveValue("");
  await expect(admin.getByLabel("Unit", { exact: true })).toHaveValue("");
  await admin.getByLabel("Email", { exact: true }).fill("tanpa-peran@suara.test");
  await admin.getByLabel("Nama", { exact: true }).fill("Tanpa Peran");
  await admin.getByRole("button", { name: "Buat akun" }).click();
  // The browser asks for the role (required): nothing is created without one.
  expect(await admin.getByLabel("Peran", { exact: true }).evaluate((el: HTMLSelectElement) => el.validity.valueMissing)).toBe(true);
  await expect(admin.getByTestId("temporary-password")).toHaveCount(0);

  const table = admin.getByTestId("user-table");
  await expect(table).toContainText("Kepala unit · Dinas Kependudukan dan Pencatatan Sipil");
  await expect(table).not.toContainText("KEPALA_UNIT");
  await table.getByRole("link", { name: "Kepala Dinas Dukcapil" }).click();
  await expect(admin.getByTestId("role-list")).toContainText("Kepala unit · Dinas Kependudukan dan Pencatatan Sipil");
  await expect(admin.getByTestId("role-list")).not.toContainText("KEPALA_UNIT");
  await admin.getByRole("link", { name: "Kembali ke daftar pengguna" }).click();
  await expect(admin).toHaveURL(/\/admin\/pengguna$/);

  // Changing one's password is a link in the header, not an address to type.
  await admin.getByRole("navigation").first().waitFor();
  await admin.getByRole("link", { name: "Kata sandi", exact: true }).click();
  await expect(admin).toHaveURL(/\/akun\/kata-sandi$/);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Ganti kata sandi");

  // The staff area switches language too, and comes back to the same page.
  await admin.getByRole("button", { name: "English" }).click();
  await expect(admin).toHaveURL(/\/akun\/kata-sandi$/);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Change password");
  await admin.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Ganti kata sandi");
});

test("a page outside one's scope, or a mistyped survey code, says so in the reader's language with a way on", async ({ browser, page }) => {
  const kepala = await asUser(browser, "kepala.dukcapil@suara.test");
  const res = await kepala.goto("/dasbor/unit/RSUD");
  expect(res!.status()).toBe(404);
  await expect(kepala.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
  await expect(kepala.getByTestId("signed-in-as")).toBeVisible(); // still inside the staff area
  await kepala.getByRole("link", { name: "Kembali ke unit Anda" }).click();
  await expect(kepala).toHaveURL(/\/dasbor$/);

  // A citizen who mistyped the code on a poster.
  expect((await page.goto("/s/DUKCAPL"))!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kode survei tidak dikenal");
  await expect(page.getByText("Periksa kode pada poster atau struk")).toBeVisible();
  await page.getByRole("link", { name: "Dinas Kependudukan dan Pencatatan Sipil" }).click();
  await expect(page).toHaveURL(/\/s\/DISDUKCAPIL$/);
  // In English, and for any unknown address.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en"); // the switch answered (its cookie is set)
  await page.goto("/s/DUKCAPL");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unknown survey code");
  expect((await page.goto("/tidak/ada/sama/sekali"))!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});
