import "server-only";
import type { TCaller } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { clientIp } from "@/lib/server/client-key";

export type TAuditInput = {
  caller: TCaller | null;
  action: string;
  targetType?: string;
  targetId?: string;
  unitId?: string;
  headers?: Headers;
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
      ip: e.headers ? clientIp(e.headers) : null,
      userAgent: e.headers?.get("user-agent")?.slice(0, 300) ?? null,
      detail: (e.detail as object | undefined) ?? undefined,
    },
  });
}
