// Roles in the order an admin reads them (least power last is not a rule: the order of the agency's chart).
export const ROLES = ["ADMIN", "PIMPINAN", "KEPALA_UNIT", "OPERATOR"] as const;
export type TRole = (typeof ROLES)[number];
