import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";

// A citizen's form (or a kiosk's queued answer) was rendered with one version of the unit's
// questionnaire; a new version is published before it is sent. The answers are checked
// against, and counted on, the version the form showed, so nothing typed is refused for it.
// Any other version id (a draft, another questionnaire's, unknown) reads as the current form.

let db: TestDatabase;
let dal: typeof import("@/lib/dal/responses");
let survey: typeof import("@/lib/dal/survey");
const full = { U1: 4, U2: 3, U3: 3, U4: 4, U5: 3, U6: 4, U7: 4, U8: 2, U9: 3 };
const web = { channel: "WEB" as const, clientKey: "client-v", requireService: false };
const sql = <T>(text: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(text, params)).rows as T[]);
let shown = "";
let next = "";
let draft = "";
let otherTemplates = "";

/** A new version of the default questionnaire in which U9 became X9; published unless `draft`. */
async function newDefaultVersion(opts: { draft?: boolean } = {}): Promise<string> {
  const [v] = await sql<{ id: string }>(
    `INSERT INTO template_version (id, template_id, version, scale_min, scale_max, bands, asks_harapan)
     SELECT gen_random_uuid(), t.id, max(v.version) + 1, 1, 4, (array_agg(v.bands ORDER BY v.version DESC))[1], false
       FROM questionnaire_template t JOIN template_version v ON v.template_id = t.id WHERE t.is_default GROUP BY t.id RETURNING id`,
  );
  await sql(
    `INSERT INTO template_item (id, version_id, position, code, unsur, unsur_en, question, question_en, options)
     SELECT gen_random_uuid(), $1, i.position, CASE WHEN i.code = 'U9' THEN 'X9' ELSE i.code END, i.unsur, i.unsur_en, i.question, i.question_en, i.options
       FROM template_item i WHERE i.version_id = $2`,
    [v!.id, shown],
  );
  if (!opts.draft) await sql(`UPDATE template_version SET published_at = now() WHERE id = $1`, [v!.id]);
  return v!.id;
}

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 50 });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  dal = await import("@/lib/dal/responses");
  survey = await import("@/lib/dal/survey");
  shown = (await survey.getSurvey("RSUD"))!.templateVersionId;
  next = await newDefaultVersion();
  draft = await newDefaultVersion({ draft: true });
  const [other] = await sql<{ id: string }>(
    `SELECT v.id FROM template_version v JOIN questionnaire_template t ON t.id = v.template_id WHERE t.key = 'kepmenpan-25-2004' AND v.published_at IS NOT NULL LIMIT 1`,
  );
  otherTemplates = other!.id;
  survey.clearSurveyCache();
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

const storedVersion = async (id: string) => (await sql<{ v: string }>(`SELECT template_version_id AS v FROM response WHERE id = $1`, [id]))[0]?.v;

describe("answers sent from a form shown before a new version was published", () => {
  it("the unit now asks the new version", async () => {
    expect((await survey.getSurvey("RSUD"))!.templateVersionId).toBe(next);
    expect((await survey.getSurvey("RSUD"))!.items.map((i) => i.code)).toContain("X9");
  });

  it("counts the answers on the version the form showed", async () => {
    const r = await dal.submitResponse({ unit: "RSUD", service: "IGD", version: shown, answers: full }, randomUUID(), web);
    expect(r).toMatchObject({ ok: true });
    expect(await storedVersion(r.ok ? r.id : "")).toBe(shown);
  });

  it("checks a form without a version, or with any other version, against the current one", async () => {
    for (const version of [undefined, draft, otherTemplates, randomUUID()]) {
      const r = await dal.submitResponse({ unit: "RSUD", service: "IGD", version, answers: full }, randomUUID(), web);
      expect(r, String(version)).toEqual({ ok: false, status: 400, errors: { "answers.U9": "unknownItem" } });
    }
    const now = await dal.submitResponse({ unit: "RSUD", service: "IGD", answers: { U1: 4, U2: 3, U3: 3, U4: 4, U5: 3, U6: 4, U7: 4, U8: 2, X9: 2 } }, randomUUID(), web);
    expect(now).toMatchObject({ ok: true });
    expect(await storedVersion(now.ok ? now.id : "")).toBe(next);
  });

  it("refuses a version id that is not one", async () => {
    const r = await dal.submitResponse({ unit: "RSUD", service: "IGD", version: "not-a-uuid", answers: full }, randomUUID(), web);
    expect(r).toMatchObject({ ok: false, status: 400, errors: { version: expect.any(String) } });
  });
});
