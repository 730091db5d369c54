import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TCaller } from "@/lib/permissions";
import { parseDashboardQuery, type TSearchParams } from "@/lib/validation/dashboard";
import { withClient } from "@/tests/support/database";
import { RELS, ROLES, UNIT, runMatrix, setupMatrix, type Check, type Rel } from "@/tests/support/matrix";

// The authorization matrix (tests/support/matrix.ts) for units, dashboards, operating,
// admin (units, periods, publication, templates, services, users) and the agency-wide
// reads below. The follow-up loop's rows are in authorization-matrix-follow-up.test.ts.

const query = (params: TSearchParams = {}) => parseDashboardQuery(params, { timeZone: "Asia/Jakarta", rhythm: "QUARTER" }).query;

const ctx = setupMatrix();
const { callers, closedPeriod } = ctx;
let units: typeof import("@/lib/dal/units");
let users: typeof import("@/lib/dal/users");
let userImport: typeof import("@/lib/dal/user-import");
let operate: typeof import("@/lib/dal/operate");
let paper: typeof import("@/lib/dal/paper");
let paperList: typeof import("@/lib/dal/paper-list");
let auditLog: typeof import("@/lib/dal/audit-log");
let dashboard: typeof import("@/lib/dal/dashboard");
let exporter: typeof import("@/lib/dal/export");
let report: typeof import("@/lib/report/unit");
let tabulation: typeof import("@/lib/dal/tabulation");
let services: typeof import("@/lib/dal/services");
let settings: typeof import("@/lib/dal/settings");
let unitAdmin: typeof import("@/lib/dal/unit-admin");
let templates: typeof import("@/lib/dal/templates");
let unitTemplate: typeof import("@/lib/dal/unit-template");
let periods: typeof import("@/lib/dal/periods");
let publication: typeof import("@/lib/dal/publication");
let publicationLog: typeof import("@/lib/dal/publication-log");
let imports: typeof import("@/lib/dal/import");
/** Withdraws the closed quarter's live publications at and under a unit (straight in the database), so a publish can be tried. */
const withdrawLive = (rel: Rel) =>
  withClient(ctx.db.url, (cl) =>
    cl.query(
      `UPDATE publication x SET unpublished_at = now(), unpublish_reason = 'Uji matriks wewenang'
        FROM unit u, survey_period p
        WHERE u.id = x.unit_id AND p.id = x.period_id AND x.unpublished_at IS NULL AND x.result IS NOT NULL
          AND u.path LIKE (SELECT path FROM unit WHERE code = $1) || '%' AND p.kind = 'QUARTER' AND p.year = $2 AND p.number = $3`,
      [UNIT[rel], closedPeriod().year, closedPeriod().number],
    ),
  );
/** Puts the unit's withdrawn publication of the closed quarter back live (a refused publish above may have withdrawn it). */
const makeLive = (rel: Rel) =>
  withClient(ctx.db.url, (cl) =>
    cl.query(
      `UPDATE publication x SET unpublished_at = NULL, unpublished_by_id = NULL, unpublish_reason = NULL
        FROM unit u, survey_period p
        WHERE u.id = x.unit_id AND p.id = x.period_id AND x.result IS NOT NULL AND u.code = $1 AND p.kind = 'QUARTER' AND p.year = $2 AND p.number = $3`,
      [UNIT[rel], closedPeriod().year, closedPeriod().number],
    ),
  );
/** A publication log entry (with a photo) on the related unit, in the closed period. */
const logEntryOf = (rel: Rel) =>
  withClient(ctx.db.url, async (c) =>
    (
      await c.query(
        `INSERT INTO publication_log_entry (id, unit_id, period_id, medium, published_on, photo, photo_type)
         SELECT gen_random_uuid(), u.id, p.id, 'NOTICE_BOARD', p.end_date, '\\x89504e470d0a1a0a00'::bytea, 'image/png'
           FROM unit u, survey_period p WHERE u.code = $1 AND p.kind = 'QUARTER' AND p.year = $2 AND p.number = $3 RETURNING id`,
        [UNIT[rel], closedPeriod().year, closedPeriod().number],
      )
    ).rows[0].id as string,
  );
