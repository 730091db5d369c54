// Constants the user forms need in the browser: kept free of zod (lib/validation/users.ts holds the schemas).
/** Roles in the order an admin reads them. */
export const ROLES = ["ADMIN", "PIMPINAN", "KEPALA_UNIT", "OPERATOR"] as const;
export type TRole = (typeof ROLES)[number];
