import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// Publishing a resolved saran ("Anda berkata, kami bertindak"): only SELESAI items, the text
// screened again on the server, audited, and the public read shows only the reviewed texts of
// items still SELESAI.

let db: TestDatabase;
let publish: typeof import("@/lib/dal/feedback-public/publish");
let read: typeof import("@/lib/dal/feedback-public/read");
let officer: TCaller;
let sibling: TCaller;
const RAW = "Petugas Pak Budi Santoso lambat, hubungi saya 0812-3456-7890 RAHASIA";

const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(q, params)).rows as T[]);
const setStatus = (id: string, status: string) => sql(`UPDATE feedback_item SET status = $2::"FeedbackStatus" WHERE response_id = $1`, [id, status]);

async function callerOn(code: string, role: string): Promise<TCaller> {
  const [unit] = await sql<{ id: string; path: string }>(`SELECT id, path FROM unit WHERE code = $1`, [code]);
  const email = `${role.toLowerCase()}-${code.toLowerCase()}@pub.test`;
  const [user] = await sql<{ id: string }>(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), $1, $1) RETURNING id`, [email]);
  await sql(`INSERT INTO role_assignment (id, user_id, unit_id, role) VALUES (gen_random_uuid(), $1, $2, $3)`, [user!.id, unit!.id, role]);
  return { userId: user!.id, email, name: role, mustChangePassword: false, assignments: [{ role: role as "KEPALA_UNIT", unitId: unit!.id, unitPath: unit!.path }] };
}

async function newSaran(code: string, saran: string): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO response (id, unit_id, template_version_id, channel, answers, idempotency_key, saran)
     SELECT gen_random_uuid(), u.id, v.id, 'WEB', '{"U1": 3}', gen_random_uuid()::text, $2
       FROM unit u, template_version v JOIN questionnaire_template t ON t.id = v.template_id
      WHERE u.code = $1 AND t.key = 'permenpan-14-2017' RETURNING id`,
    [code, saran],
  );
  return row!.id;
}

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 50 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  publish = await import("@/lib/dal/feedback-public/publish");
  read = await import("@/lib/dal/feedback-public/read");
  officer = await callerOn("DISDUKCAPIL", "KEPALA_UNIT");
  sibling = await callerOn("DINKES", "KEPALA_UNIT");
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

describe("publishing a resolved saran", () => {
  it("offers a SELESAI item with its saran screened, and publishes only reviewed, screened texts", async () => {
    const id = await newSaran("DUKCAPIL-DAFDUK", RAW);
    const payload = { responseId: id, publicSaran: "Petugas lambat", publicAction: "Petugas loket ditambah satu" };

    // Not resolved yet: refused, and not a candidate.
    expect(await publish.publishFeedback(officer, payload)).toEqual({ ok: false, error: "notResolved" });
    await setStatus(id, "SELESAI");

    const list = await read.listPublicationItems(officer, "DISDUKCAPIL");
    const item = list!.candidates.find((c) => c.responseId === id)!;
    expect(item.draftSaran).toBe("Petugas Pak [nama] lambat, hubungi saya [nomor telepon] RAHASIA");
    expect(item.findings.map((f) => [f.kind, f.text])).toEqual([["name", "Budi Santoso"], ["phone", "0812-3456-7890"]]);

    // The server screens again: a phone left in the text is refused on its field, nothing saved.
    const leaked = await publish.publishFeedback(officer, { ...payload, publicSaran: "Telepon 081234567890" });
    expect(leaked).toEqual({ ok: false, error: "invalid", fields: { publicSaran: "personalData" } });
    expect(await publish.publishFeedback(officer, { ...payload, publicAction: "  " })).toMatchObject({ ok: false, error: "invalid", fields: { publicAction: "required" } });
    expect(await read.publicFeedbackForUnit("DISDUKCAPIL", 50)).toEqual([]);

    // Another unit's officer: not found.
    expect(await publish.publishFeedback(sibling, payload)).toEqual({ ok: false, error: "notFound" });
    expect(await read.listPublicationItems(sibling, "DISDUKCAPIL")).toBeNull();

    expect((await publish.publishFeedback(officer, payload)).ok).toBe(true);
    const pub = await read.publicFeedbackForUnit("DISDUKCAPIL", 50);
    expect(pub).toHaveLength(1);
    expect(Object.keys(pub[0]!).sort()).toEqual(["action", "publishedAt", "resolvedAt", "saran", "service", "submittedAt", "unit"]);
    expect(pub[0]).toMatchObject({ saran: "Petugas lambat", action: "Petugas loket ditambah satu" });
    expect(JSON.stringify(pub)).not.toContain("RAHASIA");
    // Also on the child unit's own page; not on a sibling's.
    expect(await read.publicFeedbackForUnit("DUKCAPIL-DAFDUK", 50)).toHaveLength(1);
    expect(await read.publicFeedbackForUnit("DINKES", 50)).toEqual([]);
    expect((await read.listPublicationItems(officer, "DISDUKCAPIL"))!.published.map((p) => p.responseId)).toContain(id);

    // Reopened: no longer public; resolved again: public again.
    await setStatus(id, "DITINDAKLANJUTI");
    expect(await read.publicFeedbackForUnit("DISDUKCAPIL", 50)).toEqual([]);
    await setStatus(id, "SELESAI");
    expect(await read.publicFeedbackForUnit("DISDUKCAPIL", 50)).toHaveLength(1);

    // Unpublished: gone, and a second unpublish is refused.
    expect((await publish.unpublishFeedback(officer, { responseId: id })).ok).toBe(true);
    expect(await read.publicFeedbackForUnit("DISDUKCAPIL", 50)).toEqual([]);
    expect(await publish.unpublishFeedback(officer, { responseId: id })).toEqual({ ok: false, error: "notPublished" });

    const audit = await sql<{ action: string; actor_id: string }>(`SELECT action, actor_id FROM audit_log WHERE target_id = $1 ORDER BY id`, [id]);
    expect(audit.map((a) => a.action)).toEqual(["feedback.publish", "feedback.unpublish"]);
    expect(audit.every((a) => a.actor_id === officer.userId)).toBe(true);
  });
});
