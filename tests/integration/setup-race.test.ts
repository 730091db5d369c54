import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// Two people with the printed code claim the setup at the same moment: one agency, one
// first admin; the other is told the setup is done. (Its own file: a database of its own.)

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

it("lets exactly one of several simultaneous claims through", async () => {
  const { openSetupIfNoAdmin } = await import("@/lib/server/setup-code");
  const { claimSetup } = await import("@/lib/dal/setup");
  const code = (await openSetupIfNoAdmin(db.url))!;
  const results = await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      claimSetup(
        { code, agencyName: `Instansi ${i}`, unitCode: `ROOT-${i}`, adminName: `Admin ${i}`, email: `admin${i}@contoh.go.id`, password: `Pelayanan-Prima-${i}-2026` },
        { clientAddress: `198.51.100.${i}`, clientKey: `race-${i}`, userAgent: "vitest" },
      ),
    ),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok && r.error === "closed")).toHaveLength(4);
  const counts = await withClient(db.url, async (c) => (await c.query(`SELECT (SELECT count(*)::int FROM unit) AS units, (SELECT count(*)::int FROM "user") AS users, (SELECT count(*)::int FROM questionnaire_template) AS templates`)).rows[0]);
  expect(counts).toEqual({ units: 1, users: 1, templates: 2 });
});
