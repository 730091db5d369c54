import { getTranslations } from "next-intl/server";
import { verdictOf } from "@/components/follow-up/verdict";
import { Badge } from "@/components/ui/badge";
import { previousPlanEffects } from "@/lib/dal/follow-up/effect";
import { getFormat } from "@/lib/i18n/server";
import type { TCaller } from "@/lib/permissions";
import { parsePeriodKey, type TPeriod } from "@/lib/periods";

export type TPlanMark = { text: string; tone: "success" | "danger" | "neutral" };

/**
 * For the unit dashboard of `period`: per unsur the unit planned for in the period before,
 * "RTL T2: naik, signifikan" or "RTL T2: belum terlihat". Empty without such a plan.
 */
export async function planMarksFor(caller: TCaller | null, unitCode: string, period: TPeriod): Promise<Record<string, TPlanMark>> {
  const e = await previousPlanEffects(caller, unitCode, period);
  if (!e) return {};
  const [t, f] = await Promise.all([getTranslations("followUp"), getFormat()]);
  const label = f.period(parsePeriodKey(e.period)!);
  return Object.fromEntries(
    e.effects.map(({ unsur, comparison }) => {
      const v = verdictOf(t, comparison);
      return [unsur, { text: t("marker", { period: label, verdict: v.text }), tone: v.tone }];
    }),
  );
}

export function PlanMark({ marks, code }: { marks: Record<string, TPlanMark>; code: string }) {
  const m = marks[code];
  return m ? <Badge tone={m.tone} className="ml-2" data-testid="plan-mark">{m.text}</Badge> : null;
}
