// Codes as a form or a URL sends them: a unit's public code (/s/<code>) and a
// questionnaire template's key. A pattern, not just a length: a NUL byte or
// any other control character never reaches the database (PostgreSQL refuses
// U+0000 in text with an error, which used to answer 500).
import { z } from "zod";

/** A unit's public code, any case in, upper case out. */
export const unitCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/)
  .transform((v) => v.toUpperCase());

/** A questionnaire template's key, e.g. "permenpan-14-2017". */
export const templateKey = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "invalidChoice" });
