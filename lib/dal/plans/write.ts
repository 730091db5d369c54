import "server-only";
import { ensurePeriod } from "@/lib/dal/periods";
import { planBasis } from "@/lib/dal/plans/basis";
import { EDITABLE, locatePlan, planPlace } from "@/lib/dal/plans/access";
import { anyUntyped, storeFiles } from "@/lib/dal/plans/files";
import { defineWrite } from "@/lib/dal/write";
import { periodKey } from "@/lib/periods";
import { ZPlanAction, ZPlanActionDelete, ZPlanComment, ZPlanFkp, ZPlanReview, ZPlanStart, ZPlanSubmit } from "@/lib/validation/plans";

// The rencana tindak lanjut's life, each step one write (lib/dal/write.ts): the unit's kepala
// (plan.edit on the plan's unit) starts it from the period's weakest unsur, writes its actions
// and the FKP, and submits it; pimpinan (plan.review there) approves it or returns it with a
// comment, and the unit edits and submits again. Every step locks the plan row, so a step never
// acts on a state another has just left.

const PERIOD_REFUSAL = { ok: null, kind: "periodKind", running: "periodRunning", future: "periodRunning", noData: "noData" } as const;

/** A plan for a completed period of a unit, proposing the period's weakest unsur as its priorities. */
export const startPlan = defineWrite({
  input: ZPlanStart,
  capability: "plan.edit",
  prepare: (input, caller) => planBasis(caller, input.unitCode, input.period),
  locate: async (_tx, _input, _caller, basis) => basis,
  on: (basis) => [basis.unitPath],
  refuse: (_input, basis) => PERIOD_REFUSAL[basis.eligibility],
  audit: (input, basis, { newId }) => ({
    action: "plan.start", targetType: "follow_up_plan", targetId: newId, unitId: basis.unitId,
    detail: { period: periodKey(input.period), proposedUnsur: basis.priority.map((p) => p.code) },
  }),
  handler: async (tx, input, basis, { caller, newId }) => {
    const period = await ensurePeriod(tx, input.period);
    await tx.followUpPlan.create({
      data: { id: newId, unitId: basis.unitId, periodId: period.id, proposedUnsur: basis.priority.map((p) => p.code), createdById: caller.userId },
    });
    return newId;
  },
  // The unit already has a plan for the period (or a second click made it a moment ago).
  conflict: "exists",
});

/** A new action, or the edit of one, while the plan is the unit's to edit. Its unsur is one of the questionnaire's. */
export const savePlanAction = defineWrite({
  input: ZPlanAction,
  capability: "plan.edit",
  prepare: async (input, caller) => {
    const place = await planPlace(input.planId);
    return place && planBasis(caller, place.unitCode, place.period);
  },
  locate: async (tx, input, _caller, basis) => {
    const plan = await locatePlan(tx, input.planId);
    if (!plan || plan.unitId !== basis.unitId) return null;
    if (input.actionId && !(await tx.followUpAction.findFirst({ where: { id: input.actionId, planId: plan.id }, select: { id: true } }))) return null;
    return { ...plan, codes: new Set(basis.items.map((i) => i.code)) };
  },
  on: (plan) => [plan.unit.path],
  refuse: (input, plan) => (!EDITABLE.has(plan.status) ? "locked" : plan.codes.has(input.unsurCode) ? null : "unsur"),
  audit: (input, plan, { newId }) => ({
    action: "plan.action.save", targetType: "follow_up_plan", targetId: plan.id, unitId: plan.unitId,
    detail: { actionId: input.actionId ?? newId, unsur: input.unsurCode, created: !input.actionId },
  }),
  handler: async (tx, input, plan, { newId }) => {
    const fields = { unsurCode: input.unsurCode, action: input.action, owner: input.owner, dueDate: input.dueDate ? new Date(input.dueDate) : null, expectedEffect: input.expectedEffect };
    if (input.actionId) {
      await tx.followUpAction.update({ where: { id: input.actionId }, data: fields });
      return input.actionId;
    }
    const last = await tx.followUpAction.aggregate({ where: { planId: plan.id }, _max: { position: true } });
    await tx.followUpAction.create({ data: { id: newId, planId: plan.id, position: (last._max.position ?? -1) + 1, ...fields } });
    return newId;
  },
});

