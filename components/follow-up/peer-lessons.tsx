import { getTranslations } from "next-intl/server";
import { Card, CardTitle } from "@/components/ui/card";
import { getCaller } from "@/lib/auth/session";
import { peerLessons } from "@/lib/dal/follow-up/lessons";
import { getFormat } from "@/lib/i18n/server";
import { parsePeriodKey } from "@/lib/periods";

/**
 * Beside a unit's priority unsur: the other units of the agency that raised it beyond noise after
 * an approved RTL, and what they did (approved action text and the effect only; see lessons.ts).
 */
export async function PeerLessons({ unitCode, unsur }: { unitCode: string; unsur: string[] }) {
  const lessons = await peerLessons(await getCaller(), unitCode, unsur);
  if (!lessons) return null;
  const [t, f] = await Promise.all([getTranslations("followUp"), getFormat()]);
  const period = (key: string) => f.period(parsePeriodKey(key)!);
  return (
    <Card data-testid="peer-lessons">
      <CardTitle>{t("peerTitle")}</CardTitle>
      <p className="text-sm text-slate-700">{t("peerIntro")}</p>
      <dl className="mt-2 space-y-3 text-sm">
        {Object.entries(lessons).map(([code, list]) => (
          <div key={code} data-testid={`peer-${code}`}>
            <dt className="font-semibold">{code}</dt>
            {list.length === 0 && <dd className="text-slate-600">{t("peerNone")}</dd>}
            {list.map((l) => (
              <dd key={l.planId} className="mt-1">
                {t("peerItem", { unit: l.unitName, period: period(l.period), next: period(l.nextPeriod), delta: f.decimal(l.delta25) })}
                <ul className="ml-4 list-disc">
                  {l.actions.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              </dd>
            ))}
          </div>
        ))}
      </dl>
    </Card>
  );
}
