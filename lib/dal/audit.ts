import "server-only";
import type { TCaller } from "@/lib/permissions";
import { prisma } from "@/lib/db";
import type { TRequestMeta } from "@/lib/request/meta";

export type TAuditInput = {
  caller: TCaller | null;
  action: string;
  targetType?: string;
  targetId?: string;
  unitId?: string;
  meta?: TRequestMeta;
  detail?: Record<string, unknown>;
};

/** Appends to the audit log (the database refuses any change to it). */
export async function recordAudit(e: TAuditInput) {
  await prisma.auditLog.create({
    data: {
      actorId: e.caller?.userId ?? null,
      actorEmail: e.caller?.email ?? null,
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
