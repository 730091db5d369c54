import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The agency's settings (name, clock, rhythm, default questionnaire, logo): an admin
// of the root unit sets them in the browser; nobody else can, whatever id they send.

let db: TestDatabase;
let s: typeof import("@/lib/dal/settings");
let admin: TCaller;
let dinasAdmin: TCaller;
let kepala: TCaller;
const meta: TRequestMeta = { clientAddress: "203.0.113.9", clientKey: "k", userAgent: "vitest" };

const one = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows[0] as T);
const caller = (role: "ADMIN" | "KEPALA_UNIT", unit: { id: string; path: string }): TCaller => ({
  userId: crypto.randomUUID(), email: `${role}@t`, name: role, mustChangePassword: false, assignments: [{ role, unitId: unit.id, unitPath: unit.path }],
});
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const valid = { name: "Pemerintah Kabupaten Sukamaju", timeZone: "Asia/Jakarta", rhythm: "QUARTER", defaultTemplateKey: "permenpan-14-2017" };

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 200, until: new Date("2026-11-28T05:00:00Z") });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  s = await import("@/lib/dal/settings");
  const root = await one<{ id: string; path: string }>(`SELECT id, path FROM unit WHERE parent_id IS NULL`);
  const dinas = await one<{ id: string; path: string }>(`SELECT id, path FROM unit WHERE code = 'DISDUKCAPIL'`);
  // Real accounts: the audit entry's actor must exist.
  const id = (email: string) => one<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [email]);
  admin = { ...caller("ADMIN", root), userId: (await id("admin@suara.test")).id };
  dinasAdmin = { ...caller("ADMIN", dinas), userId: (await id("operator.dukcapil@suara.test")).id };
  kepala = { ...caller("KEPALA_UNIT", root), userId: (await id("kepala.dukcapil@suara.test")).id };
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("agency settings", () => {
  it("an admin of the root unit saves them, with one audit entry naming what changed", async () => {
    s.clearSettingsCache();
    const before = await s.agencySettings();
    expect(before).toMatchObject({ name: "Pemerintah Kabupaten Sukamaju", nameSet: false, timeZone: "Asia/Jakarta", rhythm: "QUARTER", logoVersion: null });
    const r = await s.updateAgencySettings(admin, { ...valid, name: "  Pemkab Sukamaju  ", rhythm: "SEMESTER" }, meta);
    expect(r).toEqual({ ok: true, value: undefined });
    // The instance that wrote sees it at once (its cache was cleared).
    expect(await s.agencySettings()).toMatchObject({ name: "Pemkab Sukamaju", nameSet: true, rhythm: "SEMESTER" });
    expect(await s.agencyClock()).toEqual({ timeZone: "Asia/Jakarta", rhythm: "SEMESTER" });
    expect(await one(`SELECT action, actor_id, ip, detail FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({
      action: "agency.settings.update",
      actor_id: admin.userId,
      ip: "203.0.113.9",
      detail: { name: { from: null, to: "Pemkab Sukamaju" }, rhythm: { from: "QUARTER", to: "SEMESTER" } },
    });
    // An empty name goes back to the root unit's.
    expect((await s.updateAgencySettings(admin, { ...valid, name: "" }, meta)).ok).toBe(true);
    expect(await s.agencySettings()).toMatchObject({ name: "Pemerintah Kabupaten Sukamaju", nameSet: false, rhythm: "QUARTER" });
  });

  it("keeps the saran answer target: 1 to 60 working days, unchanged when the input leaves it out", async () => {
    expect((await s.agencySettings()).feedbackTargetDays).toBe(5);
    expect((await s.updateAgencySettings(admin, { ...valid, feedbackTargetDays: "10" }, meta)).ok).toBe(true);
    expect((await s.agencySettings()).feedbackTargetDays).toBe(10);
    expect(await one(`SELECT detail FROM audit_log ORDER BY id DESC LIMIT 1`)).toMatchObject({ detail: { feedbackTargetDays: { from: 5, to: 10 } } });
    for (const bad of ["0", "61", "2.5", "", "lima"]) {
      expect(await s.updateAgencySettings(admin, { ...valid, feedbackTargetDays: bad }, meta), bad).toEqual({ ok: false, error: "invalid", fields: { feedbackTargetDays: "targetDays" } });
    }
    expect((await s.updateAgencySettings(admin, valid, meta)).ok).toBe(true);
    expect((await s.agencySettings()).feedbackTargetDays).toBe(10);
    expect((await s.updateAgencySettings(admin, { ...valid, feedbackTargetDays: 5 }, meta)).ok).toBe(true);
  });

  it("moves the default questionnaire: exactly one template is the default", async () => {
    expect((await s.updateAgencySettings(admin, { ...valid, defaultTemplateKey: "kepmenpan-25-2004" }, meta)).ok).toBe(true);
    expect(await withClient(db.url, async (c) => (await c.query(`SELECT key FROM questionnaire_template WHERE is_default`)).rows)).toEqual([{ key: "kepmenpan-25-2004" }]);
    expect(await s.updateAgencySettings(admin, { ...valid, defaultTemplateKey: "tidak-ada" }, meta)).toEqual({ ok: false, error: "template" });
    expect((await s.updateAgencySettings(admin, valid, meta)).ok).toBe(true);
    // The database holds the rule, whatever writes: a second default is refused.
    await expect(withClient(db.url, (c) => c.query(`UPDATE questionnaire_template SET is_default = true`))).rejects.toThrow(/questionnaire_template_one_default/);
  });

  it("a new clock through the screen re-cuts the rollups in the same transaction", async () => {
    const at = "2026-09-30T16:30:00Z"; // 23:30 WIB on 30 September, 00:30 WITA on 1 October
    await withClient(db.url, (c) =>
      c.query(
        `INSERT INTO response (id, unit_id, template_version_id, channel, submitted_at, answers, idempotency_key)
         SELECT gen_random_uuid(), u.id, v.id, 'PAPER', $1::timestamptz, '{"U1":4}', 'settings-tz-1'
           FROM unit u, template_version v JOIN questionnaire_template t ON t.id = v.template_id WHERE u.code = 'RSUD' AND t.is_default`,
        [at],
      ),
    );
    const months = () =>
      withClient(db.url, async (c) =>
        (await c.query(`SELECT to_char(month, 'YYYY-MM') AS m, sum(responses)::int AS n FROM unit_monthly_summary m JOIN unit u ON u.id = m.unit_id
                        WHERE u.code = 'RSUD' AND month IN ('2026-09-01', '2026-10-01') GROUP BY month ORDER BY month`)).rows as { m: string; n: number }[],
      );
    const wib = await months();
    expect((await s.updateAgencySettings(admin, { ...valid, timeZone: "Asia/Makassar" }, meta)).ok).toBe(true);
    const wita = await months();
    // One response moved from September to October; nothing else changed.
    expect(wita.map((r) => r.n)).toEqual([wib[0]!.n - 1, wib[1]!.n + 1]);
    expect(await s.agencyTimeZone()).toBe("Asia/Makassar");
    expect((await s.updateAgencySettings(admin, valid, meta)).ok).toBe(true);
    expect(await months()).toEqual(wib);
  });

  it("refuses a dinas admin, a kepala unit and a stranger as not found, and writes nothing", async () => {
    const audits = async () => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`)).n;
    const before = { row: await one(`SELECT name, rhythm, time_zone FROM agency_settings`), audits: await audits() };
    for (const who of [dinasAdmin, kepala, null]) {
      expect(await s.updateAgencySettings(who, { ...valid, name: "Diambil alih", rhythm: "YEAR" }, meta)).toEqual({ ok: false, error: "notFound" });
      expect(await s.setAgencyLogo(who, { bytes: PNG }, meta)).toEqual({ ok: false, error: "notFound" });
      expect(await s.removeAgencyLogo(who, {}, meta)).toEqual({ ok: false, error: "notFound" });
      expect(await s.agencySettingsForm(who)).toBeNull();
      expect(await s.adminsAgency(who)).toBe(false);
    }
    expect(await s.adminsAgency(admin)).toBe(true);
    expect(await one(`SELECT name, rhythm, time_zone FROM agency_settings`)).toEqual(before.row);
    expect(await audits()).toBe(before.audits);
  });

  it("answers each bad value on its field, and saves nothing", async () => {
    const bad = await s.updateAgencySettings(admin, { name: "a\u0000b", timeZone: "Europe/Paris", rhythm: "MONTH", defaultTemplateKey: "" }, meta);
    expect(bad).toEqual({ ok: false, error: "invalid", fields: { name: "controlChar", timeZone: "invalidChoice", rhythm: "invalidChoice", defaultTemplateKey: "required" } });
    expect(await s.updateAgencySettings(admin, { ...valid, name: "x".repeat(201) }, meta)).toEqual({ ok: false, error: "invalid", fields: { name: "tooLong" } });
    // A NUL byte in a key never reaches PostgreSQL (which answers it with an error, a 500).
    expect(await s.updateAgencySettings(admin, { ...valid, defaultTemplateKey: "permenpan\u0000" }, meta)).toEqual({ ok: false, error: "invalid", fields: { defaultTemplateKey: "invalidChoice" } });
    // The database refuses a month as a rhythm even from a writer that skips the schema.
    await expect(withClient(db.url, (c) => c.query(`UPDATE agency_settings SET rhythm = 'MONTH'`))).rejects.toThrow(/agency_settings_rhythm/);
  });

  it("keeps a PNG or JPEG logo told by its bytes, and serves it with that type", async () => {
    expect(await s.setAgencyLogo(admin, { bytes: new TextEncoder().encode("<svg onload=alert(1)>") }, meta)).toEqual({ ok: false, error: "invalid", fields: { bytes: "imageType" } });
    expect(await s.setAgencyLogo(admin, { bytes: new Uint8Array(0) }, meta)).toEqual({ ok: false, error: "invalid", fields: { bytes: "required" } });
    const huge = new Uint8Array(256 * 1024 + 1);
    huge.set(PNG);
    expect(await s.setAgencyLogo(admin, { bytes: huge }, meta)).toEqual({ ok: false, error: "invalid", fields: { bytes: "tooBig" } });
    expect(await s.agencyLogo()).toBeNull();

    expect((await s.setAgencyLogo(admin, { bytes: PNG }, meta)).ok).toBe(true);
    const logo = await s.agencyLogo();
    expect(logo?.type).toBe("image/png");
    expect(Buffer.from(logo!.bytes).equals(Buffer.from(PNG))).toBe(true);
    const settings = await s.agencySettings();
    expect(s.logoUrl(settings)).toMatch(/^\/api\/v1\/agency\/logo\?v=\d+$/);

    const { GET } = await import("@/app/api/v1/agency/logo/route");
    const res = await GET(new Request("http://x/api/v1/agency/logo?v=1"));
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(PNG))).toBe(true);

    expect((await s.removeAgencyLogo(admin, {}, meta)).ok).toBe(true);
    expect(await s.agencyLogo()).toBeNull();
    expect((await GET(new Request("http://x/api/v1/agency/logo"))).status).toBe(404);
    expect(await withClient(db.url, async (c) => (await c.query(`SELECT action FROM audit_log WHERE action LIKE 'agency.logo.%' ORDER BY id`)).rows)).toEqual([
      { action: "agency.logo.set" },
      { action: "agency.logo.remove" },
    ]);
  });
});
