import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";
import type * as ResponsesModule from "@/lib/dal/responses";

// The one data path every channel uses, against a real PostgreSQL with the demo agency.

let db: TestDatabase;
let dal: typeof ResponsesModule;
const full = { U1: 4, U2: 3, U3: 3, U4: 4, U5: 3, U6: 4, U7: 4, U8: 2, U9: 3 };
const web = { channel: "WEB" as const, clientKey: "client-a", requireService: true };

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 200 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  dal = await import("@/lib/dal/responses");
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

const count = (where = "true", params: unknown[] = []) =>
  withClient(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM response WHERE ${where}`, params)).rows[0].n as number);

describe("submitResponse", () => {
  it("takes importance (harapan) only where the questionnaire asks it", async () => {
    const harapan = { U1: 4, U3: 4, U9: 2 };
    const asked = await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "UMUM", answers: full, harapan }, randomUUID(), web);
    expect(asked.ok).toBe(true);
    const stored = await withClient(db.url, async (c) => (await c.query(`SELECT harapan FROM response WHERE id = $1`, [asked.ok ? asked.id : null])).rows[0].harapan);
    expect(stored).toEqual(harapan);
    const before = await count();
    const refused = await dal.submitResponse({ unit: "RSUD", service: "IGD", answers: full, harapan }, randomUUID(), web);
    expect(refused).toEqual({ ok: false, status: 400, errors: { harapan: "harapanNotAsked" } });
    expect(await count()).toBe(before);
    const outOfScale = await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "UMUM", answers: full, harapan: { U2: 7 } }, randomUUID(), web);
    expect(outOfScale).toMatchObject({ ok: false, errors: { "harapan.U2": "scoreOutOfScale" } });
  });

  it("stores an accepted response once, however often the same key comes back", async () => {
    const key = randomUUID();
    const input = { unit: "pkm-sukamaju", service: "umum", answers: full, saran: "Bagus", profile: { gender: "P", age: 31 } };
    const [a, b, c] = await Promise.all([
      dal.submitResponse(input, key, web),
      dal.submitResponse(input, key, web),
      dal.submitResponse(input, key, web),
    ]);
    expect(a.ok && b.ok && c.ok).toBe(true);
    const ids = [a, b, c].map((r) => (r.ok ? r.id : null));
    expect(new Set(ids).size).toBe(1);
    expect(await count("idempotency_key = $1", [key])).toBe(1);
    const row = await withClient(db.url, async (cl) => (await cl.query(`SELECT answers, gender::text, age, channel::text FROM response WHERE id = $1`, [ids[0]])).rows[0]);
    expect(row).toEqual({ answers: full, gender: "P", age: 31, channel: "WEB" });
  });

  it("refuses control characters in every free-text field with a field error, and writes nothing", async () => {
    const before = await count();
    const contact = { name: "Bu\u0000di", phone: "0812345678", consent: true };
    const nul = await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "UMUM", answers: full, saran: "a\u0000b", contact }, randomUUID(), web);
    expect(nul).toEqual({ ok: false, status: 400, errors: { saran: "controlChar", "contact.name": "controlChar" } });
    // A bidirectional override reorders what a reader sees; an escape hides text in a terminal.
    for (const saran of ["harga \u202Egnalreb", "x\u001b[2Jy", "\u007f"]) {
      expect(await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "UMUM", answers: full, saran }, randomUUID(), web)).toMatchObject({ errors: { saran: "controlChar" } });
    }
    expect(await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "UMUM", answers: full, token: "ABCD\u0000EFGH" }, randomUUID(), web)).toMatchObject({ errors: { token: "controlChar" } });
    expect(await count()).toBe(before);
    // Line breaks and tabs in a saran are a person's writing, and kept.
    const ok = await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "UMUM", answers: full, saran: "Antre lama.\r\n\tLoket 2 tutup." }, randomUUID(), web);
    expect(ok.ok).toBe(true);
  });

  it("refuses bad input with field-level codes and writes nothing", async () => {
    const before = await count();
    const bad = await dal.submitResponse(
      { unit: "PKM-SUKAMAJU", answers: { U1: 5, U3: 0, U10: 2 }, saran: "x".repeat(2001), profile: { age: 4 } },
      randomUUID(),
      web,
    );
    expect(bad).toEqual({
      ok: false,
      status: 400,
      errors: {
        "answers.U1": "scoreOutOfScale",
        "answers.U3": "scoreOutOfScale",
        "answers.U10": "unknownItem",
        service: "serviceRequired",
        saran: "tooLong",
        "profile.age": "ageRange",
      },
    });
    expect(await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "UMUM", answers: {} }, randomUUID(), web)).toMatchObject({
      status: 400,
      errors: { answers: "noAnswer" },
    });
    expect(await dal.submitResponse({ unit: "NOPE", answers: full }, randomUUID(), web)).toMatchObject({ status: 404, errors: { unit: "unknownUnit" } });
    expect(await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "X", answers: full }, randomUUID(), web)).toMatchObject({
      errors: { service: "unknownService" },
    });
    expect(await dal.submitResponse({ unit: "PKM-SUKAMAJU", answers: full }, "short", web)).toMatchObject({ errors: { idempotencyKey: "invalid" } });
    expect(await count()).toBe(before);
  });

  it("refuses an inactive unit", async () => {
    await withClient(db.url, (c) => c.query(`UPDATE unit SET active = false WHERE code = 'LABKESDA'`));
    const { clearSurveyCache } = await import("@/lib/dal/survey");
    clearSurveyCache();
    expect(await dal.submitResponse({ unit: "LABKESDA", service: "AIR", answers: full }, randomUUID(), web)).toMatchObject({ status: 404 });
  });

  it("lets the API leave out the service of a unit with several, but not the web form", async () => {
    const api = await dal.submitResponse({ unit: "RSUD", answers: { U1: 3 } }, randomUUID(), { channel: "API", clientKey: "sys", requireService: false });
    expect(api).toMatchObject({ ok: true });
    expect(await dal.submitResponse({ unit: "RSUD", answers: { U1: 3 } }, randomUUID(), { ...web, clientKey: "c2" })).toMatchObject({ errors: { service: "serviceRequired" } });
  });

  it("keeps contact details apart, only with consent", async () => {
    const noConsent = await dal.submitResponse(
      { unit: "DINSOS", service: "DTKS", answers: full, contact: { phone: "081234567890" } },
      randomUUID(),
      { ...web, clientKey: "c3" },
    );
    expect(noConsent).toMatchObject({ ok: false, errors: { "contact.consent": "consentRequired" } });
    const ok = await dal.submitResponse(
      { unit: "DINSOS", service: "DTKS", answers: full, saran: "Tolong hubungi", contact: { phone: "081234567890", consent: true } },
      randomUUID(),
      { ...web, clientKey: "c3" },
    );
    expect(ok.ok).toBe(true);
    const contact = await withClient(db.url, async (c) => (await c.query(`SELECT phone FROM response_contact WHERE response_id = $1`, [ok.ok && ok.id])).rows);
    expect(contact).toEqual([{ phone: "081234567890" }]);
  });

  it("accepts a one-time token exactly once, and marks the response verified", async () => {
    const token = `tkn-${randomUUID()}`;
    await withClient(db.url, (c) =>
      c.query(`INSERT INTO transaction_token (id, unit_id, token_hash) SELECT gen_random_uuid(), id, $1 FROM unit WHERE code = 'DISDUKCAPIL'`, [dal.hashToken(token)]),
    );
    const input = { unit: "DISDUKCAPIL", service: "KTP", answers: full, token };
    const verifiedBefore = await count("verified");
    const first = await dal.submitResponse(input, randomUUID(), { ...web, clientKey: "c4" });
    expect(first).toMatchObject({ ok: true, verified: true });
    const second = await dal.submitResponse(input, randomUUID(), { ...web, clientKey: "c5" });
    expect(second).toEqual({ ok: false, status: 409, errors: { token: "tokenUsed" } });
    const unknown = await dal.submitResponse({ ...input, token: "tkn-unknown-123" }, randomUUID(), { ...web, clientKey: "c6" });
    expect(unknown).toEqual({ ok: false, status: 409, errors: { token: "tokenInvalid" } });
    expect(await count("verified")).toBe(verifiedBefore + 1);
    const claimed = await withClient(db.url, async (c) => (await c.query(`SELECT response_id FROM transaction_token WHERE token_hash = $1`, [dal.hashToken(token)])).rows);
    expect(claimed).toEqual([{ response_id: first.ok ? first.id : "" }]);
  });

  it("limits a client through counters in PostgreSQL, seen by every instance", async () => {
    const ctx = { ...web, clientKey: `burst-${randomUUID()}` };
    const results = [];
    for (let i = 0; i < dal.CLIENT_LIMIT.max; i++) {
      results.push(await dal.submitResponse({ unit: "KEC-SUKAMAJU", service: "PATEN", answers: { U1: 3 } }, randomUUID(), ctx));
    }
    expect(results.every((r) => r.ok)).toBe(true);
    // Beyond the burst threshold the responses are kept but flagged.
    expect(results.filter((r) => r.ok && r.suspicious)).toHaveLength(dal.CLIENT_LIMIT.max - dal.CLIENT_BURST);

    // A second app instance (its own client and pool) sees the same counter.
    await (await import("@/lib/db")).closeDb();
    const refused = await dal.submitResponse({ unit: "KEC-SUKAMAJU", service: "PATEN", answers: { U1: 3 } }, randomUUID(), ctx);
    expect(refused).toEqual({ ok: false, status: 429, errors: { form: "rateLimited" } });
    const counter = await withClient(db.url, async (c) => (await c.query(`SELECT count FROM rate_limit_counter WHERE key = $1`, [`resp:client:${ctx.clientKey}`])).rows);
    expect(counter).toEqual([{ count: dal.CLIENT_LIMIT.max + 1 }]);
  });

  it("flags, rather than drops, a response that filled the honeypot", async () => {
    const r = await dal.submitResponse({ unit: "DISDIK", service: "LEGALISIR", answers: full, website: "http://spam" }, randomUUID(), { ...web, clientKey: "c7" });
    expect(r).toMatchObject({ ok: true, suspicious: true });
  });

  it("shows the public the result as published, not as late entries change it", async () => {
    const { getSurvey, getLastPublishedIndex } = await import("@/lib/dal/survey");
    const survey = (await getSurvey("PKM-SUKAMAJU"))!;
    const before = (await getLastPublishedIndex(survey))!;
    expect(before.mutu).toMatch(/^[ABCD]$/);
    const frozen = await withClient(db.url, async (c) =>
      (await c.query(`SELECT p.result, s.start_date FROM publication p JOIN unit u ON u.id = p.unit_id JOIN survey_period s ON s.id = p.period_id
                       WHERE u.code = 'PKM-SUKAMAJU' ORDER BY s.end_date DESC LIMIT 1`)).rows[0],
    );
    expect(before).toMatchObject({ konversi: frozen.result.konversi, mutu: frozen.result.mutu, respondents: frozen.result.respondents });
    // Late paper questionnaires for that quarter, all scored 1.
    for (let i = 0; i < 20; i++) {
      const late = await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "UMUM", answers: { U1: 1, U2: 1, U3: 1, U4: 1, U5: 1, U6: 1, U7: 1, U8: 1, U9: 1 } }, randomUUID(), {
        channel: "PAPER", clientKey: `paper-${i}`, requireService: true, submittedAt: new Date(frozen.start_date.getTime() + 86_400_000 * 10),
      });
      expect(late.ok).toBe(true);
    }
    expect(await getLastPublishedIndex(survey)).toEqual(before);
  });

  it("keeps the rollup equal to the responses after all of this", async () => {
    const [live, rebuilt] = await withClient(db.url, async (c) => {
      const q = `SELECT unit_id, service_id, day, channel, verified, suspicious, responses, sums, counts FROM unit_daily_rollup WHERE responses <> 0 ORDER BY 1,2,3,4,5,6`;
      const live = (await c.query(q)).rows;
      await c.query(`SELECT suara_rollup_rebuild()`);
      return [live, (await c.query(q)).rows];
    });
    expect(live).toEqual(rebuilt);
  });
});
