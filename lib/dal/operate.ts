import "server-only";
import { randomBytes } from "node:crypto";
import QRCode from "qrcode";
import type { TCaller } from "@/lib/permissions";
import { prisma } from "@/lib/db";
import { enrollKiosk } from "@/lib/dal/kiosk";
import { hashToken } from "@/lib/dal/responses";
import { recordAudit } from "@/lib/dal/audit";
import { getUnitForCaller, type TUnitRef } from "@/lib/dal/units";
import type { TRequestMeta } from "@/lib/request/meta";

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

/** Enrols a kiosk for the unit if the caller may operate it; the token is returned once. */
export async function enrollKioskForCaller(caller: TCaller | null, unitCode: string, name: string, meta?: TRequestMeta) {
  const unit = await getUnitForCaller(caller, unitCode, "operate");
  if (!unit) return null;
  const result = await enrollKiosk({ unitCode: unit.code, name, enrolledById: caller!.userId });
  if (result) await recordAudit({ caller, action: "kiosk.enroll.by", targetType: "kiosk_device", targetId: result.deviceId, unitId: unit.id, meta });
  return result;
}

export type TIssuedToken = { token: string; url: string; svg: string };

/**
 * Issues `count` one-time transaction codes for the unit (optionally one
 * service), valid for `days`: each allows exactly one response, marked
 * verified, without identifying the citizen. Only their hashes are stored;
 * the codes are returned once, to be printed on receipts or queue tickets.
 */
export async function issueTransactionTokens(
  caller: TCaller | null,
  input: { unitCode: string; serviceCode?: string | null; count: number; days: number; origin: string },
  meta?: TRequestMeta,
): Promise<TIssuedToken[] | null> {
  const link = await getSurveyLink(caller, input.unitCode, input.serviceCode);
  if (!link || !Number.isInteger(input.count) || input.count < 1 || input.count > 200) return null;
  const serviceId = link.service
    ? (await prisma.service.findFirst({ where: { unitId: link.unit.id, code: link.service.code }, select: { id: true } }))!.id
    : null;
  const expiresAt = new Date(Date.now() + input.days * 86_400_000);
  // Short enough to type from a receipt, long enough not to be guessed (10 characters of 32: 50 bits).
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const tokens = Array.from({ length: input.count }, () =>
    Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join(""),
  );
  await prisma.transactionToken.createMany({
    data: tokens.map((t) => ({ unitId: link.unit.id, serviceId, tokenHash: hashToken(t), expiresAt })),
  });
  await recordAudit({ caller, action: "token.issue", targetType: "unit", targetId: link.unit.id, unitId: link.unit.id, meta, detail: { count: input.count, service: link.service?.code ?? null, days: input.days } });
  return Promise.all(
    tokens.map(async (token) => {
      const url = `${input.origin}${link.path}?t=${token}`;
      return { token, url, svg: await qrSvg(url) };
    }),
  );
}
