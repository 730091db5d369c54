import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PeerLessons } from "@/components/follow-up/peer-lessons";
import { PlanEffects } from "@/components/follow-up/plan-effects";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { ScrollArea, Table } from "@/components/ui/table";
import { linkVariants } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { readPlan } from "@/lib/dal/plans/read";
import { getFormat } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("title") };
}

/** A unit's rencana tindak lanjut for one period, as it stands (read-only for now). */
export default async function PlanPage(props: PageProps<"/dasbor/unit/[code]/rtl/[periode]">) {
  const { code, periode } = await props.params;
  const caller = await requireCaller(`/dasbor/unit/${code}/rtl/${periode}`);
  const view = await readPlan(caller, code, periode);
  if (!view) notFound();
  const [t, status, common, f] = await Promise.all([getTranslations("plan"), getTranslations("labels.planStatus"), getTranslations("common"), getFormat()]);
  const { plan } = view;
  return (
    <main className="space-y-4">
      <nav aria-label={common("breadcrumb")} className="text-sm print:hidden">
        <Link href={`/dasbor/unit/${view.unit.code}`} className={linkVariants()}>
          ← {view.unit.name}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{t("heading", { name: view.unit.name, period: f.period(view.period) })}</h1>
      {!plan && <p data-testid="plan-none">{t("none")}</p>}
      {plan && (
        <>
          <p>
            <Badge data-testid="plan-status">{status(plan.status as "DRAFT")}</Badge>
            {plan.approvedAt && <span className="ml-2 text-sm text-slate-700">{t("approvedAt", { date: f.date(plan.approvedAt) })}</span>}
          </p>
          <Card>
            <CardTitle id="plan-actions">{t("actions")}</CardTitle>
            <ScrollArea label={t("actions")} className="mt-2">
              <Table aria-labelledby="plan-actions">
                <thead>
                  <tr>
                    <th>{t("unsur")}</th>
                    <th>{t("action")}</th>
                    <th>{t("owner")}</th>
                    <th>{t("due")}</th>
                    <th className="num">{t("progress")}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.actions.map((a) => (
                    <tr key={a.id} data-testid="plan-action">
                      <td>{a.unsurCode}</td>
                      <td>{a.action}</td>
                      <td>{a.owner}</td>
                      <td>
                        {a.dueDate ? f.date(a.dueDate) : common("notAvailable")}
                        {a.overdue && (
                          <Badge tone="warning" className="ml-2">
                            {t("overdue")}
                          </Badge>
                        )}
                      </td>
                      <td className="num">{f.integer(a.progress)} %</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </ScrollArea>
          </Card>
          <PlanEffects planId={plan.id} />
          <PeerLessons unitCode={view.unit.code} unsur={[...new Set(plan.actions.map((a) => a.unsurCode))]} />
          <Card>
            <CardTitle id="plan-comments">{t("comments")}</CardTitle>
            {plan.comments.length === 0 && <p className="mt-2 text-sm">{t("noComments")}</p>}
            <ul className="mt-2 space-y-2">
              {plan.comments.map((c) => (
                <li key={c.id} className="text-sm">
                  <p className="whitespace-pre-line break-words">{c.body}</p>
                  <p className="text-xs text-slate-600">
                    {c.author ?? common("notAvailable")} · {f.date(c.at)}
                  </p>
                </li>
              ))}
            </ul>
          </Card>
        </>
      )}
    </main>
  );
}
