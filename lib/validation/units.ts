// The unit tree as an admin keeps it: one schema per write. Pure.
import { z } from "zod";
import { UNIT_KINDS } from "@/lib/validation/unit-kinds";
import { unitCode } from "@/lib/validation/codes";
import { plainString } from "@/lib/validation/text";

const name = plainString().trim().min(2, { error: "tooShort" }).max(200, { error: "tooLong" });
const kind = z.enum(UNIT_KINDS, { error: "invalidChoice" });

/** A unit's public code as an admin types it, in survey links (/s/<code>). */
const publicCode = z
  .string({ error: "required" })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, { error: "codeFormat" })
  .transform((v) => v.toUpperCase());

export const ZCreateUnit = z.object({ parentCode: unitCode, code: publicCode, name, kind });

export const ZUpdateUnit = z.object({ unitId: z.uuid(), name, kind });

/** Moves a unit, with its whole subtree, under another unit. */
export const ZMoveUnit = z.object({ unitId: z.uuid(), parentCode: z.string({ error: "required" }).trim().min(1, { error: "required" }).pipe(unitCode) });

/** A new public code; the old one keeps leading to the unit. */
export const ZChangeUnitCode = z.object({ unitId: z.uuid(), code: publicCode });

export const ZSetUnitActive = z.object({ unitId: z.uuid(), active: z.boolean() });

/** The tree's search box: part of a name or a code. */
export const ZUnitSearch = plainString().trim().max(100).catch("");
