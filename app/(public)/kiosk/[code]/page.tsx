import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { KioskApp } from "@/components/kiosk/kiosk-app";
import { getKioskText } from "@/components/survey/text";
import { getSurvey } from "@/lib/dal/survey";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("kiosk"), robots: { index: false } };
}

export default async function KioskPage(props: PageProps<"/kiosk/[code]">) {
  const { code } = await props.params;
  const survey = await getSurvey(code);
  if (!survey) notFound();
  return <KioskApp unitCode={survey.unitCode} unitName={survey.unitName} services={survey.services} items={survey.items} text={await getKioskText()} />;
}
