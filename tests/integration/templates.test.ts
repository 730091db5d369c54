import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/support/database";
import { holdAuditLog } from "@/tests/support/lock-step";

// The questionnaire library on a real PostgreSQL: an agency admin creates a custom
// template (from the regulation's, a preset or scratch), edits its draft, publishes it as a
// frozen version; an admin of a unit chooses it and the unit's sub-units inherit it. The
// database itself refuses any change to a published or answered version.

let db: TestDatabase;
let tpl: typeof import("@/lib/dal/templates");
let ut: typeof import("@/lib/dal/unit-template");
let survey: typeof import("@/lib/dal/survey");
let admin: TCaller;
let dinasAdmin: TCaller;
let kepala: TCaller;
const meta: TRequestMeta = { clientAddress: "203.0.113.12", clientKey: "k", userAgent: "vitest" };
const rows = <T>(sql: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(sql, params)).rows as T[]);
const one = async <T>(sql: string, params: unknown[] = []) => (await rows<T>(sql, params))[0]!;
const unitId = async (code: string) => (await one<{ id: string }>(`SELECT id FROM unit WHERE code = $1`, [code])).id;

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(db.url, { responses: 200, until: new Date("2026-11-28T05:00:00Z") });
  process.env.DATABASE_URL = db.url;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-00";
  tpl = await import("@/lib/dal/templates");
  ut = await import("@/lib/dal/unit-template");
  survey = await import("@/lib/dal/survey");
  const as = async (email: string, role: TCaller["assignments"][number]["role"], code: string): Promise<TCaller> => {
    const u = await one<{ id: string; path: string }>(`SELECT id, path FROM unit WHERE code = $1`, [code]);
    const user = await one<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [email]);
    return { userId: user.id, email, name: email, mustChangePassword: false, assignments: [{ role, unitId: u.id, unitPath: u.path }] };
  };
  admin = await as("admin@suara.test", "ADMIN", "KAB-SUKAMAJU");
  dinasAdmin = await as("pimpinan@suara.test", "ADMIN", "DISDUKCAPIL");
  kepala = await as("kepala.dukcapil@suara.test", "KEPALA_UNIT", "DISDUKCAPIL");
});
afterAll(async () => {
  await (await import("@/lib/db")).closeDb();
  await db?.drop();
});

describe("the database freezes used questionnaire versions", () => {
  it("refuses a direct UPDATE or DELETE of a published version or its items", async () => {
    const { id } = await one<{ id: string }>(`SELECT v.id FROM template_version v JOIN questionnaire_template t ON t.id = v.template_id WHERE t.key = 'permenpan-14-2017'`);
    const attempts = [
      `UPDATE template_version SET scale_max = 5 WHERE id = $1`,
      `UPDATE template_version SET published_at = NULL WHERE id = $1`,
      `DELETE FROM template_version WHERE id = $1`,
      `UPDATE template_item SET question = 'Diubah' WHERE version_id = $1`,
      `DELETE FROM template_item WHERE version_id = $1`,
      `INSERT INTO template_item (id, version_id, position, code, unsur, unsur_en, question, question_en, options) VALUES (gen_random_uuid(), $1, 99, 'X1', 'x', 'x', 'x', 'x', '[]')`,
    ];
    for (const sql of attempts) await expect(rows(sql, [id]), sql).rejects.toThrow(/can no longer change|no item can be added/);
    expect(await one(`SELECT count(*)::int AS n, bool_and(question <> 'Diubah') AS same FROM template_item WHERE version_id = $1`, [id])).toEqual({ n: 9, same: true });
  });

  it("freezes a draft that has a response, and leaves other drafts editable", async () => {
    const r = await tpl.createTemplate(admin, { key: "draf-uji", name: "Draf uji", nameEn: "", from: "permenpan-14-2017" }, meta);
    expect(r.ok).toBe(true);
    const { id } = await one<{ id: string }>(`SELECT v.id FROM template_version v JOIN questionnaire_template t ON t.id = v.template_id WHERE t.key = 'draf-uji'`);
    await rows(`UPDATE template_item SET question = 'Boleh' WHERE version_id = $1 AND code = 'U1'`, [id]);
    await rows(
      `INSERT INTO response (id, unit_id, template_version_id, channel, answers, idempotency_key) SELECT gen_random_uuid(), u.id, $1, 'WEB', '{"U1": 3}', gen_random_uuid()::text FROM unit u WHERE u.code = 'RSUD'`,
      [id],
    );
    await expect(rows(`UPDATE template_item SET question = 'Tidak boleh' WHERE version_id = $1`, [id])).rejects.toThrow(/can no longer change/);
    await expect(rows(`UPDATE template_version SET asks_harapan = true WHERE id = $1`, [id])).rejects.toThrow(/can no longer change/);
    // The data layer says so rather than run into the trigger.
    const content = (await tpl.getTemplateForAdmin(admin, "draf-uji"))!.draft!.content;
    expect(await tpl.saveDraft(admin, { key: "draf-uji", name: "Draf uji", nameEn: "", content }, meta)).toEqual({ ok: false, error: "frozen" });
    expect(await tpl.publishDraft(admin, { key: "draf-uji" }, meta)).toEqual({ ok: false, error: "frozen" });
  });
});

