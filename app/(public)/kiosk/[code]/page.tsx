import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { KioskApp } from "@/components/kiosk/kiosk-app";
import { getSurvey } from "@/lib/dal/survey";

export const metadata: Metadata = { title: "Kios survei", robots: { index: false } };

export default async function KioskPage(props: PageProps<"/kiosk/[code]">) {
  const { code } = await props.params;
  const survey = await getSurvey(code);
  if (!survey) notFound();
  return <KioskApp unitCode={survey.unitCode} unitName={survey.unitName} services={survey.services} items={survey.items} />;
}
