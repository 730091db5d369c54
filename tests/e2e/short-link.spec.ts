import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { query } from "./support/db";

// The counter issues a one-time code; the citizen gets its short link by SMS or WhatsApp,
// answers once through it, and the same link then says it has been used.

async function signIn(page: Page, email: string) {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("Suara-Demo-2026");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
}

test("a code's short link and WhatsApp message open the survey with the code once, then say it was used", async ({ page, browser, baseURL }) => {
  await signIn(page, "operator.dukcapil@suara.test");
  await page.goto("/dasbor/unit/DUKCAPIL-CAPIL/kode-transaksi");
  await page.getByLabel("Layanan").selectOption("KAWIN");
  await page.getByLabel("Jumlah kode").fill("1");
  await page.getByRole("button", { name: "Buat kode" }).click();
  const code = (await page.getByTestId("token-code").textContent())!;
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);

  // The short link, absolute, on the card and in the list to send.
  const short = `${baseURL}/k/${code}`;
  await expect(page.getByTestId("token-short-link")).toHaveText(short);
  const row = page.getByTestId("token-share-row");
  await expect(row.getByTestId("token-share-link")).toHaveText(short);
  const message = `Terima kasih telah menggunakan layanan Bidang Pelayanan Pencatatan Sipil. Mohon nilai pelayanan kami (kurang dari satu menit, tanpa identitas): ${short}`;
  await expect(row.getByLabel("Teks pesan untuk disalin")).toHaveValue(message);
  const wa = row.getByRole("link", { name: "Kirim lewat WhatsApp" });
  await expect(wa).toHaveAttribute("href", `https://wa.me/?text=${encodeURIComponent(message)}`);
  await expect(wa).toHaveAttribute("target", "_blank");
  // With a number the chat opens to it; what cannot be a number is said so and left out.
  await row.getByLabel("Nomor WhatsApp (boleh kosong)").fill("0812-3456-7890");
  await expect(wa).toHaveAttribute("href", `https://wa.me/6281234567890?text=${encodeURIComponent(message)}`);
  await row.getByLabel("Nomor WhatsApp (boleh kosong)").fill("021-555");
  await expect(row).toContainText("Nomor ini bukan nomor ponsel");
  await expect(wa).toHaveAttribute("href", `https://wa.me/?text=${encodeURIComponent(message)}`);
  // The sheet with its codes (a11y.spec sees it empty) meets WCAG 2.1 AA too.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);

  // The link itself: a redirect that keeps nothing and passes nothing on, in any spelling typed.
  const typed = `${code.slice(0, 5)}-${code.slice(5)}`.toLowerCase();
  const hop = await page.request.get(`/k/${typed}`, { maxRedirects: 0 });
  expect(hop.status()).toBe(303);
  expect(hop.headers()["location"]).toBe(`/s/DUKCAPIL-CAPIL/KAWIN?t=${code}`);
  expect(hop.headers()["cache-control"]).toBe("no-store");
  expect(hop.headers()["referrer-policy"]).toBe("no-referrer");

  // The citizen opens it on a phone, without JavaScript, and lands on the survey with the code applied.
  const phone = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await phone.goto(`/k/${code}`);
  await expect(phone).toHaveURL(new RegExp(`/s/DUKCAPIL-CAPIL/KAWIN\\?t=${code}$`));
  await expect(phone.getByRole("heading", { name: "Bidang Pelayanan Pencatatan Sipil" })).toBeVisible();
  await expect(phone.locator('input[name="token"]')).toHaveValue(code);
  await phone.getByRole("group", { name: /6\. Kompetensi Pelaksana/ }).getByText("Kompeten", { exact: true }).click();
  await phone.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(phone.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
  const used = await query(
    `SELECT r.verified, s.code FROM transaction_token t JOIN response r ON r.id = t.response_id JOIN service s ON s.id = r.service_id WHERE t.token_hash = encode(sha256($1::bytea), 'hex')`,
    [code],
  );
  expect(used).toEqual([{ verified: true, code: "KAWIN" }]);

  // The same link again: answered already, thank you; nothing about the unit or the transaction.
  const again = await phone.goto(`/k/${code}`);
  expect(again!.status()).toBe(410);
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Survei sudah diisi");
  await expect(phone.locator("body")).toContainText("Terima kasih atas penilaian Anda!");
  await expect(phone.locator("body")).not.toContainText("Pencatatan Sipil");
  expect(again!.headers()["cache-control"]).toBe("no-store");
  expect(again!.headers()["referrer-policy"]).toBe("no-referrer");

  // A code nobody issued: not found.
  const unknown = await phone.goto("/k/ZZZZ-ZZZZ-ZZ");
  expect(unknown!.status()).toBe(404);
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Tautan tidak ditemukan");
});

test("the short link page follows the reader's language", async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: "suara_locale", value: "en", url: baseURL! }]);
  const res = await page.goto("/k/ZZZZZZZZZZ");
  expect(res!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Link not found");
});
