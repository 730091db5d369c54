import "server-only";
import { clearPublicResultsCache } from "@/lib/dal/public-results";
import { defineWrite } from "@/lib/dal/write";
import type { TTx } from "@/lib/db";
import { ZFeedbackPublish, ZFeedbackUnpublish } from "@/lib/validation/feedback-public";

// "Anda berkata, kami bertindak": an officer with feedback.manage on the item's own unit
// publishes a resolved (SELESAI) saran, screened, with what the unit did; or takes it down.

const itemWithUnit = (tx: TTx, responseId: string) =>
  tx.feedbackItem.findUnique({
    where: { responseId },
    select: { responseId: true, unitId: true, status: true, publishedAt: true, unit: { select: { path: true } } },
  });

/** Publishes (or republishes, with new texts) a SELESAI item; `notResolved` for any other status. */
export const publishFeedback = defineWrite({
  input: ZFeedbackPublish,
  capability: "feedback.manage",
  locate: (tx, input) => itemWithUnit(tx, input.responseId),
  on: (item) => [item.unit.path],
  refuse: (_input, item) => (item.status === "SELESAI" ? null : ("notResolved" as const)),
  audit: (input, item) => ({
    action: "feedback.publish",
    targetType: "response",
    targetId: item.responseId,
    unitId: item.unitId,
    detail: { publicSaran: input.publicSaran, publicAction: input.publicAction, republish: item.publishedAt !== null },
  }),
  handler: async (tx, input, item, { caller }) => {
    const publishedAt = new Date();
    await tx.feedbackItem.update({
      where: { responseId: item.responseId },
      data: { publicSaran: input.publicSaran, publicAction: input.publicAction, publishedAt, publishedById: caller.userId },
    });
    return { publishedAt };
  },
  // The unit's public page lists what it published.
  afterCommit: () => clearPublicResultsCache(),
});

/** Takes a published item off the public page; the reviewed texts stay for a later republish. */
export const unpublishFeedback = defineWrite({
  input: ZFeedbackUnpublish,
  capability: "feedback.manage",
  locate: (tx, input) => itemWithUnit(tx, input.responseId),
  on: (item) => [item.unit.path],
  refuse: (_input, item) => (item.publishedAt ? null : ("notPublished" as const)),
  audit: (_input, item) => ({ action: "feedback.unpublish", targetType: "response", targetId: item.responseId, unitId: item.unitId, detail: {} }),
  handler: async (tx, _input, item) => {
    await tx.feedbackItem.update({ where: { responseId: item.responseId }, data: { publishedAt: null, publishedById: null } });
  },
  afterCommit: () => clearPublicResultsCache(),
});
