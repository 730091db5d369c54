import { createHash, randomBytes, randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { query, responsesWithMarker } from "./support/db";

// A tablet at the Puskesmas Sukamaju counter (5 services), enrolled with a device token.

test.use({ viewport: { width: 1024, height: 768 }, isMobile: false, hasTouch: true });

async function enrol(): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await query(
    `INSERT INTO kiosk_device (id, unit_id, name, token_hash) SELECT gen_random_uuid(), id, 'Tablet e2e', $1 FROM unit WHERE code = 'PKM-SUKAMAJU'`,
    [createHash("sha256").update(token).digest("hex")],
  );
  return token;
}

async function fill(page: Page, saran: string) {
  await page.getByRole("group", { name: "Layanan apa yang Anda terima hari ini?" }).getByText("Poli Gigi").click();
  await page.getByRole("group", { name: /1\. Persyaratan/ }).getByText("Sesuai", { exact: true }).click();
  await page.getByRole("group", { name: /7\. Perilaku Pelaksana/ }).getByText("Sangat sopan dan ramah", { exact: true }).click();
  await page.getByLabel("Saran dan masukan").fill(saran);
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(page.getByTestId("kiosk-thanks")).toBeVisible();
}

test("an unenrolled device is told so", async ({ page }) => {
  await page.goto("/kiosk/PKM-SUKAMAJU");
  await expect(page.getByText("Perangkat ini belum didaftarkan untuk unit ini.", { exact: false })).toBeVisible();
});

test("answers are sent, the form resets, and an offline spell loses nothing and counts nothing twice", async ({ page, context }) => {
  const token = await enrol();
  await page.goto(`/kiosk/PKM-SUKAMAJU#token=${token}`);
  await expect(page).toHaveURL(/\/kiosk\/PKM-SUKAMAJU$/); // the token left the address bar

  const online = `kiosk-${randomUUID().slice(0, 8)}`;
  await fill(page, online);
  await expect.poll(() => responsesWithMarker(online)).toHaveLength(1);
  expect((await responsesWithMarker(online))[0]).toMatchObject({ channel: "KIOSK", service: "GIGI", answers: { U1: 3, U7: 4 } });
  // Ready for the next citizen (once the reply code shown on the thanks is dismissed): nothing of the previous answers is left.
  const form = page.getByRole("group", { name: /1\. Persyaratan/ });
  await expect(form.or(page.getByTestId("kiosk-reply"))).toBeVisible({ timeout: 10_000 });
  if (await page.getByTestId("kiosk-reply").isVisible()) await page.getByRole("button", { name: "Selesai" }).click();
  await expect(form).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole("group", { name: /1\. Persyaratan/ }).getByLabel("Sesuai", { exact: true })).not.toBeChecked();
  await expect(page.getByLabel("Saran dan masukan")).toHaveValue("");

  // The network drops: two citizens answer anyway.
  await context.setOffline(true);
  const a = `kiosk-${randomUUID().slice(0, 8)}`;
  const b = `kiosk-${randomUUID().slice(0, 8)}`;
  await fill(page, a);
  await expect(page.getByRole("group", { name: /1\. Persyaratan/ })).toBeVisible({ timeout: 10_000 });
  await fill(page, b);
  await expect(page.getByTestId("kiosk-queue")).toHaveText("2 menunggu jaringan");
  await expect(page.getByTestId("kiosk-offline")).toBeVisible();
  expect(await responsesWithMarker(a)).toHaveLength(0);

  // It comes back: the queue drains, each response stored once.
  await context.setOffline(false);
  await expect(page.getByTestId("kiosk-queue")).toHaveText("", { timeout: 15_000 });
  expect(await responsesWithMarker(a)).toHaveLength(1);
  expect(await responsesWithMarker(b)).toHaveLength(1);
});

