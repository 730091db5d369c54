import { createHash, randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import Papa from "papaparse";
import { query } from "./support/db";

const PASSWORD = "Suara-Demo-2026";

async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
}

async function asUser(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/dasbor$/);
  return { context, page };
}

test("the demo kepala unit sees their units, and another unit's dashboard and export are not found", async ({ page }) => {
  await page.goto("/dasbor/unit/DISDUKCAPIL");
  await expect(page).toHaveURL(/\/masuk\?next=%2Fdasbor%2Funit%2FDISDUKCAPIL$/);
  await page.getByLabel("Email").fill("kepala.dukcapil@suara.test");
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page.getByTestId("unit-name")).toHaveText("Dinas Kependudukan dan Pencatatan Sipil");
  await expect(page.getByTestId("headline-konversi")).toHaveText(/^\d{2},\d{2}$/);

  await page.goto("/dasbor");
  const list = page.getByTestId("unit-list");
  await expect(list.getByRole("link")).toHaveText([
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Bidang Pelayanan Pencatatan Sipil",
    "Bidang Pelayanan Pendaftaran Penduduk",
    "UPT Dukcapil Wilayah Utara",
  ]);

  // By hand: another unit's URLs.
  for (const code of ["RSUD", "KAB-SUKAMAJU", "DINKES"]) {
    expect((await page.goto(`/dasbor/unit/${code}`))!.status()).toBe(404);
    expect((await page.request.get(`/api/v1/units/${code}/responses.csv`)).status()).toBe(404);
    expect((await page.request.get(`/dasbor/unit/${code}/tabulasi.xlsx`)).status()).toBe(404);
    expect((await page.request.get(`/dasbor/unit/${code}/tabulasi.csv`)).status()).toBe(404);
  }
  // Same answer as for a unit that does not exist.
  expect((await page.goto("/dasbor/unit/TIDAK-ADA"))!.status()).toBe(404);

  const own = await page.request.get("/api/v1/units/DUKCAPIL-CAPIL/responses.csv");
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toContain("text/csv");
  const lines = Papa.parse<string[]>(await own.text(), { delimiter: ";", skipEmptyLines: true }).data.map((cells) => cells.map((c) => `"${c}"`).join(";"));
  // With no query, the view the dashboard opens on: the last completed triwulan, on the agency's clock (WIB).
  const [row] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM response r JOIN unit u ON u.id = r.unit_id
      WHERE u.code = 'DUKCAPIL-CAPIL'
        AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta') >= date_trunc('quarter', now() AT TIME ZONE 'Asia/Jakarta') - interval '3 months'
        AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta') < date_trunc('quarter', now() AT TIME ZONE 'Asia/Jakarta')`,
  );
  expect(lines.length - 1).toBe(row!.n); // header + one line per response
  expect(lines[0]).toContain('"No";"Waktu (Asia/Jakarta)";"Kode unit";"Unit";"Layanan";"Kanal";"Kuesioner";"U1 Persyaratan"');

  // The tabulation of the same view: a workbook (zip), and the CSV in both dialects.
  const xlsx = await page.request.get("/dasbor/unit/DUKCAPIL-CAPIL/tabulasi.xlsx");
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  const comma = await page.request.get("/dasbor/unit/DUKCAPIL-CAPIL/tabulasi.csv?pemisah=koma");
  expect(comma.status()).toBe(200);
  expect((await comma.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toBe('"No","U1","U2","U3","U4","U5","U6","U7","U8","U9"');
  expect((await page.request.get("/dasbor/unit/DUKCAPIL-CAPIL/tabulasi.csv?pemisah=tab")).status()).toBe(400);

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk/);
  expect((await page.request.get("/api/v1/units/DUKCAPIL-CAPIL/responses.csv")).status()).toBe(404);
});

