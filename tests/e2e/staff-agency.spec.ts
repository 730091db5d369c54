import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { printedSetupCode, startFreshServer, type FreshServer } from "./support/fresh-server";

// Issue 12's "done when", as an agency lives it: a server started with SUARA_SEED=never on an
// empty database; whoever runs it claims the setup with the printed code, and the admin sets
// up the agency in the browser alone: settings, three levels of units, services, a custom
// questionnaire (a Zona Integritas perception survey on 1..6) and a unit on KepmenPAN 25/2004;
// citizens answer on each unit; a unit moves and its parents' figures follow; a code changes
// and the old QR link still opens the survey. Then last triwulan is closed, published and
// withdrawn, and a kepala unit and an operator find none of these screens.

let fresh: FreshServer;
let base: string;
const ADMIN = { email: "admin@uji.go.id", password: "Pelayanan-Prima-2026" };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // Behind a proxy on this machine, so each citizen comes from an address of their own (six
  // answers from one address within minutes would rightly be marked suspicious).
  fresh = await startFreshServer("agency", { SUARA_TRUSTED_PROXIES: "127.0.0.1,::1" });
  base = fresh.base;
});

test.afterAll(async () => {
  await fresh?.stop();
});

async function signIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: base })).newPage();
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
  return page;
}

let citizens = 0;

