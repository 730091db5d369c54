import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem, type TPasswordProblem } from "@/lib/auth/password-policy";
import { prisma, type TTx } from "@/lib/db";
import { defineWrite } from "@/lib/dal/write";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, scopePaths, type TCaller } from "@/lib/permissions";
import { ZAssignRole, ZChangeOwnPassword, ZCreateUser, ZRemoveRole, ZResetPassword, ZSetUserActive } from "@/lib/validation/users";

// Users and roles. Admin functions check the admin capability
// on the specific unit concerned; a user is managed by an admin whose scope
// covers every unit that user holds a role on.

/** A new password for the caller's own account; every session (this one too) ends. */
export const changeOwnPassword = defineWrite({
  input: ZChangeOwnPassword,
  capability: "self",
  locate: (tx, _input, caller) => tx.user.findUnique({ where: { id: caller.userId }, select: { passwordHash: true, email: true } }),
  refuse: async (input, user): Promise<"current" | TPasswordProblem | null> =>
    (await verifyPassword(user.passwordHash, input.current)) ? passwordProblem(input.next, user.email) : "current",
  audit: (_input, _user, { caller }) => ({ action: "user.password.change", targetType: "user", targetId: caller.userId }),
  handler: async (tx, input, _user, { caller }) => {
    await tx.user.update({
      where: { id: caller.userId },
      data: { passwordHash: await hashPassword(input.next), mustChangePassword: false, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
    });
  },
});

export type TUserRow = {
  id: string;
  email: string;
  name: string;
  active: boolean;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
  roles: { id: string; role: Role; unitCode: string; unitName: string }[];
};

/** A user with the paths of the units they hold roles on (the admin must cover all of them), or null. */
async function managedUser(db: TTx, userId: string): Promise<{ id: string; unitPaths: string[] } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, roles: { select: { unit: { select: { path: true } } } } } });
  return user && { id: user.id, unitPaths: user.roles.map((r) => r.unit.path) };
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
  if (!z.uuid().safeParse(userId).success) return null;
  const user = await managedUser(prisma, userId);
  if (!user || scopePaths(caller, "admin").length === 0 || !user.unitPaths.every((p) => can(caller, "admin", p))) return null;
  return (await listUsers(caller))?.find((u) => u.id === userId) ?? null;
}

const temporaryPassword = () => randomBytes(12).toString("base64url");

/** Creates an account with a one-time password the user must change at first sign-in. */
export const createUser = defineWrite({
  input: ZCreateUser,
  capability: "admin",
  locate: (tx, input) => tx.unit.findUnique({ where: { code: input.unitCode }, select: { id: true, path: true } }),
  on: (unit) => [unit.path],
  // The unique email decides, not a read before the insert: two admins creating the same account at once get one.
  conflict: "exists",
  audit: (input, unit, { newId }) => ({ action: "user.create", targetType: "user", targetId: newId, unitId: unit.id, detail: { email: input.email, role: input.role } }),
  handler: async (tx, input, unit, { newId }) => {
    const password = temporaryPassword();
    await tx.user.create({
      data: {
        id: newId,
        email: input.email,
        name: input.name,
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
        roles: { create: { role: input.role, unitId: unit.id } },
      },
    });
    return { id: newId, temporaryPassword: password };
  },
});

export const assignRole = defineWrite({
  input: ZAssignRole,
  capability: "admin",
  locate: async (tx, input) => {
    const [unit, user] = await Promise.all([
      tx.unit.findUnique({ where: { code: input.unitCode }, select: { id: true, path: true } }),
      managedUser(tx, input.userId),
    ]);
    return unit && user && { unit, user };
  },
  // The admin covers the unit given and every unit the user already holds a role on.
  on: ({ unit, user }) => [unit.path, ...user.unitPaths],
  audit: (input, { unit }) => ({ action: "role.assign", targetType: "user", targetId: input.userId, unitId: unit.id, detail: { role: input.role } }),
  handler: async (tx, input, { unit }) => {
    await tx.roleAssignment.upsert({
      where: { userId_unitId_role: { userId: input.userId, unitId: unit.id, role: input.role } },
      create: { userId: input.userId, unitId: unit.id, role: input.role },
      update: {},
    });
  },
});

export const removeRole = defineWrite({
  input: ZRemoveRole,
  capability: "admin",
  locate: (tx, input) =>
    tx.roleAssignment.findUnique({ where: { id: input.assignmentId }, select: { userId: true, role: true, unitId: true, unit: { select: { path: true } } } }),
  on: (a) => [a.unit.path],
  refuse: (_input, a, { caller }) => (a.role === "ADMIN" && a.userId === caller.userId ? "lastAdmin" : null), // no locking yourself out
  audit: (_input, a) => ({ action: "role.remove", targetType: "user", targetId: a.userId, unitId: a.unitId, detail: { role: a.role } }),
  handler: async (tx, input) => {
    await tx.roleAssignment.delete({ where: { id: input.assignmentId } });
  },
});

export const setUserActive = defineWrite({
  input: ZSetUserActive,
  capability: "admin",
  locate: (tx, input) => managedUser(tx, input.userId),
  on: (user) => user.unitPaths,
  refuse: (input, user, { caller }) => (user.id === caller.userId && !input.active ? "lastAdmin" : null),
  audit: (input, user) => ({ action: input.active ? "user.activate" : "user.deactivate", targetType: "user", targetId: user.id }),
  handler: async (tx, input) => {
    await tx.user.update({ where: { id: input.userId }, data: { active: input.active, sessionVersion: { increment: 1 } } });
  },
});

/** A new one-time password; the user's sessions end and they must choose a password at next sign-in. */
export const resetPassword = defineWrite({
  input: ZResetPassword,
  capability: "admin",
  locate: (tx, input) => managedUser(tx, input.userId),
  on: (user) => user.unitPaths,
  audit: (_input, user) => ({ action: "user.password.reset", targetType: "user", targetId: user.id }),
  handler: async (tx, input) => {
    const password = temporaryPassword();
    await tx.user.update({
      where: { id: input.userId },
      data: { passwordHash: await hashPassword(password), mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    return { temporaryPassword: password };
  },
});
