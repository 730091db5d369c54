import "server-only";
import { redirect } from "next/navigation";
import type { TCaller } from "@/lib/permissions";
import { getCaller } from "@/lib/auth/session";

/**
 * For pages: the signed-in caller, or a redirect to sign-in. A convenience for
 * navigation only: the data layer authorizes every read and write itself.
 */
export async function requireCaller(path: string): Promise<TCaller> {
  const caller = await getCaller();
  if (!caller) redirect(`/masuk?next=${encodeURIComponent(path)}`);
  if (caller.mustChangePassword && path !== "/akun/kata-sandi") redirect("/akun/kata-sandi");
  return caller;
}
