import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";

/** What a view left out or could not read: unknown URL parameters, suspicious bursts, another questionnaire's respondents. */
export async function ViewNotices({ ignored, suspicious, otherTemplate }: { ignored: string[]; suspicious: number; otherTemplate: number }) {
  const t = await getTranslations("dashboard");
  return (
    <>
      {ignored.length > 0 && (
        <Alert tone="warning" className="text-sm" data-testid="ignored">
          {t("ignored", { names: ignored.join(", ") })}
        </Alert>
      )}
      {suspicious > 0 && (
        <p className="text-sm text-slate-700" data-testid="suspicious">
          {t("suspicious", { count: suspicious })}
        </p>
      )}
      {otherTemplate > 0 && <p className="text-sm text-amber-900">{t("otherTemplate", { count: otherTemplate })}</p>}
    </>
  );
}
