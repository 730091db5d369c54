import { expect, test } from "@playwright/test";
import { query } from "./support/db";
import { signedInPage } from "./support/session";

// An admin keeps the unit tree in the browser: finds a unit, adds a sub-unit, renames it,
// deactivates it (its survey link then says the survey is closed) and reactivates it.

test("an admin adds a sub-unit, renames it, closes its survey and opens it again", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@suara.test");
  await admin.getByRole("link", { name: "Unit", exact: true }).click();
  await expect(admin).toHaveURL(/\/admin\/unit$/);
  await admin.getByLabel("Cari nama atau kode").fill("puskesmas suka");
  await admin.getByRole("button", { name: "Cari" }).click();
  const tree = admin.getByTestId("unit-tree");
  await expect(tree.locator("li")).toHaveCount(1);
  await tree.getByRole("link", { name: "Puskesmas Sukamaju" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Puskesmas Sukamaju");

  // A code already taken is refused on the form; a new one is created under this unit.
  const add = admin.getByTestId("create-unit");
  await add.getByLabel("Kode").fill("rsud");
  await add.getByLabel("Nama unit").fill("Puskesmas Pembantu Uji");
  await add.getByLabel("Jenis").selectOption("PUSKESMAS");
  await add.getByRole("button", { name: "Tambah" }).click();
  await expect(add.getByRole("alert")).toHaveText("Kode itu sudah dipakai unit lain.");
  await expect(add.getByLabel("Nama unit")).toHaveValue("Puskesmas Pembantu Uji");
  await add.getByLabel("Kode").fill("pustu-uji");
  await add.getByRole("button", { name: "Tambah" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Unit PUSTU-UJI dibuat." })).toBeVisible();
  await admin.getByTestId("unit-children").getByRole("link", { name: "Puskesmas Pembantu Uji" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Puskesmas Pembantu Uji");
  await expect(admin.getByRole("link", { name: "Induk: Puskesmas Sukamaju" })).toBeVisible();

  // Renamed: the form keeps the kind it was given.
  const edit = admin.getByTestId("update-unit");
  await edit.getByLabel("Nama unit").fill("Pustu Uji Sejahtera");
  await edit.getByRole("button", { name: "Simpan" }).click();
  await expect(edit.getByRole("status")).toHaveText("Tersimpan.");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Pustu Uji Sejahtera");
  await expect(edit.getByLabel("Jenis")).toHaveValue("PUSKESMAS");

  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto("/s/PUSTU-UJI");
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Pustu Uji Sejahtera");

  // Deactivated after a confirmation: the survey link says the survey is closed, in the citizen's language.
  admin.once("dialog", (d) => void d.accept());
  await admin.getByRole("button", { name: "Nonaktifkan unit" }).click();
  await expect(admin.getByTestId("unit-status")).toHaveText("Unit ini nonaktif: tautan survei-nya mengatakan survei ditutup.");
  await citizen.goto("/s/PUSTU-UJI");
  await expect(citizen.getByTestId("survey-closed")).toContainText("Pustu Uji Sejahtera tidak lagi menerima penilaian");
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Survei ditutup");
  await citizen.getByRole("button", { name: "English" }).click();
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Survey closed");
  await citizen.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Survei ditutup");

  await admin.getByRole("button", { name: "Aktifkan lagi" }).click();
  await expect(admin.getByTestId("unit-status")).toHaveText("Unit ini aktif: warga dapat mengisi survei-nya.");
  await citizen.goto("/s/PUSTU-UJI");
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Pustu Uji Sejahtera");

  const log = await query<{ action: string }>(
    `SELECT a.action FROM audit_log a JOIN unit u ON u.id::text = a.target_id WHERE u.code = 'PUSTU-UJI' ORDER BY a.id`,
  );
  expect(log.map((l) => l.action)).toEqual(["unit.create", "unit.update", "unit.deactivate", "unit.reactivate"]);
});

test("a kepala unit has no unit administration", async ({ browser }) => {
  const kepala = await signedInPage(browser, "kepala.dukcapil@suara.test");
  await expect(kepala.getByRole("link", { name: "Unit", exact: true })).toHaveCount(0);
  expect((await kepala.goto("/admin/unit"))?.status()).toBe(404);
  expect((await kepala.goto("/admin/unit/DISDUKCAPIL"))?.status()).toBe(404);
});
