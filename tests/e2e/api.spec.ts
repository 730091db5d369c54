import { createHash, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { query, responsesWithMarker } from "./support/db";

// POST /api/v1/responses as an agency's own system calls it, and the one-time
// transaction token a citizen finds on a receipt.

const answers = { U1: 4, U2: 3, U3: 2, U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 3 };

test("the JSON endpoint stores a response, and the same key again returns the same result", async ({ request }) => {
  const m = `api-${randomUUID().slice(0, 8)}`;
  const key = randomUUID();
  const body = { unit: "BAPENDA-PBB", service: "SPPT", answers, saran: m, profile: { gender: "L", age: 45, education: "S1", occupation: "WIRAUSAHA" } };
  const first = await request.post("/api/v1/responses", { data: body, headers: { "Idempotency-Key": key } });
  expect(first.status()).toBe(201);
  const created = await first.json();
  expect(created).toEqual({ id: expect.any(String), unit: "BAPENDA-PBB", verified: false, replyCode: expect.stringMatching(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/) });

  const again = await request.post("/api/v1/responses", { data: body, headers: { "Idempotency-Key": key } });
  expect(again.status()).toBe(201);
  expect(await again.json()).toEqual(created);
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect(await responsesWithMarker(m)).toMatchObject([{ id: created.id, channel: "API", service: "SPPT" }]);

  // Without a repeated key, the same content is a second citizen.
  const other = await request.post("/api/v1/responses", { data: body, headers: { "Idempotency-Key": randomUUID() } });
  expect(other.status()).toBe(201);
  expect(await responsesWithMarker(m)).toHaveLength(2);
});

test("the JSON endpoint explains bad input field by field, in the caller's language, and writes nothing", async ({ request }) => {
  const m = `api-${randomUUID().slice(0, 8)}`;
  const res = await request.post("/api/v1/responses", {
    data: { unit: "BAPENDA-PBB", service: "SPPT", answers: { U1: 7, U2: "tiga", U12: 3 }, saran: m },
    headers: { "Idempotency-Key": randomUUID() },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).errors).toEqual({ "answers.U2": { code: "invalid", message: "Isian tidak valid." } });

  const en = await request.post("/api/v1/responses", {
    data: { unit: "BAPENDA-PBB", service: "SPPT", answers: { U1: 7, U12: 3 }, saran: m },
    headers: { "Idempotency-Key": randomUUID(), "Accept-Language": "en-US,en;q=0.9" },
  });
  expect((await en.json()).errors).toEqual({
    "answers.U1": { code: "scoreOutOfScale", message: "Choose one of the answers given." },
    "answers.U12": { code: "unknownItem", message: "This question is not in this unit's questionnaire." },
  });
  const empty = await request.post("/api/v1/responses", { data: { unit: "BAPENDA-PBB", answers: {} }, headers: { "Idempotency-Key": randomUUID() } });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).errors.answers.code).toBe("noAnswer");
  const noKey = await request.post("/api/v1/responses", { data: { unit: "BAPENDA-PBB", answers } });
  expect(noKey.status()).toBe(400);
  expect((await noKey.json()).errors.idempotencyKey.code).toBe("required");
  const notJson = await request.post("/api/v1/responses", { data: "{oops", headers: { "content-type": "application/json", "Idempotency-Key": randomUUID() } });
  expect(notJson.status()).toBe(400);
  // A NUL in free text (PostgreSQL cannot store it) is a field error, not a 500; in English when asked.
  const nul = await request.post("/api/v1/responses", {
    data: `{"unit":"PKM-SUKAMAJU","service":"UMUM","answers":{"U1":4},"saran":"${m}\\u0000b"}`,
    headers: { "content-type": "application/json", "Idempotency-Key": "nul-repro-000001" },
  });
  expect(nul.status()).toBe(400);
  expect((await nul.json()).errors).toEqual({ saran: { code: "controlChar", message: expect.stringMatching(/karakter kontrol/) } });
  const nulEn = await request.post("/api/v1/responses", {
    data: { unit: "PKM-SUKAMAJU", service: "UMUM", answers: { U1: 4 }, contact: { name: "a\u0000", phone: "0812345678", consent: true } },
    headers: { "Idempotency-Key": randomUUID(), "Accept-Language": "en" },
  });
  expect((await nulEn.json()).errors["contact.name"]).toEqual({ code: "controlChar", message: expect.stringMatching(/control characters/) });
  const unknown = await request.post("/api/v1/responses", { data: { unit: "NOPE", answers }, headers: { "Idempotency-Key": randomUUID() } });
  expect(unknown.status()).toBe(404);
  expect(await responsesWithMarker(m)).toHaveLength(0);
});

test.describe("a one-time transaction token", () => {
  test.use({ javaScriptEnabled: false });
  test("allows exactly one response, marked verified; the second is refused", async ({ page }) => {
    const token = `T${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    await query(
      `INSERT INTO transaction_token (id, unit_id, token_hash) SELECT gen_random_uuid(), id, $1 FROM unit WHERE code = 'UPT-PKB'`,
      [createHash("sha256").update(token).digest("hex")],
    );
    const m = `token-${randomUUID().slice(0, 8)}`;
    const answer = async (saran: string) => {
      await page.goto(`/s/UPT-PKB/UJI?t=${token}&baru=1`);
      await page.getByRole("group", { name: /3\. Waktu Penyelesaian/ }).getByText("Cepat", { exact: true }).click();
      await page.getByLabel("Saran dan masukan").fill(saran);
      await page.getByRole("button", { name: "Kirim penilaian" }).click();
    };
    await answer(`${m} pertama`);
    await expect(page.getByRole("heading", { name: "Terima kasih!" })).toBeVisible();
    await answer(`${m} kedua`);
    await expect(page.getByTestId("form-errors")).toContainText("Kode transaksi ini sudah dipakai untuk mengisi survei.");
    const rows = await responsesWithMarker(m);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ verified: true, service: "UJI" });
  });
});
