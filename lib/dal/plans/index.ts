// The rencana tindak lanjut: reads and writes (each write authorizes on the plan's own unit).
export { readPlan, type TPlanView, type TPlanActionView } from "@/lib/dal/plans/read";
export { listPlans, type TPlanList } from "@/lib/dal/plans/list";
export { startPlan, savePlanAction, deletePlanAction, savePlanFkp, submitPlan, reviewPlan, commentOnPlan } from "@/lib/dal/plans/write";
export { recordProgress } from "@/lib/dal/plans/progress";
