import "server-only";
import { prisma, type TTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getUnitForCaller } from "@/lib/dal/units";
import { defineWrite, fieldErrors, type TWriteResult } from "@/lib/dal/write";
import type { IkmResult } from "@/lib/ikm";
import type { DateOrderDecision, ImportMapping, TImportSource } from "@/lib/import";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { ZImportInput, ZUndoImport, type TImportFile } from "@/lib/validation/import";
import { planImport, type TImportPlan, type TImportRefusal } from "./plan";

// Import of tabulations and online-form exports into a unit, by its operators and admins
// ("operate", like paper entry). The preview and the commit work the import out the same way
// (./plan.ts); the commit does it again on the server, never trusting a preview it was shown.
// Each row becomes a response with channel IMPORT, entered by the caller, in one transaction
// with its batch and audit entry; the rollups count the batch in one pass (withBatchRollup).
// Undo deletes the batch's responses (taken out of the rollups the same way) and keeps the
// batch, marked undone.

export type { TImportRefusal } from "./plan";

export type TImportPreview = {
  unit: { code: string; name: string };
  fileName: string;
  fileSha256: string;
  source: TImportSource | null;
  header: readonly string[];
  mapping: ImportMapping | null;
  dateOrder: DateOrderDecision | null;
  rowsRead: number;
  /** The first refusals (up to REFUSAL_CAP of ./plan.ts), by row. */
  refusals: TImportRefusal[];
  /** All refusals, also those not listed. */
  refusalCount: number;
  /** Rows a commit would add. */
  newRows: number;
  /** Rows this unit has imported before (from this file or another): not counted again. */
  alreadyImported: number;
  /** Blank rows and summary rows, left out. */
  skipped: number;
  serviceColumn: string | null;
  /** IKM of the new rows alone; and the unit's own over the months they fall in, before and after. */
  added: IkmResult;
  before: IkmResult | null;
  after: IkmResult | null;
  months: { first: string; last: string } | null;
};

export function previewOf(plan: TImportPlan): TImportPreview {
  return {
    unit: { code: plan.unit.code, name: plan.unit.name },
    fileName: plan.fileName,
    fileSha256: plan.fileSha256,
    source: plan.file?.source ?? null,
    header: plan.file?.sheet.header ?? [],
    mapping: plan.file?.mapping ?? null,
    dateOrder: plan.file?.preview.dateOrder ?? null,
    rowsRead: plan.file?.preview.rowsRead ?? 0,
    refusals: plan.refusals,
    refusalCount: plan.refusalCount,
    newRows: plan.newRows.length,
    alreadyImported: plan.alreadyImported,
    skipped: plan.skipped,
    serviceColumn: plan.serviceColumn,
    added: plan.added,
    before: plan.before,
    after: plan.after,
    months: plan.months,
  };
}

/** What importing the file into the unit would do; nothing is written. notFound for a unit the caller does not operate. */
export async function previewImport(caller: TCaller | null, unitCode: string, file: TImportFile): Promise<TWriteResult<TImportPreview>> {
  const parsed = ZImportInput.safeParse({ ...file, unitCode });
  if (!parsed.success) return { ok: false, error: "invalid", fields: fieldErrors(parsed.error) };
  const plan = await planImport(caller, parsed.data);
  return plan ? { ok: true, value: previewOf(plan) } : { ok: false, error: "notFound" };
}

export type TImportCommitted = { batchId: string; inserted: number; alreadyImported: number; preview: TImportPreview };

const INSERT_CHUNK = 2000;
/** A large file takes longer than Prisma's default 5 s. */
export const IMPORT_TIMEOUT_MS = 10 * 60_000;

/**
 * The rollup trigger leaves this transaction's rows alone while `change` runs; the batch's rows
 * are then added to (sign 1) or, before they are deleted, taken from (sign -1) the rollups in
 * one set-based pass that adds exactly what the trigger would have (see the migration
 * import_bulk_rollup). Row by row, 100,000 rows took minutes.
 */