/** Users to be managed, one holding a role on each related unit (made in beforeAll). */
const targetUser = {} as Record<Rel, string>;
let newCode = 0;
const unitIdOf = (rel: Rel) => withClient(ctx.db.url, async (c) => (await c.query(`SELECT id FROM unit WHERE code = $1`, [UNIT[rel]])).rows[0].id as string);
/** A new leaf unit under the related unit, written as an admin's earlier change would have left it. */
const leafUnder = (rel: Rel) =>
  withClient(ctx.db.url, async (c) => {
    const code = `MATRIX-L${++newCode}`;
    await c.query(
      `INSERT INTO unit (id, parent_id, path, depth, name, kind, code, updated_at) SELECT gen_random_uuid(), id, '', 0, 'Daun uji', 'UPT', $2, now() FROM unit WHERE code = $1`,
      [UNIT[rel], code],
    );
    return (await c.query(`SELECT id, code FROM unit WHERE code = $1`, [code])).rows[0] as { id: string; code: string };
  });
/** A service of the related unit (the first in its order). */
const serviceOf = (rel: Rel) =>
  withClient(ctx.db.url, async (c) => (await c.query(`SELECT s.id FROM service s JOIN unit u ON u.id = s.unit_id WHERE u.code = $1 ORDER BY s.sort_order LIMIT 1`, [UNIT[rel]])).rows[0].id as string);

/** A paper sheet for the related unit: today's date, its first service (if any), every unsur answered. */
const paperSheetFor = async (rel: Rel) => {
  const [row] = await withClient(ctx.db.url, async (c) =>
    (await c.query(`SELECT (SELECT s.code FROM service s WHERE s.unit_id = u.id AND s.active ORDER BY s.sort_order, s.name LIMIT 1) AS service,
                           (now() AT TIME ZONE 'Asia/Jakarta')::date::text AS today FROM unit u WHERE u.code = $1`, [UNIT[rel]])).rows,
  );
  const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, 3]));
  return { unitCode: UNIT[rel], date: row.today as string, service: (row.service as string | null) ?? undefined, answers, allowDuplicate: true };
};
/** `check` on a PAPER response of the related unit written directly; the response is gone again after (the totals below stay the seed's). */
const withPaperResponse = async (rel: Rel, check: (id: string) => Promise<boolean>) => {
  const id = await withClient(ctx.db.url, async (c) =>
    (await c.query(
      `INSERT INTO response (id, unit_id, template_version_id, channel, answers, idempotency_key)
       SELECT gen_random_uuid(), u.id, (SELECT template_version_id FROM response LIMIT 1), 'PAPER', '{"U1": 3}', 'matrix:' || gen_random_uuid()
         FROM unit u WHERE u.code = $1 RETURNING id`,
      [UNIT[rel]],
    )).rows[0].id as string);
  try {
    return await check(id);
  } finally {
    await withClient(ctx.db.url, (c) => c.query(`DELETE FROM response WHERE id = $1`, [id]));
  }
};
const dropResponse = async (r: { ok: boolean; value?: { id: string } }) => {
  if (r.ok) await withClient(ctx.db.url, (c) => c.query(`DELETE FROM response WHERE id = $1`, [r.value!.id]));
  return r.ok;
};
/** A tabulation of one new row (its saran differs each time) on the related unit's first service, if it has one; U10-U14 for a unit an admin above moved to the 14-item questionnaire. Dated years back, out of the pooled index checked below. */
const importFile = async (rel: Rel) => {
  const code = await withClient(ctx.db.url, async (c) => (await c.query(`SELECT s.code FROM service s JOIN unit u ON u.id = s.unit_id WHERE u.code = $1 AND s.active ORDER BY s.sort_order LIMIT 1`, [UNIT[rel]])).rows[0]?.code as string | undefined);
  const csv = `No;U1;U2;U3;U4;U5;U6;U7;U8;U9;U10;U11;U12;U13;U14;Saran\n1;3;3;4;3;3;4;3;3;3;3;4;3;3;3;Uji matriks ${++newCode}`;
  return { fileName: "matriks.csv", bytes: new TextEncoder().encode(csv), date: "2020-06-15", ...(code ? { serviceCode: code } : {}) };
};
/** An import batch of the related unit, as an earlier import would have left it. */
const batchOf = (rel: Rel) =>
  withClient(ctx.db.url, async (c) =>
    (
      await c.query(
        `INSERT INTO import_batch (id, unit_id, template_version_id, file_name, file_sha256, source_kind, mapping, rows_read, inserted, already_imported, skipped)
         SELECT gen_random_uuid(), id, (SELECT id FROM template_version LIMIT 1), 'matriks.csv', 'x', 'tabulation', '{}', 0, 0, 0, 0 FROM unit WHERE code = $1 RETURNING id`,
        [UNIT[rel]],
      )
    ).rows[0].id as string,
  );

