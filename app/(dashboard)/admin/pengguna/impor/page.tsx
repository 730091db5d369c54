import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { linkVariants } from "@/components/ui/text-link";
import { ImportUsersForm } from "@/components/user-admin/import-form";
import { requireCaller } from "@/lib/auth/page";
import { listUnitsForCaller } from "@/lib/dal/units";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("userAdmin.import"))("title") };
}

/** Many accounts at once from a CSV, on a unit of the caller's admin scope. */
export default async function ImportUsersPage() {
  const caller = await requireCaller("/admin/pengguna/impor");
  const units = await listUnitsForCaller(caller, "admin");
  if (units.length === 0) notFound();
  const t = await getTranslations("userAdmin.import");
  const top = units[0]?.depth ?? 0;
  return (
    <main className="grid max-w-3xl gap-4">
      <p className="text-sm">
        <Link href="/admin/pengguna" className={linkVariants()}>
          ← {t("back")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      <ImportUsersForm units={units.map((u) => ({ code: u.code, name: u.name, depth: Math.max(0, u.depth - top) }))} />
    </main>
  );
}