/** A citizen (an address of their own) answers every item of the unit's form with the option at `pick` (0 = the lowest). */
async function citizenAnswers(browser: Browser, code: string, pick: number, items = 9) {
  citizens += 1;
  const page = await (await browser.newContext({ baseURL: base, extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${citizens}` } })).newPage();
  await page.goto(`/s/${code}`);
  const groups = page.locator("fieldset:has(input[name^='a_'])");
  await expect(groups).toHaveCount(items);
  for (let i = 0; i < items; i++) await groups.nth(i).locator("label:has(input[type=radio])").nth(pick).click();
  const services = page.locator("fieldset#service");
  if (await services.count()) await services.locator("label:has(input[type=radio])").first().click();
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${code}/terima-kasih`));
  await page.context().close();
}

async function addUnit(admin: Page, parent: string, unit: { code: string; name: string; kind: string }) {
  await admin.goto(`/admin/unit/${parent}`);
  const add = admin.getByTestId("create-unit");
  await add.getByLabel("Kode").fill(unit.code);
  await add.getByLabel("Nama unit").fill(unit.name);
  await add.getByLabel("Jenis").selectOption(unit.kind);
  await add.getByRole("button", { name: "Tambah" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Unit ${unit.code} dibuat.` })).toBeVisible();
}

/** The running triwulan's key on the agency's clock (WITA). A run across a triwulan's first minute would read two; none is planned. */
const runningQuarter = () => {
  const now = new Date(Date.now() + 8 * 3600_000);
  return `${now.getUTCFullYear()}-T${Math.floor(now.getUTCMonth() / 3) + 1}`;
};

/** Respondents on the agency dashboard's row for a unit (its subtree pooled), in the running triwulan. */
async function rowRespondents(admin: Page, parent: string, code: string): Promise<string> {
  await admin.goto(`/dasbor/instansi?unit=${parent}&tingkat=anak&periode=${runningQuarter()}`);
  return (await admin.getByTestId(`unit-row-${code}`).locator("td.num").nth(1).innerText()).trim();
}

test("an agency starts from an empty database and sets itself up in the browser", async ({ browser }) => {
  test.setTimeout(240_000);
  // Claimed with the code the server printed.
  const code = printedSetupCode(fresh.server);
  expect(code, fresh.server.output()).toBeTruthy();
  const setup = await (await browser.newContext({ baseURL: base })).newPage();
  await setup.goto("/pasang");
  await setup.getByLabel("Kode penyiapan").fill(code!);
  await setup.getByLabel("Nama instansi").fill("Pemerintah Kabupaten Uji");
  await setup.getByLabel("Kode unit induk").fill("kab-uji");
  await setup.getByLabel("Nama admin").fill("Admin Uji");
  await setup.getByLabel("Email admin").fill(ADMIN.email);
  await setup.getByLabel("Kata sandi admin").fill(ADMIN.password);
  await setup.getByRole("button", { name: "Siapkan instansi" }).click();
  await expect(setup.getByRole("status")).toContainText("Instansi siap.");

  const admin = await signIn(browser, ADMIN.email, ADMIN.password);
  // The agency's settings: its clock (WITA) and its rhythm (triwulan).
  await admin.getByRole("link", { name: "Pengaturan instansi" }).click();
  await admin.getByLabel("Zona waktu").selectOption("Asia/Makassar");
  await admin.getByRole("radio", { name: "Triwulan" }).check();
  await admin.getByRole("button", { name: "Simpan" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Pengaturan tersimpan." })).toBeVisible();

  // Three levels of units.
  await addUnit(admin, "KAB-UJI", { code: "DINAS-A", name: "Dinas Alfa", kind: "DINAS" });
  await addUnit(admin, "KAB-UJI", { code: "DINAS-B", name: "Dinas Beta", kind: "DINAS" });
  await addUnit(admin, "DINAS-A", { code: "BIDANG-A1", name: "Bidang Alfa Satu", kind: "BIDANG" });
  await addUnit(admin, "DINAS-B", { code: "BIDANG-B1", name: "Bidang Beta Satu", kind: "BIDANG" });

  // A service on the bidang.
  await admin.goto("/dasbor/unit/BIDANG-A1/layanan");
  const add = admin.getByTestId("create-service");
  await add.getByLabel("Kode").fill("izin");
  await add.getByLabel("Nama", { exact: true }).fill("Perizinan Usaha");
  await add.getByRole("button", { name: "Tambah" }).click();
  await expect(add.getByRole("status")).toHaveText("Layanan ditambahkan.");

  // A Zona Integritas perception survey as a custom template (1..6), chosen by Dinas Gamma;
  // its bidang inherits it. UPT Delta asks the KepmenPAN 25/2004 questionnaire.
  await addUnit(admin, "KAB-UJI", { code: "DINAS-C", name: "Dinas Gamma", kind: "DINAS" });
  await addUnit(admin, "DINAS-C", { code: "BIDANG-C1", name: "Bidang Gamma Satu", kind: "BIDANG" });
  await addUnit(admin, "KAB-UJI", { code: "UPT-D", name: "UPT Delta", kind: "UPT" });
  await admin.getByRole("link", { name: "Kuesioner", exact: true }).click();
  const create = admin.getByTestId("create-template");
  await create.getByLabel("Mulai dari").selectOption("zi-spkp");
  await create.getByLabel("Kunci").fill("spkp-gamma");
  await create.getByLabel("Nama (Indonesia)").fill("SPKP Dinas Gamma");
  await create.getByLabel("Nama (English)").fill("Service quality perception, Gamma");
  await create.getByRole("button", { name: "Buat" }).click();
  await expect(admin).toHaveURL(/\/admin\/kuesioner\/spkp-gamma$/);
  const editor = admin.getByTestId("draft-editor");
  await expect(editor.getByLabel("Skor tertinggi")).toHaveValue("6");
  await editor.getByTestId("item-0").getByLabel("Pertanyaan (Indonesia)").fill("Informasi pelayanan Dinas Gamma mudah didapat.");
  await editor.getByRole("button", { name: "Simpan draf" }).click();
  await expect(editor.getByRole("status")).toHaveText("Draf tersimpan.");
  admin.once("dialog", (d) => void d.accept());
  await admin.getByRole("button", { name: "Terbitkan versi 1" }).click();
  await expect(admin.getByRole("button", { name: "Mulai draf versi 2" })).toBeVisible();
  for (const [unit, template] of [["DINAS-C", "spkp-gamma"], ["UPT-D", "kepmenpan-25-2004"]] as const) {
    await admin.goto(`/admin/unit/${unit}`);
    await admin.getByLabel("Kuesioner unit ini").selectOption(template);
    await admin.getByRole("button", { name: "Simpan pilihan" }).click();
    await expect(admin.getByTestId("unit-template-form").getByRole("status")).toHaveText("Pilihan kuesioner tersimpan.");
  }
  await admin.goto("/admin/unit/BIDANG-C1");
  await expect(admin.getByTestId("unit-template-status")).toHaveText("Mengikuti Dinas Gamma: SPKP Dinas Gamma");

  // A citizen answers on each unit, each on the questionnaire the unit asks.
  for (const [unit, pick, items] of [
    ["KAB-UJI", 3, 9],
    ["DINAS-A", 2, 9],
    ["DINAS-B", 3, 9],
    ["BIDANG-A1", 1, 9],
    ["BIDANG-A1", 2, 9],
    ["BIDANG-B1", 3, 9],
    ["DINAS-C", 5, 8],
    ["BIDANG-C1", 3, 8],
    ["UPT-D", 2, 14],
  ] as const) {
    await citizenAnswers(browser, unit, pick, items);
  }
  const gamma = admin.getByText("Informasi pelayanan Dinas Gamma mudah didapat.");
  await admin.goto("/s/BIDANG-C1");
  await expect(gamma).toBeVisible();
  // Dinas Gamma's index on its own 1..6 scale: answers 6 and 4 on every item, (5 - 1) / 5 * 75 + 25 = 85.
  await admin.goto(`/dasbor/instansi?unit=KAB-UJI&tingkat=anak&periode=${runningQuarter()}`);
  await expect(admin.getByTestId("unit-row-DINAS-C").locator("td.num").nth(0)).toHaveText("85,00");
  await expect(admin.getByTestId("unit-row-DINAS-C").locator("td.num").nth(1)).toHaveText("2");
  await expect(admin.getByTestId("unit-row-UPT-D").locator("td.num").nth(1)).toHaveText("1");

  // The pooled figures: Dinas Alfa counts its bidang's two respondents with its own one.
  expect(await rowRespondents(admin, "KAB-UJI", "DINAS-A")).toBe("3");
  expect(await rowRespondents(admin, "KAB-UJI", "DINAS-B")).toBe("2");

  // Bidang Alfa Satu moves to Dinas Beta: both dinas' figures follow.
  await admin.goto("/admin/unit/BIDANG-A1");
  admin.once("dialog", (d) => void d.accept());
  await admin.getByTestId("move-unit").getByLabel("Induk baru").selectOption("DINAS-B");
  await admin.getByTestId("move-unit").getByRole("button", { name: "Pindahkan" }).click();
  await expect(admin.getByTestId("move-unit").getByRole("status")).toHaveText("Unit dipindahkan.");
  expect(await rowRespondents(admin, "KAB-UJI", "DINAS-A")).toBe("1");
  expect(await rowRespondents(admin, "KAB-UJI", "DINAS-B")).toBe("4");

  // A new code for the bidang: the QR link printed with the old one still opens its survey.
  await admin.goto("/admin/unit/BIDANG-A1");
  await admin.getByTestId("change-code").getByLabel("Kode baru").fill("BIDANG-B2");
  await admin.getByTestId("change-code").getByRole("button", { name: "Ganti kode" }).click();
  await expect(admin).toHaveURL(/\/admin\/unit\/BIDANG-B2\?kode=baru$/);
  const citizen = await (await browser.newContext({ baseURL: base })).newPage();
  await citizen.goto("/s/BIDANG-A1/IZIN");
  await expect(citizen).toHaveURL(/\/s\/BIDANG-B2\/IZIN$/);
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Bidang Alfa Satu");

  if (fresh.databaseUrl) {
    const c = new pg.Client({ connectionString: fresh.databaseUrl });
    await c.connect();
    try {
      const { rows } = await c.query(`SELECT u.code, count(r.id)::int AS n FROM unit u LEFT JOIN response r ON r.unit_id = u.id GROUP BY u.code ORDER BY u.code`);
      expect(rows).toEqual([
        { code: "BIDANG-B1", n: 1 },
        { code: "BIDANG-B2", n: 2 },
        { code: "BIDANG-C1", n: 1 },
        { code: "DINAS-A", n: 1 },
        { code: "DINAS-B", n: 1 },
        { code: "DINAS-C", n: 1 },
        { code: "KAB-UJI", n: 1 },
        { code: "UPT-D", n: 1 },
      ]);
    } finally {
      await c.end();
    }
  }
});

/** The triwulan before the running one: ended, so it can be closed and published. */
const lastQuarter = () => {
  const now = new Date(Date.now() + 8 * 3600_000);
  const q = Math.floor(now.getUTCMonth() / 3); // 0-based index of the running quarter
  return q === 0 ? { year: now.getUTCFullYear() - 1, number: 4 } : { year: now.getUTCFullYear(), number: q };
};

/** A staff account the admin creates on a unit: its temporary password, then the user's own. */
async function createAccount(admin: Page, browser: Browser, who: { email: string; name: string; role: string; unit: string }): Promise<Page> {
  await admin.goto("/admin/pengguna");
  const create = admin.getByTestId("create-user");
  await create.getByLabel("Email", { exact: true }).fill(who.email);
  await create.getByLabel("Nama", { exact: true }).fill(who.name);
  await create.getByLabel("Peran", { exact: true }).selectOption(who.role);
  await create.getByLabel("Unit", { exact: true }).selectOption(who.unit);
  await create.getByRole("button", { name: "Buat akun" }).click();
  const temporary = (await admin.getByTestId("temporary-password").locator("code").innerText()).trim();
  const page = await (await browser.newContext({ baseURL: base })).newPage();
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Kata sandi").fill(temporary);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/akun\/kata-sandi$/);
  const own = `${who.name.replace(/\W/g, "")}-Sendiri-2026`;
  await page.getByLabel("Kata sandi saat ini").fill(temporary);
  await page.getByLabel("Kata sandi baru (minimal 10 karakter)").fill(own);
  await page.getByLabel("Ulangi kata sandi baru").fill(own);
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page).toHaveURL(/\/masuk\?changed=1$/);
  await page.context().close();
  return signIn(browser, who.email, own);
}

test("the agency publishes a completed triwulan, withdraws it, and its staff cannot administer", async ({ browser }) => {
  test.setTimeout(240_000);
  test.skip(!fresh.databaseUrl, "needs the suite's PostgreSQL server: last triwulan's paper questionnaires are written with SQL");
  const admin = await signIn(browser, ADMIN.email, ADMIN.password);
  const q = lastQuarter();
  const key = `${q.year}-T${q.number}`;

  // Last triwulan's paper questionnaires, as the import (issue 15) will bring them: written
  // straight into the database, on the unit's questionnaire, in the middle of the quarter.
  const c = new pg.Client({ connectionString: fresh.databaseUrl! });
  await c.connect();
  try {
    await c.query(
      `INSERT INTO response (id, unit_id, template_version_id, channel, submitted_at, answers, idempotency_key)
       SELECT gen_random_uuid(), u.id, v.id, 'PAPER', make_timestamptz($1, $2 * 3 - 1, 15, 10, 0, 0, 'Asia/Makassar') + g * interval '1 hour',
              jsonb_build_object('U1', 3, 'U2', 3, 'U3', 2 + g % 2, 'U4', 4, 'U5', 3, 'U6', 3, 'U7', 4, 'U8', 3, 'U9', 3), 'paper-' || u.code || '-' || g
         FROM unit u, generate_series(1, 4) g,
              LATERAL (SELECT tv.id FROM template_version tv JOIN questionnaire_template t ON t.id = tv.template_id
                        WHERE t.is_default AND tv.published_at IS NOT NULL ORDER BY tv.version DESC LIMIT 1) v
        WHERE u.code IN ('DINAS-B', 'BIDANG-B1')`,
      [q.year, q.number],
    );
  } finally {
    await c.end();
  }

  // A kepala unit for Dinas Beta and an operator for its bidang, from the users screen.
  const kepala = await createAccount(admin, browser, { email: "kepala.beta@uji.go.id", name: "Kepala Beta", role: "KEPALA_UNIT", unit: "DINAS-B" });
  const operator = await createAccount(admin, browser, { email: "operator.beta@uji.go.id", name: "Operator Beta", role: "OPERATOR", unit: "BIDANG-B1" });

  // The ended triwulan: populations typed in the grid, then closed and published, pooled.
  await admin.goto("/admin/periode");
  await expect(admin.getByTestId(`period-${key}`).getByTestId("period-state")).toHaveText("Berakhir, belum ditutup");
  await admin.goto(`/admin/periode/${key}/populasi`);
  const grid = admin.getByTestId("population-grid");
  await grid.getByLabel("Populasi Dinas Beta").fill("300");
  await expect(grid.getByTestId("minimum-DINAS-B")).toHaveText("169");
  await grid.getByRole("button", { name: "Simpan populasi" }).click();
  await expect(grid.getByRole("status")).toHaveText("Tersimpan: 1 unit berubah.");

  await admin.goto("/admin/periode");
  admin.once("dialog", (d) => void d.accept());
  await admin.getByTestId(`period-${key}`).getByRole("button", { name: /Tutup periode/ }).click();
  await expect(admin.getByTestId(`period-${key}`).getByTestId("period-state")).toHaveText("Ditutup");
  await admin.goto(`/admin/periode/${key}`);
  await admin.getByRole("link", { name: "Kelola: Dinas Beta" }).click();
  const publish = admin.getByTestId("publish-unit");
  await publish.getByLabel(/Termasuk sub-unit/).check();
  await publish.getByRole("button", { name: "Publikasikan", exact: true }).click();
  await expect(publish.getByRole("status")).toContainText("Dipublikasikan: IKM");
  await expect(admin.getByTestId("current-publication").getByTestId("scope-badge")).toHaveText("Termasuk sub-unit");

  // The citizen's thank-you page shows it, with what it counts (8 paper questionnaires).
  const citizen = await (await browser.newContext({ baseURL: base })).newPage();
  await citizen.goto("/s/DINAS-B/terima-kasih");
  const shown = citizen.getByTestId("published-index");
  await expect(shown).toContainText("8 responden");
  await expect(shown.getByTestId("published-counts")).toHaveText("Dihitung dari respons unit ini beserta sub-unitnya.");

  // Withdrawn with a reason: the thank-you page no longer shows it.
  const unpublish = admin.getByTestId("unpublish");
  await unpublish.getByLabel("Alasan penarikan").fill("Populasi belum diverifikasi");
  await unpublish.getByRole("button", { name: "Tarik publikasi" }).click();
  await expect(admin.getByTestId("withdrawn-line")).toContainText("Populasi belum diverifikasi");
  await citizen.reload();
  await expect(citizen.getByTestId("published-index")).toHaveCount(0);

  // The kepala unit and the operator: no administration, whatever they type in the address bar.
  for (const staff of [kepala, operator]) {
    for (const link of ["Unit", "Pengguna", "Periode", "Kuesioner", "Pengaturan instansi", "Log audit"]) {
      await expect(staff.getByRole("link", { name: link, exact: true })).toHaveCount(0);
    }
    for (const path of [
      "/admin/unit",
      "/admin/unit/DINAS-B",
      "/admin/instansi",
      "/admin/pengguna",
      "/admin/pengguna/impor",
      "/admin/periode",
      `/admin/periode/${key}`,
      `/admin/periode/${key}/populasi`,
      `/admin/periode/${key}/unit/DINAS-B`,
      "/admin/audit",
      "/admin/kuesioner",
      "/admin/kuesioner/spkp-gamma",
      "/dasbor/unit/BIDANG-B1/layanan",
    ]) {
      expect((await staff.goto(path))?.status(), path).toBe(404);
    }
  }
});
