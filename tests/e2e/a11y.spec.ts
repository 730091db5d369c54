import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import { query } from "./support/db";
import { currentMonth, periodKey, periodOfMonth, shiftPeriod } from "@/lib/periods";

// WCAG 2.1 AA on every page, as each kind of reader meets it: axe-core at phone
// and desktop size in Indonesian, at phone size in English (longer words are
// what breaks a narrow layout; the structure axe checks is the same in both),
// and reflow at 360 px (no sideways scrolling of the page; wide tables scroll
// inside their own named region).

const PASSWORD = "Suara-Demo-2026";
const PHONE = { name: "phone", width: 360, height: 740 } as const;
const DESKTOP = { name: "desktop", width: 1280, height: 900 } as const;
const SIZES = { id: [PHONE, DESKTOP], en: [PHONE] } as const;

async function session(browser: Browser, locale: "id" | "en", email?: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([{ name: "suara_locale", value: locale, url: test.info().project.use.baseURL! }]);
  const page = await context.newPage();
  if (email) {
    await page.goto("/masuk");
    await page.locator("#email").fill(email);
    await page.locator("#password").fill(PASSWORD);
    await page.locator("form:has(#email) button[type=submit]").click();
    await expect(page).toHaveURL(/\/dasbor$/);
  }
  return page;
}

/**
 * axe on the page as it is now (unless `axe` is false); and at 360 px, that the page fits its width.
 * The staff pages in English are checked for reflow only: their structure is the Indonesian pages'
 * (axe ran on those at both sizes), and the longer English words are what breaks a narrow layout.
 */
