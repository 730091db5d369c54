// The authorization matrix, shared by tests/integration/authorization-matrix*.test.ts.
//
// Every role, holding it on Dinas Dukcapil (a middle unit), against every
// data-access function that serves agency data, on its own unit, a child, the
// parent and a sibling. Allowed or "not found" (404): removing any single
// check in lib/dal makes a row of this matrix fail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

export type Rel = "own" | "child" | "parent" | "sibling";
export const UNIT: Record<Rel, string> = { own: "DISDUKCAPIL", child: "DUKCAPIL-DAFDUK", parent: "KAB-SUKAMAJU", sibling: "DINKES" };
export const RELS = Object.keys(UNIT) as Rel[];
export const ROLES = ["ADMIN", "PIMPINAN", "KEPALA_UNIT", "OPERATOR"] as const;
export type Role = (typeof ROLES)[number];

const reads = ["own", "child"] as const;
export type Cap = "unit.read" | "dashboard.read" | "feedback.manage" | "contact.read" | "operate" | "admin" | "plan.edit" | "plan.review" | "plan.edit|plan.review";

/** What a role held on the own unit may do with `capability` on the related unit. */
export const expectAllowed = (role: Role, rel: Rel, capability: Cap) => {
  if (!(reads as readonly string[]).includes(rel)) return false;
  if (capability === "unit.read") return true;
  if (capability === "dashboard.read") return role !== "OPERATOR";
  if (capability === "feedback.manage" || capability === "contact.read") return role === "ADMIN" || role === "KEPALA_UNIT";
  if (capability === "operate") return role === "ADMIN" || role === "OPERATOR";
  if (capability === "plan.edit") return role === "ADMIN" || role === "KEPALA_UNIT";
  if (capability === "plan.review") return role === "ADMIN" || role === "PIMPINAN";
  if (capability === "plan.edit|plan.review") return role !== "OPERATOR";
  return role === "ADMIN";
};

/** One data-layer function: `run` answers whether the caller got it on the related unit. */
export type Check = { name: string; capability: Cap; run: (c: TCaller, rel: Rel) => Promise<boolean> };

export type ClosedPeriod = { kind: "QUARTER"; year: number; number: number };

/** What the matrix's beforeAll fills in: read it inside hooks and tests, never at declaration. */
export type MatrixContext = {
  db: TestDatabase;
  /** The latest period the seed closed and published ("2026-T3"). */
  closedKey: string;
  closedPeriod: () => ClosedPeriod;
  /** One caller per role on the own unit, and an admin of the whole agency (not a real account). */
  callers: Record<Role | "ROOT_ADMIN", TCaller>;
};

/**
 * A migrated test database seeded with the demo agency, and a caller per role: registers
 * beforeAll/afterAll and returns the context they fill in. Call it before the file's own
 * hooks (they run after this one), and import lib/dal modules in those hooks, after
 * DATABASE_URL is set.
 */
export function setupMatrix(): MatrixContext {
  const ctx = {
    closedKey: "",
    closedPeriod: () => {
      const [year, q] = ctx.closedKey.split("-T");
      return { kind: "QUARTER" as const, year: Number(year), number: Number(q) };
    },
    callers: {} as Record<Role | "ROOT_ADMIN", TCaller>,
  } as MatrixContext;

  beforeAll(async () => {
    ctx.db = await createTestDatabase({ migrated: true });
    const { seedDemo } = await import("@/lib/server/seed-demo");
    await seedDemo(ctx.db.url, { responses: 300 });
    process.env.DATABASE_URL = ctx.db.url;
    process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
    await withClient(ctx.db.url, async (c) => {
      const closed = (await c.query(`SELECT year, number FROM survey_period WHERE kind = 'QUARTER' AND closed_at IS NOT NULL ORDER BY end_date DESC LIMIT 1`)).rows[0];
      ctx.closedKey = `${closed.year}-T${closed.number}`;
      const path: Record<string, string> = {};
      for (const r of (await c.query(`SELECT code, path, id FROM unit`)).rows) path[r.code] = r.path;
      const idOf = async (code: string) => (await c.query(`SELECT id FROM unit WHERE code = $1`, [code])).rows[0].id as string;
      for (const role of ROLES) {
        const id = (await c.query(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), $1, $1) RETURNING id`, [`${role.toLowerCase()}@matrix.test`])).rows[0].id;
        await c.query(`INSERT INTO role_assignment (id, user_id, unit_id, role) VALUES (gen_random_uuid(), $1, $2, $3)`, [id, await idOf(UNIT.own), role]);
        ctx.callers[role] = { userId: id, email: `${role}@matrix.test`, name: role, mustChangePassword: false, assignments: [{ role, unitId: await idOf(UNIT.own), unitPath: path[UNIT.own]! }] };
      }
      const root = await idOf(UNIT.parent);
      ctx.callers.ROOT_ADMIN = {
        userId: "00000000-0000-0000-0000-000000000001",
        email: "root@matrix.test",
        name: "root",
        mustChangePassword: false,
        assignments: [{ role: "ADMIN", unitId: root, unitPath: path[UNIT.parent]! }],
      };
    });
  });
  afterAll(async () => {
    await (await import("@/lib/db")).closeDb();
    await ctx.db?.drop();
  });
  return ctx;
}

/** Every check for every role on every related unit: roles one after another, checks in their order. */
export function runMatrix(ctx: MatrixContext, checks: Check[]) {
  describe.each(ROLES)("%s on Dinas Dukcapil", (role) => {
    it.each(checks.flatMap((check) => RELS.map((rel) => [check.name, rel, check] as const)))("%s on the %s unit", async (_name, rel, check) => {
      expect(await check.run(ctx.callers[role], rel)).toBe(expectAllowed(role, rel, check.capability));
    });
  });
}