async function withBatchRollup<T>(tx: TTx, batchId: string, sign: 1 | -1, change: () => Promise<T>): Promise<T> {
  if (sign === -1) await tx.$executeRaw`SELECT suara_rollup_apply_batch(${batchId}::uuid, -1)`;
  await tx.$executeRaw`SELECT set_config('suara.rollup_bulk', 'on', true)`;
  const result = await change();
  await tx.$executeRaw`SELECT set_config('suara.rollup_bulk', 'off', true)`;
  if (sign === 1) await tx.$executeRaw`SELECT suara_rollup_apply_batch(${batchId}::uuid, 1)`;
  return result;
}

async function insertRows(tx: TTx, plan: TImportPlan, batchId: string, enteredById: string | null): Promise<number> {
  return withBatchRollup(tx, batchId, 1, () => insertChunks(tx, plan, batchId, enteredById));
}

async function insertChunks(tx: TTx, plan: TImportPlan, batchId: string, enteredById: string | null): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < plan.newRows.length; i += INSERT_CHUNK) {
    // The plan keeps each row as its JSON record already (a missing answers key is an unanswered item).
    const chunk = `[${plan.newRows.slice(i, i + INSERT_CHUNK).join(",")}]`;
    inserted += await tx.$executeRaw`
      INSERT INTO response (id, unit_id, service_id, template_version_id, channel, submitted_at, answers, gender, age, education,
                            occupation, saran, idempotency_key, locale, entered_by_id, import_batch_id)
      SELECT gen_random_uuid(), ${plan.unit.id}::uuid, x.service_id, ${plan.survey.templateVersionId}::uuid, 'IMPORT'::"Channel",
             x.submitted_at, x.answers, x.gender::"Gender", x.age, x.education::"Education", x.occupation::"Occupation",
             x.saran, x.key, 'id', ${enteredById}::uuid, ${batchId}::uuid
        FROM jsonb_to_recordset(${chunk}::jsonb)
          AS x(service_id uuid, submitted_at timestamptz, answers jsonb, gender text, age int, education text, occupation text, saran text, key text)
      ON CONFLICT (idempotency_key) DO NOTHING`;
  }
  return inserted;
}

/** The batch and its rows, in the write's transaction: what a caller's commit and the command line's both do. */
export async function writeImport(tx: TTx, plan: TImportPlan, batchId: string, createdById: string | null): Promise<TImportCommitted> {
  const first = plan.span?.first ?? Infinity;
  const last = plan.span?.last ?? -Infinity;
  await tx.importBatch.create({
    data: {
      id: batchId,
      unitId: plan.unit.id,
      serviceId: plan.serviceId,
      serviceColumn: plan.serviceColumn,
      templateVersionId: plan.survey.templateVersionId,
      fileName: plan.fileName,
      fileSha256: plan.fileSha256,
      sourceKind: plan.file!.source,
      mapping: plan.file!.mapping as unknown as Prisma.InputJsonValue,
      firstAt: new Date(first),
      lastAt: new Date(last),
      rowsRead: plan.file!.preview.rowsRead,
      inserted: 0,
      alreadyImported: plan.alreadyImported,
      skipped: plan.skipped,
      createdById,
    },
  });
  const inserted = await insertRows(tx, plan, batchId, createdById);
  // Rows another import added meanwhile were not inserted again: they count as already imported.
  const alreadyImported = plan.alreadyImported + plan.newRows.length - inserted;
  await tx.importBatch.update({ where: { id: batchId }, data: { inserted, alreadyImported } });
  return { batchId, inserted, alreadyImported, preview: previewOf(plan) };
}

/** Why a commit is refused before anything is written. */
export function commitRefusal(plan: TImportPlan): "refused" | "nothingNew" | null {
  if (plan.refusalCount > 0 || !plan.file) return "refused";
  return plan.newRows.length === 0 ? "nothingNew" : null;
}

export const importAudit = (plan: TImportPlan, batchId: string) => ({
  action: "import.commit" as const,
  targetType: "import_batch",
  targetId: batchId,
  unitId: plan.unit.id,
  detail: { fileName: plan.fileName, fileSha256: plan.fileSha256, source: plan.file?.source, rows: plan.newRows.length, alreadyImported: plan.alreadyImported, skipped: plan.skipped },
});

