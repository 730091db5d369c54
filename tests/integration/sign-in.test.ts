import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TRequestMeta } from "@/lib/request/meta";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// Sign-in and sessions in the data layer, against a real PostgreSQL: wrong passwords slow
// down the client that sends them, not the account; a session signed out of stays out.

let db: TestDatabase;
let signIn: typeof import("@/lib/dal/sign-in");
let sessions: typeof import("@/lib/dal/sessions");
const PASSWORD = "Suara-Demo-2026";
const CLIENT_LIMIT = 12;

const meta = (name: string): TRequestMeta => ({ clientAddress: `192.0.2.${name.length}`, clientKey: `key-${name}`, userAgent: "vitest" });
const rows = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows as T[]);
/** Ends the pair's current wait as if it had passed (no test sleeps). */
const endWait = (email: string, m: TRequestMeta) =>
  rows(`UPDATE sign_in_throttle SET blocked_until = now() - interval '1 second' WHERE email = $1 AND client_key = $2`, [email, m.clientKey]);

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 20 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  process.env.SUARA_LOGIN_CLIENT_LIMIT = String(CLIENT_LIMIT);
  signIn = await import("@/lib/dal/sign-in");
  sessions = await import("@/lib/dal/sessions");
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("wrong passwords", () => {
  it("slow down the client that sends them, with growing waits, while the owner on another device signs in", async () => {
    const email = "admin@suara.test";
    const attacker = meta("attacker");
    const owner = meta("owner-device");
    for (let i = 0; i < 5; i++) expect(await signIn.checkCredentials({ email, password: `salah-${i}-xxxxxxxx` }, attacker)).toEqual({ ok: false, error: "invalid" });

    // The attacker now waits, even with the right password...
    const first = await signIn.checkCredentials({ email, password: PASSWORD }, attacker);
    expect(first).toMatchObject({ ok: false, error: "throttled", scope: "account" });
    const firstWait = first.ok || first.error !== "throttled" ? 0 : first.retryAfterSeconds;
    expect(firstWait).toBeGreaterThan(0);
    expect(firstWait).toBeLessThanOrEqual(60);

    // ...and the owner, elsewhere, is not held up at all.
    expect(await signIn.checkCredentials({ email, password: PASSWORD }, owner)).toMatchObject({ ok: true, user: { email } });

    // Each further wrong try doubles the wait.
    await endWait(email, attacker);
    expect(await signIn.checkCredentials({ email, password: "salah-lagi-xxxxxxxx" }, attacker)).toEqual({ ok: false, error: "invalid" });
    const second = await signIn.checkCredentials({ email, password: PASSWORD }, attacker);
    expect(second).toMatchObject({ ok: false, error: "throttled", scope: "account" });
    const secondWait = second.ok || second.error !== "throttled" ? 0 : second.retryAfterSeconds;
    expect(secondWait).toBeGreaterThan(60);
    expect(secondWait).toBeLessThanOrEqual(120);

    // Every failure and every refusal is in the audit log, with the client that sent it.
    const log = await rows<{ action: string; ip: string }>(`SELECT action, ip FROM audit_log WHERE actor_email = $1 AND action LIKE 'auth.signin.%' ORDER BY id`, [email]);
    expect(log).toEqual([
      ...Array(5).fill({ action: "auth.signin.failure", ip: attacker.clientAddress }),
      { action: "auth.signin.throttled", ip: attacker.clientAddress },
      { action: "auth.signin.success", ip: owner.clientAddress },
      { action: "auth.signin.failure", ip: attacker.clientAddress },
      { action: "auth.signin.throttled", ip: attacker.clientAddress },
    ]);
  });

  it("are forgotten once the right password comes through", async () => {
    const email = "pimpinan@suara.test";
    const m = meta("forgetful");
    for (let i = 0; i < 5; i++) await signIn.checkCredentials({ email, password: `salah-${i}-xxxxxxxx` }, m);
    await endWait(email, m);
    expect(await signIn.checkCredentials({ email, password: PASSWORD }, m)).toMatchObject({ ok: true });
    expect(await rows(`SELECT 1 FROM sign_in_throttle WHERE email = $1`, [email])).toEqual([]);
    for (let i = 0; i < 4; i++) expect(await signIn.checkCredentials({ email, password: `typo-${i}-xxxxxxxx` }, m)).toEqual({ ok: false, error: "invalid" });
  });

  it("sent in one burst still get only the free tries before the wait", async () => {
    const email = "kepala.dukcapil@suara.test";
    const m = meta("burst");
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn.checkCredentials({ email, password: `burst-${i}-xxxxxxxx` }, m)));
    expect(results.filter((r) => !r.ok && r.error === "invalid")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.error === "throttled")).toHaveLength(5);
    // Five refusals in one wait: one audit entry, not five (the log is append-only).
    const log = await rows<{ action: string }>(`SELECT action FROM audit_log WHERE actor_email = $1 AND action LIKE 'auth.signin.%' ORDER BY id`, [email]);
    expect(log.filter((l) => l.action === "auth.signin.failure")).toHaveLength(5);
    expect(log.filter((l) => l.action === "auth.signin.throttled")).toHaveLength(1);
  });

  it("sent in one burst at many accounts from one client stop at the client's limit", async () => {
    const m = meta("parallel-sprayer");
    const results = await Promise.all(
      Array.from({ length: CLIENT_LIMIT * 3 }, (_, i) => signIn.checkCredentials({ email: `semprot-${i}@suara.test`, password: "tebak-tebakan-2" }, m)),
    );
    // Counted before any password is checked: no more than the limit get a try, however many come at once.
    expect(results.filter((r) => !r.ok && r.error === "invalid")).toHaveLength(CLIENT_LIMIT);
    expect(results.filter((r) => !r.ok && r.error === "throttled")).toHaveLength(CLIENT_LIMIT * 2);
  });

  it("from one client at many accounts stop that client at its limit", async () => {
    const m = meta("sprayer");
    for (let i = 0; i < CLIENT_LIMIT; i++) {
      expect(await signIn.checkCredentials({ email: `tidak-ada-${i}@suara.test`, password: "tebak-tebakan-1" }, m)).toEqual({ ok: false, error: "invalid" });
    }
    const refused = await signIn.checkCredentials({ email: "operator.dukcapil@suara.test", password: PASSWORD }, m);
    expect(refused).toMatchObject({ ok: false, error: "throttled", scope: "client" });
    expect(!refused.ok && refused.error === "throttled" && refused.retryAfterSeconds).toBeGreaterThan(0);
    // The account itself is fine.
    expect(await signIn.checkCredentials({ email: "operator.dukcapil@suara.test", password: PASSWORD }, meta("colleague"))).toMatchObject({ ok: true });
    // A right password does not use up a client's tries: an office behind one address signs in all day.
    const office = meta("office-nat");
    for (let i = 0; i < CLIENT_LIMIT + 3; i++) expect(await signIn.checkCredentials({ email: "operator.dukcapil@suara.test", password: PASSWORD }, office)).toMatchObject({ ok: true });
  });
});

