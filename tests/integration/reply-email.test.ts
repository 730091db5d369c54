import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";
import { startTestSmtp, type TTestSmtp } from "@/tests/support/smtp";

// Reply emails through pg-boss on the test database and a real SMTP server in this process.

let smtp: TTestSmtp;
let smtpPort = 0;
let db: TestDatabase;
let queue: typeof import("@/lib/jobs/queue");
let replyEmail: typeof import("@/lib/jobs/reply-email");
let env: typeof import("@/lib/env");

function setSmtp(url: string | undefined) {
  if (url) process.env.SMTP_URL = url;
  else delete process.env.SMTP_URL;
  env.resetServerEnv();
}

async function until<T>(check: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("condition not reached");
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A response with a saran and a contact email, and a QUEUED reply to it; returns the reply's id. */
async function replyTo(email: string, createdAgo = "0 minutes"): Promise<string> {
  return withClient(db.url, async (c) => {
    const [unit] = (await c.query(`SELECT id FROM unit WHERE code = 'DISDUKCAPIL'`)).rows;
    const [tv] = (await c.query(`SELECT id FROM template_version WHERE published_at IS NOT NULL LIMIT 1`)).rows;
    const rid = (await c.query(
      `INSERT INTO response (id, unit_id, template_version_id, channel, answers, saran, idempotency_key, locale)
       VALUES (gen_random_uuid(), $1, $2, 'WEB', '{"U1":1}', 'Antrian terlalu lama', gen_random_uuid()::text, 'id') RETURNING id`,
      [unit.id, tv.id],
    )).rows[0].id as string;
    await c.query(`INSERT INTO response_contact (response_id, email) VALUES ($1, $2)`, [rid, email]);
    return (await c.query(
      `INSERT INTO feedback_reply (id, response_id, body, email_status, created_at) VALUES (gen_random_uuid(), $1, 'Loket tambahan dibuka mulai Senin.', 'QUEUED', now() - $2::interval) RETURNING id`,
      [rid, createdAgo],
    )).rows[0].id as string;
  });
}

const status = (id: string) =>
  withClient(db.url, async (c) => (await c.query(`SELECT email_status::text AS s, email_error AS e FROM feedback_reply WHERE id = $1`, [id])).rows[0] as { s: string; e: string | null });

beforeAll(async () => {
  smtp = await startTestSmtp();
  smtpPort = smtp.port;
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 50 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  process.env.MAIL_FROM = "IKM Sukamaju <ikm@sukamaju.test>";
  env = await import("@/lib/env");
  setSmtp(`smtp://127.0.0.1:${smtpPort}`);
  queue = await import("@/lib/jobs/queue");
  replyEmail = await import("@/lib/jobs/reply-email");
  await queue.startJobs({ pollingIntervalSeconds: 0.5, retryDelaySeconds: 1, retryLimit: 2 });
}, 180_000);

afterAll(async () => {
  await queue?.stopJobs();
  (await import("@/lib/mail/transport")).closeMail();
  await (await import("@/lib/db")).closeDb();
  await smtp?.close();
  await db?.drop();
});

describe("reply emails", () => {
  it("delivers the reply to the citizen's address and marks it SENT", async () => {
    expect(replyEmail.replyEmailStatus("warga@contoh.test")).toBe("QUEUED");
    expect(replyEmail.replyEmailStatus("not-an-address")).toBe("NONE");
    expect(replyEmail.replyEmailStatus(null)).toBe("NONE");
    const id = await replyTo("warga@contoh.test");
    await replyEmail.sendReplyEmailSoon(id);
    const mail = await until(async () => smtp.inbox.find((m) => m.to === "warga@contoh.test"));
    expect(mail.subject).toContain("Dinas Kependudukan");
    expect(mail.text).toContain("Loket tambahan dibuka mulai Senin.");
    expect(mail.text).toContain("/s/DISDUKCAPIL/balasan");
    await until(async () => (await status(id)).s === "SENT");
  });

  it("marks the reply FAILED after the retries when the mail server is down, and keeps working", async () => {
    // A port a server had a moment ago: nothing listens there now.
    const probe = await startTestSmtp();
    const closed = probe.port;
    await probe.close();
    setSmtp(`smtp://127.0.0.1:${closed}`);
    try {
      const id = await replyTo("gagal@contoh.test");
      await replyEmail.sendReplyEmailSoon(id);
      const row = await until(async () => {
        const r = await status(id);
        return r.s === "FAILED" && r;
      }, 45_000);
      expect(row.e).toBeTruthy();
    } finally {
      setSmtp(`smtp://127.0.0.1:${smtpPort}`);
    }
    const id = await replyTo("lagi@contoh.test");
    await replyEmail.sendReplyEmailSoon(id);
    await until(async () => (await status(id)).s === "SENT");
  });

  it("queues a reply left QUEUED without a job exactly once", async () => {
    const id = await replyTo("tersangkut@contoh.test", "5 minutes");
    const before = smtp.inbox.length;
    const first = await replyEmail.sweepStuckReplies();
    const second = await replyEmail.sweepStuckReplies();
    expect(first).toBeGreaterThanOrEqual(1);
    await until(async () => (await status(id)).s === "SENT");
    const delivered = smtp.inbox.slice(before).filter((m) => m.to === "tersangkut@contoh.test");
    expect(delivered).toHaveLength(1);
    expect(second).toBe(0);
  });

  it("leaves email off without SMTP_URL", async () => {
    setSmtp(undefined);
    try {
      expect(replyEmail.replyEmailStatus("warga@contoh.test")).toBe("NONE");
    } finally {
      setSmtp(`smtp://127.0.0.1:${smtpPort}`);
    }
  });
});
