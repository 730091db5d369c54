// Inputs of the user and role administration and of a user's own password
// change: one schema each, for the forms, the actions and the data layer.
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { unitCode } from "@/lib/validation/codes";
import { plainString } from "@/lib/validation/text";


export const ZCreateUser = z.object({
  email: z.email().max(200).transform((v) => v.trim().toLowerCase()),
  name: plainString().trim().min(2).max(120),
  role: z.enum(Role),
  unitCode,
});
export type TCreateUser = z.output<typeof ZCreateUser>;

export const ZAssignRole = z.object({ userId: z.uuid(), role: z.enum(Role), unitCode });

export const ZRemoveRole = z.object({ assignmentId: z.uuid() });

export const ZSetUserActive = z.object({ userId: z.uuid(), active: z.boolean() });

export const ZResetPassword = z.object({ userId: z.uuid() });

export const ZChangeOwnPassword = z.object({ current: plainString().max(500), next: plainString().max(500) });
