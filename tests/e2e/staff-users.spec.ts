import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { query } from "./support/db";
import { signedInPage } from "./support/session";

// An admin creates accounts from a CSV: a bad line is named by its number and nothing is
// created; fixed, the accounts are made and their one-time passwords shown once; one of the
// new users signs in with it and must choose a password. Only admins reach these screens.

test("an admin creates three accounts from a CSV, fixing a bad line first; one signs in and must change the password", async ({ browser }) => {
  const tag = randomUUID().slice(0, 8);
  const emails = ["siti", "budi", "dewi"].map((n) => `${n}-${tag}@pkm.test`);
  const admin = await signedInPage(browser, "admin@suara.test");
  await admin.goto("/admin/pengguna");

  // No role is preselected; creating an account without one is an error on the role's field.
  const create = admin.getByTestId("create-user");
  await expect(create.getByLabel("Peran", { exact: true })).toHaveValue("");
  await create.getByLabel("Email", { exact: true }).fill(`tanpa-${tag}@pkm.test`);
  await create.getByLabel("Nama", { exact: true }).fill("Tanpa Peran");
  await create.getByRole("button", { name: "Buat akun" }).click();
  await expect(create.getByLabel("Peran", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(create.getByText("Pilih peran.", { exact: true })).toBeVisible();
  await expect(create.getByLabel("Email", { exact: true })).toHaveValue(`tanpa-${tag}@pkm.test`);
  await expect(admin.getByTestId("temporary-password")).toHaveCount(0);
  // Roles read as words, and the chosen one says what it may do.
  await create.getByLabel("Peran", { exact: true }).selectOption("OPERATOR");
  await expect(create.getByText("Memasukkan kuesioner kertas, mengelola kios dan mencetak poster QR unitnya.")).toBeVisible();
  await expect(create.getByLabel("Peran", { exact: true }).locator("option")).toHaveText(["Pilih peran", "Admin", "Pimpinan", "Kepala unit", "Operator"]);

  await admin.getByRole("link", { name: "Buat banyak akun dari CSV" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Buat banyak akun dari CSV");
  const form = admin.getByTestId("import-users");
  await expect(form.getByLabel("Peran", { exact: true })).toHaveValue("");
  const file = `\uFEFFNama;Email\r\nSiti Aminah;${emails[0]}\r\nBudi Santoso;budi-${tag}@\r\nDewi Lestari;${emails[2]}\r\n`;
  await form.getByLabel("Atau unggah berkas CSV").setInputFiles({ name: "akun.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await form.getByLabel("Unit", { exact: true }).selectOption("PKM-CIBODAS");
  await form.getByLabel("Peran", { exact: true }).selectOption("OPERATOR");
  await form.getByRole("button", { name: "Periksa daftar" }).click();
  const problems = admin.getByTestId("csv-problems");
  await expect(problems).toContainText("1 baris perlu diperbaiki. Belum ada akun yang dibuat.");
  await expect(problems.getByRole("listitem")).toHaveText(["Baris 3: alamat email tidak benar."]);
  expect(await query(`SELECT 1 FROM "user" WHERE email LIKE $1`, [`%-${tag}@pkm.test`])).toEqual([]);

  // The file's text is in the box to be fixed; the unit and role stay chosen.
  const list = form.getByLabel("Daftar nama dan email");
  await expect(list).toHaveValue(file.replace("\uFEFF", "").replace(/\r\n/g, "\n"));
  await list.fill(`Nama;Email\nSiti Aminah;${emails[0]}\nBudi Santoso;${emails[1]}\nDewi Lestari;${emails[2]}\n`);
  await expect(form.getByLabel("Unit", { exact: true })).toHaveValue("PKM-CIBODAS");
  await form.getByRole("button", { name: "Periksa daftar" }).click();
  const preview = admin.getByTestId("import-preview");
  await expect(preview).toContainText("3 akun siap dibuat sebagai Operator pada Puskesmas Cibodas:");
  await preview.getByRole("button", { name: "Buat 3 akun" }).click();

  // The one-time passwords, once: on this answer and in its download, nowhere else.
  const done = admin.getByTestId("import-done");
  await expect(done.getByRole("status")).toContainText("3 akun dibuat.");
  const table = done.getByTestId("created-accounts");
  await expect(table.locator("tbody tr")).toHaveCount(3);
  const passwords = await table.locator("tbody code").allTextContents();
  expect(passwords).toHaveLength(3);
  for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{15}$/);
  const href = (await done.getByRole("link", { name: "Unduh kata sandi sementara (CSV)" }).getAttribute("href"))!;
  const download = decodeURIComponent(href.replace(/^data:text\/csv;charset=utf-8,/, ""));
  expect(download.split("\r\n").filter(Boolean)).toEqual(['\uFEFF"Nama";"Email";"Kata sandi sementara"', ...emails.map((e, i) => `"${["Siti Aminah", "Budi Santoso", "Dewi Lestari"][i]}";"${e}";"${passwords[i]}"`)]);
  const stored = await query<{ email: string; password_hash: string; must_change_password: boolean; role: string }>(
    `SELECT u.email, u.password_hash, u.must_change_password, r.role::text FROM "user" u JOIN role_assignment r ON r.user_id = u.id WHERE u.email LIKE $1 ORDER BY u.email`,
    [`%-${tag}@pkm.test`],
  );
  expect(stored.map((s) => [s.email, s.must_change_password, s.role])).toEqual([...emails].sort().map((e) => [e, true, "OPERATOR"]));
  for (const s of stored) for (const p of passwords) expect(s.password_hash).not.toContain(p);
  await admin.reload();
  await expect(admin.getByTestId("import-users")).toBeVisible();
  await expect(admin.getByTestId("import-done")).toHaveCount(0);

  // The new accounts are in the list, by the unit their role is on.
  await admin.goto("/admin/pengguna?unit=PKM-CIBODAS");
  await expect(admin.getByTestId("user-count")).toContainText("dengan peran pada Puskesmas Cibodas");
  for (const e of emails) await expect(admin.getByTestId("user-table")).toContainText(e);

  // Dewi signs in with her one-time password and must choose her own before anything else.
  const dewi = await (await browser.newContext()).newPage();
  await dewi.goto("/masuk");
  await dewi.getByLabel("Email").fill(emails[2]!);
  await dewi.getByLabel("Kata sandi").fill(passwords[2]!);
  await dewi.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(dewi).toHaveURL(/\/akun\/kata-sandi$/);
  expect((await dewi.goto("/dasbor"))!.url()).toMatch(/\/akun\/kata-sandi$/);
  const chosen = `Cibodas-${tag}-sehat`;
  await dewi.getByLabel("Kata sandi saat ini").fill(passwords[2]!);
  await dewi.getByLabel("Kata sandi baru (minimal 10 karakter)").fill(chosen);
  await dewi.getByLabel("Ulangi kata sandi baru").fill(chosen);
  await dewi.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(dewi).toHaveURL(/\/masuk\?changed=1$/);
  await dewi.getByLabel("Email").fill(emails[2]!);
  await dewi.getByLabel("Kata sandi").fill(chosen);
  await dewi.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(dewi).toHaveURL(/\/dasbor$/);
});

test("the list follows the unit tree, and the role forms say what is missing on their fields", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@suara.test");
  await admin.goto("/admin/pengguna");
  const filter = admin.getByTestId("user-filter");
  await filter.getByLabel("Unit tempat perannya").selectOption("DISDUKCAPIL");
  await filter.getByRole("button", { name: "Tampilkan" }).click();
  await expect(admin).toHaveURL(/unit=DISDUKCAPIL/);
  await expect(admin.getByTestId("user-count")).toHaveText(/^\d+ pengguna dengan peran pada Dinas Kependudukan dan Pencatatan Sipil$/);
  const table = admin.getByTestId("user-table");
  await expect(table).toContainText("kepala.dukcapil@suara.test");
  await expect(table).not.toContainText("admin@suara.test");

  // The role forms: nothing chosen is an error on each field, in words; the last role stays.
  await table.getByRole("link", { name: "Operator Dukcapil" }).click();
  const assign = admin.getByTestId("assign-role");
  await expect(assign.getByLabel("Peran", { exact: true })).toHaveValue("");
  await assign.getByRole("button", { name: "Tambah peran" }).click();
  await expect(assign.getByText("Pilih peran.", { exact: true })).toBeVisible();
  await expect(assign.getByText("Pilih unit.", { exact: true })).toBeVisible();
  await admin.getByRole("button", { name: "Cabut: Operator · Dinas Kependudukan dan Pencatatan Sipil" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "peran terakhir" })).toHaveText("Ini peran terakhir pengguna itu. Tambahkan peran lain dulu, atau nonaktifkan akunnya.");
  await expect(admin.getByTestId("role-list")).toContainText("Operator · Dinas Kependudukan dan Pencatatan Sipil");
});

test("a kepala unit and an operator have no user administration", async ({ browser }) => {
  for (const email of ["kepala.dukcapil@suara.test", "operator.dukcapil@suara.test"]) {
    const page = await signedInPage(browser, email);
    await expect(page.getByRole("link", { name: "Pengguna", exact: true })).toHaveCount(0);
    expect((await page.goto("/admin/pengguna"))?.status()).toBe(404);
    expect((await page.goto("/admin/pengguna/impor"))?.status()).toBe(404);
    expect((await page.goto("/admin/pengguna?unit=DISDUKCAPIL&bawah=1"))?.status()).toBe(404);
  }
});
