import { authenticateKiosk } from "@/lib/dal/kiosk";
import { submitResponse } from "@/lib/dal/responses";
import { formatReplyCode } from "@/lib/feedback/reply-code";
import { currentUnitCode } from "@/lib/dal/unit-codes";
import { localeFromAcceptLanguage } from "@/lib/i18n";
import { describeErrors } from "@/lib/i18n/response-errors";
import { createTranslator } from "next-intl";
import { MESSAGES } from "@/lib/i18n/messages";
import { readBodyText } from "@/lib/request/body-limit";
import { requestMetaFrom } from "@/lib/request/meta";
import { z } from "zod";

export const dynamic = "force-dynamic";

const ZSubmittedAt = z.iso.datetime({ offset: true }).optional();

/**
 * POST /api/v1/responses: one response as JSON, for kiosks and agencies' own
 * systems. Requires an Idempotency-Key header; the same key again returns the
 * same result without a second row.
 */
export async function POST(request: Request) {
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  // A body is read up to the limit however it is sent (a chunked body declares no length).
  const raw = await readBodyText(request);
  if (!raw.ok) return tooLarge(locale);
  let body: unknown;
  try {
    body = JSON.parse(raw.text);
  } catch {
    return error(400, { form: "invalid" }, locale);
  }
  const key = request.headers.get("idempotency-key");
  if (!key) return error(400, { idempotencyKey: "required" }, locale);

  // A kiosk identifies itself with its device token; it may send queued
  // responses late, with the time the citizen answered.
  const auth = request.headers.get("authorization");
  let kiosk: { deviceId: string; unitCode: string } | null = null;
  if (auth?.startsWith("Kiosk ")) {
    kiosk = await authenticateKiosk(auth.slice("Kiosk ".length));
    if (!kiosk) return error(401, { form: "invalid" }, locale);
  }
  const submittedAt = ZSubmittedAt.safeParse((body as { submittedAt?: unknown } | null)?.submittedAt);
  if (!submittedAt.success) return error(400, { submittedAt: "invalid" }, locale);
  // A kiosk sends for its own unit only; a queued response may still carry the code the unit had.
  const sentUnit = String((body as { unit?: unknown } | null)?.unit ?? "");
  if (kiosk && sentUnit.toUpperCase() !== kiosk.unitCode && (await currentUnitCode(sentUnit)) !== kiosk.unitCode) {
    return error(403, { unit: "invalid" }, locale);
  }

  const result = await submitResponse(stripTransport(body), key, {
    channel: kiosk ? "KIOSK" : "API",
    clientKey: kiosk ? `kiosk:${kiosk.deviceId}` : requestMetaFrom(request.headers).clientKey,
    kioskDeviceId: kiosk?.deviceId,
    requireService: !!kiosk,
    // Only a kiosk's own queue may date a response in the past (at most 7 days).
    submittedAt: kiosk && submittedAt.data ? clampPast(new Date(submittedAt.data)) : undefined,
  });
  if (!result.ok) return error(result.status, result.errors, locale);
  return Response.json(
    { id: result.id, unit: result.unitCode, verified: result.verified, replyCode: result.replyCode ? formatReplyCode(result.replyCode) : null },
    { status: 201, headers: { "Cache-Control": "no-store", ...(result.replayed ? { "Idempotent-Replayed": "true" } : {}) } },
  );
}

function stripTransport(body: unknown): unknown {
  if (!body || typeof body !== "object") return body;
  const { submittedAt: _ignored, ...rest } = body as Record<string, unknown>;
  void _ignored;
  return rest;
}

function clampPast(at: Date): Date {
  const now = Date.now();
  return new Date(Math.min(now, Math.max(at.getTime(), now - 7 * 86_400_000)));
}

function error(status: number, errors: Parameters<typeof describeErrors>[0], locale: "id" | "en") {
  return Response.json({ errors: describeErrors(errors, locale) }, { status, headers: { "Cache-Control": "no-store" } });
}

function tooLarge(locale: "id" | "en") {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "errors" });
  return Response.json({ errors: { form: { code: "tooLarge", message: t("tooLarge") } } }, { status: 413, headers: { "Cache-Control": "no-store" } });
}
