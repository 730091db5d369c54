import "server-only";
import { cache } from "react";
import { auth } from "@/lib/auth/config";
import type { TCaller } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";

/**
 * Who is asking, read fresh from the database on every request: a session of
 * a deactivated user, or one older than the user's last password change
 * (sessionVersion), is no session.
 */
export const getCaller = cache(async (): Promise<TCaller | null> => {
  const session = (await auth()) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  const user = await prisma.user.findUnique({
    where: { id: session.uid },
    select: {
      id: true,
      email: true,
      name: true,
      active: true,
      sessionVersion: true,
      mustChangePassword: true,
      roles: { select: { role: true, unitId: true, unit: { select: { path: true } } } },
    },
  });
  if (!user || !user.active || user.sessionVersion !== session.sv) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    mustChangePassword: user.mustChangePassword,
    assignments: user.roles.map((r) => ({ role: r.role, unitId: r.unitId, unitPath: r.unit.path })),
  };
});
