import { getTranslations } from "next-intl/server";
import { verdictOf } from "@/components/follow-up/verdict";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { ScrollArea, Table } from "@/components/ui/table";
import { getCaller } from "@/lib/auth/session";
import { planEffects } from "@/lib/dal/follow-up/effect";
import { getFormat } from "@/lib/i18n/server";
import { parsePeriodKey } from "@/lib/periods";

/** "Did the plan work": each planned unsur's NRR in the plan's period and the next one. Renders nothing out of scope. */
export async function PlanEffects({ planId }: { planId: string }) {
  const e = await planEffects(await getCaller(), planId);
  if (!e) return null;
  const [t, f] = await Promise.all([getTranslations("followUp"), getFormat()]);
  const period = f.period(parsePeriodKey(e.period)!);
  const next = f.period(parsePeriodKey(e.nextPeriod)!);
  const measurable = e.effects.some((x) => x.comparison);
  return (
    <Card data-testid="plan-effects">
      <CardTitle id="plan-effects-title">{t("effectsTitle")}</CardTitle>
      <p className="text-sm text-slate-700">{t("effectsIntro", { period, next })}</p>
      {!measurable && (
        <p className="mt-2 text-sm text-slate-700" data-testid="effects-not-yet">
          {e.approved ? t("notYetNote", { next }) : t("notApprovedNote")}
        </p>
      )}
      {measurable && (
        <ScrollArea label={t("effectsTitle")} className="mt-2">
          <Table aria-labelledby="plan-effects-title">
            <thead>
              <tr>
                <th>{t("unsur")}</th>
                <th className="num">{t("before", { period })}</th>
                <th className="num">{t("after", { period: next })}</th>
                <th className="num">{t("change")}</th>
                <th>{t("verdict")}</th>
              </tr>
            </thead>
            <tbody>
              {e.effects.map(({ unsur, comparison: c }) => {
                const v = verdictOf(t, c);
                return (
                  <tr key={unsur} data-testid={`effect-${unsur}`}>
                    <td className="font-medium">{unsur}</td>
                    <td className="num">{f.nrr(c?.previous)}</td>
                    <td className="num">{f.nrr(c?.current)}</td>
                    <td className="num">{c ? `${c.delta25! > 0 ? "+" : ""}${f.decimal(c.delta25)} ± ${f.decimal((c.margin ?? 0) * 25)}` : "–"}</td>
                    <td><Badge tone={v.tone}>{v.text}</Badge></td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </ScrollArea>
      )}
    </Card>
  );
}
