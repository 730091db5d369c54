import "server-only";
import { locateAction } from "@/lib/dal/plans/access";
import { anyUntyped, storeFiles } from "@/lib/dal/plans/files";
import { defineWrite } from "@/lib/dal/write";
import { ZPlanProgress } from "@/lib/validation/plans";

// An action's realisation, step by step: each entry says the percentage reached and what was
// done, with evidence attached (photos, PDFs: lib/dal/attachments.ts). Only an approved plan is realised (a draft's actions may still
// change). The action keeps the latest percentage, and when it first reached 100 %.

export const recordProgress = defineWrite({
  input: ZPlanProgress,
  capability: "plan.edit",
  locate: (tx, input) => locateAction(tx, input.actionId),
  on: (plan) => [plan.unit.path],
  refuse: async (input, plan) => (plan.status !== "DISETUJUI" ? "notApproved" : (await anyUntyped(input.files)) ? "attachmentType" : null),
  audit: (input, plan, { newId }) => ({
    action: "plan.progress", targetType: "follow_up_plan", targetId: plan.id, unitId: plan.unitId,
    detail: { actionId: input.actionId, progressId: newId, from: plan.action.progress, to: input.progress, files: input.files.map((f) => f.name.slice(0, 120)) },
  }),
  handler: async (tx, input, plan, { caller, newId }) => {
    await tx.followUpProgress.create({ data: { id: newId, actionId: input.actionId, progress: input.progress, note: input.note, authorId: caller.userId } });
    const done = input.progress >= 100;
    await tx.followUpAction.update({
      where: { id: input.actionId },
      data: { progress: input.progress, ...(input.note && { realisation: input.note }), doneAt: done ? (plan.action.doneAt ?? new Date()) : null },
    });
    await storeFiles(tx, input.files, { unitId: plan.unitId, planId: plan.id, progressId: newId, kind: "EVIDENCE", createdById: caller.userId });
    return newId;
  },
});
