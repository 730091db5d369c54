import "server-only";
import type { TAuditAction } from "@/lib/audit-actions";
import type { TTx } from "@/lib/db";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";

export type TAuditEntry = {
  actor: TCaller | null;
  action: TAuditAction;
  targetType?: string;
  targetId?: string;
  unitId?: string;
  meta?: TRequestMeta;
  detail?: Record<string, unknown>;
};

/** Appends to the audit log (the database refuses any change to it), inside the write's transaction. */
export async function insertAudit(tx: TTx, e: TAuditEntry) {
  await tx.auditLog.create({
    data: {
      actorId: e.actor?.userId ?? null,
      actorEmail: e.actor?.email ?? null,
      action: e.action,
      targetType: e.targetType ?? null,
      targetId: e.targetId ?? null,
      unitId: e.unitId ?? null,
      ip: e.meta?.clientAddress ?? null,
      userAgent: e.meta?.userAgent ?? null,
      detail: (e.detail as object | undefined) ?? undefined,
    },
  });
}
