import "server-only";
import { sniffType } from "@/lib/attachments/sniff";
import { storeAttachment } from "@/lib/dal/attachments";
import type { TTx } from "@/lib/db";
import type { TAttachmentKind } from "@/lib/validation/attachments";

// A plan step's files: refused before anything is written when one is not a JPEG, PNG, WebP or
// PDF by its bytes (the step's `refuse`), stored in the step's transaction otherwise.

/** Whether any file is of a type Suara does not keep (told by its first bytes). */
export async function anyUntyped(files: readonly File[]): Promise<boolean> {
  for (const f of files) if (!sniffType(new Uint8Array(await f.slice(0, 4096).arrayBuffer()))) return true;
  return false;
}

export async function storeFiles(
  tx: TTx,
  files: readonly File[],
  where: { unitId: string; planId: string; progressId: string | null; kind: TAttachmentKind; createdById: string },
): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) {
    const r = await storeAttachment(tx, { ...where, file });
    // Checked by the step's refuse (type) and schema (size): a refusal here is a bug, and rolls the step back.
    if (!r.ok) throw new Error(`storeFiles: ${r.error} after the checks`);
    ids.push(r.id);
  }
  return ids;
}
