import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import Papa from "papaparse";
import { csvStream, exportLabels } from "@/lib/export/csv";
import { createFormat } from "@/lib/i18n";
import { MESSAGES } from "@/lib/i18n/messages";
import type { TCaller } from "@/lib/permissions";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// One clock for the agency. A WITA agency (Asia/Makassar, UTC+8): a response at
// 00:30 on 1 October WITA (16:30 UTC on 30 September, still September in WIB)
// belongs to October, triwulan IV, in the rollups, on the dashboard and in the
// dates shown. And at the end of October: 16:30 UTC on 31 October is 00:30 on
// 1 November WITA, a November response in the rollup, on the dashboard and in
// November's CSV (not October's), its time written +08:00.

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

async function insertAt(at: string, unit = "RSUD", saran: string | null = null) {
  await withClient(db.url, (c) =>
    c.query(
      `INSERT INTO response (id, unit_id, template_version_id, channel, submitted_at, answers, idempotency_key, saran)
       SELECT gen_random_uuid(), u.id, v.id, 'PAPER', $1::timestamptz, '{"U1":4,"U2":4,"U3":4,"U4":4,"U5":4,"U6":4,"U7":4,"U8":4,"U9":4}', gen_random_uuid()::text, $3
         FROM unit u, template_version v JOIN questionnaire_template t ON t.id = v.template_id
        WHERE u.code = $2 AND t.is_default`,
      [at, unit, saran],
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

  it("puts 00:30 WITA on 1 November in November: the rollup, the dashboard and November's CSV, written +08:00", async () => {
    const NOV = "2026-10-31T16:30:00Z";
    await insertAt(NOV, "RSUD", "akhir-oktober-utc");
    expect(await monthOf(NOV)).toBe("2026-11");

    const dash = await import("@/lib/dal/dashboard");
    const { openResponseExport } = await import("@/lib/dal/export");
    const { agencyTimeZone } = await import("@/lib/dal/settings");
    const tz = await agencyTimeZone();
    expect(tz).toBe("Asia/Makassar");
    const q = (periode: string) => parseDashboardQuery({ periode, cakupan: "sendiri" }, { timeZone: tz, rhythm: "QUARTER" }).query;
    const t = createTranslator({ locale: "id", messages: MESSAGES.id, namespace: "responsesExport" });
    const csv = async (periode: string) => {
      const exp = (await openResponseExport(admin, "RSUD", q(periode)))!;
      const text = await new Response(csvStream(exp.batches(), exp.versions, exportLabels(t, (id) => id, exp.timeZone), exp.timeZone)).text();
      const [header, ...lines] = Papa.parse<string[]>(text, { delimiter: ";", skipEmptyLines: true }).data;
      return lines.map((l) => Object.fromEntries(header!.map((h, i) => [h, l[i]!])));
    };
    const TIME = "Waktu (Asia/Makassar)";
    const november = await csv("2026-11");
    expect(november.find((r) => r.Saran === "akhir-oktober-utc")?.[TIME]).toBe("2026-11-01T00:30:00+08:00");
    expect(november.every((r) => /^2026-11-\d\dT\d\d:\d\d:\d\d\+08:00$/.test(r[TIME]!))).toBe(true);
    const october = await csv("2026-10");
    expect(october.some((r) => r.Saran === "akhir-oktober-utc")).toBe(false);
    expect(october.every((r) => /^2026-10-\d\dT\d\d:\d\d:\d\d\+08:00$/.test(r[TIME]!))).toBe(true);

    // The file's rows are the month's responses on WITA, and its unmarked rows the dashboard's count.
    const [n] = await withClient(db.url, async (c) =>
      (
        await c.query(
          `SELECT count(*)::int AS n FROM response r JOIN unit u ON u.id = r.unit_id
            WHERE u.code = 'RSUD' AND r.submitted_at >= '2026-11-01T00:00:00+08:00' AND r.submitted_at < '2026-12-01T00:00:00+08:00'`,
        )
      ).rows,
    );
    expect(november.length).toBe(n.n);
    const view = await dash.getUnitDashboard(admin, "RSUD", q("2026-11"));
    expect(november.filter((r) => r["Mencurigakan (tidak dihitung dalam IKM)"] === "tidak").length).toBe(view!.score!.result.respondents);
  });
});
