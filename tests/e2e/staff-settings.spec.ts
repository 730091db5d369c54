import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { query } from "./support/db";
import { signedInPage } from "./support/session";

// An admin of the whole agency sets its name, rhythm and logo in the browser;
// posters, the home page and the dashboards follow. Nobody else reaches the page.

const fixture = (name: string) => path.join("tests", "e2e", "fixtures", name);

/** The image has loaded and has pixels (not a broken-image icon). */
const loaded = (page: Page, testId: string) => page.getByTestId(testId).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

test("an admin sets the agency's name, rhythm and logo; posters, home and dashboards follow", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@suara.test");
  try {
    await admin.getByRole("link", { name: "Pengaturan instansi" }).click();
    await expect(admin).toHaveURL(/\/admin\/instansi$/);
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Pengaturan instansi");
    // Nothing set yet: the name field is empty and says whose name is used instead.
    const name = admin.getByLabel("Nama instansi");
    await expect(name).toHaveValue("");
    await expect(admin.getByText("Kosongkan untuk memakai nama unit induk (Pemerintah Kabupaten Sukamaju)")).toBeVisible();
    await expect(admin.getByLabel("Zona waktu")).toHaveValue("Asia/Jakarta");
    await expect(admin.getByRole("radio", { name: "Triwulan" })).toBeChecked();

    // A control character is refused on its field, and nothing is saved.
    await name.fill("Pemkab\u0007 Sukamaju");
    await admin.getByRole("radio", { name: "Semester" }).check();
    await admin.getByRole("button", { name: "Simpan" }).click();
    await expect(admin.getByRole("alert").filter({ hasText: "Periksa isian yang ditandai." })).toBeVisible();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(admin.locator("#agency-name-error")).toHaveText("Berisi karakter kontrol yang tidak dapat disimpan.");
    expect((await query<{ name: string | null }>(`SELECT name FROM agency_settings`))[0]!.name).toBeNull();
    // What the admin chose is still there to correct, not reset.
    await expect(admin.getByRole("radio", { name: "Semester" })).toBeChecked();

    await name.fill("Pemerintah Kabupaten Sukamaju Raya");
    await admin.getByRole("radio", { name: "Semester" }).check();
    await admin.getByLabel("Zona waktu").selectOption("Asia/Makassar");
    await admin.getByRole("button", { name: "Simpan" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Pengaturan tersimpan." })).toBeVisible();
    // The form shows what was saved (a <select> used to reset to the value it first showed).
    await expect(admin.getByLabel("Zona waktu")).toHaveValue("Asia/Makassar");
    await expect(admin.getByRole("radio", { name: "Semester" })).toBeChecked();
    expect((await query<{ time_zone: string }>(`SELECT time_zone FROM agency_settings`))[0]!.time_zone).toBe("Asia/Makassar");
    await expect(name).not.toHaveAttribute("aria-invalid");
    const [audit] = await query<{ action: string }>(`SELECT action FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(audit!.action).toBe("agency.settings.update");
    // The audit log says it in words: who, what, on the agency.
    await admin.goto("/admin/audit?aksi=agency.settings.update");
    const entry = admin.getByTestId("audit-table").locator("tbody tr").first();
    await expect(entry).toContainText("Admin Kabupaten");
    await expect(entry).toContainText("Mengubah pengaturan instansi");
    await expect(entry).toContainText("Instansi");
    await expect(entry).not.toContainText("tidak ada");
    await admin.goto("/admin/instansi");

    // A logo that is not a PNG or JPEG is refused on its field; a PNG is kept and shown.
    const logo = admin.getByLabel("Berkas logo");
    await logo.setInputFiles(fixture("not-an-image.svg"));
    await admin.getByRole("button", { name: "Unggah logo" }).click();
    await expect(admin.locator("#agency-logo-error")).toHaveText("Berkas bukan gambar PNG atau JPEG.");
    await expect(logo).toHaveAttribute("aria-invalid", "true");
    await logo.setInputFiles(fixture("logo.png"));
    await admin.getByRole("button", { name: "Unggah logo" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Logo tersimpan." })).toBeVisible();
    await expect(admin.getByRole("img", { name: "Logo Pemerintah Kabupaten Sukamaju Raya" })).toBeVisible();
    expect(await loaded(admin, "current-logo")).toBe(true);

    // The poster carries the logo and the agency's name.
    await admin.goto("/dasbor/unit/DISDUKCAPIL/poster");
    await expect(admin.getByTestId("poster-agency")).toHaveText("Pemerintah Kabupaten Sukamaju Raya");
    await expect.poll(() => loaded(admin, "poster-logo")).toBe(true);

    // The dashboards open on the last completed semester.
    await admin.goto("/dasbor/instansi");
    await expect(admin.getByTestId("period-label")).toHaveText(/^Semester (I|II) \d{4}$/);
    await expect(admin.getByTestId("running-period")).toContainText("Semester");

    // The public home page names the agency, with its logo.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto("/");
    await expect(visitor.getByTestId("agency-name")).toHaveText("Pemerintah Kabupaten Sukamaju Raya");
    await expect.poll(() => loaded(visitor, "agency-logo")).toBe(true);
    const res = await visitor.request.get((await visitor.getByTestId("agency-logo").getAttribute("src"))!);
    expect(res.headers()["content-type"]).toBe("image/png");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");

    // In English too.
    await admin.goto("/admin/instansi");
    await admin.getByRole("button", { name: "English" }).click();
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Agency settings");
    await expect(admin.getByRole("radio", { name: "Semester" })).toBeChecked();
    await admin.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Pengaturan instansi");
  } finally {
    // Back to the demo's settings for the specs that follow.
    await query(`UPDATE agency_settings SET name = NULL, rhythm = 'QUARTER', time_zone = 'Asia/Jakarta', logo = NULL, logo_type = NULL`);
    await admin.goto("/admin/instansi");
    await admin.getByLabel("Nama instansi").fill("");
    await admin.getByLabel("Zona waktu").selectOption("Asia/Jakarta");
    await admin.getByRole("radio", { name: "Triwulan" }).check();
    await admin.getByRole("button", { name: "Simpan" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Pengaturan tersimpan." })).toBeVisible();
  }
});

test("a kepala unit has no link to the agency settings and gets not found", async ({ browser }) => {
  const kepala = await signedInPage(browser, "kepala.dukcapil@suara.test");
  await expect(kepala.getByRole("link", { name: "Pengaturan instansi" })).toHaveCount(0);
  const res = await kepala.goto("/admin/instansi");
  expect(res?.status()).toBe(404);
  await expect(kepala.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
});