export const deletePlanAction = defineWrite({
  input: ZPlanActionDelete,
  capability: "plan.edit",
  locate: async (tx, input) => {
    const plan = await locatePlan(tx, input.planId);
    const action = plan && (await tx.followUpAction.findFirst({ where: { id: input.actionId, planId: plan.id }, select: { unsurCode: true, action: true } }));
    return plan && action ? { ...plan, action } : null;
  },
  on: (plan) => [plan.unit.path],
  refuse: (_input, plan) => (EDITABLE.has(plan.status) ? null : "locked"),
  audit: (input, plan) => ({
    action: "plan.action.delete", targetType: "follow_up_plan", targetId: plan.id, unitId: plan.unitId,
    detail: { actionId: input.actionId, unsur: plan.action.unsurCode, action: plan.action.action },
  }),
  handler: async (tx, input) => {
    await tx.followUpAction.delete({ where: { id: input.actionId } });
  },
});

/** When the plan was discussed with the public (Forum Konsultasi Publik), who took part, and its minutes. */
export const savePlanFkp = defineWrite({
  input: ZPlanFkp,
  capability: "plan.edit",
  locate: (tx, input) => locatePlan(tx, input.planId),
  on: (plan) => [plan.unit.path],
  refuse: async (input, plan) => (!EDITABLE.has(plan.status) ? "locked" : (await anyUntyped(input.files)) ? "attachmentType" : null),
  audit: (input, plan) => ({
    action: "plan.fkp.save", targetType: "follow_up_plan", targetId: plan.id, unitId: plan.unitId,
    detail: { fkpDate: input.fkpDate, files: input.files.map((f) => f.name.slice(0, 120)) },
  }),
  handler: async (tx, input, plan, { caller }) => {
    await tx.followUpPlan.update({ where: { id: plan.id }, data: { fkpDate: input.fkpDate ? new Date(input.fkpDate) : null, fkpParticipants: input.fkpParticipants } });
    await storeFiles(tx, input.files, { unitId: plan.unitId, planId: plan.id, progressId: null, kind: "FKP_MINUTES", createdById: caller.userId });
  },
});

/** Draft or returned -> submitted to pimpinan; a plan without actions has nothing to review. */
export const submitPlan = defineWrite({
  input: ZPlanSubmit,
  capability: "plan.edit",
  locate: async (tx, input) => {
    const plan = await locatePlan(tx, input.planId);
    return plan && { ...plan, actions: await tx.followUpAction.count({ where: { planId: plan.id } }) };
  },
  on: (plan) => [plan.unit.path],
  refuse: (_input, plan) => (!EDITABLE.has(plan.status) ? "locked" : plan.actions === 0 ? "noActions" : null),
  audit: (_input, plan) => ({ action: "plan.submit", targetType: "follow_up_plan", targetId: plan.id, unitId: plan.unitId, detail: { from: plan.status, actions: plan.actions } }),
  handler: async (tx, input, plan, { caller }) => {
    await tx.followUpPlan.update({ where: { id: plan.id }, data: { status: "DIAJUKAN", submittedAt: new Date() } });
    await tx.followUpComment.create({ data: { planId: plan.id, userId: caller.userId, body: input.body ?? "", decision: "DIAJUKAN" } });
  },
});

/** Pimpinan's step on a submitted plan: approve it, or return it with what to change. */
export const reviewPlan = defineWrite({
  input: ZPlanReview,
  capability: "plan.review",
  locate: (tx, input) => locatePlan(tx, input.planId),
  on: (plan) => [plan.unit.path],
  refuse: (_input, plan) => (plan.status === "DIAJUKAN" ? null : "notSubmitted"),
  audit: (input, plan) => ({
    action: input.decision === "DISETUJUI" ? "plan.approve" : "plan.return", targetType: "follow_up_plan", targetId: plan.id, unitId: plan.unitId, detail: { from: plan.status },
  }),
  handler: async (tx, input, plan, { caller }) => {
    const now = new Date();
    await tx.followUpPlan.update({
      where: { id: plan.id },
      data: input.decision === "DISETUJUI" ? { status: "DISETUJUI", approvedById: caller.userId, approvedAt: now } : { status: "DIKEMBALIKAN", returnedAt: now },
    });
    await tx.followUpComment.create({ data: { planId: plan.id, userId: caller.userId, body: input.body ?? "", decision: input.decision } });
  },
});

/** A comment in the plan's thread, by its editor or its reviewer, in any state. */
export const commentOnPlan = defineWrite({
  input: ZPlanComment,
  capability: ["plan.edit", "plan.review"],
  locate: (tx, input) => locatePlan(tx, input.planId),
  on: (plan) => [plan.unit.path],
  audit: (_input, plan, { newId }) => ({ action: "plan.comment", targetType: "follow_up_plan", targetId: plan.id, unitId: plan.unitId, detail: { commentId: newId } }),
  handler: async (tx, input, plan, { caller, newId }) => {
    await tx.followUpComment.create({ data: { id: newId, planId: plan.id, userId: caller.userId, body: input.body } });
    return newId;
  },
});
