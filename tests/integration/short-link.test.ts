import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The short link /k/<code> of a one-time transaction code: opens the survey with the code applied
// while it is unused, says "used" or "expired" after, knows nothing else, and is limited per client.

let db: TestDatabase;
let operate: typeof import("@/lib/dal/operate");
let shortLink: typeof import("@/lib/dal/short-link");
let responses: typeof import("@/lib/dal/responses");
let operator: TCaller; // operator of Dinas Dukcapil and its bureaus
const good = { U1: 4, U2: 3, U3: 3, U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 3 };
const web = { channel: "WEB" as const, clientKey: "short-link-submit", requireService: true };

const rows = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows as T[]);
let lookups = 0;
/** Each lookup from its own client unless one is named, so the limit is tested on its own. */
const open = (code: string, client = `client-${lookups++}`) => shortLink.resolveShortLink(code, client);

async function issue(serviceCode: string, count = 1) {
  const r = await operate.issueTransactionTokens(operator, { unitCode: "DUKCAPIL-CAPIL", serviceCode, count, days: 14, origin: "https://suara.example" });
  if (!r.ok) throw new Error(`issue failed: ${r.error}`);
  return r.value;
}
const issueOne = async (serviceCode: string) => (await issue(serviceCode))[0]!.token;

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 20 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  operate = await import("@/lib/dal/operate");
  shortLink = await import("@/lib/dal/short-link");
  responses = await import("@/lib/dal/responses");
  const [u] = await rows<{ id: string; name: string }>(`SELECT id, name FROM "user" WHERE email = 'operator.dukcapil@suara.test'`);
  const roles = await rows<{ role: "OPERATOR"; unit_id: string; path: string }>(
    `SELECT r.role, r.unit_id, u.path FROM role_assignment r JOIN unit u ON u.id = r.unit_id WHERE r.user_id = $1`,
    [u!.id],
  );
  operator = { userId: u!.id, email: "operator.dukcapil@suara.test", name: u!.name, mustChangePassword: false, assignments: roles.map((r) => ({ role: r.role, unitId: r.unit_id, unitPath: r.path })) };
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("short link of a transaction code", () => {
  it("is issued with each code: the public origin and the code alone", async () => {
    const issued = await issue("KAWIN", 3);
    for (const t of issued) {
      expect(t.shortUrl).toBe(`https://suara.example/k/${t.token}`);
      expect(t.token).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
      // The printed card's QR code is the short link's.
      expect(t.svg).toBe(await operate.qrSvg(t.shortUrl));
    }
  });

  it("opens the survey with the code applied while unused, in any spelling a person types", async () => {
    const token = await issueOne("KAWIN");
    const expected = { kind: "open", path: `/s/DUKCAPIL-CAPIL/KAWIN?t=${token}` };
    expect(await open(token)).toEqual(expected);
    expect(await open(token.toLowerCase())).toEqual(expected);
    expect(await open(`${token.slice(0, 4)}-${token.slice(4, 8)} ${token.slice(8)}`.toLowerCase())).toEqual(expected);
    // A code for the whole unit lets the citizen pick the service.
    const wide = await issueOne("");
    expect(await open(wide)).toEqual({ kind: "open", path: `/s/DUKCAPIL-CAPIL?t=${wide}` });
    // Looking never uses it.
    expect((await rows<{ n: number }>(`SELECT count(*)::int AS n FROM transaction_token WHERE used_at IS NOT NULL`))[0]!.n).toBe(0);
  });

  it("says used once the code has answered the survey", async () => {
    const token = await issueOne("KAWIN");
    const r = await responses.submitResponse({ unit: "DUKCAPIL-CAPIL", service: "KAWIN", answers: good, token }, randomUUID(), web);
    expect(r).toMatchObject({ ok: true, verified: true });
    expect(await open(token)).toEqual({ kind: "used" });
    expect(await open(token.toLowerCase())).toEqual({ kind: "used" });
  });

  it("says expired past its date, or when its service no longer takes answers", async () => {
    const [a, b] = [await issueOne("KAWIN"), await issueOne("KAWIN")];
    await rows(`UPDATE transaction_token SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [responses.hashToken(a)]);
    expect(await open(a)).toEqual({ kind: "expired" });
    await rows(`UPDATE service SET active = false WHERE code = 'KAWIN'`);
    try {
      expect(await open(b)).toEqual({ kind: "expired" });
    } finally {
      await rows(`UPDATE service SET active = true WHERE code = 'KAWIN'`);
    }
    expect(await open(b)).toMatchObject({ kind: "open" });
  });

  it("knows no other code, and nothing that is not a code", async () => {
    for (const code of ["ABCDEFGH23", "abcdefgh23", "ABCDEFGH2", "ABCDEFGH01", "../../etc/passwd", "", "%00", "A".repeat(500)]) {
      expect(await open(code)).toEqual({ kind: "unknown" });
    }
  });

  it("limits lookups per client, not for the next client", async () => {
    const token = await issueOne("KAWIN");
    const max = shortLink.SHORT_LINK_LOOKUPS_PER_MINUTE;
    // The windows are a minute each: start well inside one.
    const second = new Date().getUTCSeconds();
    if (second >= 50) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
    for (let i = 0; i < max; i++) expect((await open(i % 2 ? token : "ZZZZZZZZZZ", "flood")).kind).not.toBe("limited");
    // Over the limit a good code is refused too: nothing to learn from it.
    expect(await open(token, "flood")).toEqual({ kind: "limited" });
    expect(await open(token, "someone-else")).toMatchObject({ kind: "open" });
  });
});
