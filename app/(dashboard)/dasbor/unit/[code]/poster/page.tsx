import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requireCaller } from "@/lib/auth/page";
import { getSurveyLink, qrSvg } from "@/lib/dal/operate";
import { agencySettings, logoUrl } from "@/lib/dal/settings";
import { publicOrigin } from "@/lib/request/public-origin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("poster") };
}

/** A printable A4 poster in the reader's language: print it from the browser (or save as PDF). */
export default async function PosterPage(props: PageProps<"/dasbor/unit/[code]/poster">) {
  const { code } = await props.params;
  const layanan = (await props.searchParams).layanan;
  const caller = await requireCaller(`/dasbor/unit/${code}/poster`);
  const link = await getSurveyLink(caller, code, typeof layanan === "string" ? layanan : null);
  if (!link) notFound();
  const url = `${publicOrigin(await headers())}${link.path}`;
  const [svg, t, agency] = await Promise.all([qrSvg(url), getTranslations("operate"), agencySettings()]);
  const logo = logoUrl(agency);
  return (
    <main className="mx-auto max-w-[180mm] bg-white p-8 text-center print:p-0" data-testid="poster">
      {logo && (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={logo} alt="" className="mx-auto mb-4 h-24 w-auto" data-testid="poster-logo" />
      )}
      {agency.name && <p className="text-lg font-semibold" data-testid="poster-agency">{agency.name}</p>}
      <p className="text-xl font-semibold text-brand-700">{t("posterTitle")}</p>
      <h1 className="mt-2 text-4xl font-bold">{link.unit.name}</h1>
      {link.service && <p className="mt-2 text-2xl">{link.service.name}</p>}
      <div className="mx-auto mt-8 w-[120mm] max-w-full" aria-label={t("posterQr", { url })} role="img" dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="mt-8 text-2xl font-semibold">{t("posterScan")}</p>
      <p className="mt-2 text-xl">{t("posterBody")}</p>
      <p className="mt-6 break-all font-mono text-lg">{url}</p>
      <p className="mt-8 text-sm text-slate-600 print:hidden">{t("posterPrint")}</p>
    </main>
  );
}
