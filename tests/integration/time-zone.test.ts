import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { createFormat } from "@/lib/i18n";
import { MESSAGES } from "@/lib/i18n/messages";
import type { TCaller } from "@/lib/permissions";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// One clock for the agency. A WITA agency (Asia/Makassar, UTC+8): a response at
// 00:30 on 1 October WITA (16:30 UTC on 30 September, still September in WIB)
// belongs to October, triwulan IV, in the rollups, on the dashboard and in the
// dates shown.

let db: TestDatabase;
let admin: TCaller;
const AT = "2026-09-30T16:30:00Z";

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 300, until: new Date("2026-11-28T05:00:00Z") });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  await withClient(db.url, async (c) => {
    const root = (await c.query(`SELECT id, path FROM unit WHERE parent_id IS NULL`)).rows[0];
    admin = { userId: crypto.randomUUID(), email: "tz@test", name: "tz", mustChangePassword: false, assignments: [{ role: "ADMIN", unitId: root.id, unitPath: root.path }] };
  });
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

async function insertAt(at: string, unit = "RSUD") {
  await withClient(db.url, (c) =>
    c.query(
      `INSERT INTO response (id, unit_id, template_version_id, channel, submitted_at, answers, idempotency_key)
       SELECT gen_random_uuid(), u.id, v.id, 'PAPER', $1::timestamptz, '{"U1":4,"U2":4,"U3":4,"U4":4,"U5":4,"U6":4,"U7":4,"U8":4,"U9":4}', gen_random_uuid()::text
         FROM unit u, template_version v JOIN questionnaire_template t ON t.id = v.template_id
        WHERE u.code = $2 AND t.is_default`,
      [at, unit],
    ),
  );
}

const monthOf = (at: string, unit = "RSUD") =>
  withClient(db.url, async (c) =>
    (
      await c.query(
        `SELECT to_char(m.month, 'YYYY-MM') AS month FROM unit_monthly_summary m JOIN unit u ON u.id = m.unit_id
          WHERE u.code = $1 AND m.month = date_trunc('month', ($2::timestamptz AT TIME ZONE suara_timezone()))::date`,
        [unit, at],
      )
    ).rows[0]?.month as string | undefined,
  );

describe("the agency's clock", () => {
  it("cuts months on WIB by default, and re-cuts every rollup when the agency moves to WITA", async () => {
    const settings = await import("@/lib/dal/settings");
    expect(await settings.agencyTimeZone()).toBe("Asia/Jakarta");
    await insertAt(AT);
    expect(await monthOf(AT)).toBe("2026-09");

    await withClient(db.url, (c) => c.query(`UPDATE agency_settings SET time_zone = 'Asia/Makassar'`));
    settings.clearSettingsCache();
    expect(await settings.agencyTimeZone()).toBe("Asia/Makassar");
    // The change rebuilt the rollups in its own transaction: the same response is now October's.
    expect(await monthOf(AT)).toBe("2026-10");
    const summaries = await withClient(db.url, async (c) => (await c.query(`SELECT sum(responses)::int AS n FROM unit_monthly_summary`)).rows[0].n);
    const responses = await withClient(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM response`)).rows[0].n);
    expect(summaries).toBe(responses);
    // Only the three clocks of Indonesia, and the row stays.
    await expect(withClient(db.url, (c) => c.query(`UPDATE agency_settings SET time_zone = 'Europe/Paris'`))).rejects.toThrow(/agency_settings_time_zone/);
    await expect(withClient(db.url, (c) => c.query(`DELETE FROM agency_settings`))).rejects.toThrow(/keeps its one row/);
  });

  it("shows the same month boundary on the dashboard and in the dates on screen", async () => {
    const dash = await import("@/lib/dal/dashboard");
    const { agencyClock } = await import("@/lib/dal/settings");
    const clock = await agencyClock();
    const q = (periode: string) => parseDashboardQuery({ periode, cakupan: "sendiri" }, clock).query;
    const count = (d: Awaited<ReturnType<typeof dash.getUnitDashboard>>) => d?.score?.result.respondents ?? 0;
    const raw = (from: string, to: string) =>
      withClient(db.url, async (c) =>
        (
          await c.query(
            `SELECT count(*)::int AS n FROM response r JOIN unit u ON u.id = r.unit_id
              WHERE u.code = 'RSUD' AND NOT r.suspicious AND r.submitted_at >= $1::timestamptz AND r.submitted_at < $2::timestamptz`,
            [from, to],
          )
        ).rows[0].n as number,
      );
    // Triwulan IV on WITA starts at 2026-10-01 00:00+08:00; the response of 00:30 WITA is in it.
    expect(count(await dash.getUnitDashboard(admin, "RSUD", q("2026-T4")))).toBe(await raw("2026-10-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00"));
    expect(count(await dash.getUnitDashboard(admin, "RSUD", q("2026-T3")))).toBe(await raw("2026-07-01T00:00:00+08:00", "2026-10-01T00:00:00+08:00"));
    expect(await raw("2026-10-01T00:00:00+08:00", "2026-10-01T01:00:00+08:00")).toBe(1);
    // The date a page prints for it is 1 October too.
    const f = createFormat("id", clock.timeZone, createTranslator({ locale: "id", messages: MESSAGES.id, namespace: "periods" }));
    expect(f.date(new Date(AT))).toBe("1 Okt 2026");
    expect(createFormat("id", "Asia/Jakarta", createTranslator({ locale: "id", messages: MESSAGES.id, namespace: "periods" })).date(new Date(AT))).toBe("30 Sep 2026");
  });
});
