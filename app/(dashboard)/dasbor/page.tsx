import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { linkVariants } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { hasAnywhere } from "@/lib/permissions";
import { listUnitsForCaller } from "@/lib/dal/units";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("dashboard") };
}

export default async function DashboardHome() {
  const caller = await requireCaller("/dasbor");
  const [t, units] = await Promise.all([getTranslations("units"), listUnitsForCaller(caller, "unit.read")]);
  return (
    <main>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {hasAnywhere(caller, "dashboard.read") && (
        <p className="mt-2">
          <Link href="/dasbor/instansi" className={linkVariants({ weight: "medium" })} data-testid="agency-link">
            {t("agencyLink")} →
          </Link>
        </p>
      )}
      <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="unit-list">
        {units.map((u) => (
          <li key={u.id} style={{ paddingLeft: `${1 + u.depth * 1.5}rem` }} className="py-2 pr-4">
            <Link href={`/dasbor/unit/${u.code}`} className={linkVariants()}>
              {u.name}
            </Link>
            <span className="ml-2 text-xs text-slate-600">{u.code}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
