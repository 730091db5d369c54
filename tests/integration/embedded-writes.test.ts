import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The embedded PostgreSQL (PGlite, what `npm start` runs without a database configured) runs one
// transaction at a time: a write that, inside its transaction, reads on another connection of
// the pool waits for itself until Prisma's transaction timeout. Publishing computes the frozen
// result from the dashboards' pooled SQL, and closing a period reads the agency's clock: both
// used to fail there (found by trying the app cold), both run here on the embedded database.

process.env.SUARA_TEST_EMBEDDED = "1";

let db: TestDatabase;
let periods: typeof import("@/lib/dal/periods");
let publication: typeof import("@/lib/dal/publication");
let admin: TCaller;
const meta: TRequestMeta = { clientAddress: "203.0.113.40", clientKey: "k", userAgent: "vitest" };
const NOW = new Date("2026-11-28T05:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  expect(db.mode).toBe("embedded");
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 200, until: NOW });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  periods = await import("@/lib/dal/periods");
  publication = await import("@/lib/dal/publication");
  const [root] = await withClient(db.url, async (c) => (await c.query(`SELECT id, path FROM unit WHERE parent_id IS NULL`)).rows as { id: string; path: string }[]);
  const [user] = await withClient(db.url, async (c) => (await c.query(`SELECT id FROM "user" WHERE email = 'admin@suara.test'`)).rows as { id: string }[]);
  admin = { userId: user!.id, email: "admin@suara.test", name: "Admin", mustChangePassword: false, assignments: [{ role: "ADMIN", unitId: root!.id, unitPath: root!.path }] };
}, 180_000);
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("writes on the embedded database", () => {
  it("closes a period, withdraws and republishes a unit pooled, and publishes a whole dinas", { timeout: 120_000 }, async () => {
    expect(await periods.closePeriod(admin, { period: "2025-T4" }, meta)).toMatchObject({ ok: true });
    const [closed] = await withClient(db.url, async (c) =>
      (await c.query(`SELECT year, number FROM survey_period WHERE kind = 'QUARTER' AND closed_at IS NOT NULL AND year = 2026 ORDER BY end_date DESC LIMIT 1`)).rows as { year: number; number: number }[],
    );
    const key = `${closed!.year}-T${closed!.number}`;
    expect(await publication.unpublishUnit(admin, { period: key, unitCode: "DISDUKCAPIL", reason: "Diperiksa ulang" }, meta)).toMatchObject({ ok: true });
    const again = await publication.publishUnit(admin, { period: key, unitCode: "DISDUKCAPIL", scope: "gabungan" }, meta);
    expect(again).toMatchObject({ ok: true, value: { scope: "gabungan" } });
    await withClient(db.url, (c) => c.query(`UPDATE publication SET unpublished_at = now(), unpublished_by_id = NULL, unpublish_reason = 'uji ulang' WHERE unpublished_at IS NULL`));
    const all = await publication.publishAll(admin, { period: key, rootCode: "DINKES", scope: "sendiri" }, meta);
    expect(all.ok).toBe(true);
    expect(all.ok && all.value.published.length).toBeGreaterThan(0);
  });
});
