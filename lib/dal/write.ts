import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { prisma, type TTx } from "@/lib/db";
import { insertAudit, type TAuditEntry } from "@/lib/dal/audit";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, hasAnywhere, type Capability, type TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";

// The one shape of a write on a caller's behalf: parse the input (a schema from
// lib/validation), find the record it acts on, authorize the capability on that
// record's units, apply the write's own refusals, then insert the audit entry and
// make the change in ONE database transaction. Either both are committed or
// neither is: no change without its entry, no entry without its change.
//
// A Prisma interactive transaction rather than a client from the pg pool: the
// handlers use Prisma's typed model API (nested creates, upserts), and the
// transaction client offers the same API on one connection of the same pool.
// Its few extra round trips are nothing beside an admin's click; the hot path
// (a citizen's submit, lib/dal/responses.ts) keeps to single pg statements.
//
// The entry is inserted before the change because it is known from the input and
// the located record (a record the write creates gets its id, `ctx.newId`, up
// front). A change that then fails (a constraint, a lost race) rolls the entry back.

/**
 * Field path ("email", "contact.phone") -> error code: the schema's own code where it names one
 * (`{ error: "controlChar" }`, a camelCase word the screens have a message for), else zod's issue
 * code ("invalid_format", "too_big").
 */
export type TFieldErrors = Record<string, string>;

export type TWriteResult<T, E extends string = never> =
  | { ok: true; value: T }
  | { ok: false; error: "invalid"; fields: TFieldErrors }
  | { ok: false; error: "notFound" | E };

export type TWriteContext = {
  caller: TCaller;
  meta: TRequestMeta | undefined;
  /** An id for the record the write creates, known before it so that the audit entry names it. */
  newId: string;
};

/** What the audit log says the write did; the actor and the request come from the context. */
export type TWriteAudit = Omit<TAuditEntry, "actor" | "meta">;

type TAuthorization<R> =
  | {
      /** One capability, or several of which any one will do (a comment on a plan: its editor's or its reviewer's). */
      capability: Capability | readonly Capability[];
      /** The units the capability is checked on, all of them; none: the caller must hold it somewhere (a user without roles). */
      on: (record: R) => readonly string[];
    }
  | {
      /** The caller's own account: `locate` reads it by the caller's id, never by the input. */
      capability: "self";
    };

export type TWriteSpec<S extends z.ZodType, R, T, E extends string, P = undefined> = TAuthorization<R> & {
  input: S;
  /**
   * Reads the write needs that cannot run on the transaction's connection (the dashboards'
   * pooled SQL), done BEFORE it opens: inside it they would wait for a second connection, which
   * the embedded database does not have. Null answers notFound; `prepare` checks the caller's
   * scope itself before reading anything, and the transaction checks it again on the record.
   */
  prepare?: (input: z.output<S>, caller: TCaller) => Promise<P | null>;
  /** The record the write acts on, read inside the transaction; null answers notFound. */
  locate: (tx: TTx, input: z.output<S>, caller: TCaller, prepared: P) => Promise<R | null>;
  /** The write's own reasons to say no (checked before anything is written), or null. */
  refuse?: (input: z.output<S>, record: R, ctx: TWriteContext) => E | null | Promise<E | null>;
  audit: (input: z.output<S>, record: R, ctx: TWriteContext) => TWriteAudit;
  handler: (tx: TTx, input: z.output<S>, record: R, ctx: TWriteContext) => Promise<T>;
  /** The answer when the change breaks a unique constraint (the record exists, or a concurrent write made it). */
  conflict?: E;
  /**
   * After the commit (never on a refusal or a rollback): drop an in-process cache the change makes
   * stale, or start work that must see the committed change (a job; it must not throw).
   */
  afterCommit?: (input: z.output<S>, value: T, ctx: TWriteContext) => void;
  /** How long the transaction may take (Prisma's default is 5 s); for the rare write that rebuilds derived data. */
  timeoutMs?: number;
};

export type TWrite<T, E extends string = never> = (caller: TCaller | null, raw: unknown, meta?: TRequestMeta) => Promise<TWriteResult<T, E>>;

const NOT_FOUND = { ok: false, error: "notFound" } as const;

export function defineWrite<S extends z.ZodType, R, T, E extends string = never, P = undefined>(spec: TWriteSpec<S, R, T, E, P>): TWrite<T, E> {
  return async (caller, raw, meta) => {
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) return { ok: false, error: "invalid", fields: fieldErrors(parsed.error) };
    // Outside the caller's scope reads as not found, the same as a record that does not exist.
    if (!caller) return NOT_FOUND;
    const input = parsed.data;
    const ctx: TWriteContext = { caller, meta, newId: randomUUID() };
    const prepared = spec.prepare ? await spec.prepare(input, caller) : (undefined as P);
    if (prepared === null) return NOT_FOUND;
    try {
      const result = await prisma.$transaction(async (tx): Promise<TWriteResult<T, E>> => {
        const record = await spec.locate(tx, input, caller, prepared);
        if (!record || !authorized(spec, caller, record)) return NOT_FOUND;
        const refusal = await spec.refuse?.(input, record, ctx);
        if (refusal) return { ok: false, error: refusal };
        await insertAudit(tx, { ...spec.audit(input, record, ctx), actor: caller, meta });
        return { ok: true, value: await spec.handler(tx, input, record, ctx) };
      }, spec.timeoutMs ? { timeout: spec.timeoutMs, maxWait: 10_000 } : undefined);
      if (result.ok) spec.afterCommit?.(input, result.value, ctx);
      return result;
    } catch (err) {
      if (spec.conflict !== undefined && isUniqueViolation(err)) return { ok: false, error: spec.conflict };
      throw err;
    }
  };
}

function authorized<R>(auth: TAuthorization<R>, caller: TCaller, record: R): boolean {
  if (auth.capability === "self") return true;
  const paths = auth.on(record);
  const any: readonly Capability[] = typeof auth.capability === "string" ? [auth.capability] : auth.capability;
  if (paths.length === 0) return any.some((c) => hasAnywhere(caller, c));
  return any.some((c) => paths.every((p) => can(caller, c, p)));
}

/**
 * Runs `change` and its audit entry in one transaction, with no caller to authorize:
 * for the server shell (scripts), whose authority is the database credentials it holds.
 * Everything reached from a request goes through defineWrite.
 */
export async function shellWrite<T>(audit: TWriteAudit, change: (tx: TTx) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
  return prisma.$transaction(
    async (tx) => {
      await insertAudit(tx, { ...audit, actor: null });
      return change(tx);
    },
    options.timeoutMs ? { timeout: options.timeoutMs, maxWait: 10_000 } : undefined,
  );
}

/** A code a schema gives (zod's own messages are sentences). */
const SCHEMA_CODE = /^[a-z][a-zA-Z]*$/;

/** A zod error as field errors: for a read that checks an input the way its write will (a preview). */
export function fieldErrors(error: z.ZodError): TFieldErrors {
  const out: TFieldErrors = {};
  for (const issue of error.issues) out[issue.path.join(".") || "form"] ??= SCHEMA_CODE.test(issue.message) ? issue.message : issue.code;
  return out;
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}
