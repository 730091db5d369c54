import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The job queue on the embedded PostgreSQL (PGlite behind pglite-socket, what `npm start`
// runs without DATABASE_URL): pg-boss installs its schema, takes a job and works it.

process.env.SUARA_TEST_EMBEDDED = "1";

let db: TestDatabase;
let queue: typeof import("@/lib/jobs/queue");

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  expect(db.mode).toBe("embedded");
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  delete process.env.SMTP_URL;
  (await import("@/lib/env")).resetServerEnv();
  queue = await import("@/lib/jobs/queue");
}, 180_000);
afterAll(async () => {
  await queue?.stopJobs();
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("job queue on the embedded database", () => {
  it("sends a job and works it", { timeout: 60_000 }, async () => {
    const boss = await queue.startJobs({ pollingIntervalSeconds: 0.5 });
    await boss.createQueue("embedded-test");
    const worked: string[] = [];
    await boss.work<{ n: number }>("embedded-test", { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      worked.push(String(job!.data.n));
    });
    const id = await queue.sendJob("embedded-test", { n: 7 });
    expect(id).toBeTruthy();
    const deadline = Date.now() + 30_000;
    while (worked.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(worked).toEqual(["7"]);
    const job = await boss.getJobById("embedded-test", id!);
    expect(job?.state).toBe("completed");
    // The queue's own tables live in their own schema, beside the app's.
    const [row] = await withClient(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = 'pgboss'`)).rows);
    expect(row.n).toBe(1);
  });
});
