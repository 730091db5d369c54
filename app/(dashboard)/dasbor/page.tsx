import type { Metadata } from "next";
import Link from "next/link";
import { requireCaller } from "@/lib/auth/page";
import { hasAnywhere } from "@/lib/permissions";
import { listUnitsForCaller } from "@/lib/dal/units";
import { getLocale } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Dasbor" };

export default async function DashboardHome() {
  const caller = await requireCaller("/dasbor");
  const locale = await getLocale();
  const units = await listUnitsForCaller(caller, "unit.read");
  return (
    <main>
      <h1 className="text-2xl font-bold">{locale === "en" ? "Your units" : "Unit Anda"}</h1>
      {hasAnywhere(caller, "dashboard.read") && (
        <p className="mt-2">
          <Link href="/dasbor/instansi" className="font-medium text-brand-700 underline" data-testid="agency-link">
            {locale === "en" ? "Agency overview: every unit side by side" : "Ringkasan instansi: semua unit berdampingan"} →
          </Link>
        </p>
      )}
      <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="unit-list">
        {units.map((u) => (
          <li key={u.id} style={{ paddingLeft: `${1 + u.depth * 1.5}rem` }} className="py-2 pr-4">
            <Link href={`/dasbor/unit/${u.code}`} className="text-brand-700 underline">{u.name}</Link>
            <span className="ml-2 text-xs text-slate-500">{u.code}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