test("every role, on every route that serves agency data: allowed or 404", async ({ browser }) => {
  const routes = (code: string) => [`/dasbor/unit/${code}`, `/api/v1/units/${code}/responses.csv`];
  const cases: [string, string, boolean, boolean][] = [
    // account, unit, may see counts page, may see dashboard data
    ["admin@suara.test", "RSUD", true, true],
    ["pimpinan@suara.test", "DUKCAPIL-DAFDUK", true, true],
    ["kepala.dukcapil@suara.test", "DUKCAPIL-DAFDUK", true, true], // child
    ["kepala.dukcapil@suara.test", "KAB-SUKAMAJU", false, false], // parent
    ["kepala.dukcapil@suara.test", "DINKES", false, false], // sibling
    ["operator.dukcapil@suara.test", "DISDUKCAPIL", true, false], // counts only
    ["operator.dukcapil@suara.test", "UPT-DUKCAPIL-UTARA", true, false],
    ["operator.dukcapil@suara.test", "PKM-SUKAMAJU", false, false],
  ];
  const sessions = new Map<string, Page>();
  for (const [email, code, page, data] of cases) {
    if (!sessions.has(email)) sessions.set(email, (await asUser(browser, email)).page);
    const p = sessions.get(email)!;
    const [pageRoute, csvRoute] = routes(code);
    expect((await p.request.get(pageRoute!)).status(), `${email} ${pageRoute}`).toBe(page ? 200 : 404);
    expect((await p.request.get(csvRoute!)).status(), `${email} ${csvRoute}`).toBe(data ? 200 : 404);
    if (page) {
      const html = await (await p.request.get(pageRoute!)).text();
      expect(html.includes('data-testid="headline"'), `${email} sees IKM on ${code}`).toBe(data);
    }
  }
  for (const email of ["kepala.dukcapil@suara.test", "operator.dukcapil@suara.test", "pimpinan@suara.test"]) {
    expect((await sessions.get(email)!.request.get("/admin/pengguna")).status()).toBe(404);
    expect((await sessions.get(email)!.request.get("/admin/audit")).status()).toBe(404);
  }
});

test("a wrong password is refused, and repeated tries from one device are throttled with a clear message", async ({ page }) => {
  const email = `throttle-${randomUUID().slice(0, 8)}@suara.test`;
  await query(`INSERT INTO "user" (id, email, name, password_hash) SELECT gen_random_uuid(), $1, 'Uji', password_hash FROM "user" WHERE email = 'operator.dukcapil@suara.test'`, [email]);
  await signIn(page, email, "salah-sekali-123");
  await expect(page.getByTestId("login-error")).toHaveText("Email atau kata sandi salah, atau akun tidak aktif.");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  for (let i = 0; i < 4; i++) await signIn(page, email, `salah-${i}-xxxxxxxx`);
  await signIn(page, email, PASSWORD); // right password, but too many tries
  await expect(page.getByTestId("login-error")).toHaveText(
    "Terlalu banyak percobaan masuk yang salah untuk akun ini dari perangkat ini. Coba lagi dalam 1 menit.",
  );
  const log = await query<{ action: string }>(`SELECT action FROM audit_log WHERE actor_email = $1 ORDER BY id`, [email]);
  expect(log.map((l) => l.action)).toEqual([...Array(5).fill("auth.signin.failure"), "auth.signin.throttled"]);
});

test("signing out ends the session: a copy of its cookie opens neither the dashboard nor a QR code", async ({ browser }) => {
  const { context, page } = await asUser(browser, "operator.dukcapil@suara.test");
  const copied = await context.cookies();
  expect(copied.some((c) => c.name.includes("session-token"))).toBe(true);
  expect((await page.request.get("/api/v1/units/DISDUKCAPIL/qr")).status()).toBe(200);

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk/);

  // Someone who copied the cookie before (another browser, another instance) gets nothing with it.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/dasbor");
  await expect(stolen).toHaveURL(/\/masuk\?next=%2Fdasbor$/);
  expect((await stolen.request.get("/api/v1/units/DISDUKCAPIL/qr")).status()).toBe(404);
  await thief.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("signing in works as a plain form", async ({ page }) => {
    await signIn(page, "pimpinan@suara.test");
    await expect(page).toHaveURL(/\/dasbor$/);
    await expect(page.getByTestId("signed-in-as")).toHaveText("Sekretaris Daerah");
  });
});

