import { expect, test, type Page } from "@playwright/test";
import { query } from "./support/db";

async function signIn(page: Page, email: string) {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("Suara-Demo-2026");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
}

test("an operator prints a poster, downloads QR codes and enrols a kiosk for their unit only", async ({ page }) => {
  await signIn(page, "operator.dukcapil@suara.test");
  await page.goto("/dasbor/unit/DUKCAPIL-CAPIL");
  const links = page.getByTestId("survey-links");
  await expect(links).toContainText("Akta Kelahiran");

  await links.getByRole("listitem").filter({ hasText: "Akta Kelahiran" }).getByRole("link", { name: "Poster" }).click();
  const poster = page.getByTestId("poster");
  await expect(poster.getByRole("heading", { level: 1 })).toHaveText("Bidang Pelayanan Pencatatan Sipil");
  await expect(poster).toContainText("Akta Kelahiran");
  await expect(poster).toContainText("Pindai kode QR ini dengan kamera ponsel Anda");
  await expect(poster).toContainText("/s/DUKCAPIL-CAPIL/LAHIR");
  await expect(poster.locator("svg")).toBeVisible();

  const svg = await page.request.get("/api/v1/units/DUKCAPIL-CAPIL/qr?format=svg&layanan=LAHIR");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toBe("image/svg+xml");
  expect(await svg.text()).toMatch(/^<svg[^>]*>/);
  const png = await page.request.get("/api/v1/units/DUKCAPIL-CAPIL/qr?format=png");
  expect(png.headers()["content-type"]).toBe("image/png");
  expect((await png.body()).subarray(1, 4).toString()).toBe("PNG");

  // Not for another unit, nor an unknown service.
  expect((await page.request.get("/api/v1/units/RSUD/qr?format=svg")).status()).toBe(404);
  expect((await page.request.get("/api/v1/units/DUKCAPIL-CAPIL/qr?layanan=NOPE")).status()).toBe(404);
  expect((await page.goto("/dasbor/unit/RSUD/poster"))!.status()).toBe(404);

  // Enrol a kiosk tablet, then open its link as the tablet would.
  await page.goto("/dasbor/unit/DUKCAPIL-CAPIL");
  await page.getByLabel("Nama perangkat kios").fill("Tablet loket akta");
  await page.getByRole("button", { name: "Daftarkan kios" }).click();
  // The tablet opens its link from a QR code (nobody types a 43-character token), or from a copied link.
  await expect(page.getByTestId("kiosk-qr").locator("svg")).toBeVisible();
  await expect(page.getByRole("img", { name: "Kode QR pendaftaran kios: pindai dengan tablet" })).toBeVisible();
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Salin tautan" }).click();
  await expect(page.getByText("Tautan disalin.")).toBeVisible();
  const link = (await page.getByTestId("kiosk-link").locator("code").textContent())!;
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link).toMatch(/\/kiosk\/DUKCAPIL-CAPIL#token=[A-Za-z0-9_-]{40,}$/);
  const rows = await query(`SELECT d.name FROM kiosk_device d JOIN unit u ON u.id = d.unit_id WHERE u.code = 'DUKCAPIL-CAPIL'`);
  expect(rows).toContainEqual({ name: "Tablet loket akta" });
  const tablet = await page.context().browser()!.newPage();
  await tablet.goto(new URL(link).pathname + new URL(link).hash);
  await expect(tablet.getByRole("heading", { name: "Bidang Pelayanan Pencatatan Sipil" })).toBeVisible();
  await expect(tablet.getByRole("button", { name: "Kirim penilaian" })).toBeVisible();
});

