import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { TokenSheet } from "@/components/operate/token-sheet";
import { requireCaller } from "@/lib/auth/page";
import { getSurveyLink, listServicesForOperator } from "@/lib/dal/operate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("tokens") };
}

export default async function TokenPage(props: PageProps<"/dasbor/unit/[code]/kode-transaksi">) {
  const { code } = await props.params;
  const caller = await requireCaller(`/dasbor/unit/${code}/kode-transaksi`);
  const [link, services, t] = await Promise.all([getSurveyLink(caller, code), listServicesForOperator(caller, code), getTranslations("operate")]);
  if (!link || !services) notFound();
  return (
    <main>
      <h1 className="text-2xl font-bold print:hidden">{t("tokensTitle", { name: link.unit.name })}</h1>
      <p className="mt-1 max-w-prose text-sm text-slate-700 print:hidden">{t("tokensIntro")}</p>
      <div className="mt-4">
        <TokenSheet unitCode={link.unit.code} unitName={link.unit.name} services={services} />
      </div>
    </main>
  );
}
