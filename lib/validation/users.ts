// Inputs of the user and role administration and of a user's own password
// change: one schema each, for the forms, the actions and the data layer.
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { unitCode } from "@/lib/validation/codes";
import { plainString } from "@/lib/validation/text";
import { USER_CSV_MAX_CHARS } from "@/lib/validation/user-csv";

/** A role chosen from the list: none is preselected, so an empty choice is "invalidChoice" on the field. */
const role = z.enum(Role, { error: "invalidChoice" });

export const ZCreateUser = z.object({
  email: z.email().max(200).transform((v) => v.trim().toLowerCase()),
  name: plainString().trim().min(2).max(120),
  role,
  unitCode,
});
export type TCreateUser = z.output<typeof ZCreateUser>;

export const ZAssignRole = z.object({ userId: z.uuid(), role, unitCode });

/** Accounts from a CSV (lib/validation/user-csv.ts reads its lines), all with one role on one unit. */
export const ZBulkCreateUsers = z.object({
  csv: z.string().max(USER_CSV_MAX_CHARS, { error: "tooBig" }),
  role,
  unitCode,
});
export type TBulkCreateUsers = z.output<typeof ZBulkCreateUsers>;

/** The user list's filters, from the address: a unit (and its sub-units or not), a search, a page. */
export const ZUserListQuery = z.object({
  unit: z.preprocess((v) => (v === "" ? undefined : v), unitCode.optional()).catch(undefined),
  /** "1": users with a role anywhere under the unit, not only on it. */
  bawah: z.preprocess((v) => v === "1" || v === true, z.boolean()).catch(false),
  cari: plainString().trim().max(100).catch(""),
  hal: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type TUserListQuery = z.output<typeof ZUserListQuery>;

export const ZRemoveRole = z.object({ assignmentId: z.uuid() });

export const ZSetUserActive = z.object({ userId: z.uuid(), active: z.boolean() });

export const ZResetPassword = z.object({ userId: z.uuid() });

export const ZChangeOwnPassword = z.object({ current: plainString().max(500), next: plainString().max(500) });
