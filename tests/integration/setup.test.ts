import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TRequestMeta } from "@/lib/request/meta";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// A real agency's first run, on an empty database (no demo): the launcher stores a
// one-time code while no admin exists; the code claims the setup once, creating the
// root unit, the first admin and the regulations' questionnaires.

let db: TestDatabase;
let setup: typeof import("@/lib/dal/setup");
let openSetupIfNoAdmin: typeof import("@/lib/server/setup-code").openSetupIfNoAdmin;
const meta = (n: number): TRequestMeta => ({ clientAddress: `198.51.100.${n}`, clientKey: `setup-${n}`, userAgent: "vitest" });
const rows = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows as T[]);
const claim = { agencyName: "Pemerintah Kota Contoh", unitCode: "kota-contoh", adminName: "Admin Kota", email: "Admin@Contoh.go.id", password: "Pelayanan-Prima-2026" };

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  setup = await import("@/lib/dal/setup");
  ({ openSetupIfNoAdmin } = await import("@/lib/server/setup-code"));
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("the first run of a real agency", () => {
  it("is claimed once with the code printed on the console, and is gone after", async () => {
    expect(await setup.setupOpen()).toBe(false); // no code yet: the launcher has not run
    const first = (await openSetupIfNoAdmin(db.url))!;
    expect(first).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    // Each start while no admin exists prints a new code; the old one stops working.
    const code = (await openSetupIfNoAdmin(db.url))!;
    expect(code).not.toBe(first);
    expect(await rows(`SELECT code_hash FROM setup_code`)).toHaveLength(1);
    expect(await setup.setupOpen()).toBe(true);

    expect(await setup.claimSetup({ ...claim, code: first }, meta(1))).toEqual({ ok: false, error: "code" });
    expect(await setup.claimSetup({ ...claim, code, password: "password123" }, meta(1))).toEqual({ ok: false, error: "password", problem: "tooCommon" });
    expect(await setup.claimSetup({ ...claim, code, unitCode: "kota contoh!", agencyName: "a\u0000" }, meta(1))).toEqual({
      ok: false,
      error: "invalid",
      fields: { unitCode: "codeFormat", agencyName: "controlChar" },
    });
    expect(await rows(`SELECT 1 FROM unit`)).toEqual([]);

    // Typed in lower case with spaces: the same code.
    const typed = ` ${code.toLowerCase().replaceAll("-", " ")} `;
    expect(await setup.claimSetup({ ...claim, code: typed }, meta(1))).toEqual({ ok: true, email: "admin@contoh.go.id" });
    expect(await rows(`SELECT code, name, kind, depth, parent_id FROM unit`)).toEqual([{ code: "KOTA-CONTOH", name: "Pemerintah Kota Contoh", kind: "PEMDA", depth: 0, parent_id: null }]);
    expect(await rows(`SELECT u.email, u.must_change_password, r.role FROM "user" u JOIN role_assignment r ON r.user_id = u.id`)).toEqual([
      { email: "admin@contoh.go.id", must_change_password: false, role: "ADMIN" },
    ]);
    // The admin signs in with the password chosen.
    const { checkCredentials } = await import("@/lib/dal/sign-in");
    expect(await checkCredentials({ email: "admin@contoh.go.id", password: claim.password }, meta(1))).toMatchObject({ ok: true });
    // The regulations' questionnaires are there, 14/2017 the default: the citizen's form works at once.
    expect(await rows(`SELECT key, is_default FROM questionnaire_template ORDER BY key`)).toEqual([
      { key: "kepmenpan-25-2004", is_default: false },
      { key: "permenpan-14-2017", is_default: true },
    ]);
    const { getSurvey } = await import("@/lib/dal/survey");
    expect((await getSurvey("KOTA-CONTOH"))?.items).toHaveLength(9);

    // Gone: the page closes, the code cannot be reused, and the launcher prints no new one.
    expect(await setup.setupOpen()).toBe(false);
    expect(await setup.claimSetup({ ...claim, code, email: "kedua@contoh.go.id" }, meta(2))).toEqual({ ok: false, error: "closed" });
    expect(await openSetupIfNoAdmin(db.url)).toBeNull();
    expect(await rows(`SELECT 1 FROM setup_code`)).toEqual([]);
    expect((await rows<{ action: string }>(`SELECT action FROM audit_log ORDER BY id`)).map((r) => r.action)).toEqual(["setup.refused", "setup.admin", "auth.signin.success"]);
  });

  it("admin:create makes an admin from the shell with a temporary password", async () => {
    const r = await setup.createAdminFromShell({ email: "Kedua@Contoh.go.id", adminName: "Admin Kedua" });
    expect(r).toMatchObject({ ok: true, email: "kedua@contoh.go.id" });
    const row = (await rows<{ must_change_password: boolean; role: string; code: string }>(
      `SELECT u.must_change_password, r.role, n.code FROM "user" u JOIN role_assignment r ON r.user_id = u.id JOIN unit n ON n.id = r.unit_id WHERE u.email = 'kedua@contoh.go.id'`,
    ))[0];
    expect(row).toEqual({ must_change_password: true, role: "ADMIN", code: "KOTA-CONTOH" });
    const { checkCredentials } = await import("@/lib/dal/sign-in");
    expect(await checkCredentials({ email: "kedua@contoh.go.id", password: r.ok ? r.temporaryPassword : "" }, meta(3))).toMatchObject({ ok: true });
    expect(await setup.createAdminFromShell({ email: "kedua@contoh.go.id", adminName: "Lagi" })).toMatchObject({ ok: false, error: expect.stringContaining("already") });
  });
});
