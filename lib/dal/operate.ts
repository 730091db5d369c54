import "server-only";
import { randomBytes } from "node:crypto";
import QRCode from "qrcode";
import type { TCaller } from "@/lib/permissions";
import { prisma } from "@/lib/db";
import { insertKioskDevice } from "@/lib/dal/kiosk";
import { hashToken } from "@/lib/dal/responses";
import { getUnitForCaller, type TUnitRef } from "@/lib/dal/units";
import { defineWrite, type TWriteResult } from "@/lib/dal/write";
import { shortLinkPath, TRANSACTION_CODE_ALPHABET, TRANSACTION_CODE_LENGTH } from "@/lib/operate/transaction-code";
import type { TRequestMeta } from "@/lib/request/meta";
import { ZEnrollKiosk, ZIssueTokensRequest, ZRenameKiosk, ZRevokeKiosk } from "@/lib/validation/operate";

// What operators (and admins) do for a unit: QR codes and posters for its
// survey links, kiosk tablets. Checked on the specific unit ("operate").

export type TSurveyLink = { unit: TUnitRef; service: { code: string; name: string } | null; path: string };

export async function getSurveyLink(caller: TCaller | null, unitCode: string, serviceCode?: string | null): Promise<TSurveyLink | null> {
  const unit = await getUnitForCaller(caller, unitCode, "operate");
  if (!unit) return null;
  let service: TSurveyLink["service"] = null;
  if (serviceCode) {
    service = await prisma.service.findFirst({ where: { unitId: unit.id, code: serviceCode.toUpperCase(), active: true }, select: { code: true, name: true } });
    if (!service) return null;
  }
  return { unit, service, path: `/s/${unit.code}${service ? `/${service.code}` : ""}` };
}

export async function listServicesForOperator(caller: TCaller | null, unitCode: string) {
  const unit = await getUnitForCaller(caller, unitCode, "operate");
  if (!unit) return null;
  return prisma.service.findMany({ where: { unitId: unit.id, active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { code: true, name: true } });
}

export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

export async function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 1024 });
}

/** Enrols a kiosk tablet for an active unit the caller may operate; the device token is returned once. */
export const enrollKioskForCaller = defineWrite({
  input: ZEnrollKiosk,
  capability: "operate",
  locate: (tx, input) => tx.unit.findUnique({ where: { code: input.unitCode, active: true }, select: { id: true, path: true } }),
  on: (unit) => [unit.path],
  audit: (input, unit, { newId }) => ({ action: "kiosk.enroll", targetType: "kiosk_device", targetId: newId, unitId: unit.id, detail: { name: input.name } }),
  handler: async (tx, input, unit, { newId, caller }) => ({
    ...(await insertKioskDevice(tx, { id: newId, unitId: unit.id, name: input.name, enrolledById: caller.userId })),
    unitCode: input.unitCode,
  }),
});

export type TKioskDeviceRow = {
  id: string;
  name: string;
  enrolledAt: Date;
  /** Who enrolled it; null: from the server shell (npm run kiosk:enroll). */
  enrolledBy: { name: string; email: string } | null;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
};

/** The unit's own kiosk tablets, in use first then newest, for those who may operate the unit; null outside their scope. */
export async function listKioskDevices(caller: TCaller | null, unitCode: string): Promise<TKioskDeviceRow[] | null> {
  const unit = await getUnitForCaller(caller, unitCode, "operate");
  if (!unit) return null;
  const devices = await prisma.kioskDevice.findMany({
    where: { unitId: unit.id },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { enrolledAt: "desc" }, { id: "asc" }],
    take: 200,
    select: { id: true, name: true, enrolledAt: true, lastSeenAt: true, revokedAt: true, enrolledBy: { select: { name: true, email: true } } },
  });
  return devices;
}

/**
 * Revokes a kiosk tablet: from then on its token is refused (lib/dal/kiosk.ts
 * authenticateKiosk) and the tablet says so. "operate" on the device's own unit;
 * a device outside the caller's scope is not found, like one that does not exist.
 */
