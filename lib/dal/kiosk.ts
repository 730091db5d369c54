import "server-only";
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