describe("a session", () => {
  it("opens a caller until it is signed out of, and then never again", async () => {
    const [user] = await rows<{ id: string; session_version: number }>(`SELECT id, session_version FROM "user" WHERE email = 'operator.dukcapil@suara.test'`);
    const sid = await sessions.openSession(user!.id);
    expect(await signIn.loadCaller(user!.id, user!.session_version, sid)).toMatchObject({ email: "operator.dukcapil@suara.test" });
    const other = await sessions.openSession(user!.id); // the same person on a second device

    await sessions.closeSession(sid);
    expect(await signIn.loadCaller(user!.id, user!.session_version, sid)).toBeNull();
    // Signing out on one device leaves the other signed in.
    expect(await signIn.loadCaller(user!.id, user!.session_version, other)).not.toBeNull();
    // A JWT without a session, or naming one that never was, is no caller either.
    expect(await signIn.loadCaller(user!.id, user!.session_version, undefined)).toBeNull();
    expect(await signIn.loadCaller(user!.id, user!.session_version, "00000000-0000-4000-8000-000000000000")).toBeNull();
    // Another user's session does not open this account.
    const [admin] = await rows<{ id: string; session_version: number }>(`SELECT id, session_version FROM "user" WHERE email = 'admin@suara.test'`);
    expect(await signIn.loadCaller(admin!.id, admin!.session_version, other)).toBeNull();
  });

  it("is touched while used and ends when idle past a working day", async () => {
    const [user] = await rows<{ id: string; session_version: number }>(`SELECT id, session_version FROM "user" WHERE email = 'pimpinan@suara.test'`);
    const sid = await sessions.openSession(user!.id);
    await rows(`UPDATE user_session SET last_seen_at = now() - interval '1 hour' WHERE id = $1`, [sid]);
    expect(await signIn.loadCaller(user!.id, user!.session_version, sid)).not.toBeNull();
    const [touched] = await rows<{ fresh: boolean }>(`SELECT last_seen_at > now() - interval '1 minute' AS fresh FROM user_session WHERE id = $1`, [sid]);
    expect(touched).toEqual({ fresh: true });
    await rows(`UPDATE user_session SET last_seen_at = now() - interval '9 hours' WHERE id = $1`, [sid]);
    expect(await signIn.loadCaller(user!.id, user!.session_version, sid)).toBeNull();
  });
});