describe("the library", () => {
  it("an agency admin creates a template from PermenPANRB, edits the draft and publishes it as version 1", async () => {
    expect(await tpl.createTemplate(admin, { key: "Skm-Dukcapil", name: "SKM Dukcapil", nameEn: "Dukcapil survey", from: "permenpan-14-2017" }, meta)).toEqual({ ok: true, value: { key: "skm-dukcapil" } });
    const t = (await tpl.getTemplateForAdmin(admin, "skm-dukcapil"))!;
    expect(t).toMatchObject({ kind: "CUSTOM", canEdit: true, versions: [{ version: 1, publishedAt: null, responses: 0, items: 9 }] });
    expect(t.draft!.content.asksHarapan).toBe(false);
    const content = structuredClone(t.draft!.content);
    content.items[0]!.question = "Apakah persyaratan KTP jelas?";
    content.items[0]!.questionEn = "Are the ID card requirements clear?";
    content.items[0]!.options[3]!.labelEn = "Completely appropriate";
    // A bad band: an error on that band's field, nothing saved.
    const gap = structuredClone(content);
    gap.bands[1]!.min = 65.5;
    expect(await tpl.saveDraft(admin, { key: "skm-dukcapil", name: "SKM Dukcapil", nameEn: "", content: gap }, meta)).toEqual({ ok: false, error: "invalid", fields: { "content.bands.1.min": "bandGap" } });
    expect((await tpl.saveDraft(admin, { key: "skm-dukcapil", name: "SKM Dukcapil 2027", nameEn: "Dukcapil survey", content }, meta)).ok).toBe(true);
    const saved = (await tpl.getTemplateForAdmin(admin, "skm-dukcapil"))!;
    expect(saved.name).toBe("SKM Dukcapil 2027");
    expect(saved.draft!.content.items[0]).toMatchObject({ code: "U1", question: "Apakah persyaratan KTP jelas?", questionEn: "Are the ID card requirements clear?" });
    expect(saved.draft!.content.items[0]!.options[3]).toEqual({ value: 4, label: "Sangat sesuai", labelEn: "Completely appropriate" });
    expect(await tpl.publishDraft(admin, { key: "skm-dukcapil" }, meta)).toEqual({ ok: true, value: { version: 1 } });
    expect(await tpl.publishDraft(admin, { key: "skm-dukcapil" }, meta)).toEqual({ ok: false, error: "noDraft" });
    expect(await one(`SELECT action, detail->>'key' AS key FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({ action: "template.publish", key: "skm-dukcapil" });
  });

  it("a new draft starts from the latest version; publishing makes version 2 while version 1 stays as it was", async () => {
    expect(await tpl.startDraft(admin, { key: "skm-dukcapil" }, meta)).toEqual({ ok: true, value: undefined });
    expect(await tpl.startDraft(admin, { key: "skm-dukcapil" }, meta)).toEqual({ ok: false, error: "draftExists" });
    const t = (await tpl.getTemplateForAdmin(admin, "skm-dukcapil"))!;
    expect(t.draft!.version).toBe(2);
    const content = structuredClone(t.draft!.content);
    content.asksHarapan = true;
    content.items[0]!.question = "Versi dua?";
    expect((await tpl.saveDraft(admin, { key: "skm-dukcapil", name: t.name, nameEn: t.nameEn ?? "", content }, meta)).ok).toBe(true);
    expect((await tpl.publishDraft(admin, { key: "skm-dukcapil" }, meta)).ok).toBe(true);
    const questions = await rows<{ version: number; question: string; asks_harapan: boolean }>(
      `SELECT v.version, i.question, v.asks_harapan FROM template_item i JOIN template_version v ON v.id = i.version_id JOIN questionnaire_template t ON t.id = v.template_id
        WHERE t.key = 'skm-dukcapil' AND i.code = 'U1' ORDER BY v.version`,
    );
    expect(questions).toEqual([
      { version: 1, question: "Apakah persyaratan KTP jelas?", asks_harapan: false },
      { version: 2, question: "Versi dua?", asks_harapan: true },
    ]);
    expect((await tpl.startDraft(admin, { key: "skm-dukcapil" }, meta)).ok).toBe(true);
    expect((await tpl.discardDraft(admin, { key: "skm-dukcapil" }, meta)).ok).toBe(true);
    expect((await tpl.getTemplateForAdmin(admin, "skm-dukcapil"))!.draft).toBeNull();
  });

  it("a Zona Integritas template on 1..6 from the preset, and one from scratch", async () => {
    expect((await tpl.createTemplate(admin, { key: "spak-2027", name: "SPAK 2027", nameEn: "", from: "zi-spak" }, meta)).ok).toBe(true);
    const spak = (await tpl.getTemplateForAdmin(admin, "spak-2027"))!.draft!.content;
    expect([spak.scaleMin, spak.scaleMax, spak.items.length, spak.items[0]!.options.length]).toEqual([1, 6, 5, 6]);
    expect((await tpl.createTemplate(admin, { key: "kosong", name: "Dari awal", nameEn: "", from: "scratch" }, meta)).ok).toBe(true);
    expect((await tpl.getTemplateForAdmin(admin, "kosong"))!.draft!.content.items.map((i) => i.code)).toEqual(["U1"]);
    expect(await tpl.createTemplate(admin, { key: "kosong", name: "Lagi", nameEn: "", from: "scratch" }, meta)).toEqual({ ok: false, error: "exists" });
    expect(await tpl.createTemplate(admin, { key: "lain", name: "Lain", nameEn: "", from: "tidak-ada" }, meta)).toEqual({ ok: false, error: "source" });
    const lib = (await tpl.listTemplateLibrary(admin))!;
    expect(lib.canEdit).toBe(true);
    expect(lib.templates.find((t) => t.key === "spak-2027")).toMatchObject({ kind: "CUSTOM", published: null, hasDraft: true });
    expect(lib.starts.map((s) => s.key)).toEqual(expect.arrayContaining(["permenpan-14-2017", "kepmenpan-25-2004", "skm-dukcapil", "zi-spkp", "zi-spak"]));
  });

  it("the dashboards read a version once it is frozen, never a draft's passing content", async () => {
    const rollup = await import("@/lib/dal/dashboard/rollup");
    const ids = await rows<{ id: string; key: string }>(
      `SELECT v.id, t.key FROM template_version v JOIN questionnaire_template t ON t.id = v.template_id WHERE t.key IN ('permenpan-14-2017', 'kosong')`,
    );
    const draftId = ids.find((r) => r.key === "kosong")!.id;
    await rollup.versionsFor([ids.find((r) => r.key === "permenpan-14-2017")!.id]);
    const content = (await tpl.getTemplateForAdmin(admin, "kosong"))!.draft!.content;
    content.items[0]!.code = "X1";
    expect((await tpl.saveDraft(admin, { key: "kosong", name: "Dari awal", nameEn: "", content }, meta)).ok).toBe(true);
    expect((await tpl.publishDraft(admin, { key: "kosong" }, meta)).ok).toBe(true);
    expect((await rollup.versionsFor([draftId])).get(draftId)?.codes).toEqual(["X1"]);
  });

  it("leaves the library to an agency admin: a dinas admin sees it but edits nothing, a kepala unit sees nothing", async () => {
    expect((await tpl.listTemplateLibrary(dinasAdmin))!.canEdit).toBe(false);
    expect((await tpl.getTemplateForAdmin(dinasAdmin, "spak-2027"))!.canEdit).toBe(false);
    expect(await tpl.listTemplateLibrary(kepala)).toBeNull();
    expect(await tpl.getTemplateForAdmin(kepala, "spak-2027")).toBeNull();
    expect(await tpl.getVersionForPreview(kepala, "spak-2027")).toBeNull();
    for (const who of [dinasAdmin, kepala, null]) {
      expect(await tpl.createTemplate(who, { key: "direbut", name: "Direbut", nameEn: "", from: "scratch" }, meta)).toEqual({ ok: false, error: "notFound" });
      expect(await tpl.publishDraft(who, { key: "spak-2027" }, meta)).toEqual({ ok: false, error: "notFound" });
      expect(await tpl.startDraft(who, { key: "skm-dukcapil" }, meta)).toEqual({ ok: false, error: "notFound" });
    }
    // The built-in regulations' templates are read-only, even for the agency admin.
    expect(await tpl.startDraft(admin, { key: "permenpan-14-2017" }, meta)).toEqual({ ok: false, error: "builtin" });
    expect((await tpl.getTemplateForAdmin(admin, "permenpan-14-2017"))!.canEdit).toBe(false);
    expect(await rows(`SELECT 1 FROM questionnaire_template WHERE key = 'direbut'`)).toEqual([]);
  });

  it("a questionnaire with only a draft cannot become the agency default", async () => {
    const settings = await import("@/lib/dal/settings");
    const input = { name: "", timeZone: "Asia/Jakarta", rhythm: "QUARTER", defaultTemplateKey: "spak-2027" };
    expect(await settings.updateAgencySettings(admin, input, meta)).toEqual({ ok: false, error: "template" });
    expect((await settings.agencySettingsForm(admin))!.templates.map((t) => t.key)).not.toContain("spak-2027");
    expect(await one(`SELECT key FROM questionnaire_template WHERE is_default`)).toEqual({ key: "permenpan-14-2017" });
  });

  it("previews a draft or a published version without creating a response", async () => {
    const before = await one<{ n: number }>(`SELECT count(*)::int AS n FROM response`);
    const p = (await tpl.getVersionForPreview(dinasAdmin, "spak-2027"))!;
    expect(p).toMatchObject({ version: 1, published: false, scaleMin: 1, scaleMax: 6 });
    expect((await tpl.getVersionForPreview(admin, "skm-dukcapil", 1))!.items[0]!.question).toBe("Apakah persyaratan KTP jelas?");
    expect(await tpl.getVersionForPreview(admin, "skm-dukcapil", 9)).toBeNull();
    expect(await one(`SELECT count(*)::int AS n FROM response`)).toEqual(before);
  });
});

describe("two clicks at once", () => {
  it("two \"start draft\" at once make one draft; the other is told there is one", async () => {
    expect((await tpl.createTemplate(admin, { key: "balapan-mulai", name: "Balapan mulai", nameEn: "", from: "permenpan-14-2017" }, meta)).ok).toBe(true);
    expect((await tpl.publishDraft(admin, { key: "balapan-mulai" }, meta)).ok).toBe(true);
    const hold = await holdAuditLog(db.url);
    const first = tpl.startDraft(admin, { key: "balapan-mulai" }, meta);
    await hold.waitForWaiting(1);
    const second = tpl.startDraft(admin, { key: "balapan-mulai" }, meta);
    await hold.waitForWaiting(2);
    await hold.release();
    expect(await Promise.all([first, second])).toEqual([{ ok: true, value: undefined }, { ok: false, error: "draftExists" }]);
    expect(await rows(`SELECT v.version, v.published_at IS NOT NULL AS published FROM template_version v JOIN questionnaire_template t ON t.id = v.template_id WHERE t.key = 'balapan-mulai' ORDER BY v.version`)).toEqual([
      { version: 1, published: true },
      { version: 2, published: false },
    ]);
  });

  it("a save that waits on a publish of the same draft finds no draft, rather than fail on the frozen version", async () => {
    expect((await tpl.createTemplate(admin, { key: "balapan-simpan", name: "Balapan simpan", nameEn: "", from: "permenpan-14-2017" }, meta)).ok).toBe(true);
    const content = structuredClone((await tpl.getTemplateForAdmin(admin, "balapan-simpan"))!.draft!.content);
    content.items[0]!.question = "Terlambat?";
    const hold = await holdAuditLog(db.url);
    const publish = tpl.publishDraft(admin, { key: "balapan-simpan" }, meta);
    await hold.waitForWaiting(1);
    const save = tpl.saveDraft(admin, { key: "balapan-simpan", name: "Balapan simpan", nameEn: "", content }, meta);
    await hold.waitForWaiting(2);
    await hold.release();
    expect(await Promise.all([publish, save])).toEqual([{ ok: true, value: { version: 1 } }, { ok: false, error: "noDraft" }]);
    // Version 1 was published as it was; the late save changed nothing and wrote no audit entry.
    expect(await one(`SELECT i.question FROM template_item i JOIN template_version v ON v.id = i.version_id JOIN questionnaire_template t ON t.id = v.template_id WHERE t.key = 'balapan-simpan' AND i.code = 'U1'`)).toEqual({
      question: expect.stringMatching(/kesesuaian persyaratan pelayanan/),
    });
    expect(await one(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'template.draft.save' AND detail->>'key' = 'balapan-simpan'`)).toEqual({ n: 0 });
  });
});

