import type { LOCALES } from "@/lib/i18n/config";
import type messages from "@/lib/i18n/messages/id.json";

// Message keys are checked at compile time against the Indonesian messages
// (tests/unit/i18n.test.ts holds English to the same keys and arguments).
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof LOCALES)[number];
    Messages: typeof messages;
  }
}
