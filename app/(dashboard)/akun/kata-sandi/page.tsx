import type { Metadata } from "next";
import { PasswordForm } from "@/components/auth/password-form";
import { AUTH_TEXT } from "@/components/auth/text";
import { requireCaller } from "@/lib/auth/page";
import { getLocale } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Kata sandi" };

export default async function PasswordPage() {
  const caller = await requireCaller("/akun/kata-sandi");
  const locale = await getLocale();
  const t = AUTH_TEXT[locale];
  return (
    <main>
      <h1 className="text-2xl font-bold">{t.changeTitle}</h1>
      {caller.mustChangePassword && <p role="status" className="mt-2 rounded-md bg-amber-100 p-3">{t.mustChange}</p>}
      <PasswordForm locale={locale} />
    </main>
  );
}
