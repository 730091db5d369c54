import { getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/components/locale/actions";
import { Button, type TButtonVariants } from "@/components/ui/button";
import { getLocale } from "@/lib/i18n/server";

/**
 * A plain form: switches language with JavaScript on or off, and comes back to `returnTo`
 * (without it, to the page it was pressed on: the staff header sits in a layout, which
 * does not know the path).
 */
export async function LocaleSwitch({ returnTo, variant = "secondary" }: { returnTo?: string; variant?: TButtonVariants["variant"] }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  const other = locale === "id" ? "en" : "id";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
      <Button type="submit" variant={variant} size="sm" lang={other}>
        {t("switchTo")}
      </Button>
    </form>
  );
}
