import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";
import { startTestSmtp, type TTestSmtp } from "@/tests/support/smtp";

// The digests on the embedded PostgreSQL (PGlite, one session behind pglite-socket): the claim
// holds with concurrent claimers, and a due scan sends a kepala one weekly digest.

process.env.SUARA_TEST_EMBEDDED = "1";

const WEEKLY_AT = new Date("2026-11-30T01:00:00Z");
let smtp: TTestSmtp;
let db: TestDatabase;
let queue: typeof import("@/lib/jobs/queue");

beforeAll(async () => {
  smtp = await startTestSmtp();
  db = await createTestDatabase({ migrated: true });
  expect(db.mode).toBe("embedded");
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 0, until: new Date("2026-11-30T00:00:00Z") });
  await withClient(db.url, (c) =>
    c.query(`INSERT INTO response (id, unit_id, template_version_id, channel, answers, saran, idempotency_key, locale, submitted_at)
             SELECT gen_random_uuid(), u.id, (SELECT id FROM template_version WHERE published_at IS NOT NULL LIMIT 1), 'WEB', '{"U1":3}',
                    'Parkir sempit', gen_random_uuid()::text, 'id', '2026-11-25T03:00:00Z' FROM unit u WHERE u.code = 'DISDUKCAPIL'`),
  );
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  process.env.MAIL_FROM = "IKM Sukamaju <ikm@sukamaju.test>";
  process.env.SMTP_URL = smtp.url;
  (await import("@/lib/env")).resetServerEnv();
  queue = await import("@/lib/jobs/queue");
}, 180_000);

afterAll(async () => {
  await queue?.stopJobs();
  (await import("@/lib/mail/transport")).closeMail();
  await (await import("@/lib/db")).closeDb();
  await smtp?.close();
  await db?.drop();
  delete process.env.SMTP_URL;
});

describe("digests on the embedded database", () => {
  it("gives the claim to one of several concurrent jobs", async () => {
    const claims = await import("@/lib/dal/digest/claim");
    const [user] = (await withClient(db.url, (c) => c.query(`SELECT id FROM "user" WHERE email = 'pimpinan@suara.test'`))).rows;
    const c = { kind: "MONTHLY" as const, userId: user.id as string, periodKey: "2026-10" };
    const jobs = Array.from({ length: 5 }, () => crypto.randomUUID());
    const won = await Promise.all(jobs.map((j) => claims.claimDigest(c, j)));
    expect(won.filter(Boolean)).toHaveLength(1);
    const holder = jobs[won.indexOf(true)]!;
    expect(await claims.claimDigest(c, holder)).toBe(true);
    await claims.finishDigest(c, holder, "SKIPPED");
    expect(await Promise.all(jobs.map((j) => claims.claimDigest(c, j)))).toEqual([false, false, false, false, false]);
  });

  it("sends the due weekly digest once through the queue", { timeout: 90_000 }, async () => {
    await queue.startJobs({ pollingIntervalSeconds: 0.5, retryDelaySeconds: 1, retryLimit: 2 });
    const digest = await import("@/lib/jobs/digest");
    const [a, b] = await Promise.all([digest.scanDueDigests(WEEKLY_AT), digest.scanDueDigests(WEEKLY_AT)]);
    expect(a + b).toBe(1); // one kepala in the demo; one waiting job per recipient and week
    const deadline = Date.now() + 60_000;
    const sent = async () =>
      (await withClient(db.url, (c) => c.query(`SELECT count(*)::int AS n FROM digest_sent WHERE kind = 'WEEKLY' AND period_key = '2026-W49' AND status = 'SENT'`))).rows[0].n as number;
    while ((await sent()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await sent()).toBe(1);
    expect(await digest.scanDueDigests(WEEKLY_AT)).toBe(0);
    const mails = smtp.inbox.filter((m) => m.to === "kepala.dukcapil@suara.test");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("1 saran baru pekan ini");
  });
});
