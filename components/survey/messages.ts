import "server-only";
import { getMessages } from "next-intl/server";
import { getLocale } from "@/lib/i18n/server";
import type messages from "@/lib/i18n/messages/id.json";

type TMessages = typeof messages;

/**
 * The citizen's questionnaire words in the reader's language, as plain data: the survey
 * form and the kiosk are client components, and the citizen's page ships no i18n runtime
 * (11 KiB it cannot afford), so the server hands them the messages they show.
 */
export type TSurveyText = {
  locale: "id" | "en";
  survey: TMessages["survey"];
  errors: TMessages["responseErrors"];
  labels: Pick<TMessages["labels"], "gender" | "education" | "occupation" | "importance">;
  common: Pick<TMessages["common"], "required" | "choose" | "switchTo">;
};

export async function getSurveyText(locale?: "id" | "en"): Promise<TSurveyText> {
  const reader = locale ?? (await getLocale());
  const m = (await getMessages({ locale: reader })) as TMessages;
  return {
    locale: reader,
    survey: m.survey,
    errors: m.responseErrors,
    labels: { gender: m.labels.gender, education: m.labels.education, occupation: m.labels.occupation, importance: m.labels.importance },
    common: { required: m.common.required, choose: m.common.choose, switchTo: m.common.switchTo },
  };
}

/** The kiosk's words: the questionnaire's and its own, in both languages (the tablet switches on the spot). */
export type TKioskText = TSurveyText & { kiosk: TMessages["kiosk"] };

export async function getKioskText(): Promise<Record<"id" | "en", TKioskText>> {
  const texts = await Promise.all(
    (["id", "en"] as const).map(async (locale) => ({ ...(await getSurveyText(locale)), kiosk: ((await getMessages({ locale })) as TMessages).kiosk })),
  );
  return { id: texts[0]!, en: texts[1]! };
}
