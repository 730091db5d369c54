import type { Locale } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en.json";
import id from "@/lib/i18n/messages/id.json";

/** Every message, per locale (tests/unit/i18n.test.ts keeps the two in step). */
export const MESSAGES: Record<Locale, typeof id> = { id, en };
