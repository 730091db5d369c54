// Inputs of what operators do for a unit: enrol a kiosk tablet, issue
// one-time transaction codes. One schema each, for the forms, the actions and
// the data layer (form fields arrive as strings: numbers are coerced).
import { z } from "zod";
import { plainString } from "@/lib/validation/text";

const code = z.string().regex(/^[A-Za-z0-9-]{1,40}$/).transform((v) => v.toUpperCase());

export const ZEnrollKiosk = z.object({ unitCode: code, name: plainString().trim().min(1).max(100) });

/** The device to revoke, by its own id: its unit (and the caller's right on it) comes from the record. */
export const ZRevokeKiosk = z.object({ deviceId: z.uuid() });

/** A tablet's new name (what the list shows, e.g. "Tablet loket 2"). */
export const ZRenameKiosk = z.object({ deviceId: z.uuid(), name: plainString().trim().min(1, { error: "required" }).max(100, { error: "tooLong" }) });

export const ZIssueTokens = z.object({
  unitCode: code,
  serviceCode: code.optional().or(z.literal("").transform(() => undefined)),
  count: z.coerce.number().int().min(1).max(200),
  days: z.coerce.number().int().min(1).max(90),
});

/** The form's fields and the public origin the codes' links are built on (from the request, not the form). */
export const ZIssueTokensRequest = ZIssueTokens.extend({ origin: z.url() });
