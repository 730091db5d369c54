import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { hashToken } from "@/lib/dal/responses";

/** The kiosk device a token belongs to (not revoked, its unit active), or null. */
export async function authenticateKiosk(token: string): Promise<{ deviceId: string; unitCode: string } | null> {
  if (token.length < 16 || token.length > 200) return null;
  const device = await prisma.kioskDevice.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, unit: { select: { code: true, active: true } } },
  });
  if (!device || device.revokedAt || !device.unit.active) return null;
  void prisma.kioskDevice.update({ where: { id: device.id }, data: { lastSeenAt: new Date() } }).catch(() => {});
  return { deviceId: device.id, unitCode: device.unit.code };
}

/**
 * Enrols a kiosk tablet for a unit: returns its device token, shown once (only
 * its hash is stored). The admin screen of issue 5 calls this after checking
 * the caller's role on the unit; `npm run kiosk:enroll` calls it from the server shell.
 */
export async function enrollKiosk(input: { unitCode: string; name: string; enrolledById?: string }): Promise<{ deviceId: string; token: string } | null> {
  const unit = await prisma.unit.findUnique({ where: { code: input.unitCode.toUpperCase() }, select: { id: true, active: true } });
  if (!unit || !unit.active) return null;
  const token = randomBytes(32).toString("base64url");
  const device = await prisma.kioskDevice.create({
    data: { unitId: unit.id, name: input.name.slice(0, 100), tokenHash: hashToken(token), enrolledById: input.enrolledById ?? null },
    select: { id: true },
  });
  await prisma.auditLog.create({
    data: { action: "kiosk.enroll", targetType: "kiosk_device", targetId: device.id, unitId: unit.id, actorId: input.enrolledById ?? null, detail: { name: input.name } },
  });
  return { deviceId: device.id, token };
}
