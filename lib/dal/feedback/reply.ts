import "server-only";
import { locateItem } from "@/lib/dal/feedback/access";
import { defineWrite } from "@/lib/dal/write";
import { replyEmailStatus, sendReplyEmailSoon } from "@/lib/jobs/reply-email";
import { ZContactView, ZFeedbackReply } from "@/lib/validation/feedback";

// What reaches the citizen, and who may see how to reach them. A reply is a
// write with feedback.manage (emailed after the commit when the citizen left an
// address); the contact details are read with contact.read, and every view is
// written to the audit log in the same transaction as the read.

/** The unit's reply: the first answer stops the service-level clock; a new item is then in progress. */
export const replyToFeedback = defineWrite({
  input: ZFeedbackReply,
  capability: "feedback.manage",
  locate: async (tx, input) => {
    const item = await locateItem(tx, input.responseId);
    if (!item) return null;
    const contact = await tx.responseContact.findUnique({ where: { responseId: item.responseId }, select: { email: true } });
    return { ...item, email: contact?.email ?? null };
  },
  on: (item) => [item.unit.path],
  audit: (_input, item, ctx) => ({ action: "feedback.reply", targetType: "response", targetId: item.responseId, unitId: item.unitId, detail: { replyId: ctx.newId } }),
  handler: async (tx, input, item, { caller, newId }) => {
    const now = new Date();
    await tx.feedbackReply.create({ data: { id: newId, responseId: item.responseId, authorId: caller.userId, body: input.body, emailStatus: replyEmailStatus(item.email) } });
    await tx.feedbackItem.update({
      where: { responseId: item.responseId },
      data: { ...(!item.answeredAt && { answeredAt: now }), ...(item.status === "BARU" && { status: "DITINDAKLANJUTI" }), updatedById: caller.userId, updatedAt: now },
    });
    return newId;
  },
  afterCommit: (_input, replyId) => void sendReplyEmailSoon(replyId),
});

export type TContact = { name: string | null; phone: string | null; email: string | null };

/** The contact details the citizen consented to leave, for staff with contact.read on the item's unit: audited. */
export const viewContact = defineWrite({
  input: ZContactView,
  capability: "contact.read",
  locate: (tx, input) => locateItem(tx, input.responseId),
  on: (item) => [item.unit.path],
  audit: (_input, item) => ({ action: "contact.view", targetType: "response", targetId: item.responseId, unitId: item.unitId }),
  handler: async (tx, _input, item): Promise<TContact> => {
    const c = await tx.responseContact.findUnique({ where: { responseId: item.responseId }, select: { name: true, phone: true, email: true } });
    return { name: c?.name ?? null, phone: c?.phone ?? null, email: c?.email ?? null };
  },
});
