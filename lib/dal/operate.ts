import "server-only";
import QRCode from "qrcode";
import type { TCaller } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { enrollKiosk } from "@/lib/dal/kiosk";
import { recordAudit } from "@/lib/dal/audit";
import { getUnitForCaller, type TUnitRef } from "@/lib/dal/units";

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
export async function enrollKioskForCaller(caller: TCaller | null, unitCode: string, name: string, headers?: Headers) {
  const unit = await getUnitForCaller(caller, unitCode, "operate");
  if (!unit) return null;
  const result = await enrollKiosk({ unitCode: unit.code, name, enrolledById: caller!.userId });
  if (result) await recordAudit({ caller, action: "kiosk.enroll.by", targetType: "kiosk_device", targetId: result.deviceId, unitId: unit.id, headers });
  return result;
}
