import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PeerLessons } from "@/components/follow-up/peer-lessons";
import { PlanEffects } from "@/components/follow-up/plan-effects";
import { NoPlan, PlanActions, PlanComments, PlanFkp, PlanProgress, PlanState, PlanStep } from "@/components/plans/plan-sections";
import { linkVariants } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { readPlan } from "@/lib/dal/plans";
import { getFormat } from "@/lib/i18n/server";
import { periodKey } from "@/lib/periods";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("title") };
}

/** A unit's rencana tindak lanjut for one period: written, submitted, reviewed and realised here. */
export default async function PlanPage(props: PageProps<"/dasbor/unit/[code]/rtl/[periode]">) {
  const { code, periode } = await props.params;
  const caller = await requireCaller(`/dasbor/unit/${code}/rtl/${periode}`);
  const view = await readPlan(caller, code, periode);
  if (!view) notFound();
  const [t, common, f] = await Promise.all([getTranslations("plan"), getTranslations("common"), getFormat()]);
  const key = periodKey(view.period);
  const { plan } = view;
  const refOf = plan && { unitCode: view.unit.code, period: key, planId: plan.id };
  const choices = view.basis.items.map((i) => ({ code: i.code, label: `${i.code} ${f.pick(i.name, i.nameEn)}` }));
  return (
    <main className="space-y-4">
      <nav aria-label={common("breadcrumb")} className="flex flex-wrap gap-4 text-sm print:hidden">
        <Link href={`/dasbor/unit/${view.unit.code}?periode=${key}`} className={linkVariants()}>
          ← {view.unit.name}
        </Link>
        <Link href={`/dasbor/unit/${view.unit.code}/rtl`} className={linkVariants()}>
          {t("allPlans")}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{t("heading", { name: view.unit.name, period: f.period(view.period) })}</h1>
      {!plan && <NoPlan view={view} periodKey={key} />}
      {plan && refOf && (
        <>
          <PlanState plan={plan} />
          {/* The thread first: why a plan came back, and the unit's word to its reviewer, are read before anything is done. */}
          <PlanComments view={view} plan={plan} refOf={refOf} />
          <PlanActions plan={plan} refOf={refOf} choices={choices} />
          <PlanFkp plan={plan} refOf={refOf} />
          <PlanStep view={view} plan={plan} refOf={refOf} />
          <PlanProgress view={view} plan={plan} refOf={refOf} />
          <PlanEffects planId={plan.id} />
          <PeerLessons unitCode={view.unit.code} unsur={[...new Set(plan.actions.map((a) => a.unsurCode))]} />
        </>
      )}
    </main>
  );
}
