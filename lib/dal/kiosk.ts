import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { prisma, type TTx } from "@/lib/db";
import { hashToken } from "@/lib/dal/responses";
import { shellWrite } from "@/lib/dal/write";
import { ZEnrollKiosk } from "@/lib/validation/operate";

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

/** Stores a kiosk device and returns its token, shown once (only its hash is stored). */
export async function insertKioskDevice(tx: TTx, device: { id: string; unitId: string; name: string; enrolledById: string | null }) {
  const token = randomBytes(32).toString("base64url");
  await tx.kioskDevice.create({ data: { ...device, tokenHash: hashToken(token) } });
  return { deviceId: device.id, token };
}

/**
 * Enrols a kiosk tablet for an active unit from the server shell (`npm run kiosk:enroll`),
 * audited with no actor. Operators and admins enrol through enrollKioskForCaller (lib/dal/operate.ts).
 */
export async function enrollKiosk(raw: { unitCode: string; name: string }): Promise<{ deviceId: string; token: string } | null> {
  const parsed = ZEnrollKiosk.safeParse({ ...raw, name: raw.name.slice(0, 100) });
  if (!parsed.success) return null;
  const unit = await prisma.unit.findUnique({ where: { code: parsed.data.unitCode }, select: { id: true, active: true } });
  if (!unit?.active) return null;
  const id = randomUUID();
  const { name } = parsed.data;
  return shellWrite({ action: "kiosk.enroll", targetType: "kiosk_device", targetId: id, unitId: unit.id, detail: { name, via: "shell" } }, (tx) =>
    insertKioskDevice(tx, { id, unitId: unit.id, name, enrolledById: null }),
  );
}
