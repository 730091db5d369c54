import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, parseLocale } from "@/lib/i18n/config";
import { agencyTimeZone } from "@/lib/dal/settings";
import { MESSAGES } from "@/lib/i18n/messages";

// next-intl's per-request configuration: the locale from the reader's cookie
// (no locale in URLs), unless a caller asks for one explicitly (the kiosk needs
// both languages' words), the messages, and the agency's clock for dates (the
// one the rollups cut months on: lib/dal/settings.ts).
export default getRequestConfig(async ({ locale: asked }) => {
  const locale = asked ? parseLocale(asked) : parseLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale], timeZone: await agencyTimeZone() };
});
