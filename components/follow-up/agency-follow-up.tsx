import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { ScrollArea, Table } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { TUnsurLessons } from "@/lib/dal/follow-up/lessons";
import type { TFollowUpOverview, TPlanState } from "@/lib/dal/follow-up/overview";
import { getFormat } from "@/lib/i18n/server";
import { parsePeriodKey } from "@/lib/periods";

const PLAN_TONE: Record<TPlanState, "neutral" | "info" | "success" | "warning" | "danger"> = {
  none: "neutral", draft: "neutral", submitted: "info", approved: "success", overdue: "danger", done: "success",
};

/** Top management's view: the needs-attention list and, per unit, the RTL and the feedback waiting. */
export async function FollowUpOverviewSection({ o }: { o: TFollowUpOverview }) {
  const [t, f] = await Promise.all([getTranslations("followUp"), getFormat()]);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card data-testid="needs-attention">
        <CardTitle>{t("attentionTitle")}</CardTitle>
        {o.attention.length === 0 && <p className="text-sm text-slate-700">{t("attentionNone")}</p>}
        <ul className="space-y-1 text-sm">
          {o.attention.map((a) => (
            <li key={`${a.kind}-${a.code}`} data-testid={`attention-${a.kind}-${a.code}`}>
              <TextLink href={a.href}>{t(`att_${a.kind}`, { unit: a.name, count: "count" in a ? f.integer(a.count) : "" })}</TextLink>
            </li>
          ))}
        </ul>
      </Card>
      <Card className="min-w-0 lg:col-span-2" data-testid="follow-up-table">
        <CardTitle id="follow-up-title">{t("overviewTitle", { period: f.period(parsePeriodKey(o.period)!) })}</CardTitle>
        <ScrollArea label={t("overviewTitle", { period: o.period })} className="mt-2">
          <Table aria-labelledby="follow-up-title">
            <thead>
              <tr>
                <th>{t("unit")}</th>
                <th>{t("plan")}</th>
                <th className="num">{t("realisation")}</th>
                <th className="num">{t("openFeedback")}</th>
                <th className="num">{t("overdueFeedback")}</th>
                <th className="num">{t("oldest")}</th>
              </tr>
            </thead>
            <tbody>
              {o.rows.map((r) => (
                <tr key={r.code} data-testid={`follow-up-${r.code}`}>
                  <td>
                    <TextLink href={`/dasbor/unit/${r.code}/rtl/${o.period}`}>{r.name}</TextLink>
                  </td>
                  <td><Badge tone={PLAN_TONE[r.plan]} data-testid="plan-status">{t(`plan_${r.plan}`)}</Badge></td>
                  <td className="num">{r.realisation === null ? "–" : `${f.integer(Math.round(r.realisation))} %`}</td>
                  <td className="num">{f.integer(r.openFeedback)}</td>
                  <td className="num">
                    {r.overdueFeedback > 0 ? <TextLink href={`/dasbor/unit/${r.code}/saran?usia=terlambat`}>{f.integer(r.overdueFeedback)}</TextLink> : "0"}
                  </td>
                  <td className="num">{r.oldestOpenDays === null ? "–" : t("days", { count: f.integer(r.oldestOpenDays) })}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </ScrollArea>
      </Card>
    </div>
  );
}

/** Which kinds of action moved which unsur, over every approved, measurable RTL of the agency. */
export async function ActionLessonsSection({ rows }: { rows: TUnsurLessons[] }) {
  const [t, f] = await Promise.all([getTranslations("followUp"), getFormat()]);
  return (
    <Card data-testid="action-lessons">
      <CardTitle id="action-lessons-title">{t("lessonsTitle")}</CardTitle>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t("lessonsEmpty")}</p>
      ) : (
        <ScrollArea label={t("lessonsTitle")} className="mt-2">
          <Table aria-labelledby="action-lessons-title">
            <thead>
              <tr>
                <th>{t("unsur")}</th>
                <th className="num">{t("lessonsApproved")}</th>
                <th className="num">{t("lessonsMoved")}</th>
                <th>{t("lessonsExamples")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.unsur}>
                  <td className="font-medium">{r.unsur}</td>
                  <td className="num">{f.integer(r.approvedPlans)}</td>
                  <td className="num">{f.integer(r.movedPlans)}</td>
                  <td>
                    <ul className="list-disc pl-4">
                      {r.examples.flatMap((x) => x.actions.map((a) => <li key={`${x.planId}-${a}`}>{a} ({x.unitName})</li>))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </ScrollArea>
      )}
    </Card>
  );
}
