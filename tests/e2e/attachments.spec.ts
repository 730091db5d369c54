import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type Browser } from "@playwright/test";
import { query } from "./support/db";
import { signedInPage } from "./support/session";

// The attachment route itself, with an attachment seeded straight into the database on the demo's
// Dinas Dukcapil plan: its kepala and the pimpinan get the bytes with the stored type and the
// headers that keep the file inert; another unit's kepala, an operator, no session and an
// unknown id all get the same 404. And the body limits: the plan pages take a form of files, the
// citizen's form keeps its 1 MB.

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\0"), Buffer.alloc(2000, 7), Buffer.from([0xff, 0xd9])]);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** An attachment of Dinas Dukcapil's plan, kept in its row. */
async function seedAttachment(filename: string, type: string, data: Buffer, kind = "EVIDENCE") {
  const [row] = await query<{ id: string }>(
    `INSERT INTO attachment (id, unit_id, plan_id, kind, filename, content_type, size, sha256, data)
     SELECT gen_random_uuid(), p.unit_id, p.id, $1, $2, $3, $4, $5, $6
       FROM follow_up_plan p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'DISDUKCAPIL' ORDER BY p.created_at LIMIT 1 RETURNING id`,
    [kind, filename, type, data.length, sha(data), data],
  );
  return row!.id;
}

/** A kepala of Dinas Kesehatan, with the demo password (copied from a demo account). */
async function otherKepala(browser: Browser) {
  await query(
    `INSERT INTO "user" (id, email, name, password_hash)
     SELECT gen_random_uuid(), 'kepala.dinkes@attach.test', 'Kepala Dinkes', password_hash FROM "user" WHERE email = 'kepala.dukcapil@suara.test'
     ON CONFLICT (email) DO NOTHING`,
  );
  await query(
    `INSERT INTO role_assignment (id, user_id, unit_id, role)
     SELECT gen_random_uuid(), usr.id, u.id, 'KEPALA_UNIT' FROM "user" usr, unit u
      WHERE usr.email = 'kepala.dinkes@attach.test' AND u.code = 'DINKES'
        AND NOT EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = usr.id)`,
  );
  return signedInPage(browser, "kepala.dinkes@attach.test");
}

test("an attachment is served to readers of its unit's dashboard only, inert and uncached", async ({ browser, playwright, baseURL }) => {
  const photo = await seedAttachment("Ruang tunggu — sesudah.jpg", "image/jpeg", JPEG);
  const minutes = await seedAttachment("Notulen FKP.pdf", "application/pdf", PDF, "FKP_MINUTES");
  const url = (id: string) => `/api/v1/attachments/${id}`;

  const kepala = await signedInPage(browser, "kepala.dukcapil@suara.test");
  const res = await kepala.request.get(url(photo));
  expect(res.status()).toBe(200);
  expect(sha(await res.body())).toBe(sha(JPEG));
  const h = res.headers();
  expect(h["content-type"]).toBe("image/jpeg");
  expect(h["content-disposition"]).toBe(`inline; filename="Ruang tunggu _ sesudah.jpg"; filename*=UTF-8''Ruang%20tunggu%20%E2%80%94%20sesudah.jpg`);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["content-security-policy"]).toBe("sandbox; default-src 'none'"); // the route's own, not the pages' policy
  expect(h["cache-control"]).toBe("private, no-store");

  const pdf = await kepala.request.get(url(minutes));
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/^inline; filename="Notulen FKP.pdf"; filename\*=UTF-8''Notulen%20FKP\.pdf$/);
  expect((await pdf.body()).equals(PDF)).toBe(true);

  // Opened as a link in the browser with the session cookie, the photo shows, and the PDF opens
  // in Chromium's viewer despite the sandbox (the viewer is an extension frame of its own).
  const png = await seedAttachment("logo.png", "image/png", readFileSync(new URL("./fixtures/logo.png", import.meta.url)));
  expect((await kepala.goto(url(png)))?.status()).toBe(200);
  expect(await kepala.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect((await kepala.goto(url(minutes)))?.status()).toBe(200);
  await expect.poll(() => kepala.frames().some((f) => f.url().startsWith("chrome-extension://"))).toBe(true);

  const pimpinan = await signedInPage(browser, "pimpinan@suara.test");
  expect((await pimpinan.request.get(url(photo))).status()).toBe(200);

  // Everyone else: the same 404, whether the attachment exists or not.
  const dinkes = await otherKepala(browser);
  const refused = await dinkes.request.get(url(photo));
  expect(refused.status()).toBe(404);
  expect((await refused.body()).length).toBe(0);
  const operator = await signedInPage(browser, "operator.dukcapil@suara.test");
  expect((await operator.request.get(url(photo))).status()).toBe(404);
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(url(photo))).status()).toBe(404);
  expect((await kepala.request.get(url("00000000-0000-4000-8000-000000000000"))).status()).toBe(404);
  expect((await kepala.request.get(url("not-an-id"))).status()).toBe(404);
  await anonymous.dispose();
});

test("the plan pages take a form of files; the citizen's form and the JSON API keep 1 MB", async ({ request }) => {
  const [plan] = await query<{ year: number; number: number }>(
    `SELECT s.year, s.number FROM follow_up_plan p JOIN unit u ON u.id = p.unit_id JOIN survey_period s ON s.id = p.period_id WHERE u.code = 'DISDUKCAPIL' LIMIT 1`,
  );
  const planPath = `/dasbor/unit/DISDUKCAPIL/rtl/${plan!.year}-T${plan!.number}`;
  const files = (mb: number) => ({ files: { name: "bukti.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(mb * 1024 * 1024, 1) } });

  // 12 MB of files to a plan page reaches Next (no 413 from the proxy); there is no action to take it here.
  expect((await request.post(planPath, { multipart: files(12) })).status()).not.toBe(413);
  const tooMuch = await request.post(planPath, { multipart: files(22) });
  expect(tooMuch.status()).toBe(413);
  expect(await tooMuch.text()).toContain("lebih dari 20 MB seluruhnya");

  expect((await request.post("/s/PKM-SUKAMAJU", { multipart: files(2) })).status()).toBe(413);
  expect((await request.post("/dasbor/unit/DISDUKCAPIL", { multipart: files(2) })).status()).toBe(413);
  const api = await request.post("/api/v1/responses", { data: { unit: "PKM-SUKAMAJU", saran: "x".repeat(1024 * 1024 + 10) }, headers: { "Idempotency-Key": "attach-limit-0001" } });
  expect(api.status()).toBe(413);
});
