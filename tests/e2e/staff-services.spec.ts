import { expect, test } from "@playwright/test";
import { query } from "./support/db";
import { signedInPage } from "./support/session";

// An admin keeps a unit's services in the browser; the citizen's form follows at once.

test("an admin adds, renames, reorders and retires a service; the citizen's form follows", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@suara.test");
  const citizen = await (await browser.newContext()).newPage();
  const formServices = async () => {
    await citizen.goto("/s/DUKCAPIL-CAPIL");
    return citizen.locator("fieldset#service").getByRole("radio").evaluateAll((els) => els.map((e) => (e.closest("label") as HTMLElement).innerText.trim()));
  };
  expect(await formServices()).toEqual(["Akta Kelahiran", "Akta Kematian", "Akta Perkawinan", "Akta Perceraian"]);

  await admin.goto("/dasbor/unit/DUKCAPIL-CAPIL");
  await admin.getByTestId("manage-services").click();
  await expect(admin).toHaveURL(/\/dasbor\/unit\/DUKCAPIL-CAPIL\/layanan$/);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Layanan Bidang Pelayanan Pencatatan Sipil");

  // A bad code is answered on its field; nothing is added.
  const add = admin.getByTestId("create-service");
  await add.getByLabel("Kode").fill("akta anak!");
  await add.getByLabel("Nama", { exact: true }).fill("Akta Pengakuan Anak");
  await add.getByRole("button", { name: "Tambah" }).click();
  await expect(add.getByLabel("Kode")).toHaveAttribute("aria-invalid", "true");
  await expect(admin.locator("#service-code-error")).toHaveText("Gunakan huruf besar, angka dan tanda hubung (-), paling banyak 40 karakter.");
  // What was typed stays, to be corrected.
  await expect(add.getByLabel("Nama", { exact: true })).toHaveValue("Akta Pengakuan Anak");
  // A code the unit already uses is refused too.
  await add.getByLabel("Kode").fill("lahir");
  await add.getByRole("button", { name: "Tambah" }).click();
  await expect(add.getByRole("alert")).toHaveText("Kode itu sudah dipakai layanan lain di unit ini.");
  await expect(add.getByLabel("Kode")).toHaveValue("lahir");

  await add.getByLabel("Kode").fill("akta-anak");
  await add.getByLabel("Nama dalam bahasa Inggris").fill("Child Acknowledgement Certificate");
  await add.getByRole("button", { name: "Tambah" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Layanan ditambahkan." })).toBeVisible();
  // The form starts empty for the next one.
  await expect(admin.getByTestId("create-service").getByLabel("Kode")).toHaveValue("");
  const row = admin.getByTestId("service-AKTA-ANAK");
  await expect(row).toContainText("Aktif");
  expect(await formServices()).toEqual(["Akta Kelahiran", "Akta Kematian", "Akta Perkawinan", "Akta Perceraian", "Akta Pengakuan Anak"]);

  // Up one place: now before Akta Perceraian.
  await row.getByRole("button", { name: "Naikkan Akta Pengakuan Anak" }).click();
  await expect(admin.getByTestId("service-list").locator("li").nth(3)).toHaveAttribute("data-testid", "service-AKTA-ANAK");
  expect(await formServices()).toEqual(["Akta Kelahiran", "Akta Kematian", "Akta Perkawinan", "Akta Pengakuan Anak", "Akta Perceraian"]);

  // Renamed; an English reader sees the English name.
  const rename = admin.getByTestId("rename-AKTA-ANAK");
  await rename.getByLabel("Nama", { exact: true }).fill("Akta Pengakuan dan Pengesahan Anak");
  await rename.getByRole("button", { name: "Simpan nama" }).click();
  await expect(rename.getByRole("status")).toHaveText("Nama tersimpan.");
  expect(await formServices()).toContain("Akta Pengakuan dan Pengesahan Anak");
  await citizen.getByRole("button", { name: "English" }).click();
  await expect(citizen.locator("fieldset#service")).toContainText("Child Acknowledgement Certificate");
  await citizen.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(citizen.locator("fieldset#service")).toContainText("Layanan apa yang Anda terima hari ini?");

  // Retired after a confirmation: off the form, kept in the list (and in the database) as retired.
  admin.once("dialog", (d) => {
    expect(d.message()).toContain("Hentikan layanan Akta Pengakuan dan Pengesahan Anak?");
    void d.accept();
  });
  await row.getByRole("button", { name: "Hentikan" }).click();
  await expect(row).toContainText("Dihentikan");
  await expect(row.getByRole("button", { name: "Aktifkan lagi" })).toBeVisible();
  expect(await formServices()).toEqual(["Akta Kelahiran", "Akta Kematian", "Akta Perkawinan", "Akta Perceraian"]);
  const stored = await query<{ active: boolean }>(`SELECT s.active FROM service s JOIN unit u ON u.id = s.unit_id WHERE u.code = 'DUKCAPIL-CAPIL' AND s.code = 'AKTA-ANAK'`);
  expect(stored).toEqual([{ active: false }]);
  const actions = await query<{ action: string }>(
    `SELECT a.action FROM audit_log a JOIN service s ON s.id::text = a.target_id WHERE s.code = 'AKTA-ANAK' ORDER BY a.id`,
  );
  expect(actions.map((a) => a.action)).toEqual(["service.create", "service.move", "service.rename", "service.retire"]);
});

test("a kepala unit sees no way to manage services and gets not found", async ({ browser }) => {
  const kepala = await signedInPage(browser, "kepala.dukcapil@suara.test");
  await kepala.goto("/dasbor/unit/DISDUKCAPIL");
  await expect(kepala.getByTestId("unit-name")).toBeVisible();
  await expect(kepala.getByTestId("manage-services")).toHaveCount(0);
  const res = await kepala.goto("/dasbor/unit/DISDUKCAPIL/layanan");
  expect(res?.status()).toBe(404);
});
