import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/locale/locale-switch";
import { TextLink } from "@/components/ui/text-link";

/** A not-found page in the reader's language, with a way back. */
export async function NotFoundPage({ back, backLabel }: { back: string; backLabel?: string }) {
  const t = await getTranslations("notFound");
  return (
    <main className="mx-auto max-w-xl px-4 py-12" data-testid="not-found">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <LocaleSwitch />
      </div>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      <p className="mt-6">
        <TextLink href={back} weight="medium">
          {backLabel ?? t("home")}
        </TextLink>
      </p>
    </main>
  );
}
