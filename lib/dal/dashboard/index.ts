// The dashboards' data layer, one file per concern: rollup reads (rollup.ts),
// which units a view reads (scope.ts), the unit dashboard (unit.ts), the agency
// dashboard (agency.ts), the unit dashboard's saran card (feedback.ts), what a
// unit published for a period (published.ts). The feedback inbox is lib/dal/feedback.
export { getAgencyDashboard, type TAgencyDashboard } from "@/lib/dal/dashboard/agency";
export type { TSaran } from "@/lib/dal/dashboard/feedback";
export type { TPublished } from "@/lib/dal/dashboard/published";
export type { TFilterChoices } from "@/lib/dal/dashboard/rollup";
export { getUnitDashboard, type TUnitDashboard } from "@/lib/dal/dashboard/unit";
export type { TTrendPoint } from "@/lib/dashboard/trend";
