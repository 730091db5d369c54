import { getTranslations } from "next-intl/server";
import { MutuBadge } from "@/components/dashboard/mutu-badge";
import { TextLink } from "@/components/ui/text-link";
import type { TPublished } from "@/lib/dal/dashboard";
import { getFormat } from "@/lib/i18n/server";

/**
 * Under a unit's headline: which responses the live figure counts, and the figure the unit
 * published for the same period beside it, with what that one counted (a citizen reads the
 * published one on the thank-you page; a kepala unit must be able to tell why they differ).
 */
export async function PublishedNote({ scope, subtreeUnits, published, otherScopeHref }: {
  scope: "sendiri" | "gabungan";
  subtreeUnits: number;
  published: TPublished | null;
  /** The same view with the published figure's scope, when the two differ. */
  otherScopeHref: string;
}) {
  const [t, f] = await Promise.all([getTranslations("dashboard"), getFormat()]);
  return (
    <div className="mt-3 space-y-2 border-t border-slate-200 pt-2 text-sm">
      <p data-testid="headline-counts">{scope === "gabungan" ? t("countsPooled", { count: subtreeUnits }) : t("countsOwn")}</p>
      {published && (
        <div data-testid="published">
          <h3 className="font-medium">{t("publishedTitle")}</h3>
          <p className="flex flex-wrap items-center gap-2">
            <MutuBadge mutu={published.mutu} size="sm" />
            <span data-testid="published-line">
              {t("publishedLine", { konversi: f.decimal(published.konversi), mutu: published.mutu, respondents: published.respondents, date: f.date(published.publishedAt) })}
            </span>
          </p>
          <p className="text-slate-700">
            {published.scope === "gabungan" ? t("publishedPooled") : t("publishedOwn")}{" "}
            {published.scope !== scope && (
              <>
                {t("publishedDiffers")}{" "}
                <TextLink href={otherScopeHref} data-testid="published-scope-link">
                  {published.scope === "sendiri" ? t("publishedSeeOwn") : t("publishedSeePooled")}
                </TextLink>
              </>
            )}
          </p>
          <p className="text-xs text-slate-600">{t("publishedLive")}</p>
        </div>
      )}
    </div>
  );
}