test("an admin creates a user, who must replace the temporary password; the change signs out every session", async ({ browser, page }) => {
  const { page: admin } = await asUser(browser, "admin@suara.test");
  const email = `baru-${randomUUID().slice(0, 8)}@suara.test`;
  await admin.goto("/admin/pengguna");
  await admin.getByLabel("Email", { exact: true }).fill(email);
  await admin.getByLabel("Nama", { exact: true }).fill("Kepala Puskesmas Baru");
  await admin.getByLabel("Peran", { exact: true }).selectOption("KEPALA_UNIT");
  await admin.getByLabel("Unit", { exact: true }).selectOption("PKM-CIBODAS");
  await admin.getByRole("button", { name: "Buat akun" }).click();
  const temporary = (await admin.getByTestId("temporary-password").locator("code").textContent())!;
  expect(temporary.length).toBeGreaterThanOrEqual(16);

  // A second device signed in with the temporary password...
  const other = await (await browser.newContext()).newPage();
  await signIn(other, email, temporary);
  await expect(other).toHaveURL(/\/akun\/kata-sandi$/);

  await signIn(page, email, temporary);
  await expect(page).toHaveURL(/\/akun\/kata-sandi$/);
  await expect(page.getByRole("status")).toContainText("Anda harus mengganti kata sandi sementara");
  expect((await page.goto("/dasbor/unit/PKM-CIBODAS"))!.url()).toMatch(/\/akun\/kata-sandi$/);
  await page.getByLabel("Kata sandi saat ini").fill(temporary);
  await page.getByLabel("Kata sandi baru (minimal 10 karakter)").fill("bismillah123");
  await page.getByLabel("Ulangi kata sandi baru").fill("bismillah123");
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Kata sandi" })).toHaveText("Kata sandi itu terlalu umum dan mudah ditebak. Pilih yang lain.");
  const good = `Cibodas-${randomUUID().slice(0, 6)}-sehat`;
  await page.getByLabel("Kata sandi saat ini").fill(temporary);
  await page.getByLabel("Kata sandi baru (minimal 10 karakter)").fill(good);
  await page.getByLabel("Ulangi kata sandi baru").fill(good);
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page).toHaveURL(/\/masuk\?changed=1$/);

  // ...is signed out too.
  expect((await other.goto("/dasbor"))!.url()).toMatch(/\/masuk/);
  await signIn(page, email, good);
  await expect(page).toHaveURL(/\/dasbor$/);
  await expect(page.getByTestId("unit-list").getByRole("link")).toHaveText(["Puskesmas Cibodas"]);

  // Every step is in the audit log, which the admin can read.
  await admin.goto("/admin/audit");
  const table = admin.getByTestId("audit-table");
  await expect(table).toContainText("Membuat akun");
  await expect(table).toContainText("Mengganti kata sandi sendiri");
  await expect(table).toContainText("Masuk");
  void createHash;
});

test("an admin deactivates a user, whose session ends at once", async ({ browser }) => {
  const email = `nonaktif-${randomUUID().slice(0, 8)}@suara.test`;
  const [created] = await query<{ id: string }>(
    `INSERT INTO "user" (id, email, name, password_hash) SELECT gen_random_uuid(), $1, 'Akan Nonaktif', password_hash FROM "user" WHERE email = 'operator.dukcapil@suara.test' RETURNING id`,
    [email],
  );
  const id = created!.id;
  await query(`INSERT INTO role_assignment (id, user_id, unit_id, role) SELECT gen_random_uuid(), $1, id, 'OPERATOR' FROM unit WHERE code = 'RSUD'`, [id]);
  const { page: user } = await asUser(browser, email);
  const { page: admin } = await asUser(browser, "admin@suara.test");
  await admin.goto(`/admin/pengguna/${id}`);
  await admin.getByRole("button", { name: "Nonaktifkan", exact: true }).click();
  await expect(admin.getByRole("button", { name: "Aktifkan", exact: true })).toBeVisible();
  expect(await query(`SELECT active FROM "user" WHERE id = $1`, [id])).toEqual([{ active: false }]);
  expect((await user.goto("/dasbor"))!.url()).toMatch(/\/masuk/);
  await signIn(user, email);
  await expect(user.getByTestId("login-error")).toBeVisible();
});
