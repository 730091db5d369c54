"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n";

// Only a same-site path: never an open redirect.
const ZPath = z
  .string()
  .regex(/^\/(?!\/)[^\s\\]*$/)
  .max(500);

const ZSetLocale = z.object({ locale: z.enum(LOCALES), returnTo: ZPath.optional().catch(undefined) });

/** The path of a same-origin Referer (the page the switch was pressed on), else null. */
function refererPath(referer: string | null, host: string | null): string | null {
  if (!referer || !host) return null;
  try {
    const url = new URL(referer);
    if (url.host !== host) return null;
    const path = url.pathname + url.search;
    return ZPath.safeParse(path).success ? path : null;
  } catch {
    return null;
  }
}

export async function setLocaleAction(formData: FormData) {
  const parsed = ZSetLocale.safeParse({ locale: formData.get("locale"), returnTo: formData.get("returnTo") || undefined });
  if (!parsed.success) redirect("/");
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: false,
  });
  const h = await headers();
  redirect(parsed.data.returnTo ?? refererPath(h.get("referer"), h.get("host")) ?? "/");
}
