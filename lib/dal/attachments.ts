import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { oldAttachmentFiles, readAttachmentFile, removeAttachmentFile, writeAttachmentFile } from "@/lib/attachments/disk";
import { ATTACHMENT_MAX_BYTES, filenameForType, sniffType, type TAttachmentType } from "@/lib/attachments/sniff";
import { prisma, type TTx } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { can, type TCaller } from "@/lib/permissions";
import type { TAttachmentKind } from "@/lib/validation/attachments";

// A plan's attachments: the FKP minutes and the evidence of an action's progress
// (photos, scanned PDFs). Stored by the write that attaches them (inside its
// transaction, after it has authorized plan.edit on the unit); read by anyone who
// may read the unit's dashboard, else not found. Bytes are kept in the row, or,
// with ATTACHMENTS_DIR set, in a file named from the id (lib/attachments/disk.ts).
//
// A file is written before its row is inserted, so a committed row always has its
// file. When the transaction then rolls back (or a plan is deleted with its
// attachments), the file stays behind with no row: nothing serves it (reads go
// through the row), and sweepAttachmentFiles removes it a day later.

export type TAttachmentSummary = {
  id: string;
  filename: string;
  contentType: TAttachmentType;
  size: number;
  kind: TAttachmentKind;
  progressId: string | null;
  createdAt: Date;
};

export type TAttachmentBody = { filename: string; contentType: TAttachmentType; size: number; body: Uint8Array };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stores one uploaded file for a plan (and an action's progress entry). The caller's write has
 * authorized the unit; the plan and progress entry must belong to it (a mismatch is a bug and
 * throws, rolling the write back). Refuses a file whose bytes are not a JPEG, PNG, WebP or PDF.
 */
export async function storeAttachment(
  tx: TTx,
  a: { unitId: string; planId: string; progressId: string | null; kind: TAttachmentKind; file: File; createdById: string },
): Promise<{ ok: true; id: string } | { ok: false; error: "type" | "tooLarge" }> {
  if (a.file.size > ATTACHMENT_MAX_BYTES) return { ok: false, error: "tooLarge" };
  const bytes = new Uint8Array(await a.file.arrayBuffer());
  if (bytes.byteLength > ATTACHMENT_MAX_BYTES) return { ok: false, error: "tooLarge" };
  const type = sniffType(bytes);
  if (!type) return { ok: false, error: "type" };

  const plan = await tx.followUpPlan.findUnique({ where: { id: a.planId }, select: { unitId: true } });
  if (plan?.unitId !== a.unitId) throw new Error("storeAttachment: the plan is not the unit's");
  if (a.progressId) {
    const progress = await tx.followUpProgress.findUnique({ where: { id: a.progressId }, select: { action: { select: { planId: true } } } });
    if (progress?.action.planId !== a.planId) throw new Error("storeAttachment: the progress entry is not the plan's");
  }

  const id = randomUUID();
  const dir = serverEnv().ATTACHMENTS_DIR;
  const storedPath = dir ? await writeAttachmentFile(dir, id, bytes) : null;
  await tx.attachment.create({
    data: {
      id,
      unitId: a.unitId,
      planId: a.planId,
      progressId: a.progressId,
      kind: a.kind,
      filename: filenameForType(a.file.name, type),
      contentType: type,
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      data: storedPath ? null : bytes,
      storedPath,
      createdById: a.createdById,
    },
  });
  return { ok: true, id };
}

/** One attachment's bytes, for a caller who may read its unit's dashboard; null otherwise (or for an unknown id). */
export async function readAttachment(caller: TCaller | null, id: string): Promise<TAttachmentBody | null> {
  if (!caller || !UUID.test(id)) return null;
  const row = await prisma.attachment.findUnique({
    where: { id },
    select: { filename: true, contentType: true, size: true, sha256: true, data: true, storedPath: true, unit: { select: { path: true } } },
  });
  if (!row || !can(caller, "dashboard.read", row.unit.path)) return null;
  const body = row.data ?? (await fromDisk(id, row.storedPath));
  if (!body) return null;
  // A file changed or damaged on disk is not served as if it were the one uploaded.
  if (createHash("sha256").update(body).digest("hex") !== row.sha256) {
    console.error(`[suara] attachment ${id}: its bytes no longer match their sha256; not served`);
    return null;
  }
  return { filename: row.filename, contentType: row.contentType as TAttachmentType, size: row.size, body };
}

async function fromDisk(id: string, storedPath: string | null): Promise<Uint8Array | null> {
  if (!storedPath) return null;
  const dir = serverEnv().ATTACHMENTS_DIR;
  if (!dir) {
    console.error(`[suara] attachment ${id} is stored as a file, but ATTACHMENTS_DIR is not set`);
    return null;
  }
  const bytes = await readAttachmentFile(dir, storedPath);
  if (!bytes) console.error(`[suara] attachment ${id}: its file ${storedPath} is missing under ATTACHMENTS_DIR`);
  return bytes;
}

/** A plan's attachments (the plan's own and its progress entries'), oldest first; null when the plan is unknown or out of scope. */
export async function listAttachments(caller: TCaller | null, planId: string): Promise<TAttachmentSummary[] | null> {
  if (!caller || !UUID.test(planId)) return null;
  const plan = await prisma.followUpPlan.findUnique({ where: { id: planId }, select: { unit: { select: { path: true } } } });
  if (!plan || !can(caller, "dashboard.read", plan.unit.path)) return null;
  const rows = await prisma.attachment.findMany({
    where: { planId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, filename: true, contentType: true, size: true, kind: true, progressId: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, contentType: r.contentType as TAttachmentType, kind: r.kind as TAttachmentKind }));
}

/** How long an unreferenced file is left alone: far longer than any write's transaction stays open. */
export const SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes files under ATTACHMENTS_DIR that no attachment row refers to (a write that rolled back
 * after storing its file, a deleted plan), and stray temporaries, once older than the grace period.
 */
export async function sweepAttachmentFiles(now = new Date(), graceMs = SWEEP_GRACE_MS): Promise<{ removed: number }> {
  const dir = serverEnv().ATTACHMENTS_DIR;
  if (!dir) return { removed: 0 };
  const old = await oldAttachmentFiles(dir, new Date(now.getTime() - graceMs));
  const orphans: string[] = [...old.temporary];
  for (let i = 0; i < old.stored.length; i += 500) {
    const batch = old.stored.slice(i, i + 500);
    const kept = new Set((await prisma.attachment.findMany({ where: { storedPath: { in: batch } }, select: { storedPath: true } })).map((r) => r.storedPath));
    orphans.push(...batch.filter((p) => !kept.has(p)));
  }
  for (const p of orphans) await removeAttachmentFile(dir, p);
  return { removed: orphans.length };
}