beforeAll(async () => {
  units = await import("@/lib/dal/units");
  users = await import("@/lib/dal/users");
  userImport = await import("@/lib/dal/user-import");
  operate = await import("@/lib/dal/operate");
  paper = await import("@/lib/dal/paper");
  paperList = await import("@/lib/dal/paper-list");
  auditLog = await import("@/lib/dal/audit-log");
  dashboard = await import("@/lib/dal/dashboard");
  exporter = await import("@/lib/dal/export");
  report = await import("@/lib/report/unit");
  tabulation = await import("@/lib/dal/tabulation");
  services = await import("@/lib/dal/services");
  settings = await import("@/lib/dal/settings");
  unitAdmin = await import("@/lib/dal/unit-admin");
  templates = await import("@/lib/dal/templates");
  unitTemplate = await import("@/lib/dal/unit-template");
  periods = await import("@/lib/dal/periods");
  publication = await import("@/lib/dal/publication");
  publicationLog = await import("@/lib/dal/publication-log");
  imports = await import("@/lib/dal/import");
  await withClient(ctx.db.url, async (c) => {
    for (const rel of RELS) {
      const id = (await c.query(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), $1, $1) RETURNING id`, [`target-${rel}@matrix.test`])).rows[0].id;
      await c.query(`INSERT INTO role_assignment (id, user_id, unit_id, role) SELECT gen_random_uuid(), $1, id, 'OPERATOR' FROM unit WHERE code = $2`, [id, UNIT[rel]]);
      targetUser[rel] = id;
    }
  });
});

const checks: Check[] = [
  { name: "getUnitForCaller", capability: "unit.read", run: async (c, rel) => !!(await units.getUnitForCaller(c, UNIT[rel], "unit.read")) },
  { name: "listUnitsForCaller", capability: "unit.read", run: async (c, rel) => (await units.listUnitsForCaller(c, "unit.read")).some((u) => u.code === UNIT[rel]) },
  { name: "getUnitCounts", capability: "unit.read", run: async (c, rel) => !!(await units.getUnitCounts(c, UNIT[rel])) },
  { name: "getUnitHead", capability: "dashboard.read", run: async (c, rel) => !!(await units.getUnitHead(c, UNIT[rel])) },
  { name: "getUnitDashboard", capability: "dashboard.read", run: async (c, rel) => !!(await dashboard.getUnitDashboard(c, UNIT[rel], query())) },
  { name: "getAgencyDashboard", capability: "dashboard.read", run: async (c, rel) => !!(await dashboard.getAgencyDashboard(c, query({ unit: UNIT[rel] }))) },
  { name: "openResponseExport", capability: "dashboard.read", run: async (c, rel) => !!(await exporter.openResponseExport(c, UNIT[rel], query())) },
  { name: "unitReportPdf", capability: "dashboard.read", run: async (c, rel) => (await report.unitReportPdf(c, UNIT[rel], {}, "id")).ok },
  { name: "openTabulationExport", capability: "dashboard.read", run: async (c, rel) => !!(await tabulation.openTabulationExport(c, UNIT[rel], query())) },
  { name: "listUnitsForCaller(dashboard)", capability: "dashboard.read", run: async (c, rel) => (await units.listUnitsForCaller(c, "dashboard.read")).some((u) => u.code === UNIT[rel]) },
  { name: "getSurveyLink", capability: "operate", run: async (c, rel) => !!(await operate.getSurveyLink(c, UNIT[rel])) },
  { name: "listServicesForOperator", capability: "operate", run: async (c, rel) => !!(await operate.listServicesForOperator(c, UNIT[rel])) },
  {
    name: "issueTransactionTokens",
    capability: "operate",
    run: async (c, rel) => (await operate.issueTransactionTokens(c, { unitCode: UNIT[rel], count: 1, days: 1, origin: "http://x" })).ok,
  },
  { name: "enrollKioskForCaller", capability: "operate", run: async (c, rel) => (await operate.enrollKioskForCaller(c, { unitCode: UNIT[rel], name: "Tablet" })).ok },
  { name: "getPaperScreen", capability: "operate", run: async (c, rel) => !!(await paperList.getPaperScreen(c, UNIT[rel])) },
  { name: "listPaperSheets", capability: "operate", run: async (c, rel) => !!(await paperList.listPaperSheets(c, UNIT[rel])) },
  {
    name: "enterPaperSheet",
    capability: "operate",
    run: async (c, rel) => dropResponse(await paper.enterPaperSheet(c, { ...(await paperSheetFor(rel)), nonce: randomUUID() }) as { ok: boolean; value?: { id: string } }),
  },
  {
    name: "correctPaperSheet",
    capability: "operate",
    run: async (c, rel) => withPaperResponse(rel, async (id) => (await paper.correctPaperSheet(c, { ...(await paperSheetFor(rel)), responseId: id })).ok),
  },
  { name: "deletePaperSheet", capability: "operate", run: async (c, rel) => withPaperResponse(rel, async (id) => (await paper.deletePaperSheet(c, { responseId: id })).ok) },
  { name: "getPaperSheet", capability: "operate", run: async (c, rel) => withPaperResponse(rel, async (id) => !!(await paper.getPaperSheet(c, UNIT[rel], id))) },
  { name: "listKioskDevices", capability: "operate", run: async (c, rel) => !!(await operate.listKioskDevices(c, UNIT[rel])) },
  {
    name: "revokeKioskForCaller",
    capability: "operate",
    run: async (c, rel) => {
      const id = await withClient(ctx.db.url, async (cl) =>
        (await cl.query(`INSERT INTO kiosk_device (id, unit_id, name, token_hash) SELECT gen_random_uuid(), id, 'Matrix', gen_random_uuid()::text FROM unit WHERE code = $1 RETURNING id`, [UNIT[rel]])).rows[0].id,
      );
      return (await operate.revokeKioskForCaller(c, { deviceId: id })).ok;
    },
  },
  { name: "previewImport", capability: "operate", run: async (c, rel) => (await imports.previewImport(c, UNIT[rel], await importFile(rel))).ok },
  { name: "commitImport", capability: "operate", run: async (c, rel) => (await imports.commitImport(c, UNIT[rel], await importFile(rel))).ok },
  { name: "listImports", capability: "operate", run: async (c, rel) => !!(await imports.listImports(c, UNIT[rel])) },
  { name: "undoImport", capability: "operate", run: async (c, rel) => (await imports.undoImport(c, { batchId: await batchOf(rel) })).ok },
  { name: "getUnitForAdmin", capability: "admin", run: async (c, rel) => !!(await unitAdmin.getUnitForAdmin(c, UNIT[rel])) },
  { name: "listUnitTree", capability: "admin", run: async (c, rel) => !!(await unitAdmin.listUnitTree(c))?.rows.some((u) => u.code === UNIT[rel]) },
  {
    name: "createUnit",
    capability: "admin",
    run: async (c, rel) => (await unitAdmin.createUnit(c, { parentCode: UNIT[rel], code: `MATRIX-U${++newCode}`, name: "Unit uji", kind: "UPT" })).ok,
  },
  { name: "updateUnit", capability: "admin", run: async (c, rel) => (await unitAdmin.updateUnit(c, { unitId: await unitIdOf(rel), name: `Unit ${rel}`, kind: "DINAS" })).ok },
  { name: "setUnitActive", capability: "admin", run: async (c, rel) => (await unitAdmin.setUnitActive(c, { unitId: await unitIdOf(rel), active: true })).ok },
  // A leaf moved under another leaf, both new under the related unit: allowed where the caller administers it.
  {
    name: "moveUnit",
    capability: "admin",
    run: async (c, rel) => {
      const [leaf, target] = [await leafUnder(rel), await leafUnder(rel)];
      return (await unitAdmin.moveUnit(c, { unitId: leaf.id, parentCode: target.code })).ok;
    },
  },
  { name: "changeUnitCode", capability: "admin", run: async (c, rel) => (await unitAdmin.changeUnitCode(c, { unitId: (await leafUnder(rel)).id, code: `MATRIX-C${++newCode}` })).ok },
  { name: "populationGrid", capability: "admin", run: async (c, rel) => !!(await periods.populationGrid(c, closedPeriod()))?.some((u) => u.code === UNIT[rel]) },
  { name: "savePopulations", capability: "admin", run: async (c, rel) => (await periods.savePopulations(c, { period: ctx.closedKey, populations: { [UNIT[rel]]: "1000" } })).ok },
  {
    name: "importPopulationCsv",
    capability: "admin",
    run: async (c, rel) => (await periods.importPopulationCsv(c, { period: ctx.closedKey, bytes: new TextEncoder().encode(`${UNIT[rel]};1200`) })).ok,
  },
  { name: "listPublications", capability: "admin", run: async (c, rel) => !!(await publication.listPublications(c, closedPeriod()))?.some((u) => u.code === UNIT[rel]) },
  { name: "getUnitPublication", capability: "admin", run: async (c, rel) => !!(await publicationLog.getUnitPublication(c, UNIT[rel], closedPeriod())) },
  // The parent (the agency root) has no responses of its own: pooled, it has its whole tree's.
  // A live result is never overwritten (alreadyPublished): withdrawn first, as an admin would.
  {
    name: "publishUnit",
    capability: "admin",
    run: async (c, rel) => (await withdrawLive(rel), (await publication.publishUnit(c, { period: ctx.closedKey, unitCode: UNIT[rel], scope: "gabungan" })).ok),
  },
  {
    name: "publishAll",
    capability: "admin",
    run: async (c, rel) => (await withdrawLive(rel), (await publication.publishAll(c, { period: ctx.closedKey, rootCode: UNIT[rel], scope: "sendiri" })).ok),
  },
  {
    name: "unpublishUnit",
    capability: "admin",
    run: async (c, rel) => (await makeLive(rel), (await publication.unpublishUnit(c, { period: ctx.closedKey, unitCode: UNIT[rel], reason: "Uji matriks wewenang" })).ok),
  },
  {
    name: "addLogEntry",
    capability: "admin",
    run: async (c, rel) =>
      (await publicationLog.addLogEntry(c, { period: ctx.closedKey, unitCode: UNIT[rel], medium: "WEBSITE", publishedOn: "2026-10-01", url: "https://example.go.id/ikm", note: "", photo: null })).ok,
  },
  { name: "removeLogEntry", capability: "admin", run: async (c, rel) => (await publicationLog.removeLogEntry(c, { entryId: await logEntryOf(rel) })).ok },
  { name: "logPhoto", capability: "dashboard.read", run: async (c, rel) => !!(await publicationLog.logPhoto(c, await logEntryOf(rel))) },
  { name: "getUnitTemplateChoice", capability: "admin", run: async (c, rel) => !!(await unitTemplate.getUnitTemplateChoice(c, UNIT[rel])) },
  {
    name: "setUnitTemplate",
    capability: "admin",
    run: async (c, rel) => (await unitTemplate.setUnitTemplate(c, { unitId: await unitIdOf(rel), templateKey: "kepmenpan-25-2004" })).ok,
  },
  { name: "listServicesForAdmin", capability: "admin", run: async (c, rel) => !!(await services.listServicesForAdmin(c, UNIT[rel])) },
  {
    name: "createService",
    capability: "admin",
    run: async (c, rel) => (await services.createService(c, { unitCode: UNIT[rel], code: `MATRIX-${++newCode}`, name: "Layanan uji", nameEn: "" })).ok,
  },
  { name: "renameService", capability: "admin", run: async (c, rel) => (await services.renameService(c, { serviceId: await serviceOf(rel), name: `Nama ${rel}`, nameEn: "" })).ok },
  { name: "moveService", capability: "admin", run: async (c, rel) => (await services.moveService(c, { serviceId: await serviceOf(rel), direction: "down" })).ok },
  { name: "setServiceActive", capability: "admin", run: async (c, rel) => (await services.setServiceActive(c, { serviceId: await serviceOf(rel), active: true })).ok },
  {
    name: "renameKioskForCaller",
    capability: "operate",
    run: async (c, rel) => {
      const id = await withClient(ctx.db.url, async (cl) =>
        (await cl.query(`INSERT INTO kiosk_device (id, unit_id, name, token_hash) SELECT gen_random_uuid(), id, 'Matrix', gen_random_uuid()::text FROM unit WHERE code = $1 RETURNING id`, [UNIT[rel]])).rows[0].id,
      );
      return (await operate.renameKioskForCaller(c, { deviceId: id, name: "Matrix 2" })).ok;
    },
  },
  {
    name: "createUser",
    capability: "admin",
    run: async (c, rel) => (await users.createUser(c, { email: `new-${c.name}-${rel}@matrix.test`, name: "Baru", role: "OPERATOR", unitCode: UNIT[rel] })).ok,
  },
  { name: "assignRole", capability: "admin", run: async (c, rel) => (await users.assignRole(c, { userId: targetUser.own, role: "PIMPINAN", unitCode: UNIT[rel] })).ok },
  { name: "getUser", capability: "admin", run: async (c, rel) => !!(await users.getUser(c, targetUser[rel])) },
  { name: "listUsers", capability: "admin", run: async (c, rel) => !!(await users.listUsers(c, { cari: `target-${rel}@` }))?.rows.some((u) => u.id === targetUser[rel]) },
  {
    name: "listUsers(unit)",
    capability: "admin",
    run: async (c, rel) => !!(await users.listUsers(c, { unit: UNIT[rel], bawah: "1" }))?.rows.some((u) => u.id === targetUser[rel]),
  },
  {
    name: "previewBulkUsers",
    capability: "admin",
    run: async (c, rel) => (await userImport.previewBulkUsers(c, { csv: `Orang Baru;preview-${rel}@matrix.test`, unitCode: UNIT[rel], role: "OPERATOR" })).ok,
  },
  {
    name: "createUsersBulk",
    capability: "admin",
    run: async (c, rel) => (await userImport.createUsersBulk(c, { csv: `Orang Baru;bulk-${c.name}-${rel}@matrix.test`, unitCode: UNIT[rel], role: "OPERATOR" })).ok,
  },
  { name: "resetPassword", capability: "admin", run: async (c, rel) => (await users.resetPassword(c, { userId: targetUser[rel] })).ok },
  { name: "setUserActive", capability: "admin", run: async (c, rel) => (await users.setUserActive(c, { userId: targetUser[rel], active: true })).ok },
  {
    name: "removeRole",
    capability: "admin",
    run: async (c, rel) => {
      const id = await withClient(ctx.db.url, async (cl) =>
        (await cl.query(`INSERT INTO role_assignment (id, user_id, unit_id, role) SELECT gen_random_uuid(), $1, id, 'KEPALA_UNIT' FROM unit WHERE code = $2 RETURNING id`, [targetUser.own, UNIT[rel]])).rows[0].id,
      );
      const r = await users.removeRole(c, { assignmentId: id });
      await withClient(ctx.db.url, (cl) => cl.query(`DELETE FROM role_assignment WHERE id = $1`, [id]));
      return r.ok;
    },
  },
];

runMatrix(ctx, checks);

describe("agency-wide reads", () => {
  it("shows the audit log to an admin of the whole agency only", async () => {
    expect(await auditLog.listAuditLog(callers.ROOT_ADMIN)).not.toBeNull();
    expect(await auditLog.listAuditChoices(callers.ROOT_ADMIN)).not.toBeNull();
    for (const role of ROLES) expect(await auditLog.listAuditLog(callers[role])).toBeNull();
    for (const role of ROLES) expect(await auditLog.listAuditChoices(callers[role])).toBeNull();
    expect(await auditLog.listAuditLog(null)).toBeNull();
  });

  it("leaves the agency's settings to an admin of the whole agency: a dinas admin is refused too", async () => {
    expect(await settings.agencySettingsForm(callers.ROOT_ADMIN)).not.toBeNull();
    const input = { name: "Diambil alih", timeZone: "Asia/Jayapura", rhythm: "YEAR", defaultTemplateKey: "permenpan-14-2017" };
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    for (const who of [...ROLES.map((r) => callers[r]), null]) {
      expect(await settings.agencySettingsForm(who)).toBeNull();
      expect(await settings.adminsAgency(who)).toBe(false);
      expect(await settings.updateAgencySettings(who, input)).toEqual({ ok: false, error: "notFound" });
      expect(await settings.setAgencyLogo(who, { bytes: png })).toEqual({ ok: false, error: "notFound" });
      expect(await settings.removeAgencyLogo(who, {})).toEqual({ ok: false, error: "notFound" });
    }
    expect(await withClient(ctx.db.url, async (c) => (await c.query(`SELECT name, time_zone, logo FROM agency_settings`)).rows)).toEqual([{ name: null, time_zone: "Asia/Jakarta", logo: null }]);
  });

  it("leaves closing a period to an admin of the whole agency; lists periods to admins only", async () => {
    for (const who of [...ROLES.map((r) => callers[r]), null]) {
      expect(await periods.closePeriod(who, { period: "2020-T1" })).toEqual({ ok: false, error: "notFound" });
    }
    expect((await periods.listPeriods(callers.ADMIN))!.canClose).toBe(false);
    for (const role of ["PIMPINAN", "KEPALA_UNIT", "OPERATOR"] as const) expect(await periods.listPeriods(callers[role])).toBeNull();
    expect(await periods.listPeriods(null)).toBeNull();
    expect((await periods.listPeriods(callers.ROOT_ADMIN))!.canClose).toBe(true);
  });

  it("leaves the questionnaire library to an admin of the whole agency: a dinas admin sees it, edits nothing", async () => {
    // A real account: the writes' audit entries name their actor.
    const rootAdminId = await withClient(ctx.db.url, async (c) => (await c.query(`INSERT INTO "user" (id, email, name) VALUES (gen_random_uuid(), 'root-tpl@matrix.test', 'root') RETURNING id`)).rows[0].id as string);
    const rootAdmin: TCaller = { ...callers.ROOT_ADMIN, userId: rootAdminId };
    const made = await templates.createTemplate(rootAdmin, { key: "matrix-tpl", name: "Kuesioner uji", nameEn: "", from: "permenpan-14-2017" });
    expect(made.ok).toBe(true);
    const content = (await templates.getTemplateForAdmin(callers.ROOT_ADMIN, "matrix-tpl"))!.draft!.content;
    expect((await templates.listTemplateLibrary(callers.ADMIN))!.canEdit).toBe(false);
    for (const role of ["PIMPINAN", "KEPALA_UNIT", "OPERATOR"] as const) {
      expect(await templates.listTemplateLibrary(callers[role])).toBeNull();
      expect(await templates.getTemplateForAdmin(callers[role], "matrix-tpl")).toBeNull();
      expect(await templates.getVersionForPreview(callers[role], "matrix-tpl")).toBeNull();
    }
    for (const who of [...ROLES.map((r) => callers[r]), null]) {
      expect(await templates.createTemplate(who, { key: "matrix-taken", name: "Diambil", nameEn: "", from: "scratch" })).toEqual({ ok: false, error: "notFound" });
      expect(await templates.saveDraft(who, { key: "matrix-tpl", name: "Diambil", nameEn: "", content })).toEqual({ ok: false, error: "notFound" });
      expect(await templates.publishDraft(who, { key: "matrix-tpl" })).toEqual({ ok: false, error: "notFound" });
      expect(await templates.startDraft(who, { key: "matrix-tpl" })).toEqual({ ok: false, error: "notFound" });
      expect(await templates.discardDraft(who, { key: "matrix-tpl" })).toEqual({ ok: false, error: "notFound" });
    }
    expect((await templates.saveDraft(rootAdmin, { key: "matrix-tpl", name: "Kuesioner uji", nameEn: "", content })).ok).toBe(true);
    expect((await templates.publishDraft(rootAdmin, { key: "matrix-tpl" })).ok).toBe(true);
    expect(await withClient(ctx.db.url, async (c) => (await c.query(`SELECT key, name FROM questionnaire_template WHERE key LIKE 'matrix-%'`)).rows)).toEqual([{ key: "matrix-tpl", name: "Kuesioner uji" }]);
  });

  it("gives nobody anything without a session", async () => {
    expect(await units.getUnitForCaller(null, UNIT.own, "unit.read")).toBeNull();
    expect(await units.listUnitsForCaller(null, "unit.read")).toEqual([]);
    expect(await exporter.openResponseExport(null, UNIT.own, query())).toBeNull();
    expect((await report.unitReportPdf(null, UNIT.own, {}, "id")).ok).toBe(false);
    expect(await tabulation.openTabulationExport(null, UNIT.own, query())).toBeNull();
    expect(await users.listUsers(null)).toBeNull();
  });

  it("lets an agency admin manage a user anywhere, and the pooled index of the root covers every unit", async () => {
    expect(await users.getUser(callers.ROOT_ADMIN, targetUser.sibling)).not.toBeNull();
    const year = query({ periode: String(new Date().getUTCFullYear()) });
    const agency = await dashboard.getAgencyDashboard(callers.ROOT_ADMIN, year);
    const total = await withClient(ctx.db.url, async (c) =>
      (await c.query(`SELECT sum(responses)::int AS n FROM unit_monthly_summary WHERE NOT suspicious AND extract(year FROM month) = $1`, [new Date().getUTCFullYear()])).rows[0].n,
    );
    expect(agency!.pooled!.result.respondents).toBe(total);
    expect(agency!.root.code).toBe(UNIT.parent);
  });

  it("gives the agency view of nobody without a dashboard role, and only subtrees in scope", async () => {
    expect(await dashboard.getAgencyDashboard(null, query())).toBeNull();
    expect((await dashboard.getAgencyDashboard(callers.KEPALA_UNIT, query()))!.root.code).toBe(UNIT.own);
    expect(await dashboard.getAgencyDashboard(callers.OPERATOR, query({ unit: UNIT.own }))).toBeNull();
  });
});
