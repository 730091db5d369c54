// The services (jenis layanan) a unit offers, as an admin keeps them: one schema
// per write, for the forms, the actions and the data layer. Pure.
import { z } from "zod";
import { unitCode } from "@/lib/validation/codes";
import { plainString } from "@/lib/validation/text";

/** A service's code is part of its survey link (/s/<unit>/<service>): set once, never renamed. */
export const SERVICE_CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;

const serviceId = z.uuid();
const name = plainString().trim().min(2, { error: "tooShort" }).max(150, { error: "tooLong" });
const nameEn = plainString()
  .trim()
  .max(150, { error: "tooLong" })
  .transform((v) => (v === "" ? null : v));

export const ZCreateService = z.object({
  unitCode,
  code: z
    .string({ error: "required" })
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().min(1, { error: "required" }).regex(SERVICE_CODE, { error: "codeFormat" })),
  name,
  nameEn,
});
export type TCreateService = z.output<typeof ZCreateService>;

export const ZRenameService = z.object({ serviceId, name, nameEn });

export const ZMoveService = z.object({ serviceId, direction: z.enum(["up", "down"]) });

export const ZSetServiceActive = z.object({ serviceId, active: z.boolean() });
