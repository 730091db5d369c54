import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";
import { startTestSmtp, type TTestSmtp } from "@/tests/support/smtp";

// Reminder digests through pg-boss on the test database and a real SMTP server in this
// process. The clock is injected: the demo data ends on Monday 30 November 2026 (WIB).

const WEEKLY_AT = new Date("2026-11-30T01:00:00Z"); // Monday 08:00 WIB: the week of 23-29 Nov is reported
const MONTHLY_AT = new Date("2026-12-01T01:00:00Z"); // Tuesday 1 Dec 08:00 WIB
const WEEK = "2026-W49";

let smtp: TTestSmtp;
let db: TestDatabase;
let queue: typeof import("@/lib/jobs/queue");
let digest: typeof import("@/lib/jobs/digest");
let claims: typeof import("@/lib/dal/digest/claim");
let env: typeof import("@/lib/env");
const users: Record<string, string> = {};

async function until<T>(check: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("condition not reached");
    await new Promise((r) => setTimeout(r, 200));
  }
}

const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => withClient(db.url, async (c) => (await c.query(text, values)).rows as T[]);

/** A response with a saran (its inbox item comes from the trigger). */
async function saran(unitCode: string, submittedAt: string, opts: { suspicious?: boolean } = {}) {
  await q(
    `INSERT INTO response (id, unit_id, template_version_id, channel, answers, saran, idempotency_key, locale, submitted_at, suspicious)
     SELECT gen_random_uuid(), u.id, (SELECT id FROM template_version WHERE published_at IS NOT NULL LIMIT 1), 'WEB', '{"U1":3}',
            'Antrean terlalu lama', gen_random_uuid()::text, 'id', $2::timestamptz, $3
       FROM unit u WHERE u.code = $1`,
    [unitCode, submittedAt, opts.suspicious ?? false],
  );
}

async function kepala(email: string, unitCode: string, locale = "id"): Promise<string> {
  const [row] = await q<{ id: string }>(`INSERT INTO "user" (id, email, name, locale) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`, [email, `Kepala ${unitCode}`, locale]);
  await q(`INSERT INTO role_assignment (id, user_id, unit_id, role) SELECT gen_random_uuid(), $1, id, 'KEPALA_UNIT' FROM unit WHERE code = $2`, [row!.id, unitCode]);
  return row!.id;
}

const claimOf = async (kind: string, userId: string, key: string) =>
  (await q<{ status: string; attempts: number; sent_at: Date | null; last_error: string | null }>(
    `SELECT status::text, attempts, sent_at, last_error FROM digest_sent WHERE kind = $1::"DigestKind" AND user_id = $2 AND period_key = $3`,
    [kind, userId, key],
  ))[0];
const mailsTo = (address: string, subject: string) => smtp.inbox.filter((m) => m.to === address && m.subject.includes(subject));

beforeAll(async () => {
  smtp = await startTestSmtp();
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 0, until: new Date("2026-11-30T00:00:00Z") });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  process.env.MAIL_FROM = "IKM Sukamaju <ikm@sukamaju.test>";
  process.env.SUARA_PUBLIC_URL = "https://ikm.sukamaju.test/";
  process.env.SMTP_URL = smtp.url;
  env = await import("@/lib/env");
  env.resetServerEnv();

  // Dukcapil (with a sub-unit): two new saran in the reported week, one in its sub-unit, one
  // older and overdue, one suspicious (left out); its sibling Dinkes: two of its own.
  await saran("DISDUKCAPIL", "2026-11-24T03:00:00Z");
  await saran("DUKCAPIL-DAFDUK", "2026-11-26T03:00:00Z");
  await saran("DISDUKCAPIL", "2026-11-12T03:00:00Z");
  await saran("DISDUKCAPIL", "2026-11-25T03:00:00Z", { suspicious: true });
  await saran("DINKES", "2026-11-24T03:00:00Z");
  await saran("DINKES", "2026-11-27T03:00:00Z");
  await saran("RSUD", "2026-11-27T03:00:00Z");
  // Dukcapil's approved plan (seeded): one action overdue, one due within 14 days, one later, one done.
  await q(
    `INSERT INTO follow_up_action (id, plan_id, unsur_code, action, owner, due_date, progress, position, updated_at)
     SELECT gen_random_uuid(), p.id, a.unsur, a.action, 'Sekretaris', a.due::date, a.progress, 10 + a.pos, now()
       FROM follow_up_plan p JOIN unit u ON u.id = p.unit_id AND u.code = 'DISDUKCAPIL',
            (VALUES ('U1', 'Aksi lewat tenggat', '2026-11-25', 20, 1), ('U4', 'Aksi segera', '2026-12-10', 50, 2),
                    ('U5', 'Aksi nanti', '2027-01-20', 0, 3), ('U6', 'Aksi selesai', '2026-11-20', 100, 4)) AS a(unsur, action, due, progress, pos)`,
  );
  const [dukcapil] = await q<{ id: string }>(`SELECT id FROM "user" WHERE email = 'kepala.dukcapil@suara.test'`);
  users.dukcapil = dukcapil!.id;
  users.dinkes = await kepala("kepala.dinkes@suara.test", "DINKES", "en");
  users.dishub = await kepala("kepala.dishub@suara.test", "DISHUB");
  const [pimpinan] = await q<{ id: string }>(`UPDATE "user" SET locale = 'en' WHERE email = 'pimpinan@suara.test' RETURNING id`);
  users.pimpinan = pimpinan!.id;

  queue = await import("@/lib/jobs/queue");
  digest = await import("@/lib/jobs/digest");
  claims = await import("@/lib/dal/digest/claim");
  await queue.startJobs({ pollingIntervalSeconds: 0.5, retryDelaySeconds: 1, retryLimit: 2 });
}, 180_000);

