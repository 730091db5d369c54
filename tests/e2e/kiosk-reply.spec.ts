import { createHash, randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { query } from "./support/db";

// A kiosk user whose saran goes to the unit's inbox sees their reply code on the thanks,
// with the reply page's address, when the tablet is online; offline the thanks is as before.

test.use({ viewport: { width: 1024, height: 768 }, isMobile: false, hasTouch: true });

test("the kiosk thanks shows the reply code the server returned, until Selesai", async ({ page }) => {
  const token = randomBytes(32).toString("base64url");
  await query(
    `INSERT INTO kiosk_device (id, unit_id, name, token_hash) SELECT gen_random_uuid(), id, 'Tablet balasan', $1 FROM unit WHERE code = 'PKM-SUKAMAJU'`,
    [createHash("sha256").update(token).digest("hex")],
  );
  await page.goto(`/kiosk/PKM-SUKAMAJU#token=${token}`);
  const saran = `kiosk-reply-${randomUUID().slice(0, 8)}`;
  await page.getByRole("group", { name: "Layanan apa yang Anda terima hari ini?" }).getByText("Poli Gigi").click();
  await page.getByRole("group", { name: /1\. Persyaratan/ }).getByText("Sesuai", { exact: true }).click();
  await page.getByLabel("Saran dan masukan").fill(saran);
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(page.getByTestId("kiosk-thanks")).toBeVisible();
  const reply = page.getByTestId("kiosk-reply");
  await expect(reply).toBeVisible();
  await expect(reply.getByRole("heading", { name: "Kode balasan Anda" })).toBeVisible();
  const code = (await page.getByTestId("kiosk-reply-code").textContent())!;
  expect(code).toMatch(/^[2-9A-HJKMNP-Z-]{10,14}$/);
  const address = (await page.getByTestId("kiosk-reply-path").textContent())!;
  expect(address).toBe(`${new URL(page.url()).host}/s/PKM-SUKAMAJU/balasan/${code}`);
  // Still there after the usual four seconds: time to write it down.
  await page.waitForTimeout(5_000);
  await expect(reply).toBeVisible();

  // The code opens that response's page.
  const other = await page.context().newPage();
  await other.goto(`/s/PKM-SUKAMAJU/balasan/${code}`);
  await expect(other.getByText(saran)).toBeVisible();
  await other.close();

  // Selesai: the next citizen finds the form, and no code.
  await page.getByRole("button", { name: "Selesai" }).click();
  await expect(page.getByRole("group", { name: /1\. Persyaratan/ })).toBeVisible();
  await expect(page.getByTestId("kiosk-reply")).toHaveCount(0);
});
