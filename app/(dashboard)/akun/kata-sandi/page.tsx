import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasswordForm } from "@/components/auth/password-form";
import { Alert } from "@/components/ui/alert";
import { requireCaller } from "@/lib/auth/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("password") };
}

export default async function PasswordPage() {
  const caller = await requireCaller("/akun/kata-sandi");
  const t = await getTranslations("auth");
  return (
    <main>
      <h1 className="text-2xl font-bold">{t("changeTitle")}</h1>
      {caller.mustChangePassword && (
        <Alert tone="warning" className="mt-2">
          {t("mustChange")}
        </Alert>
      )}
      <PasswordForm />
    </main>
  );
}
