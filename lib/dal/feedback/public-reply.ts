import "server-only";
import { prisma } from "@/lib/db";
import { hitRateWindows } from "@/lib/dal/rate-limit";
import { hashToken } from "@/lib/dal/responses";
import { hashReplyCode, normalizeReplyCode } from "@/lib/feedback/reply-code";

// The citizen's reply page: /s/<unit>/balasan/<code>. The code the thank-you page gave them (or the
// one-time transaction code from their receipt) is the only key: nobody signs in, nothing names them.
// It opens only that response's replies and status, only within the unit the link names.

export type TPublicReply = {
  unitName: string;
  status: "received" | "handling" | "resolved";
  saran: string | null;
  submittedAt: Date;
  replies: { body: string; at: Date }[];
};

/** Lookups per client and minute: enough for a citizen reloading, too few to guess 49-bit codes. */
const LOOKUPS_PER_MINUTE = 30;

const STATUS = { BARU: "received", DITINDAKLANJUTI: "handling", SELESAI: "resolved", DIABAIKAN: "resolved" } as const;

/** Null for an unknown code, a code of another unit, or a client over its limit: all read as not found. */
export async function readPublicReply(unitCode: string, rawCode: string, clientKey: string): Promise<TPublicReply | null> {
  const [hits] = await hitRateWindows([{ key: `reply-page:${clientKey}`, windowSeconds: 60 }]);
  if ((hits ?? 0) > LOOKUPS_PER_MINUTE) return null;
  // Reply codes and transaction codes are both 10 symbols (different alphabets), dashes and case free.
  const compact = rawCode.replace(/[\s-]/g, "").toUpperCase();
  if (!/^[A-Z0-9]{10}$/.test(compact)) return null;
  const replyCode = normalizeReplyCode(compact);
  const unit = await prisma.unit.findUnique({ where: { code: unitCode.toUpperCase() }, select: { id: true, name: true } });
  if (!unit) return null;
  const byReply = replyCode && (await prisma.response.findFirst({ where: { replyCodeHash: hashReplyCode(replyCode), unitId: unit.id }, select: { id: true } }));
  // The transaction code is hashed as issued (upper case, no dashes).
  const responseId =
    (byReply || null)?.id ??
    (await prisma.transactionToken.findFirst({ where: { tokenHash: hashToken(compact), unitId: unit.id }, select: { responseId: true } }))?.responseId;
  if (!responseId) return null;
  const item = await prisma.feedbackItem.findUnique({
    where: { responseId },
    select: { status: true, saran: true, submittedAt: true, replies: { orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true } } },
  });
  if (!item) return null;
  return {
    unitName: unit.name,
    status: STATUS[item.status],
    saran: item.saran,
    submittedAt: item.submittedAt,
    replies: item.replies.map((r) => ({ body: r.body, at: r.createdAt })),
  };
}
