import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";

// Signed-in sessions. The session cookie is a JWT that any instance can read on its own,
// so ending a session needs a record every instance checks: the JWT carries the id of a
// user_session row, sign-out deletes the row, and loadCaller (sign-in.ts) refuses a JWT
// whose row is gone.

export const SESSION = {
  /** A working day: the JWT's lifetime, renewed while it is used. */
  maxAgeSeconds: 8 * 60 * 60,
  /** How often a used session's row is touched (one write per session per few minutes). */
  touchSeconds: 5 * 60,
};

/** A row outlives the JWT by at least this much: a touch may lag the JWT's renewal by touchSeconds. */
const idleLimitMs = () => (SESSION.maxAgeSeconds + 2 * SESSION.touchSeconds) * 1000;

/** A new session for the user; its id goes into the JWT. */
export async function openSession(userId: string): Promise<string> {
  const row = await prisma.userSession.create({ data: { userId }, select: { id: true } });
  // Rows no JWT can still name: idle past the JWT's lifetime.
  await prisma.userSession.deleteMany({ where: { lastSeenAt: { lt: new Date(Date.now() - idleLimitMs()) } } });
  return row.id;
}

/** Ends the session (sign-out): the JWT naming it, and every copy of it, is refused from now on. */
export async function closeSession(sessionId: unknown): Promise<void> {
  const id = z.uuid().safeParse(sessionId);
  if (id.success) await prisma.userSession.deleteMany({ where: { id: id.data } });
}

/** Whether a session row read with its lastSeenAt is still live; touches it when due. */
export async function sessionIsLive(session: { id: string; lastSeenAt: Date } | undefined): Promise<boolean> {
  if (!session) return false;
  const age = Date.now() - session.lastSeenAt.getTime();
  if (age > idleLimitMs()) return false;
  if (age > SESSION.touchSeconds * 1000) {
    await prisma.userSession.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
  }
  return true;
}
