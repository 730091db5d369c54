import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";
import type * as ResponsesModule from "@/lib/dal/responses";
import { hashReplyCode } from "@/lib/feedback/reply-code";

// The citizen's reply code: given when the response lands in the inbox, the same on every replay, stored only hashed.

let db: TestDatabase;
let dal: typeof ResponsesModule;
const good = { U1: 4, U2: 3, U3: 3, U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 3 };
const web = { channel: "WEB" as const, clientKey: "reply-client", requireService: true };

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 20 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  dal = await import("@/lib/dal/responses");
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

const stored = (id: string) =>
  withClient(db.url, async (c) => (await c.query(`SELECT reply_code_hash AS h FROM response WHERE id = $1`, [id])).rows[0]?.h as string | null);
const inboxHas = (id: string) =>
  withClient(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM feedback_item WHERE response_id = $1`, [id])).rows[0].n as number);

describe("reply code on submit", () => {
  it("is the same on every replay of one submission and stored once, hashed", async () => {
    const key = randomUUID();
    const input = { unit: "PKM-SUKAMAJU", service: "UMUM", answers: { ...good, U2: 1 }, saran: "Antrean lama" };
    const results = await Promise.all([dal.submitResponse(input, key, web), dal.submitResponse(input, key, web)]);
    const again = await dal.submitResponse(input, key, web);
    const codes = [...results, again].map((r) => (r.ok ? r.replyCode : "refused"));
    expect(codes[0]).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(new Set(codes).size).toBe(1);
    const id = again.ok ? again.id : "";
    expect(await stored(id)).toBe(hashReplyCode(codes[0]!));
    expect(await inboxHas(id)).toBe(1);
    const other = await dal.submitResponse(input, randomUUID(), { ...web, clientKey: "reply-other" });
    expect(other.ok && other.replyCode).not.toBe(codes[0]);
  });

  it("is given for a low score alone and for a saran alone, on the transaction path too", async () => {
    const low = await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "UMUM", answers: { ...good, U9: 2 } }, randomUUID(), web);
    expect(low.ok && low.replyCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    const contact = { name: "Budi", phone: "0812345678", consent: true };
    const withContact = await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "UMUM", answers: good, saran: "Ramah", contact }, randomUUID(), web);
    expect(withContact.ok).toBe(true);
    if (!withContact.ok) return;
    expect(withContact.replyCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(await stored(withContact.id)).toBe(hashReplyCode(withContact.replyCode!));
  });

  it("is not given when the response does not reach the inbox", async () => {
    const r = await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "UMUM", answers: good, saran: "" }, randomUUID(), web);
    expect(r).toMatchObject({ ok: true, replyCode: null });
    if (!r.ok) return;
    expect(await stored(r.id)).toBeNull();
    expect(await inboxHas(r.id)).toBe(0);
  });
});

describe("the citizen's reply page lookup", () => {
  const ask = async (unit: string, code: string, client = "reply-page-client") =>
    (await import("@/lib/dal/feedback/public-reply")).readPublicReply(unit, code, client);

  it("opens the replies with the code in any spelling, within its own unit only", async () => {
    const r = await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "UMUM", answers: { ...good, U3: 1 }, saran: "Ruang tunggu panas" }, randomUUID(), web);
    if (!r.ok || !r.replyCode) throw new Error("expected a reply code");
    const code = r.replyCode;
    expect(await ask("PKM-SUKAMAJU", code)).toMatchObject({ status: "received", saran: "Ruang tunggu panas", replies: [] });
    await withClient(db.url, (c) =>
      c.query(`INSERT INTO feedback_reply (id, response_id, body) VALUES (gen_random_uuid(), $1, 'Kipas angin sudah dipasang.')`, [r.id]),
    );
    await withClient(db.url, (c) => c.query(`UPDATE feedback_item SET status = 'SELESAI' WHERE response_id = $1`, [r.id]));
    const grouped = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`.toLowerCase();
    const view = await ask("pkm-sukamaju", grouped);
    expect(view).toMatchObject({ status: "resolved", replies: [{ body: "Kipas angin sudah dipasang." }] });
    // Internal notes never reach the page.
    expect(JSON.stringify(view)).not.toContain("note");
    // The same code under another unit's link, a wrong code, a malformed one: not found alike.
    expect(await ask("DISDUKCAPIL", code)).toBeNull();
    expect(await ask("PKM-SUKAMAJU", "2345678923")).toBeNull();
    expect(await ask("PKM-SUKAMAJU", "../../etc")).toBeNull();
  });

  it("opens with the one-time transaction code as well", async () => {
    const token = "ABCDLLMN23";
    await withClient(db.url, (c) =>
      c.query(`INSERT INTO transaction_token (id, unit_id, token_hash) SELECT gen_random_uuid(), id, $1 FROM unit WHERE code = 'PKM-SUKAMAJU'`, [dal.hashToken(token)]),
    );
    const r = await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "UMUM", answers: { ...good, U1: 2 }, token }, randomUUID(), web);
    expect(r.ok).toBe(true);
    expect(await ask("PKM-SUKAMAJU", token.toLowerCase())).toMatchObject({ status: "received", replies: [] });
  });

  it("answers not found to a client that keeps guessing", async () => {
    const r = await dal.submitResponse({ unit: "PKM-SUKAMAJU", service: "UMUM", answers: { ...good, U4: 1 } }, randomUUID(), web);
    if (!r.ok || !r.replyCode) throw new Error("expected a reply code");
    for (let i = 0; i < 30; i++) await ask("PKM-SUKAMAJU", "2345678923", "guesser");
    expect(await ask("PKM-SUKAMAJU", r.replyCode, "guesser")).toBeNull();
    expect(await ask("PKM-SUKAMAJU", r.replyCode, "someone-else")).not.toBeNull();
  });
});
