import "server-only";
import { cache } from "react";
import { auth } from "@/lib/auth/config";
import type { TCaller } from "@/lib/permissions";
import { loadCaller } from "@/lib/dal/sign-in";

/** Who is asking, once per request; null without a valid session. */
export const getCaller = cache(async (): Promise<TCaller | null> => {
  const session = (await auth()) as { uid?: string; sv?: number; sid?: string } | null;
  return session?.uid ? loadCaller(session.uid, session.sv, session.sid) : null;
});
