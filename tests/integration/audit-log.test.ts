import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import { parseAuditQuery, type TAuditQuery } from "@/lib/validation/audit";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// The audit page's reads on a real PostgreSQL: the filters (person, action,
// unit with its sub-units, days on the agency's clock), the names joined in,
// and keyset paging by (at, id) that skips and repeats nothing, entries with
// the same time included, in either direction.

let db: TestDatabase;
let audit: typeof import("@/lib/dal/audit-log");
let admin: TCaller;
const ids: Record<string, string> = {};

const rows = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows as T[]);

type TEntry = { action: string; at: string; actor?: string | null; email?: string | null; unit?: string | null; targetType?: string; targetId?: string; detail?: object };
async function insert(entries: TEntry[]): Promise<{ id: string; at: Date }[]> {
  const out: { id: string; at: Date }[] = [];
  for (const e of entries) {
    const [r] = await rows<{ id: string; at: Date }>(
      `INSERT INTO audit_log (at, action, actor_id, actor_email, unit_id, target_type, target_id, detail)
       VALUES ($1, $2, $3, $4, (SELECT id FROM unit WHERE code = $5), $6, $7, $8) RETURNING id::text, at`,
      [e.at, e.action, e.actor ?? null, e.email ?? null, e.unit ?? null, e.targetType ?? null, e.targetId ?? null, e.detail ? JSON.stringify(e.detail) : null],
    );
    out.push(r!);
  }
  return out;
}

/** Every entry the query matches, walking the pages older and older from the newest; and the pages seen. */
async function walkOlder(q: TAuditQuery, size: number) {
  const pages: string[][] = [];
  let page = await audit.listAuditLog(admin, q, size);
  expect(page!.newer).toBeNull();
  for (;;) {
    pages.push(page!.rows.map((r) => r.id));
    if (!page!.older) break;
    page = await audit.listAuditLog(admin, { ...q, sebelum: page!.older }, size);
    expect(page!.newer).not.toBeNull();
  }
  return pages;
}

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 20 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  audit = await import("@/lib/dal/audit-log");
  for (const r of await rows<{ email: string; id: string }>(`SELECT email, id FROM "user"`)) ids[r.email] = r.id;
  const [root] = await rows<{ id: string; path: string }>(`SELECT id, path FROM unit WHERE parent_id IS NULL`);
  admin = { userId: ids["admin@suara.test"]!, email: "admin@suara.test", name: "Admin", mustChangePassword: false, assignments: [{ role: "ADMIN", unitId: root!.id, unitPath: root!.path }] };
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("audit log paging", () => {
  it("walks every entry once, newest first by (at, id), across entries with the same time", async () => {
    // 137 entries, seven to a timestamp, and the later-inserted (higher ids) earlier in time:
    // an order by id alone, or by time alone, would differ from (at, id) and break the pages.
    const base = Date.parse("2020-01-15T08:00:00.000Z");
    const inserted = await insert(
      Array.from({ length: 137 }, (_, i) => ({ action: "role.assign", at: new Date(base - Math.floor(i / 7) * 60_000).toISOString(), actor: ids["admin@suara.test"], unit: "RSUD" })),
    );
    const expected = [...inserted].sort((a, b) => b.at.getTime() - a.at.getTime() || Number(BigInt(b.id) - BigInt(a.id))).map((r) => r.id);
    const q = { dari: "2020-01-01", sampai: "2020-01-31" };

    for (const size of [10, 7, 137, 200]) {
      const pages = await walkOlder(q, size);
      expect(pages.flat(), `page size ${size}`).toEqual(expected);
      expect(pages.slice(0, -1).every((p) => p.length === size)).toBe(true);
      // And back, newer and newer from the oldest page: the same pages in reverse.
      const back: string[][] = [];
      let page = await audit.listAuditLog(admin, { ...q, sebelum: undefined }, size);
      while (page!.older) page = await audit.listAuditLog(admin, { ...q, sebelum: page!.older }, size);
      back.push(page!.rows.map((r) => r.id));
      while (page!.newer) {
        page = await audit.listAuditLog(admin, { ...q, sesudah: page!.newer }, size);
        back.unshift(page!.rows.map((r) => r.id));
      }
      expect(back, `page size ${size}, back`).toEqual(pages);
    }
  });

  it("parses the cursor the page's links carry, and an entry written meanwhile does not shift an older page", async () => {
    const q = parseAuditQuery({ dari: "2020-01-01", sampai: "2020-01-31" }).query;
    const first = await audit.listAuditLog(admin, q, 20);
    const link = new URLSearchParams({ dari: "2020-01-01", sampai: "2020-01-31" });
    const { formatAuditCursor } = await import("@/lib/validation/audit");
    link.set("sebelum", formatAuditCursor(first!.older!));
    const second = await audit.listAuditLog(admin, parseAuditQuery(Object.fromEntries(link)).query, 20);
    await insert([{ action: "role.assign", at: "2020-01-20T00:00:00.000Z", actor: ids["admin@suara.test"] }]);
    const again = await audit.listAuditLog(admin, parseAuditQuery(Object.fromEntries(link)).query, 20);
    expect(again!.rows.map((r) => r.id)).toEqual(second!.rows.map((r) => r.id));
    expect(second!.rows[0]!.at.getTime()).toBeLessThanOrEqual(first!.rows.at(-1)!.at.getTime());
  });
});

