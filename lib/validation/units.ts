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

/** Blank = not set (null); absent = left as it is. */
const optionalLine = (max: number) =>
  plainString()
    .trim()
    .max(max, { error: "tooLong" })
    .transform((v) => (v === "" ? null : v))
    .optional();

/** Nomor Induk Pegawai: 18 digits; the spaces it is often printed with ("19700101 199503 1 001") are dropped. */
export const NIP_LENGTH = 18;
export const ZNip = z
  .string({ error: "nipFormat" })
  .transform((v) => v.replace(/\s+/g, ""))
  .refine((v) => v === "" || new RegExp(`^[0-9]{${NIP_LENGTH}}$`).test(v), { error: "nipFormat" })
  .transform((v) => (v === "" ? null : v))
  .optional();

/** The unit head who signs the SKM report (name, jabatan, NIP). */
const head = { headName: optionalLine(200), headTitle: optionalLine(200), headNip: ZNip };

export const ZUpdateUnit = z.object({ unitId: z.uuid(), name, kind, ...head });

/** Moves a unit, with its whole subtree, under another unit. */
export const ZMoveUnit = z.object({ unitId: z.uuid(), parentCode: z.string({ error: "required" }).trim().min(1, { error: "required" }).pipe(unitCode) });

/** A new public code; the old one keeps leading to the unit. */
export const ZChangeUnitCode = z.object({ unitId: z.uuid(), code: publicCode });

export const ZSetUnitActive = z.object({ unitId: z.uuid(), active: z.boolean() });

/** The tree's search box: part of a name or a code. */
export const ZUnitSearch = plainString().trim().max(100).catch("");
