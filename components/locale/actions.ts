"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n";

const ZSetLocale = z.object({
  locale: z.enum(LOCALES),
  // Only a same-site path: never an open redirect.
  returnTo: z
    .string()
    .regex(/^\/(?!\/)[^\s\\]*$/)
    .max(500)
    .catch("/"),
});

export async function setLocaleAction(formData: FormData) {
  const parsed = ZSetLocale.safeParse({ locale: formData.get("locale"), returnTo: formData.get("returnTo") ?? "/" });
  if (!parsed.success) redirect("/");
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: false,
  });
  redirect(parsed.data.returnTo);
}
