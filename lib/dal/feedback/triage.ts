import "server-only";
import { coveringPaths, locateItem, MANAGING_ROLES } from "@/lib/dal/feedback/access";
import { defineWrite } from "@/lib/dal/write";
import { ZFeedbackAssign, ZFeedbackNote, ZFeedbackStatus } from "@/lib/validation/feedback";

// Triage of an inbox item, each a write with feedback.manage on the item's own
// unit: its status (closing stops the service-level clock), who follows it up,
// and the internal notes' thread.

const CLOSED = new Set(["SELESAI", "DIABAIKAN"]);

/** New -> in progress -> resolved / not actionable (and back, when an item is reopened). */
export const setFeedbackStatus = defineWrite({
  input: ZFeedbackStatus,
  capability: "feedback.manage",
  locate: (tx, input) => locateItem(tx, input.responseId),
  on: (item) => [item.unit.path],
  audit: (input, item) => ({ action: "feedback.status", targetType: "response", targetId: item.responseId, unitId: item.unitId, detail: { from: item.status, to: input.status } }),
  handler: async (tx, input, item, { caller }) => {
    const now = new Date();
    const closing = CLOSED.has(input.status);
    // Closed: closed_at set (kept when it was closed already); the first answer is then, if none came before.
    // Reopened: closed_at cleared; answered_at stays (the unit did answer).
    await tx.feedbackItem.update({
      where: { responseId: item.responseId },
      data: {
        status: input.status,
        closedAt: closing ? (item.closedAt ?? now) : null,
        ...(closing && !item.answeredAt && { answeredAt: now }),
        updatedById: caller.userId,
        updatedAt: now,
      },
    });
  },
});

/** Who follows the item up: someone holding feedback.manage on its unit (validated here), or nobody. */
export const assignFeedback = defineWrite({
  input: ZFeedbackAssign,
  capability: "feedback.manage",
  locate: async (tx, input) => {
    const item = await locateItem(tx, input.responseId);
    if (!item) return null;
    const eligible = input.assigneeId
      ? !!(await tx.user.findFirst({
          where: { id: input.assigneeId, active: true, roles: { some: { role: { in: MANAGING_ROLES }, unit: { path: { in: coveringPaths(item.unit.path) } } } } },
          select: { id: true },
        }))
      : true;
    return { ...item, eligible };
  },
  on: (item) => [item.unit.path],
  refuse: (_input, item) => (item.eligible ? null : "assignee"),
  audit: (input, item) => ({ action: "feedback.assign", targetType: "response", targetId: item.responseId, unitId: item.unitId, detail: { assigneeId: input.assigneeId } }),
  handler: async (tx, input, item, { caller }) => {
    await tx.feedbackItem.update({ where: { responseId: item.responseId }, data: { assigneeId: input.assigneeId, updatedById: caller.userId, updatedAt: new Date() } });
  },
});

/** An internal note, added to the item's thread (never shown to the citizen). */
export const addFeedbackNote = defineWrite({
  input: ZFeedbackNote,
  capability: "feedback.manage",
  locate: (tx, input) => locateItem(tx, input.responseId),
  on: (item) => [item.unit.path],
  audit: (_input, item, ctx) => ({ action: "feedback.note", targetType: "response", targetId: item.responseId, unitId: item.unitId, detail: { noteId: ctx.newId } }),
  handler: async (tx, input, item, { caller, newId }) => {
    await tx.feedbackNote.create({ data: { id: newId, responseId: item.responseId, authorId: caller.userId, body: input.body } });
    return newId;
  },
});