describe("a unit's questionnaire", () => {
  it("a unit asks its own choice; its sub-units without one inherit it; the rest asks the agency default", async () => {
    survey.clearSurveyCache();
    expect((await survey.getSurvey("DUKCAPIL-DAFDUK"))!.template.id).toBe("permenpan-14-2017");
    // A draft-only template cannot be chosen.
    expect(await ut.setUnitTemplate(dinasAdmin, { unitId: await unitId("DISDUKCAPIL"), templateKey: "spak-2027" }, meta)).toEqual({ ok: false, error: "template" });
    expect((await ut.setUnitTemplate(dinasAdmin, { unitId: await unitId("DISDUKCAPIL"), templateKey: "skm-dukcapil" }, meta)).ok).toBe(true);
    const own = (await survey.getSurvey("DISDUKCAPIL"))!;
    expect(own.template.id).toBe("skm-dukcapil");
    expect(own.asksHarapan).toBe(true);
    expect(own.items[0]!.question).toBe("Versi dua?");
    const child = (await survey.getSurvey("DUKCAPIL-DAFDUK"))!;
    expect(child.templateVersionId).toBe(own.templateVersionId);
    expect((await survey.getSurvey("DINKES"))!.template.id).toBe("permenpan-14-2017");

    expect(await ut.getUnitTemplateChoice(dinasAdmin, "DISDUKCAPIL")).toMatchObject({ own: "skm-dukcapil", source: { kind: "own" }, effective: { key: "skm-dukcapil" } });
    expect(await ut.getUnitTemplateChoice(dinasAdmin, "DUKCAPIL-DAFDUK")).toMatchObject({
      own: null,
      source: { kind: "inherited", from: { code: "DISDUKCAPIL" } },
      effective: { key: "skm-dukcapil" },
    });
    expect(await ut.getUnitTemplateChoice(admin, "DINKES")).toMatchObject({ own: null, source: { kind: "default" }, effective: { key: "permenpan-14-2017" } });
    expect(await one(`SELECT action, detail->'template'->>'to' AS "to" FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({ action: "unit.template.set", to: "skm-dukcapil" });

    // The child's own choice wins over the parent's; clearing it inherits again.
    expect((await ut.setUnitTemplate(dinasAdmin, { unitId: await unitId("DUKCAPIL-DAFDUK"), templateKey: "kepmenpan-25-2004" }, meta)).ok).toBe(true);
    expect((await survey.getSurvey("DUKCAPIL-DAFDUK"))!.items).toHaveLength(14);
    expect((await ut.setUnitTemplate(dinasAdmin, { unitId: await unitId("DUKCAPIL-DAFDUK"), templateKey: "" }, meta)).ok).toBe(true);
    expect((await survey.getSurvey("DUKCAPIL-DAFDUK"))!.template.id).toBe("skm-dukcapil");
  });

  it("refuses a unit outside the caller's subtree, and a kepala unit", async () => {
    expect(await ut.setUnitTemplate(dinasAdmin, { unitId: await unitId("DINKES"), templateKey: "skm-dukcapil" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await ut.setUnitTemplate(kepala, { unitId: await unitId("DISDUKCAPIL"), templateKey: "" }, meta)).toEqual({ ok: false, error: "notFound" });
    expect(await ut.getUnitTemplateChoice(dinasAdmin, "DINKES")).toBeNull();
    expect(await ut.getUnitTemplateChoice(kepala, "DISDUKCAPIL")).toBeNull();
    expect(await one(`SELECT t.key FROM unit u JOIN questionnaire_template t ON t.id = u.template_id WHERE u.code = 'DISDUKCAPIL'`)).toEqual({ key: "skm-dukcapil" });
    expect(await one(`SELECT template_id FROM unit WHERE code = 'DINKES'`)).toEqual({ template_id: null });
  });
});

describe("a Zona Integritas survey, end to end", () => {
  it("citizens answer a 1..6 SPKP and the unit's index is computed from its declared scale and bands", async () => {
    const { createUnit } = await import("@/lib/dal/unit-admin");
    const { submitResponse } = await import("@/lib/dal/responses");
    const { getUnitDashboard } = await import("@/lib/dal/dashboard");
    const { parseDashboardQuery } = await import("@/lib/validation/dashboard");
    expect((await createUnit(admin, { parentCode: "DINKES", code: "ZI-UJI", name: "Unit ZI uji", kind: "UPT" }, meta)).ok).toBe(true);
    expect((await tpl.createTemplate(admin, { key: "spkp-uji", name: "SPKP uji", nameEn: "", from: "zi-spkp" }, meta)).ok).toBe(true);
    expect((await tpl.publishDraft(admin, { key: "spkp-uji" }, meta)).ok).toBe(true);
    expect((await ut.setUnitTemplate(admin, { unitId: await unitId("ZI-UJI"), templateKey: "spkp-uji" }, meta)).ok).toBe(true);
    const codes = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"];
    const answers = (scores: number[]) => Object.fromEntries(codes.map((c, i) => [c, scores[i]]));
    // A 7 is off this scale; a 6 is on it (it would be off PermenPANRB's 1..4).
    expect((await submitResponse({ unit: "ZI-UJI", answers: answers(Array(8).fill(7)) }, crypto.randomUUID(), { channel: "WEB", clientKey: "zi-0", requireService: false })).ok).toBe(false);
    for (const [k, scores] of [Array(8).fill(6), Array(8).fill(4), [5, 5, 5, 5, 5, 5, 5, 5]].entries()) {
      expect((await submitResponse({ unit: "ZI-UJI", answers: answers(scores) }, crypto.randomUUID(), { channel: "WEB", clientKey: `zi-${k + 1}`, requireService: false })).ok).toBe(true);
    }
    // Mean 5 on 1..6: 25 + 75 x (5 - 1) / 5 = 85.00, mutu B under the preset's bands.
    // This year on the agency's clock (WIB), where the responses just sent fall.
    const year = new Intl.DateTimeFormat("en", { timeZone: "Asia/Jakarta", year: "numeric" }).format(new Date());
    const q = parseDashboardQuery({ cakupan: "sendiri", periode: year }, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }).query;
    const d = (await getUnitDashboard(admin, "ZI-UJI", q))!;
    expect(d.score!.result).toMatchObject({ respondents: 3, ikm: 5, konversiRounded: 85, mutu: "B" });
  });
});

