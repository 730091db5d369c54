import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem, type TPasswordProblem } from "@/lib/auth/password-policy";
import { can, hasAnywhere, scopePaths, type TCaller } from "@/lib/permissions";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/dal/audit";
import { Role } from "@/lib/generated/prisma/enums";
import type { TRequestMeta } from "@/lib/request/meta";

// Users, roles and the audit log. Admin functions check the admin capability
// on the specific unit concerned; a user is managed by an admin whose scope
// covers every unit that user holds a role on.

export async function changeOwnPassword(caller: TCaller | null, current: string, next: string, meta?: TRequestMeta): Promise<"ok" | "current" | TPasswordProblem> {
  if (!caller) return "current";
  const user = await prisma.user.findUnique({ where: { id: caller.userId }, select: { passwordHash: true, email: true } });
  if (!user || !(await verifyPassword(user.passwordHash, current))) return "current";
  const problem = passwordProblem(next, user.email);
  if (problem) return problem;
  await prisma.user.update({
    where: { id: caller.userId },
    data: { passwordHash: await hashPassword(next), mustChangePassword: false, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
  });
  await recordAudit({ caller, action: "user.password.change", targetType: "user", targetId: caller.userId, meta });
  return "ok";
}

export type TUserRow = {
  id: string;
  email: string;
  name: string;
  active: boolean;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
  roles: { id: string; role: Role; unitCode: string; unitName: string }[];
};

async function manageable(caller: TCaller | null, userId: string): Promise<boolean> {
  if (!hasAnywhere(caller, "admin")) return false;
  const roles = await prisma.roleAssignment.findMany({ where: { userId }, select: { unit: { select: { path: true } } } });
  const exists = await prisma.user.count({ where: { id: userId } });
  if (!exists) return false;
  return roles.every((r) => can(caller, "admin", r.unit.path));
}

/** Users the caller administers: those with a role inside the caller's admin scope, and those with none. */
export async function listUsers(caller: TCaller | null): Promise<TUserRow[] | null> {
  const roots = scopePaths(caller, "admin");
  if (roots.length === 0) return null;
  const users = await prisma.user.findMany({
    orderBy: { email: "asc" },
    select: {
      id: true, email: true, name: true, active: true, mustChangePassword: true, lastSignInAt: true,
      roles: { select: { id: true, role: true, unit: { select: { code: true, name: true, path: true } } } },
    },
  });
  return users
    .filter((u) => u.roles.every((r) => roots.some((p) => r.unit.path.startsWith(p))))
    .map((u) => ({ ...u, roles: u.roles.map((r) => ({ id: r.id, role: r.role, unitCode: r.unit.code, unitName: r.unit.name })) }));
}

export async function getUser(caller: TCaller | null, userId: string): Promise<TUserRow | null> {
  if (!z.uuid().safeParse(userId).success || !(await manageable(caller, userId))) return null;
  return (await listUsers(caller))?.find((u) => u.id === userId) ?? null;
}

export const ZCreateUser = z.object({
  email: z.email().max(200).transform((v) => v.trim().toLowerCase()),
  name: z.string().trim().min(2).max(120),
  role: z.enum(Role),
  unitCode: z.string().trim().min(1).max(40).transform((v) => v.toUpperCase()),
});

export type TAdminResult<T = undefined> = { ok: true; value: T } | { ok: false; error: "notFound" | "invalid" | "exists" | "lastAdmin"; fields?: string[] };

/** Creates an account with a one-time password the user must change at first sign-in. */
export async function createUser(caller: TCaller | null, raw: unknown, meta?: TRequestMeta): Promise<TAdminResult<{ id: string; temporaryPassword: string }>> {
  const parsed = ZCreateUser.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid", fields: parsed.error.issues.map((i) => i.path.join(".")) };
  const unit = await prisma.unit.findUnique({ where: { code: parsed.data.unitCode }, select: { id: true, path: true } });
  if (!unit || !can(caller, "admin", unit.path)) return { ok: false, error: "notFound" };
  if (await prisma.user.count({ where: { email: parsed.data.email } })) return { ok: false, error: "exists" };
  const temporaryPassword = randomBytes(12).toString("base64url");
  const user = await prisma.user.create({
    data: {
      email: parsed.data.email,
      name: parsed.data.name,
      passwordHash: await hashPassword(temporaryPassword),
      mustChangePassword: true,
      roles: { create: { role: parsed.data.role, unitId: unit.id } },
    },
    select: { id: true },
  });
  await recordAudit({ caller, action: "user.create", targetType: "user", targetId: user.id, unitId: unit.id, meta, detail: { email: parsed.data.email, role: parsed.data.role } });
  return { ok: true, value: { id: user.id, temporaryPassword } };
}

const ZAssign = z.object({ userId: z.uuid(), role: z.enum(Role), unitCode: z.string().trim().min(1).max(40).transform((v) => v.toUpperCase()) });

export async function assignRole(caller: TCaller | null, raw: unknown, meta?: TRequestMeta): Promise<TAdminResult> {
  const parsed = ZAssign.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const unit = await prisma.unit.findUnique({ where: { code: parsed.data.unitCode }, select: { id: true, path: true } });
  if (!unit || !can(caller, "admin", unit.path) || !(await manageable(caller, parsed.data.userId))) return { ok: false, error: "notFound" };
  await prisma.roleAssignment.upsert({
    where: { userId_unitId_role: { userId: parsed.data.userId, unitId: unit.id, role: parsed.data.role } },
    create: { userId: parsed.data.userId, unitId: unit.id, role: parsed.data.role },
    update: {},
  });
  await recordAudit({ caller, action: "role.assign", targetType: "user", targetId: parsed.data.userId, unitId: unit.id, meta, detail: { role: parsed.data.role } });
  return { ok: true, value: undefined };
}

export async function removeRole(caller: TCaller | null, assignmentId: unknown, meta?: TRequestMeta): Promise<TAdminResult> {
  const id = z.uuid().safeParse(assignmentId);
  if (!id.success) return { ok: false, error: "invalid" };
  const a = await prisma.roleAssignment.findUnique({ where: { id: id.data }, select: { userId: true, role: true, unitId: true, unit: { select: { path: true } } } });
  if (!a || !can(caller, "admin", a.unit.path)) return { ok: false, error: "notFound" };
  if (a.role === "ADMIN" && a.userId === caller!.userId) return { ok: false, error: "lastAdmin" }; // no locking yourself out
  await prisma.roleAssignment.delete({ where: { id: id.data } });
  await recordAudit({ caller, action: "role.remove", targetType: "user", targetId: a.userId, unitId: a.unitId, meta, detail: { role: a.role } });
  return { ok: true, value: undefined };
}

export async function setUserActive(caller: TCaller | null, userId: unknown, active: boolean, meta?: TRequestMeta): Promise<TAdminResult> {
  const id = z.uuid().safeParse(userId);
  if (!id.success || !(await manageable(caller, id.data))) return { ok: false, error: "notFound" };
  if (id.data === caller!.userId && !active) return { ok: false, error: "lastAdmin" };
  await prisma.user.update({ where: { id: id.data }, data: { active, sessionVersion: { increment: 1 } } });
  await recordAudit({ caller, action: active ? "user.activate" : "user.deactivate", targetType: "user", targetId: id.data, meta });
  return { ok: true, value: undefined };
}

/** A new one-time password; the user's sessions end and they must choose a password at next sign-in. */
export async function resetPassword(caller: TCaller | null, userId: unknown, meta?: TRequestMeta): Promise<TAdminResult<{ temporaryPassword: string }>> {
  const id = z.uuid().safeParse(userId);
  if (!id.success || !(await manageable(caller, id.data))) return { ok: false, error: "notFound" };
  const temporaryPassword = randomBytes(12).toString("base64url");
  await prisma.user.update({
    where: { id: id.data },
    data: { passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true, sessionVersion: { increment: 1 } },
  });
  await recordAudit({ caller, action: "user.password.reset", targetType: "user", targetId: id.data, meta });
  return { ok: true, value: { temporaryPassword } };
}

export type TAuditRow = { id: string; at: Date; actorEmail: string | null; action: string; targetType: string | null; targetId: string | null; ip: string | null; detail: unknown };

/** The audit log, newest first: for admins of the whole agency only (it spans units). */
export async function listAuditLog(caller: TCaller | null, opts: { before?: bigint; limit?: number } = {}): Promise<TAuditRow[] | null> {
  const root = await prisma.unit.findFirst({ where: { parentId: null }, orderBy: { createdAt: "asc" }, select: { path: true } });
  if (!root || !can(caller, "admin", root.path)) return null;
  const rows = await prisma.auditLog.findMany({
    where: opts.before ? { id: { lt: opts.before } } : {},
    orderBy: { id: "desc" },
    take: Math.min(opts.limit ?? 100, 500),
  });
  return rows.map((r) => ({ id: r.id.toString(), at: r.at, actorEmail: r.actorEmail, action: r.action, targetType: r.targetType, targetId: r.targetId, ip: r.ip, detail: r.detail }));
}
