import { setLocaleAction } from "@/components/locale/actions";
import type { Locale } from "@/lib/i18n";

/** A plain form: switches language with JavaScript on or off. */
export function LocaleSwitch({ locale, returnTo }: { locale: Locale; returnTo: string }) {
  const other: Locale = locale === "id" ? "en" : "id";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        lang={other}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {other === "en" ? "English" : "Bahasa Indonesia"}
      </button>
    </form>
  );
}
