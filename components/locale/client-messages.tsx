import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type messages from "@/lib/i18n/messages/id.json";

/** The namespaces staff screens' client components translate with (the rest stays on the server). */
const CLIENT_NAMESPACES = ["common", "labels", "auth", "admin", "operate", "inbox", "settings", "services", "fieldErrors", "setup", "unitAdmin", "periodAdmin", "userAdmin", "templates", "feedbackPublic", "plan", "paper", "import", "periods"] as const satisfies readonly (keyof typeof messages)[];

/** next-intl for the client components of the staff area and sign-in, with only the messages they use. */
export async function ClientMessages({ children }: { children: ReactNode }) {
  const all = (await getMessages()) as typeof messages;
  const picked = Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, all[ns]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