async function check(page: Page, label: string, width: number, { axe: runAxe = true } = {}) {
  await page.waitForLoadState("load");
  // A dashboard streams in under a skeleton (<main aria-busy>), and React reveals streamed
  // content a moment after it arrives (it throttles reveals), so "load" can come first: scan
  // the page once nothing is pending, not the skeleton (which once failed page-has-heading-one).
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], div[hidden][id^="S:"]'));
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  if (width === 360) expect(fits, `${label}: sideways scrolling at 360 px`).toBe(true);
  if (!runAxe) return;
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`), label).toEqual([]);
}

const PUBLIC = ["/", "/s/DISDUKCAPIL", "/s/PKM-SUKAMAJU/UMUM", "/s/DISDUKCAPIL/terima-kasih", "/kiosk/PKM-SUKAMAJU", "/masuk", "/s/TIDAK-ADA", "/tidak-ada"];

for (const locale of ["id", "en"] as const) {
  test(`public pages pass axe and reflow, ${locale}`, async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await session(browser, locale);
    for (const size of SIZES[locale]) {
      await page.setViewportSize(size);
      for (const path of PUBLIC) {
        await page.goto(path);
        await check(page, `${path} ${size.name} ${locale}`, size.width);
      }
    }
    // The survey with every error shown, and an enrolled kiosk.
    await page.goto("/s/DISDUKCAPIL");
    await page.locator("form button[type=submit]").last().click();
    await expect(page.getByTestId("form-errors")).toBeVisible();
    await check(page, `survey errors ${locale}`, 1280);
    const token = randomBytes(32).toString("base64url");
    await query(`INSERT INTO kiosk_device (id, unit_id, name, token_hash) SELECT gen_random_uuid(), id, 'a11y', $1 FROM unit WHERE code = 'PKM-SUKAMAJU'`, [
      createHash("sha256").update(token).digest("hex"),
    ]);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`/kiosk/PKM-SUKAMAJU#token=${token}`);
    await expect(page.getByRole("main")).toBeVisible();
    await check(page, `kiosk ${locale}`, 1024);
  });

  test(`staff pages pass axe and reflow, ${locale}`, async ({ browser }) => {
    test.setTimeout(240_000);
    const admin = await session(browser, locale, "admin@suara.test");
    const [user] = await query<{ id: string }>(`SELECT id FROM "user" WHERE email = 'kepala.dukcapil@suara.test'`);
    const [item] = await query<{ id: string }>(`SELECT f.response_id AS id FROM feedback_item f JOIN unit u ON u.id = f.unit_id WHERE u.code = 'DISDUKCAPIL' AND f.saran IS NOT NULL LIMIT 1`);
    const running = periodOfMonth("QUARTER", currentMonth("Asia/Jakarta"));
    // A draft plan with one action, for the plan's editing forms (three quarters back: no other spec writes there).
    const draft = shiftPeriod(running, -3);
    await query(
      `WITH p AS (
         INSERT INTO follow_up_plan (id, unit_id, period_id, status, updated_at)
         SELECT gen_random_uuid(), u.id, sp.id, 'DRAFT', now() FROM unit u, survey_period sp
          WHERE u.code = 'DISDUKCAPIL' AND sp.kind = 'QUARTER' AND sp.year = $1 AND sp.number = $2
         ON CONFLICT (unit_id, period_id) DO NOTHING RETURNING id)
       INSERT INTO follow_up_action (id, plan_id, unsur_code, action, owner, updated_at) SELECT gen_random_uuid(), p.id, 'U3', 'Menambah loket', 'Sekretaris', now() FROM p`,
      [draft.year, draft.number],
    );
    const pages = [
      "/dasbor",
      "/dasbor/instansi",
      "/dasbor/instansi?unit=DINKES&tingkat=anak",
      "/dasbor/unit/DISDUKCAPIL",
      "/dasbor/unit/PKM-SUKAMAJU",
      "/dasbor/unit/DISDUKCAPIL/saran",
      `/dasbor/unit/DISDUKCAPIL/saran/${item!.id}`,
      "/dasbor/unit/DISDUKCAPIL/saran/publikasi",
      "/dasbor/unit/DISDUKCAPIL/rtl",
      // The demo's approved plan (progress forms), a period without one (the proposal), a draft (its forms).
      `/dasbor/unit/DISDUKCAPIL/rtl/${periodKey(shiftPeriod(running, -1))}`,
      `/dasbor/unit/DISDUKCAPIL/rtl/${periodKey(shiftPeriod(running, -2))}`,
      `/dasbor/unit/DISDUKCAPIL/rtl/${periodKey(draft)}`,
      "/dasbor/unit/DISDUKCAPIL/poster",
      "/dasbor/unit/DISDUKCAPIL/kode-transaksi",
      "/dasbor/unit/DUKCAPIL-CAPIL/kertas",
      "/dasbor/unit/DUKCAPIL-CAPIL/impor",
      "/admin/pengguna",
      "/admin/pengguna?unit=DINKES&bawah=1",
      "/admin/pengguna/impor",
      `/admin/pengguna/${user!.id}`,
      "/admin/audit",
      "/admin/instansi",
      "/admin/unit",
      "/admin/unit/DISDUKCAPIL",
      "/admin/kuesioner",
      "/admin/kuesioner/permenpan-14-2017",
      "/admin/kuesioner/permenpan-14-2017/pratinjau",
      "/admin/periode",
      "/admin/periode/2026-T3",
      "/admin/periode/2026-T3/populasi",
      "/admin/periode/2026-T3/unit/DISDUKCAPIL",
      "/dasbor/unit/DUKCAPIL-CAPIL/layanan",
      "/akun/kata-sandi",
      "/dasbor/unit/TIDAK-ADA",
    ];
    for (const size of SIZES[locale]) {
      await admin.setViewportSize(size);
      for (const path of pages) {
        await admin.goto(path);
        await check(admin, `${path} ${size.name} ${locale}`, size.width, { axe: locale === "id" });
      }
    }
    const operator = await session(browser, locale, "operator.dukcapil@suara.test");
    for (const size of SIZES[locale]) {
      await operator.setViewportSize(size);
      await operator.goto("/dasbor/unit/DUKCAPIL-CAPIL");
      await check(operator, `operator unit page ${size.name} ${locale}`, size.width, { axe: locale === "id" });
    }
  });
}

