import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { KioskApp } from "@/components/kiosk/kiosk-app";
import { getKioskText } from "@/components/survey/messages";
import { getSurvey } from "@/lib/dal/survey";

// The tablet starts in Indonesian whatever the cookie says, and retitles itself when switched.
export async function generateMetadata(props: PageProps<"/kiosk/[code]">): Promise<Metadata> {
  const survey = await getSurvey((await props.params).code);
  const t = await getTranslations({ locale: "id", namespace: "survey" });
  return { title: { absolute: survey ? `${t("title")} · ${survey.unitName}` : t("title") }, robots: { index: false } };
}

export default async function KioskPage(props: PageProps<"/kiosk/[code]">) {
  const { code } = await props.params;
  const survey = await getSurvey(code);
  if (!survey) notFound();
  return <KioskApp unitCode={survey.unitCode} versionId={survey.templateVersionId} unitName={survey.unitName} services={survey.services} items={survey.items} text={await getKioskText()} />;
}