afterAll(async () => {
  await queue?.stopJobs();
  (await import("@/lib/mail/transport")).closeMail();
  await (await import("@/lib/db")).closeDb();
  await smtp?.close();
  await db?.drop();
  delete process.env.SUARA_PUBLIC_URL;
  delete process.env.SMTP_URL;
});

describe("weekly digest to kepala unit", () => {
  it("is not due before Monday 07:00 on the agency's clock", async () => {
    expect(await digest.scanDueDigests(new Date("2026-11-29T23:30:00Z"))).toBe(0); // Monday 06:30 WIB
    expect(await digest.scanDueDigests(new Date("2026-12-02T01:00:00Z"))).toBe(0); // a Wednesday
  });

  it("sends each kepala one digest of their own units, once, when two instances scan", { timeout: 60_000 }, async () => {
    // Two instances' hourly scans at the same time, then one an hour later.
    const [a, b] = await Promise.all([digest.scanDueDigests(WEEKLY_AT), digest.scanDueDigests(WEEKLY_AT)]);
    expect(a + b).toBeGreaterThanOrEqual(3);
    await until(async () => (await claimOf("WEEKLY", users.dukcapil!, WEEK))?.status === "SENT");
    await until(async () => (await claimOf("WEEKLY", users.dinkes!, WEEK))?.status === "SENT");
    await until(async () => (await claimOf("WEEKLY", users.dishub!, WEEK))?.status === "SKIPPED");
    expect(await digest.scanDueDigests(new Date(WEEKLY_AT.getTime() + 3_600_000))).toBe(0);
    await new Promise((r) => setTimeout(r, 1_500));

    const [mine, ...more] = mailsTo("kepala.dukcapil@suara.test", "");
    expect(more).toHaveLength(0);
    expect(mine!.subject).toBe("Ringkasan mingguan saran dan RTL (23 Nov 2026 – 29 Nov 2026)");
    expect(mine!.text).toContain("Dinas Kependudukan dan Pencatatan Sipil (DISDUKCAPIL)");
    expect(mine!.text).toContain("2 saran baru pekan ini"); // not the suspicious one, nor Dinkes's
    expect(mine!.text).toContain("3 saran masih terbuka; yang tertua 12 hari kerja");
    expect(mine!.text).toContain("1 saran terlambat (belum dijawab lebih dari 5 hari kerja)");
    expect(mine!.text).toContain("https://ikm.sukamaju.test/dasbor/unit/DISDUKCAPIL/saran?usia=terlambat");
    expect(mine!.text).toContain("Kegiatan RTL: 1 lewat tenggat, 1 jatuh tempo dalam 14 hari.");
    expect(mine!.text).toContain("Lewat tenggat 25 Nov 2026: Aksi lewat tenggat (realisasi 20 %)");
    expect(mine!.text).toContain("Tenggat 10 Des 2026: Aksi segera (realisasi 50 %)");
    expect(mine!.text).toMatch(/https:\/\/ikm\.sukamaju\.test\/dasbor\/unit\/DISDUKCAPIL\/rtl\/2026-T3/);
    expect(mine!.text).not.toContain("Aksi nanti");
    expect(mine!.text).not.toContain("Aksi selesai");
    expect(mine!.text).not.toContain("Dinas Kesehatan");

    const [theirs, ...again] = mailsTo("kepala.dinkes@suara.test", "");
    expect(again).toHaveLength(0);
    expect(theirs!.subject).toContain("Weekly digest");
    expect(theirs!.text).toContain("Dinas Kesehatan (DINKES)");
    expect(theirs!.text).toContain("2 new feedback items this week");
    expect(theirs!.text).not.toContain("Kependudukan");
    // Nothing to report for Dishub: recorded, not sent.
    expect(mailsTo("kepala.dishub@suara.test", "")).toHaveLength(0);
    expect((await claimOf("WEEKLY", users.dukcapil!, WEEK))!.attempts).toBe(1);
  });

  it("lets one job hold a claim: another job (a second instance's) sends nothing, a retry of the holder may", async () => {
    const c = { kind: "WEEKLY" as const, userId: users.dishub!, periodKey: "2026-W40" };
    const [j1, j2] = [crypto.randomUUID(), crypto.randomUUID()];
    const both = await Promise.all([claims.claimDigest(c, j1), claims.claimDigest(c, j2)]);
    expect(both.filter(Boolean)).toHaveLength(1);
    const holder = both[0] ? j1 : j2;
    const other = both[0] ? j2 : j1;
    expect(await claims.claimDigest(c, other)).toBe(false);
    expect(await claims.claimDigest(c, holder)).toBe(true); // its retry after a failed send
    // A holder gone for good (claimed long ago) is taken over.
    await q(`UPDATE digest_sent SET claimed_at = now() - interval '1 hour' WHERE user_id = $1 AND period_key = '2026-W40'`, [c.userId]);
    expect(await claims.claimDigest(c, other)).toBe(true);
    await claims.finishDigest(c, holder, "SENT"); // the old holder cannot finish it
    expect((await claimOf("WEEKLY", c.userId, "2026-W40"))!.status).toBe("QUEUED");
    await claims.finishDigest(c, other, "SENT");
    expect((await claimOf("WEEKLY", c.userId, "2026-W40"))!.sent_at).toBeTruthy();
    expect(await claims.claimDigest(c, other)).toBe(false); // SENT: never again
  });

  it("does not send again when a duplicate job for a sent digest runs", async () => {
    const before = smtp.inbox.length;
    const job = { id: crypto.randomUUID(), name: "digest-email", retryCount: 0, retryLimit: 2, data: { kind: "WEEKLY", userId: users.dukcapil, periodKey: WEEK, from: "2026-11-22T17:00:00.000Z", to: "2026-11-29T17:00:00.000Z", asOf: WEEKLY_AT.toISOString() } };
    await digest.workDigest(job as never);
    expect(smtp.inbox.length).toBe(before);
  });

  it("retries a send the mail server refused, and delivers it once", { timeout: 60_000 }, async () => {
    const id = await kepala("kepala.rsud@suara.test", "RSUD");
    smtp.failOnce.add("kepala.rsud@suara.test");
    expect(await digest.scanDueDigests(WEEKLY_AT)).toBe(1); // the others are settled
    const done = await until(async () => {
      const c = await claimOf("WEEKLY", id, WEEK);
      return c?.status === "SENT" && c;
    });
    expect(done.attempts).toBe(2);
    expect(smtp.failOnce.has("kepala.rsud@suara.test")).toBe(false);
    expect(mailsTo("kepala.rsud@suara.test", "Ringkasan mingguan")).toHaveLength(1);
    expect(mailsTo("kepala.rsud@suara.test", "")[0]!.text).toContain("1 saran baru pekan ini");
  });
});