test("an operator prints one-time codes for receipts; each allows one verified response", async ({ page, browser }) => {
  await signIn(page, "operator.dukcapil@suara.test");
  await page.goto("/dasbor/unit/DUKCAPIL-CAPIL");
  await page.getByRole("link", { name: "Kode transaksi sekali pakai untuk struk" }).click();
  await page.getByLabel("Layanan").selectOption("KAWIN");
  await page.getByLabel("Jumlah kode").fill("3");
  await page.getByRole("button", { name: "Buat kode" }).click();
  await expect(page.getByTestId("token-code")).toHaveCount(3);
  const codes = await page.getByTestId("token-code").allTextContents();
  expect(codes).toHaveLength(3);
  expect(new Set(codes).size).toBe(3);
  await expect(page.getByTestId("token-sheet").locator("svg")).toHaveCount(3);

  const citizen = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  const send = async () => {
    await citizen.goto(`/s/DUKCAPIL-CAPIL/KAWIN?t=${codes[0]}&baru=1`);
    await citizen.getByRole("group", { name: /6\. Kompetensi Pelaksana/ }).getByText("Kompeten", { exact: true }).click();
    await citizen.getByRole("button", { name: "Kirim penilaian" }).click();
  };
  await send();
  await expect(citizen.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
  await send();
  await expect(citizen.getByTestId("form-errors")).toContainText("Kode transaksi ini sudah dipakai untuk mengisi survei.");
  const used = await query(
    `SELECT r.verified, s.code FROM transaction_token t JOIN response r ON r.id = t.response_id JOIN service s ON s.id = r.service_id WHERE t.token_hash = encode(sha256($1::bytea), 'hex')`,
    [codes[0]],
  );
  expect(used).toEqual([{ verified: true, code: "KAWIN" }]);
});

test("a kepala unit sees the dashboard but does not manage QR codes or kiosks", async ({ page }) => {
  await signIn(page, "kepala.dukcapil@suara.test");
  await page.goto("/dasbor/unit/DISDUKCAPIL");
  await expect(page.getByTestId("headline")).toBeVisible();
  await expect(page.getByTestId("survey-links")).toHaveCount(0);
  expect((await page.request.get("/api/v1/units/DISDUKCAPIL/qr")).status()).toBe(404);
});

test("an operator sees the unit's kiosk tablets, renames one and revokes it; the tablet says so at its next submit", async ({ page, browser }) => {
  await signIn(page, "operator.dukcapil@suara.test");
  await page.goto("/dasbor/unit/DUKCAPIL-CAPIL");
  const name = `Tablet cabut ${Date.now().toString(36)}`;
  await page.getByLabel("Nama perangkat kios").fill(name);
  await page.getByRole("button", { name: "Daftarkan kios" }).click();
  const link = (await page.getByTestId("kiosk-link-text").textContent())!;
  // Listed at once: who enrolled it, never seen yet, in use.
  const row = page.getByTestId("kiosk-device").filter({ hasText: name });
  await expect(row).toContainText("oleh Operator Dukcapil");
  await expect(row).toContainText("Belum pernah");
  await expect(row).toContainText("Aktif");

  // The tablet, another browser: it opens its link and checks in.
  const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true })).newPage();
  await tablet.goto(new URL(link).pathname + new URL(link).hash);
  await expect(tablet.getByRole("button", { name: "Kirim penilaian" })).toBeVisible();
  await expect.poll(async () => (await query<{ seen: boolean }>(`SELECT last_seen_at IS NOT NULL AS seen FROM kiosk_device WHERE name = $1`, [name]))[0]?.seen).toBe(true);
  await page.reload();
  await expect(row).not.toContainText("Belum pernah");

  // Renamed in place: an empty name is refused on its field, then the list shows the new one.
  await row.getByRole("button", { name: `Ubah nama ${name}` }).click();
  const field = row.getByLabel("Nama baru");
  await expect(field).toHaveValue(name);
  await field.fill("  ");
  await row.getByRole("button", { name: "Simpan" }).click();
  await expect(row.getByLabel("Nama baru")).toHaveAttribute("aria-invalid", "true");
  await expect(row.getByTestId("kiosk-rename-form")).toContainText("Wajib diisi.");
  const renamed = `${name} loket 2`;
  await row.getByLabel("Nama baru").fill(renamed);
  await row.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByTestId("kiosk-device").filter({ hasText: renamed }).getByRole("button", { name: `Ubah nama ${renamed}` })).toBeVisible();
  expect(await query<{ action: string; detail: { name: string; from: string } }>(`SELECT action, detail FROM audit_log WHERE action = 'kiosk.rename' ORDER BY id DESC LIMIT 1`)).toEqual([
    { action: "kiosk.rename", detail: { name: renamed, from: name } },
  ]);
  await query(`UPDATE kiosk_device SET name = $1 WHERE name = $2`, [name, renamed]);
  await page.reload();

  // Revoke, after a confirmation that names the tablet; cancelling first changes nothing.
  await row.getByRole("button", { name: `Cabut kios ${name}` }).click();
  await page.getByTestId("kiosk-revoke-confirm").getByRole("button", { name: "Batal" }).click();
  await row.getByRole("button", { name: `Cabut kios ${name}` }).click();
  await expect(row.getByTestId("kiosk-revoke-confirm")).toContainText(`Cabut pendaftaran ${name}?`);
  await row.getByRole("button", { name: "Ya, cabut" }).click();
  await expect(row).toContainText("Dicabut");
  await expect(row.getByRole("button")).toHaveCount(0);
  const [stored] = await query<{ revoked: boolean; audited: number }>(
    `SELECT d.revoked_at IS NOT NULL AS revoked, (SELECT count(*)::int FROM audit_log a WHERE a.action = 'kiosk.revoke' AND a.target_id = d.id::text) AS audited
       FROM kiosk_device d WHERE d.name = $1`,
    [name],
  );
  expect(stored).toEqual({ revoked: true, audited: 1 });

  // The person at the tablet answers: the tablet is told it is no longer enrolled, and keeps the answer.
  await tablet.getByRole("group", { name: "Layanan apa yang Anda terima hari ini?" }).getByText("Akta Kelahiran").click();
  await tablet.getByRole("group", { name: /1\. Persyaratan/ }).getByText("Sesuai", { exact: true }).click();
  await tablet.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(tablet.getByTestId("kiosk-revoked")).toBeVisible();
  await expect(tablet.getByRole("heading", { level: 1 })).toHaveText("Kios ini tidak lagi terdaftar");
  await expect(tablet.getByTestId("kiosk-revoked")).toContainText("1 jawaban yang belum terkirim tetap tersimpan di perangkat ini.");
});