export const revokeKioskForCaller = defineWrite({
  input: ZRevokeKiosk,
  capability: "operate",
  locate: async (tx, input) => {
    // The row locked first: of two revokes at once, the second waits and then finds it revoked
    // (one change, one audit entry).
    await tx.$queryRaw`SELECT id FROM kiosk_device WHERE id = ${input.deviceId}::uuid FOR UPDATE`;
    return tx.kioskDevice.findUnique({ where: { id: input.deviceId }, select: { id: true, name: true, unitId: true, revokedAt: true, unit: { select: { code: true, path: true } } } });
  },
  on: (device) => [device.unit.path],
  refuse: (_input, device) => (device.revokedAt ? "alreadyRevoked" : null),
  audit: (_input, device) => ({ action: "kiosk.revoke", targetType: "kiosk_device", targetId: device.id, unitId: device.unitId, detail: { name: device.name } }),
  handler: async (tx, _input, device) => {
    await tx.kioskDevice.update({ where: { id: device.id }, data: { revokedAt: new Date() } });
    return { unitCode: device.unit.code };
  },
});

/** Renames a tablet in use ("operate" on its own unit); a revoked one keeps the name it had. */
export const renameKioskForCaller = defineWrite({
  input: ZRenameKiosk,
  capability: "operate",
  locate: (tx, input) =>
    tx.kioskDevice.findUnique({ where: { id: input.deviceId }, select: { id: true, name: true, unitId: true, revokedAt: true, unit: { select: { path: true } } } }),
  on: (device) => [device.unit.path],
  refuse: (_input, device) => (device.revokedAt ? "alreadyRevoked" : null),
  audit: (input, device) => ({ action: "kiosk.rename", targetType: "kiosk_device", targetId: device.id, unitId: device.unitId, detail: { name: input.name, from: device.name } }),
  handler: async (tx, input, device) => {
    await tx.kioskDevice.update({ where: { id: device.id }, data: { name: input.name } });
  },
});

/** An issued code: its survey link (the QR code's), its short link /k/<code> for SMS and WhatsApp. */
export type TIssuedToken = { token: string; url: string; shortUrl: string; svg: string };

// Short enough to type from a receipt, long enough not to be guessed (10 characters of 32: 50 bits;
// 256 is a multiple of 32, so every symbol is equally likely).
const newTransactionCode = () =>
  Array.from(randomBytes(TRANSACTION_CODE_LENGTH), (b) => TRANSACTION_CODE_ALPHABET[b % TRANSACTION_CODE_ALPHABET.length]).join("");

const issueTokens = defineWrite({
  input: ZIssueTokensRequest,
  capability: "operate",
  locate: async (tx, input) => {
    const unit = await tx.unit.findUnique({ where: { code: input.unitCode }, select: { id: true, code: true, path: true } });
    if (!unit || !input.serviceCode) return unit && { unit, service: null };
    const service = await tx.service.findFirst({ where: { unitId: unit.id, code: input.serviceCode, active: true }, select: { id: true, code: true } });
    return service && { unit, service };
  },
  on: ({ unit }) => [unit.path],
  audit: (input, { unit, service }) => ({
    action: "token.issue", targetType: "unit", targetId: unit.id, unitId: unit.id,
    detail: { count: input.count, service: service?.code ?? null, days: input.days },
  }),
  handler: async (tx, input, { unit, service }) => {
    const expiresAt = new Date(Date.now() + input.days * 86_400_000);
    const tokens = Array.from({ length: input.count }, newTransactionCode);
    await tx.transactionToken.createMany({
      data: tokens.map((t) => ({ unitId: unit.id, serviceId: service?.id ?? null, tokenHash: hashToken(t), expiresAt })),
    });
    const path = `/s/${unit.code}${service ? `/${service.code}` : ""}`;
    return tokens.map((token) => ({ token, url: `${input.origin}${path}?t=${token}`, shortUrl: `${input.origin}${shortLinkPath(token)}` }));
  },
});

/**
 * Issues `count` one-time transaction codes for the unit (optionally one
 * service), valid for `days`: each allows exactly one response, marked
 * verified, without identifying the citizen. Only their hashes are stored;
 * the codes are returned once, to be printed on receipts or queue tickets
 * (their QR codes drawn after the transaction has committed).
 */
export async function issueTransactionTokens(caller: TCaller | null, raw: unknown, meta?: TRequestMeta): Promise<TWriteResult<TIssuedToken[]>> {
  const issued = await issueTokens(caller, raw, meta);
  if (!issued.ok) return issued;
  // The card's QR holds the short link: fewer modules, so it still scans when a cheap printer blurs it.
  return { ok: true, value: await Promise.all(issued.value.map(async (t) => ({ ...t, svg: await qrSvg(t.shortUrl) }))) };
}