const commitWrite = defineWrite({
  input: ZImportInput,
  capability: "operate",
  // Reading the file and the unit's rollup happens before the transaction opens (see defineWrite).
  prepare: (input, caller) => planImport(caller, input),
  locate: (tx, _input, _caller, plan) => tx.unit.findUnique({ where: { id: plan.unit.id }, select: { id: true, path: true } }).then((u) => (u ? { unit: u, plan } : null)),
  on: ({ unit }) => [unit.path],
  refuse: (_input, { plan }) => commitRefusal(plan),
  audit: (_input, { plan }, { newId }) => importAudit(plan, newId),
  handler: (tx, _input, { plan }, { caller, newId }) => writeImport(tx, plan, newId, caller.userId),
  timeoutMs: IMPORT_TIMEOUT_MS,
});

/**
 * Imports every new row of the file into the unit, all or nothing: refused ("refused") while any
 * row is refused, and "nothingNew" when every row was imported before.
 */
export function commitImport(caller: TCaller | null, unitCode: string, file: TImportFile, meta?: TRequestMeta): Promise<TWriteResult<TImportCommitted, "refused" | "nothingNew">> {
  return commitWrite(caller, { ...file, unitCode }, meta);
}

/** Deletes the batch's responses (the rollups follow) and marks it undone. */
export const undoImport = defineWrite({
  input: ZUndoImport,
  capability: "operate",
  locate: (tx, input) =>
    tx.importBatch.findUnique({ where: { id: input.batchId }, select: { id: true, unitId: true, fileName: true, undoneAt: true, inserted: true, unit: { select: { path: true } } } }),
  on: (b) => [b.unit.path],
  refuse: (_input, b) => (b.undoneAt ? "alreadyUndone" : null),
  audit: (_input, b) => ({ action: "import.undo", targetType: "import_batch", targetId: b.id, unitId: b.unitId, detail: { fileName: b.fileName, rows: b.inserted } }),
  handler: async (tx, _input, b, { caller }) => {
    const deleted = await withBatchRollup(tx, b.id, -1, () => tx.$executeRaw`DELETE FROM response WHERE import_batch_id = ${b.id}::uuid`);
    await tx.importBatch.update({ where: { id: b.id }, data: { undoneAt: new Date(), undoneById: caller.userId } });
    return { deleted };
  },
  timeoutMs: IMPORT_TIMEOUT_MS,
});

export type TImportBatchRow = {
  id: string;
  fileName: string;
  sourceKind: string;
  service: { code: string; name: string } | null;
  serviceColumn: string | null;
  firstAt: Date | null;
  lastAt: Date | null;
  rowsRead: number;
  inserted: number;
  alreadyImported: number;
  skipped: number;
  createdAt: Date;
  createdBy: string | null;
  undoneAt: Date | null;
  undoneBy: string | null;
};

/** The unit's imports, newest first, for its operators and admins; null otherwise. */
export async function listImports(caller: TCaller | null, unitCode: string): Promise<TImportBatchRow[] | null> {
  const unit = await getUnitForCaller(caller, unitCode, "operate");
  if (!unit) return null;
  const rows = await prisma.importBatch.findMany({
    where: { unitId: unit.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true, fileName: true, sourceKind: true, serviceId: true, serviceColumn: true, firstAt: true, lastAt: true, rowsRead: true,
      inserted: true, alreadyImported: true, skipped: true, createdAt: true, undoneAt: true,
      createdBy: { select: { name: true } }, undoneBy: { select: { name: true } },
    },
  });
  const services = await prisma.service.findMany({ where: { id: { in: rows.flatMap((r) => (r.serviceId ? [r.serviceId] : [])) } }, select: { id: true, code: true, name: true } });
  const byId = new Map(services.map((s) => [s.id, { code: s.code, name: s.name }]));
  return rows.map(({ serviceId, createdBy, undoneBy, ...r }) => ({
    ...r,
    service: serviceId ? (byId.get(serviceId) ?? null) : null,
    createdBy: createdBy?.name ?? null,
    undoneBy: undoneBy?.name ?? null,
  }));
}
