import { expect, test } from "@playwright/test";
import { query } from "./support/db";
import { signedInPage } from "./support/session";

// The small things of the staff screens that a new admin trips over.

test("no role is preselected, roles read as words, the user page leads back, and the password page is linked", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@suara.test");
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
  const kepala = await signedInPage(browser, "kepala.dukcapil@suara.test");
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

test("the audit log names who did what where, filters by action and dates, and pages", async ({ browser }) => {
  // 60 kiosk revocations on one day of 2021, a minute apart, by the Dukcapil operator: the first
  // five of a tablet that still exists (named by the join), the rest of tablets gone since
  // (named by what the entry recorded). Two sign-ins the same day, which the filter leaves out.
  const [device] = await query<{ id: string }>(
    `INSERT INTO kiosk_device (id, unit_id, name, token_hash) SELECT gen_random_uuid(), id, 'Tablet loket audit', gen_random_uuid()::text FROM unit WHERE code = 'DUKCAPIL-CAPIL' RETURNING id`,
  );
  await query(
    `INSERT INTO audit_log (at, action, actor_id, actor_email, unit_id, target_type, target_id, detail)
     SELECT timestamptz '2021-06-15 01:00:00+00' + g * interval '1 minute', 'kiosk.revoke', u.id, u.email, d.id, 'kiosk_device',
            CASE WHEN g < 5 THEN $1 ELSE gen_random_uuid()::text END, jsonb_build_object('name', 'Tablet lama ' || g)
       FROM generate_series(0, 59) g, "user" u, unit d WHERE u.email = 'operator.dukcapil@suara.test' AND d.code = 'DUKCAPIL-CAPIL'`,
    [device!.id],
  );
  await query(
    `INSERT INTO audit_log (at, action, actor_id, actor_email) SELECT timestamptz '2021-06-15 03:00:00+00', 'auth.signin.success', id, email FROM "user" WHERE email = 'admin@suara.test'`,
  );

  const admin = await signedInPage(browser, "admin@suara.test");
  await admin.goto("/admin/audit");
  // Labels, not codes: the sign-in that just happened reads as words.
  const table = admin.getByTestId("audit-table");
  await expect(table.getByTestId("audit-row").first().getByTestId("audit-action")).toHaveText("Masuk");
  await expect(table).not.toContainText("auth.signin.success");

  const filters = admin.getByTestId("audit-filters");
  await filters.getByLabel("Aksi").selectOption({ label: "Mencabut kios" });
  await filters.getByLabel("Dari tanggal").fill("2021-06-15");
  await filters.getByLabel("Sampai tanggal").fill("2021-06-15");
  await filters.getByRole("button", { name: "Terapkan" }).click();
  await expect(admin).toHaveURL(/aksi=kiosk\.revoke/);
  const rows = admin.getByTestId("audit-row");
  await expect(rows).toHaveCount(50);
  await expect(admin.getByTestId("audit-action")).toHaveText(Array(50).fill("Mencabut kios"));
  const first = rows.first();
  await expect(first).toContainText("Operator Dukcapil");
  await expect(first).toContainText("operator.dukcapil@suara.test");
  await expect(first).toContainText("Bidang Pelayanan Pencatatan Sipil");
  await expect(first.getByTestId("audit-target")).toContainText("Kios: Tablet lama 59");
  const times = await rows.locator("td:first-child").allTextContents();
  await expect(admin.getByRole("link", { name: "Lebih baru" })).toHaveCount(0);

  // The next page: the ten oldest, the tablet that still exists named as it is now.
  await admin.getByRole("navigation", { name: "Halaman log audit" }).getByRole("link", { name: /Lebih lama/ }).click();
  await expect(rows).toHaveCount(10);
  await expect(admin.getByTestId("audit-action")).toHaveText(Array(10).fill("Mencabut kios"));
  await expect(rows.last().getByTestId("audit-target")).toContainText("Kios: Tablet loket audit");
  await expect(admin.getByRole("link", { name: /Lebih lama/ })).toHaveCount(0);
  const older = await rows.locator("td:first-child").allTextContents();
  expect(new Set([...times, ...older]).size).toBe(60); // nothing shown twice, nothing skipped
  // The filters stay with the page; back to the newer page.
  await expect(filters.getByLabel("Aksi")).toHaveValue("kiosk.revoke");
  await admin.getByRole("link", { name: /Lebih baru/ }).click();
  await expect(rows).toHaveCount(50);
  expect(await rows.locator("td:first-child").allTextContents()).toEqual(times);
});