describe("audit log filters", () => {
  const KEYS = ["enroll", "revoke", "assign", "feedback", "failure", "token", "create"] as const;
  let entry: Record<(typeof KEYS)[number], string>;
  beforeAll(async () => {
    const [kiosk] = await rows<{ id: string }>(
      `INSERT INTO kiosk_device (id, unit_id, name, token_hash) SELECT gen_random_uuid(), id, 'Tablet loket akta', gen_random_uuid()::text FROM unit WHERE code = 'DUKCAPIL-CAPIL' RETURNING id`,
    );
    const [response] = await rows<{ id: string }>(`SELECT id FROM response ORDER BY submitted_at LIMIT 1`);
    const [service] = await rows<{ id: string }>(`SELECT s.id FROM service s JOIN unit u ON u.id = s.unit_id WHERE u.code = 'RSUD' AND s.code = 'IGD'`);
    const made = await insert([
      { action: "kiosk.enroll", at: "2021-03-01T03:00:00.000Z", actor: ids["operator.dukcapil@suara.test"], email: "operator.dukcapil@suara.test", unit: "DUKCAPIL-CAPIL", targetType: "kiosk_device", targetId: kiosk!.id },
      { action: "kiosk.revoke", at: "2021-03-01T16:30:00.000Z", actor: ids["admin@suara.test"], unit: "DUKCAPIL-CAPIL", targetType: "kiosk_device", targetId: "00000000-0000-4000-8000-0000000000aa", detail: { name: "Tablet hilang" } },
      { action: "role.assign", at: "2021-03-01T17:30:00.000Z", actor: ids["admin@suara.test"], unit: "RSUD", targetType: "user", targetId: ids["kepala.dukcapil@suara.test"], detail: { role: "PIMPINAN" } },
      { action: "feedback.update", at: "2021-03-02T02:00:00.000Z", actor: ids["kepala.dukcapil@suara.test"], unit: "DISDUKCAPIL", targetType: "response", targetId: response!.id },
      { action: "auth.signin.failure", at: "2021-03-02T03:00:00.000Z", email: "tidak.ada@suara.test", detail: { reason: "unknown" } },
      { action: "token.issue", at: "2021-03-02T04:00:00.000Z", actor: ids["operator.dukcapil@suara.test"], unit: "RSUD", targetType: "service", targetId: service!.id },
      { action: "user.create", at: "2021-03-02T05:00:00.000Z", actor: ids["admin@suara.test"], targetType: "user", targetId: "not-a-uuid" },
    ]);
    entry = Object.fromEntries(KEYS.map((k, i) => [k, made[i]!.id])) as typeof entry;
  });
  const march = { dari: "2021-03-01", sampai: "2021-03-02" };
  const list = async (q: TAuditQuery) => (await audit.listAuditLog(admin, { ...march, ...q }))!.rows.map((r) => r.id);

  it("by action, by person and by unit with its sub-units", async () => {
    expect(await list({ aksi: "kiosk.revoke" })).toEqual([entry.revoke]);
    expect(await list({ orang: ids["operator.dukcapil@suara.test"] })).toEqual([entry.token, entry.enroll]);
    // Dinas Dukcapil: its own entries and those of its bureaus; not the hospital's.
    expect(await list({ unit: "DISDUKCAPIL" })).toEqual([entry.feedback, entry.revoke, entry.enroll]);
    expect(await list({ unit: "DUKCAPIL-CAPIL" })).toEqual([entry.revoke, entry.enroll]);
    expect(await list({ unit: "TIDAK-ADA" })).toEqual([]);
    expect(await list({ aksi: "kiosk.enroll", unit: "RSUD" })).toEqual([]);
    expect(await list({ orang: ids["admin@suara.test"], unit: "DISDUKCAPIL" })).toEqual([entry.revoke]);
  });

  it("by days on the agency's clock (WIB): 16:30 UTC is still 1 March, 17:30 UTC is 2 March", async () => {
    expect(await list({ dari: "2021-03-01", sampai: "2021-03-01" })).toEqual([entry.revoke, entry.enroll]);
    expect(await list({ dari: "2021-03-02", sampai: "2021-03-02" })).toEqual([entry.create, entry.token, entry.failure, entry.feedback, entry.assign]);
    expect(await list({ dari: "2021-03-02", sampai: "2021-03-01" })).toEqual([]);
    expect((await audit.listAuditLog(admin, { sampai: "2021-03-01" }))!.rows.map((r) => r.id)).toContain(entry.enroll);
  });

  it("names the person, the unit and the record, and falls back to the id when the record is gone", async () => {
    const byId = new Map((await audit.listAuditLog(admin, march))!.rows.map((r) => [r.id, r]));
    expect(byId.get(entry.enroll)).toMatchObject({
      action: "kiosk.enroll",
      actor: { name: "Operator Dukcapil", email: "operator.dukcapil@suara.test" },
      unit: { code: "DUKCAPIL-CAPIL", name: "Bidang Pelayanan Pencatatan Sipil" },
      target: { type: "kiosk_device", name: "Tablet loket akta" },
    });
    expect(byId.get(entry.revoke)!.target).toMatchObject({ type: "kiosk_device", id: "00000000-0000-4000-8000-0000000000aa", name: null });
    expect(byId.get(entry.revoke)!.detail).toEqual({ name: "Tablet hilang" });
    expect(byId.get(entry.assign)!.target).toMatchObject({ type: "user", name: "Kepala Dinas Dukcapil" });
    expect(byId.get(entry.assign)!.unit).toMatchObject({ name: "RSUD Kabupaten Sukamaju" });
    expect(byId.get(entry.feedback)!.target!.at).toBeInstanceOf(Date);
    expect(byId.get(entry.token)!.target).toMatchObject({ type: "service", name: "Instalasi Gawat Darurat" });
    expect(byId.get(entry.failure)).toMatchObject({ actor: null, actorEmail: "tidak.ada@suara.test", unit: null, target: null, detail: { reason: "unknown" } });
    expect(byId.get(entry.create)!.target).toMatchObject({ type: "user", id: "not-a-uuid", name: null });
  });

  it("is read by an admin of the whole agency only", async () => {
    const kepala: TCaller = { ...admin, userId: ids["kepala.dukcapil@suara.test"]!, assignments: [] };
    expect(await audit.listAuditLog(kepala, march)).toBeNull();
    expect(await audit.listAuditLog(null, march)).toBeNull();
  });
});

describe("the audit page's query", () => {
  it("parses filters and cursors, and names what it ignores", () => {
    expect(parseAuditQuery({ aksi: "kiosk.revoke", unit: "rsud", dari: "2026-01-01", sebelum: "1764633600123.4821" }).query).toEqual({
      aksi: "kiosk.revoke", unit: "RSUD", dari: "2026-01-01", sebelum: { at: new Date(1764633600123), id: 4821n },
    });
    const bad = parseAuditQuery({ aksi: "drop.table", orang: "x", dari: "2026-02-30", sampai: "kemarin", sebelum: "1.2.3", unit: "A'B" });
    expect(bad.query).toEqual({});
    expect(bad.ignored.sort()).toEqual(["aksi", "dari", "orang", "sampai", "sebelum", "unit"]);
    expect(parseAuditQuery({ sebelum: "1.1", sesudah: "2.2" })).toEqual({ query: { sebelum: { at: new Date(1), id: 1n } }, ignored: ["sesudah"] });
  });
});
