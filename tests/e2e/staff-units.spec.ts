import { expect, test } from "@playwright/test";
import { query } from "./support/db";
import { signedInPage } from "./support/session";

// An admin keeps the unit tree in the browser: finds a unit, adds a sub-unit, renames it, names its head,
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
  await expect(add.getByRole("alert")).toHaveText("Kode itu sudah dipakai unit lain, atau pernah menjadi kode unit lain dan masih mengarah ke sana.");
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

  // The head who signs its SKM report: a NIP one digit short is refused in words, the values kept;
  // 18 digits typed with the usual spaces are saved without them.
  await edit.getByLabel("Nama", { exact: true }).fill("dr. Rina Uji");
  await edit.getByLabel("Jabatan", { exact: true }).fill("Kepala Puskesmas Pembantu Uji");
  await edit.getByLabel("NIP", { exact: true }).fill("19800214 200501 2 00");
  await edit.getByRole("button", { name: "Simpan" }).click();
  await expect(edit.getByText("NIP harus terdiri dari tepat 18 angka (spasi boleh).")).toBeVisible();
  await expect(edit.getByLabel("Nama", { exact: true })).toHaveValue("dr. Rina Uji");
  await edit.getByLabel("NIP", { exact: true }).fill("19800214 200501 2 003");
  await edit.getByRole("button", { name: "Simpan" }).click();
  await expect(edit.getByRole("status")).toHaveText("Tersimpan.");
  await expect(edit.getByLabel("NIP", { exact: true })).toHaveValue("198002142005012003");
  expect(await query(`SELECT head_name, head_title, head_nip FROM unit WHERE code = 'PUSTU-UJI'`)).toEqual([
    { head_name: "dr. Rina Uji", head_title: "Kepala Puskesmas Pembantu Uji", head_nip: "198002142005012003" },
  ]);

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
  expect(log.map((l) => l.action)).toEqual(["unit.create", "unit.update", "unit.update", "unit.deactivate", "unit.reactivate"]);
});

test("a kepala unit has no unit administration", async ({ browser }) => {
  const kepala = await signedInPage(browser, "kepala.dukcapil@suara.test");
  await expect(kepala.getByRole("link", { name: "Unit", exact: true })).toHaveCount(0);
  expect((await kepala.goto("/admin/unit"))?.status()).toBe(404);
  expect((await kepala.goto("/admin/unit/DISDUKCAPIL"))?.status()).toBe(404);
});

test("an admin moves a unit with its sub-units and changes its code; the old QR link still opens its survey", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@suara.test");
  await admin.goto("/admin/unit/PKM-KARANGANYAR");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Puskesmas Karanganyar");

  // Moved under the kecamatan, after a confirmation.
  const move = admin.getByTestId("move-unit");
  admin.once("dialog", (d) => void d.accept());
  await move.getByLabel("Induk baru").selectOption("KEC-SUKAMAJU");
  await move.getByRole("button", { name: "Pindahkan" }).click();
  await expect(move.getByRole("status")).toHaveText("Unit dipindahkan.");
  await expect(admin.getByRole("link", { name: "Induk: Kecamatan Sukamaju" })).toBeVisible();

  // The kecamatan's dashboard counts it among its sub-units; the dinas's no longer does.
  await admin.goto("/dasbor/instansi?unit=KEC-SUKAMAJU");
  await expect(admin.getByTestId("unit-row-PKM-KARANGANYAR")).toBeVisible();
  await admin.goto("/dasbor/instansi?unit=DINKES");
  await expect(admin.getByTestId("unit-row-PKM-CIBODAS")).toBeVisible();
  await expect(admin.getByTestId("unit-row-PKM-KARANGANYAR")).toHaveCount(0);

  // A unit cannot be moved under its own subtree: those units are not offered.
  await admin.goto("/admin/unit/KEC-SUKAMAJU");
  const offered = await admin.getByTestId("move-unit").getByLabel("Induk baru").locator("option").allTextContents();
  expect(offered.some((o) => o.includes("PKM-KARANGANYAR") || o.includes("KEL-SUKAMAJU"))).toBe(false);
  expect(offered.some((o) => o.includes("DINKES"))).toBe(true);

  // A new code: one taken is refused on its field; then the page follows the unit to its new code.
  await admin.goto("/admin/unit/PKM-KARANGANYAR");
  const code = admin.getByTestId("change-code");
  await code.getByLabel("Kode baru").fill("rsud");
  await code.getByRole("button", { name: "Ganti kode" }).click();
  await expect(code.getByText("Kode itu sudah dipakai unit lain")).toBeVisible();
  await code.getByLabel("Kode baru").fill("pkm-karang");
  await code.getByRole("button", { name: "Ganti kode" }).click();
  await expect(admin).toHaveURL(/\/admin\/unit\/PKM-KARANG\?kode=baru$/);
  await expect(admin.getByTestId("change-code").getByRole("status")).toHaveText("Kode diganti menjadi PKM-KARANG.");
  await expect(admin.getByTestId("old-codes")).toContainText("PKM-KARANGANYAR");

  // The QR code printed before the change: its link redirects to the new code.
  const citizen = await (await browser.newContext()).newPage();
  const res = await citizen.request.get("/s/PKM-KARANGANYAR/UMUM", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers()["location"]).toMatch(/\/s\/PKM-KARANG\/UMUM$/);
  await citizen.goto("/s/pkm-karanganyar/UMUM");
  await expect(citizen).toHaveURL(/\/s\/PKM-KARANG\/UMUM$/);
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Puskesmas Karanganyar");
  // The admin's own old link leads on too.
  await admin.goto("/admin/unit/PKM-KARANGANYAR");
  await expect(admin).toHaveURL(/\/admin\/unit\/PKM-KARANG$/);

  const log = await query<{ action: string }>(
    `SELECT a.action FROM audit_log a JOIN unit u ON u.id::text = a.target_id WHERE u.code = 'PKM-KARANG' ORDER BY a.id`,
  );
  expect(log.map((l) => l.action)).toEqual(["unit.move", "unit.code_change"]);
});
