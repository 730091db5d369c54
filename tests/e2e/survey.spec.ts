import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { query, responsesWithMarker } from "./support/db";

// A citizen on a phone, right after being served at Dinas Dukcapil (4 services).

const marker = () => `e2e-${randomUUID().slice(0, 8)}`;

async function answerAll(page: Page, labels: string[]) {
  const groups = page.locator("fieldset:has(input[name^='a_'])");
  await expect(groups).toHaveCount(9);
  for (let i = 0; i < 9; i++) {
    await groups.nth(i).getByText(labels[i % labels.length]!, { exact: true }).click();
  }
}

test.describe("with JavaScript", () => {
  test("chooses a service, answers, and lands on the thank-you page with the last published index", async ({ page }) => {
    const m = marker();
    await page.goto("/s/DISDUKCAPIL");
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dinas Kependudukan dan Pencatatan Sipil");
    await page.getByRole("group", { name: "Layanan apa yang Anda terima hari ini?" }).getByText("Kartu Keluarga").click();
    const u1 = page.getByRole("group", { name: /1\. Persyaratan/ });
    await expect(u1.getByText("Sangat sesuai", { exact: true })).toBeVisible();
    await u1.getByText("Sangat sesuai", { exact: true }).click();
    const u8 = page.getByRole("group", { name: /8\. Sarana dan Prasarana/ });
    await u8.getByText("Buruk", { exact: true }).click(); // U8 is Sarana: Buruk..Sangat baik
    const u9 = page.getByRole("group", { name: /9\. Penanganan Pengaduan/ });
    await u9.getByText("Dikelola dengan baik", { exact: true }).click();
    await page.getByLabel("Saran dan masukan").fill(`Antrean lama ${m}`);
    await page.getByRole("button", { name: "Kirim penilaian" }).click();

    await expect(page).toHaveURL(/\/s\/DISDUKCAPIL\/terima-kasih\?balasan=[2-9A-HJKMNP-Z]{10}$/);
    await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
    await expect(page.getByTestId("reply-code")).toHaveText(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    await expect(page.getByTestId("published-konversi")).toHaveText(/^\d{2},\d{2}$/);
    await expect(page.getByTestId("published-mutu")).toHaveText(/^[ABCD]$/);

    const rows = await responsesWithMarker(m);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: "WEB", service: "KK", answers: { U1: 4, U8: 1, U9: 4 }, locale: "id", verified: false });

    // The reply page, opened with the code alone: nothing yet, then the unit's answer after a reload.
    await page.getByTestId("reply-link").click();
    await expect(page).toHaveURL(/\/s\/DISDUKCAPIL\/balasan\/[2-9A-HJKMNP-Z-]{12}$/);
    await expect(page.getByTestId("public-reply-none")).toBeVisible();
    await query(
      `INSERT INTO feedback_reply (id, response_id, body) SELECT gen_random_uuid(), r.id, 'Terima kasih, loket ditambah.' FROM response r WHERE r.saran = 'Antrean lama ' || $1`,
      [m],
    );
    await page.reload();
    await expect(page.getByTestId("public-reply")).toContainText("Terima kasih, loket ditambah.");
    // Another unit's link with the same code is the plain not-found.
    const other = await page.request.get(page.url().replace("/s/DISDUKCAPIL/", "/s/PKM-SUKAMAJU/"));
    expect(other.status()).toBe(404);
  });

  test("a double tap on send stores one response", async ({ page }) => {
    const m = marker();
    await page.goto("/s/PKM-SUKAMAJU/UMUM");
    await answerAll(page, ["Sesuai", "Mudah", "Cepat", "Gratis", "Sesuai", "Kompeten", "Sopan dan ramah", "Baik", "Berfungsi kurang maksimal"]);
    await page.getByLabel("Saran dan masukan").fill(m);
    await page.getByRole("button", { name: "Kirim penilaian" }).dblclick();
    await expect(page).toHaveURL(/terima-kasih\?balasan=[2-9A-HJKMNP-Z]{10}$/);
    expect(await responsesWithMarker(m)).toHaveLength(1);

    // Opening the form again (the QR link, a reload) and sending again: the same response, not a second one.
    await page.goto("/s/PKM-SUKAMAJU/UMUM");
    await expect(page.getByTestId("already-sent")).toBeVisible();
    await answerAll(page, ["Sesuai", "Mudah", "Cepat", "Gratis", "Sesuai", "Kompeten", "Sopan dan ramah", "Baik", "Berfungsi kurang maksimal"]);
    await page.getByLabel("Saran dan masukan").fill(m);
    await page.getByRole("button", { name: "Kirim penilaian" }).click();
    await expect(page).toHaveURL(/terima-kasih\?balasan=[2-9A-HJKMNP-Z]{10}$/);
    expect(await responsesWithMarker(m)).toHaveLength(1);
  });

  test("a bad submission says what to fix, keeps what was entered, and goes through once fixed", async ({ page }) => {
    const m = marker();
    await page.goto("/s/DISDUKCAPIL");
    await page.getByRole("group", { name: /3\. Waktu Penyelesaian/ }).getByText("Kurang cepat", { exact: true }).click();
    await page.getByLabel("Saran dan masukan").fill(`Loket kurang ${m}`);
    await page.getByText("Saya bersedia dihubungi tentang saran ini").click();
    await page.getByLabel("Nomor telepon / WhatsApp").fill("0812 3456 7890"); // consent not ticked
    await page.getByRole("button", { name: "Kirim penilaian" }).click();

    const alert = page.getByTestId("form-errors");
    await expect(alert).toContainText("Periksa kembali isian yang ditandai.");
    // The summary names each field with its error and links to it; each field carries its own error too.
    const service = page.getByRole("group", { name: "Layanan apa yang Anda terima hari ini?" });
    await expect(service.getByText("Pilih jenis layanan yang Anda terima.")).toBeVisible();
    await expect(service.getByRole("radio").first()).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#contact_consent-error")).toHaveText("Centang persetujuan bila Anda ingin dihubungi.");
    await expect(page.getByRole("checkbox", { name: "Saya setuju dihubungi oleh unit ini tentang saran saya." })).toHaveAttribute("aria-describedby", "contact_consent-error");
    const toService = alert.getByRole("link", { name: "Layanan apa yang Anda terima hari ini? — Pilih jenis layanan yang Anda terima." });
    await expect(alert.getByRole("link", { name: /^Saya setuju dihubungi.* — Centang persetujuan/ })).toHaveAttribute("href", "#contact_consent");
    await toService.click();
    await expect(page).toHaveURL(/#service$/);
    await expect(page.getByLabel("Saran dan masukan")).toHaveValue(`Loket kurang ${m}`);
    await expect(page.getByRole("group", { name: /3\. Waktu Penyelesaian/ }).getByLabel("Kurang cepat")).toBeChecked();
    expect(await responsesWithMarker(m)).toHaveLength(0);

    await page.getByRole("group", { name: "Layanan apa yang Anda terima hari ini?" }).getByText("KTP Elektronik").click();
    await page.getByRole("checkbox", { name: "Saya setuju dihubungi oleh unit ini tentang saran saya." }).check();
    await page.getByRole("button", { name: "Kirim penilaian" }).click();
    await expect(page).toHaveURL(/terima-kasih\?balasan=[2-9A-HJKMNP-Z]{10}$/);
    const rows = await responsesWithMarker(m);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ service: "KTP", answers: { U3: 2 } });
  });

  test("English is one tap away and sticks", async ({ page }) => {
    const m = marker();
    await page.goto("/s/KEL-SUKAMAJU");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("group", { name: "Which service did you receive today?" }).getByText("Surat Keterangan Domisili").click();
    await page.getByRole("group", { name: /1\. Requirements/ }).getByText("Very appropriate", { exact: true }).click();
    await page.getByLabel("Suggestions (saran)").fill(m);
    await page.getByRole("button", { name: "Send rating" }).click();
    await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
    const rows = await responsesWithMarker(m);
    expect(rows).toMatchObject([{ locale: "en", service: "DOMISILI", answers: { U1: 4 } }]);
    await page.goto("/s/KEL-SUKAMAJU?baru=1");
    await expect(page.getByRole("button", { name: "Send rating" })).toBeVisible();
    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  });

  test("the questionnaire has no accessibility violations, also with errors shown", async ({ page }) => {
    await page.goto("/s/DISDUKCAPIL");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // Before sending, the citizen reads what is required.
    await expect(page.getByText("Wajib diisi: layanan yang Anda terima dan minimal satu penilaian.", { exact: false })).toBeVisible();
    await expect(page.getByRole("button", { name: "Kirim penilaian" })).toHaveAccessibleDescription(/Wajib diisi: layanan/);
    await page.getByLabel("Usia (tahun)").fill("5");
    await page.getByRole("button", { name: "Kirim penilaian" }).click();
    const alert = page.getByTestId("form-errors");
    await expect(alert).toBeFocused();
    // "Answer at least one" and the age error are tied to what they are about, the age error with its range.
    await expect(page.locator("#questions")).toHaveAccessibleDescription("Jawab minimal satu pertanyaan penilaian.");
    await expect(alert.getByRole("link", { name: "Penilaian pelayanan — Jawab minimal satu pertanyaan penilaian." })).toHaveAttribute("href", "#questions");
    const age = page.getByLabel("Usia (tahun)");
    await expect(age).toHaveAttribute("aria-invalid", "true");
    await expect(age).toHaveAccessibleDescription(/Tulis usia dalam tahun, 10 sampai 120\./);
    await expect(alert.getByRole("link", { name: /^Usia \(tahun\) — Tulis usia dalam tahun, 10 sampai 120/ })).toHaveAttribute("href", "#age");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test("an unknown unit is a 404", async ({ page }) => {
    const res = await page.goto("/s/TIDAK-ADA");
    expect(res?.status()).toBe(404);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a plain form post is stored, corrected after an error, and a repeated post counts once", async ({ page, request }) => {
    const m = marker();
    await page.goto("/s/DISDUKCAPIL");
    await page.getByRole("group", { name: /7\. Perilaku Pelaksana/ }).getByText("Sangat sopan dan ramah", { exact: true }).click();
    await page.getByLabel("Saran dan masukan").fill(m);
    await page.getByRole("button", { name: "Kirim penilaian" }).click(); // no service chosen

    await expect(page.getByRole("group", { name: "Layanan apa yang Anda terima hari ini?" }).getByText("Pilih jenis layanan yang Anda terima.")).toBeVisible();
    await expect(page.getByTestId("form-errors").getByRole("link", { name: /Pilih jenis layanan yang Anda terima/ })).toHaveAttribute("href", "#service");
    await expect(page.getByLabel("Saran dan masukan")).toHaveValue(m);
    expect(await responsesWithMarker(m)).toHaveLength(0);

    await page.getByRole("group", { name: "Layanan apa yang Anda terima hari ini?" }).getByText("Surat Pindah").click();
    await expect(page.getByRole("group", { name: /7\. Perilaku Pelaksana/ }).getByLabel("Sangat sopan dan ramah")).toBeChecked();
    const [post] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST"),
      page.getByRole("button", { name: "Kirim penilaian" }).click(),
    ]);
    await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
    expect(await responsesWithMarker(m)).toMatchObject([{ channel: "WEB", service: "PINDAH", answers: { U7: 4 } }]);

    // The browser retries the same post (a timeout, a double tap): still one row.
    await request.post(post.url(), { headers: { "content-type": post.headers()["content-type"]! }, data: post.postDataBuffer()! });
    expect(await responsesWithMarker(m)).toHaveLength(1);

    // Opening the form again and sending again: replayed, not counted twice.
    await page.goto("/s/DISDUKCAPIL");
    await expect(page.getByTestId("already-sent")).toBeVisible();
    await page.getByRole("group", { name: "Layanan apa yang Anda terima hari ini?" }).getByText("Surat Pindah").click();
    await page.getByRole("group", { name: /7\. Perilaku Pelaksana/ }).getByText("Sangat sopan dan ramah", { exact: true }).click();
    await page.getByLabel("Saran dan masukan").fill(m);
    await page.getByRole("button", { name: "Kirim penilaian" }).click();
    await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
    expect(await responsesWithMarker(m)).toHaveLength(1);
  });
});