test("a response whose reply was lost is retried with the same key and stored once", async ({ page }) => {
  const token = await enrol();
  let dropped = 0;
  // The server stores the first attempt, but its reply never reaches the tablet.
  await page.route("**/api/v1/responses", async (route) => {
    if (dropped === 0) {
      dropped++;
      await route.fetch();
      return route.abort("timedout");
    }
    return route.continue();
  });
  await page.goto(`/kiosk/PKM-SUKAMAJU#token=${token}`);
  const m = `kiosk-${randomUUID().slice(0, 8)}`;
  await fill(page, m);
  await expect(page.getByTestId("kiosk-queue")).toHaveText("", { timeout: 15_000 });
  expect(dropped).toBe(1);
  expect(await responsesWithMarker(m)).toHaveLength(1);
});

test("queued answers survive a reload of the page", async ({ page, context }) => {
  const token = await enrol();
  await page.goto(`/kiosk/PKM-SUKAMAJU#token=${token}`);
  await page.route("**/api/v1/responses", (route) => route.abort("internetdisconnected"));
  const m = `kiosk-${randomUUID().slice(0, 8)}`;
  await fill(page, m);
  await expect(page.getByTestId("kiosk-queue")).toHaveText("1 menunggu jaringan");
  await page.unroute("**/api/v1/responses");
  await page.reload();
  await expect(page.getByTestId("kiosk-queue")).toHaveText("", { timeout: 15_000 });
  expect(await responsesWithMarker(m)).toHaveLength(1);
  void context;
});

test("the form resets itself after a minute without a touch", async ({ page }) => {
  const token = await enrol();
  await page.clock.install();
  await page.goto(`/kiosk/PKM-SUKAMAJU#token=${token}`);
  await page.getByRole("group", { name: /1\. Persyaratan/ }).getByText("Sesuai", { exact: true }).click();
  await page.getByLabel("Saran dan masukan").fill("setengah jalan");
  await page.clock.fastForward(30_000);
  await expect(page.getByLabel("Saran dan masukan")).toHaveValue("setengah jalan");
  await page.clock.fastForward(35_000);
  await expect(page.getByLabel("Saran dan masukan")).toHaveValue("");
  await expect(page.getByRole("group", { name: /1\. Persyaratan/ }).getByLabel("Sesuai", { exact: true })).not.toBeChecked();
});

test("the kiosk asks the respondent profile the web form asks, in either language, and its choices keep their size", async ({ page }) => {
  const token = await enrol();
  await page.setViewportSize({ width: 600, height: 900 });
  await page.goto(`/kiosk/PKM-SUKAMAJU#token=${token}`);
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("group", { name: "Which service did you receive today?" }).getByText("Poli Gigi").click();
  await page.getByRole("group", { name: /7\. Staff Conduct/ }).getByText("Very polite and friendly", { exact: true }).click();
  await page.getByRole("group", { name: "Gender" }).getByText("Female", { exact: true }).click();
  await page.getByLabel("Age (years)").fill("47");
  await page.getByLabel("Highest education").selectOption("S1");
  await page.getByLabel("Occupation").selectOption("WIRAUSAHA");
  // A long label wraps; its radio circle stays the same size as the others.
  const sizes = await page.getByRole("group", { name: /9\. / }).getByRole("radio").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  expect(new Set(sizes).size).toBe(1);
  const m = `kiosk-${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Suggestions (saran)").fill(m);
  await page.getByRole("button", { name: "Send rating" }).click();
  await expect(page.getByTestId("kiosk-thanks")).toHaveText("Thank you for your rating!");
  await expect.poll(() => responsesWithMarker(m)).toHaveLength(1);
  const [row] = await query<{ gender: string; age: number; education: string; occupation: string; locale: string }>(
    `SELECT gender::text, age, education::text, occupation::text, locale FROM response WHERE saran = $1`,
    [m],
  );
  expect(row).toEqual({ gender: "P", age: 47, education: "S1", occupation: "WIRAUSAHA", locale: "en" });
});
