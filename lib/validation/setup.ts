// A new agency's first run: the setup code, its root unit and its first admin. Pure.
import { z } from "zod";
import { plainString } from "@/lib/validation/text";

export const ZClaimSetup = z.object({
  code: plainString().trim().min(1, { error: "required" }).max(40, { error: "tooLong" }),
  agencyName: plainString().trim().min(2, { error: "tooShort" }).max(200, { error: "tooLong" }),
  unitCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, { error: "codeFormat" })
    .transform((v) => v.toUpperCase()),
  adminName: plainString().trim().min(2, { error: "tooShort" }).max(120, { error: "tooLong" }),
  email: z.email({ error: "email" }).max(200).transform((v) => v.trim().toLowerCase()),
  password: plainString().min(1, { error: "required" }).max(500),
});
export type TClaimSetup = z.output<typeof ZClaimSetup>;

/** The same from the server shell (`npm run admin:create`): no code (the shell is the authority), a temporary password. */
export const ZCreateAgencyAdmin = ZClaimSetup.omit({ code: true, password: true }).extend({
  // Only needed while the agency has no root unit yet.
  agencyName: ZClaimSetup.shape.agencyName.optional(),
  unitCode: ZClaimSetup.shape.unitCode.optional(),
});