describe("monthly digest to pimpinan", () => {
  it("sends the pimpinan the agency's follow-up on the 1st, in their language", { timeout: 60_000 }, async () => {
    expect(await digest.scanDueDigests(new Date("2026-11-30T23:30:00Z"))).toBe(0); // 1 Dec 06:30 WIB
    expect(await digest.scanDueDigests(MONTHLY_AT)).toBe(1); // one pimpinan; no kepala gets a monthly
    await until(async () => (await claimOf("MONTHLY", users.pimpinan!, "2026-12"))?.status === "SENT");
    const [mail, ...more] = mailsTo("pimpinan@suara.test", "Monthly");
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("Monthly follow-up digest of the IKM (December 2026)");
    expect(mail!.text).toContain("for the Q3 2026 plans");
    expect(mail!.text).toContain("Dinas Kependudukan dan Pencatatan Sipil: plan overdue, realisation 52 %, 1 feedback item overdue"); // (60+35+100+20+50+0+100)/7
    expect(mail!.text).toContain("Dinas Kesehatan: plan");
    expect(mail!.text).toMatch(/\d+ items? needs? attention\./);
    expect(mail!.text).toContain("https://ikm.sukamaju.test/dasbor/instansi");
    expect(mailsTo("kepala.dukcapil@suara.test", "bulanan")).toHaveLength(0);
  });

  it("queues nothing without SMTP_URL", async () => {
    delete process.env.SMTP_URL;
    env.resetServerEnv();
    try {
      expect(await digest.scanDueDigests(new Date("2027-01-01T01:00:00Z"))).toBe(0);
    } finally {
      process.env.SMTP_URL = smtp.url;
      env.resetServerEnv();
    }
  });
});
