import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { fieldErrors, shellWrite, type TWriteResult } from "@/lib/dal/write";
import { ZImportInput, type TImportFile, type TImportInput } from "@/lib/validation/import";
import { IMPORT_TIMEOUT_MS, commitRefusal, importAudit, previewOf, writeImport, type TImportCommitted, type TImportPreview } from "./index";
import { planForUnit, type TImportPlan } from "./plan";

// The import from the server shell (`npm run import`): the same plan, refusals, rows and
// audit entry as an operator's, with no caller to authorize (the shell's authority is the
// database credentials it holds; see shellWrite). The rows name nobody as their enterer.

async function shellPlan(unitCode: string, file: TImportFile): Promise<TWriteResult<TImportPlan>> {
  const parsed = ZImportInput.safeParse({ ...file, unitCode });
  if (!parsed.success) return { ok: false, error: "invalid", fields: fieldErrors(parsed.error) };
  const input: TImportInput = parsed.data;
  const unit = await prisma.unit.findUnique({
    where: { code: input.unitCode.toUpperCase() },
    select: { id: true, code: true, name: true, kind: true, path: true, depth: true, parentId: true },
  });
  const plan = unit ? await planForUnit(unit, input) : null;
  return plan ? { ok: true, value: plan } : { ok: false, error: "notFound" };
}

export async function previewImportFromShell(unitCode: string, file: TImportFile): Promise<TWriteResult<TImportPreview>> {
  const plan = await shellPlan(unitCode, file);
  return plan.ok ? { ok: true, value: previewOf(plan.value) } : plan;
}

export async function commitImportFromShell(unitCode: string, file: TImportFile): Promise<TWriteResult<TImportCommitted, "refused" | "nothingNew">> {
  const plan = await shellPlan(unitCode, file);
  if (!plan.ok) return plan;
  const refused = commitRefusal(plan.value);
  if (refused) return { ok: false, error: refused };
  const batchId = randomUUID();
  const audit = importAudit(plan.value, batchId);
  const value = await shellWrite({ ...audit, detail: { ...audit.detail, via: "shell" } }, (tx) => writeImport(tx, plan.value, batchId, null), {
    timeoutMs: IMPORT_TIMEOUT_MS,
  });
  return { ok: true, value };
}
