import { getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/text-link";
import { agencyClock } from "@/lib/dal/settings";
import { getFormat } from "@/lib/i18n/server";
import { inProgress, periodKey, periodMonths, type TPeriod } from "@/lib/periods";
import { runningPeriod } from "@/lib/validation/dashboard";

/** Dashboards open on the last completed period of the agency's rhythm: the one in progress is a click away, marked as such. */
export async function RunningPeriodLink({ viewed, href }: { viewed: TPeriod; href: (periode: string) => string }) {
  const [t, f, clock] = await Promise.all([getTranslations("dashboard"), getFormat(), agencyClock()]);
  const running = runningPeriod(clock);
  // Nothing to offer when the view already reads the running period (or a period that holds it).
  if (inProgress(viewed, f.timeZone) || periodMonths(viewed).end > periodMonths(running).start) return null;
  return (
    <p className="mt-1 text-sm print:hidden">
      <TextLink href={href(periodKey(running))} data-testid="running-period">
        {t("runningLink", { period: f.period(running) })} →
      </TextLink>
    </p>
  );
}