test("page titles, the document's language and the kiosk's follow the reader's language", async ({ browser }) => {
  const en = await session(browser, "en", "pimpinan@suara.test");
  for (const [path, title] of [["/dasbor", "Dashboard · Suara"], ["/dasbor/instansi", "Agency overview · Suara"], ["/akun/kata-sandi", "Password · Suara"]] as const) {
    await en.goto(path);
    await expect(en).toHaveTitle(title);
    await expect(en.locator("html")).toHaveAttribute("lang", "en");
  }
  await en.goto("/masuk");
  const id = await session(browser, "id");
  await id.goto("/s/DISDUKCAPIL/terima-kasih");
  await expect(id).toHaveTitle("Terima kasih · Suara");

  // The kiosk's language switch changes the whole document's language, not the form's alone.
  const token = randomBytes(32).toString("base64url");
  await query(`INSERT INTO kiosk_device (id, unit_id, name, token_hash) SELECT gen_random_uuid(), id, 'lang', $1 FROM unit WHERE code = 'PKM-SUKAMAJU'`, [
    createHash("sha256").update(token).digest("hex"),
  ]);
  await id.goto(`/kiosk/PKM-SUKAMAJU#token=${token}`);
  await expect(id.getByRole("heading", { level: 1 })).toContainText("Survei Kepuasan Masyarakat");
  await expect(id).toHaveTitle("Survei Kepuasan Masyarakat · Puskesmas Sukamaju");
  await id.getByRole("button", { name: "English" }).click();
  await expect(id.locator("html")).toHaveAttribute("lang", "en");
  await expect(id).toHaveTitle("Public Satisfaction Survey · Puskesmas Sukamaju");
  await expect(id.getByRole("heading", { level: 1 })).toContainText("Public Satisfaction Survey");
  await expect(id.getByRole("button", { name: "Send rating" })).toBeVisible();
  // An unenrolled tablet has a main landmark and a heading too.
  const bare = await (await browser.newContext()).newPage();
  await bare.goto("/kiosk/PKM-SUKAMAJU");
  await expect(bare.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("Kios belum terdaftar");
});

test("a keyboard reaches everything: the skip link, the scrolling tables, the charts' tables", async ({ browser }) => {
  const page = await session(browser, "id", "admin@suara.test");
  await page.goto("/dasbor/instansi");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Langsung ke isi" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.locator("#content")).toBeFocused();
  // The trend table and the unit table scroll in named regions a keyboard can focus (and then scroll).
  for (const name of ["Tren IKM", "Semua unit", "Peta panas unit × unsur (NRR)"]) {
    const region = page.getByRole("region", { name });
    await expect(region).toHaveAttribute("tabindex", "0");
    await region.focus();
    await expect(region).toBeFocused();
  }
  // A chart is an image named by its title and described by the table with its figures; it is not a tab stop.
  await page.goto("/dasbor/unit/PKM-SUKAMAJU");
  for (const [title, table] of [["Nilai rata-rata (NRR) per unsur, terlemah di atas", "nrr-table"], ["Tren IKM", "trend-table"], ["Harapan dan persepsi (tingkat kepentingan dan kinerja)", "importance-table"]]) {
    const chart = page.getByRole("img", { name: title });
    await expect(chart).toHaveAttribute("aria-describedby", table!);
    await expect(chart).not.toHaveAttribute("tabindex", "0");
    await expect(page.locator(`#${table}`)).toBeVisible();
  }
  // Chart text is dark enough to read (4.5:1 on white): no light grey labels.
  const fills = await page.locator(".recharts-surface text").evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).fill))]);
  expect(fills.filter((f) => !["rgb(51, 65, 85)", "rgb(15, 23, 42)"].includes(f))).toEqual([]);
  // The grade is printed beside each bar, not told by colour alone; the trend table holds the interval.
  await expect(page.getByTestId("nrr").locator(".recharts-label-list text").first()).toHaveText(/^\d,\d{2} \([ABCD]\)$/);
  await expect(page.getByTestId("trend-ci").first()).toHaveText(/^(\d{2},\d{2}–\d{2},\d{2}|–)$/);
  // The importance questions are each named with their item.
  const form = await session(browser, "id");
  await form.goto("/s/PKM-SUKAMAJU/UMUM");
  await expect(form.getByRole("group", { name: "Seberapa penting hal ini bagi Anda? (3. Waktu Penyelesaian)" })).toBeVisible();
});

test("printing a dashboard keeps both charts and every heat-map column on the page", async ({ browser }) => {
  const page = await session(browser, "id", "admin@suara.test");
  // An A4 page's printable width at 96 dpi (210 mm less 2 × 12 mm margins).
  await page.setViewportSize({ width: 703, height: 1000 });
  await page.goto("/dasbor/instansi");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("filters")).toBeHidden();
  await expect(page.getByTestId("trend").getByRole("img", { name: "Tren IKM" })).toBeVisible();
  const heat = page.getByTestId("heat-map").locator("table");
  const fit = await heat.evaluate((t) => ({ table: t.getBoundingClientRect().right, page: document.documentElement.clientWidth }));
  expect(fit.table).toBeLessThanOrEqual(fit.page);
  await expect(heat.locator("th").last()).toContainText("U9");
  await page.goto("/dasbor/unit/DISDUKCAPIL");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("nrr").getByRole("img", { name: "Nilai rata-rata (NRR) per unsur, terlemah di atas" })).toBeVisible();
  await expect(page.getByTestId("trend").getByRole("img", { name: "Tren IKM" })).toBeVisible();
});
