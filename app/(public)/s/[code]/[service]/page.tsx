import type { Metadata } from "next";
import { SurveyPage } from "@/components/survey/survey-page";

export const metadata: Metadata = { title: "Survei", robots: { index: false } };

export default async function Page(props: PageProps<"/s/[code]/[service]">) {
  const { code, service } = await props.params;
  const query = await props.searchParams;
  const t = query.t;
  return <SurveyPage code={code} service={service} token={typeof t === "string" ? t.slice(0, 100) : undefined} fresh={query.baru === "1"} />;
}
