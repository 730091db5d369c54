import { getTranslations } from "next-intl/server";
import { KioskEnrollForm } from "@/components/operate/kiosk-enroll-form";
import { KioskList } from "@/components/operate/kiosk-list";
import { Card, CardTitle } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import type { TKioskDeviceRow } from "@/lib/dal/operate";

/** Survey links, QR codes, posters, transaction codes and the kiosk tablets of a unit (for those who operate it). */
export async function SurveyLinks({ unitCode, services, kiosks }: { unitCode: string; services: { code: string; name: string }[]; kiosks: TKioskDeviceRow[] }) {
  const t = await getTranslations("operate");
  return (
    <Card className="mt-6 print:hidden" data-testid="survey-links">
      <CardTitle>{t("linksTitle")}</CardTitle>
      <ul className="mt-2 space-y-1 text-sm">
        {[null, ...services].map((s) => {
          const q = s ? `?layanan=${s.code}` : "";
          const amp = s ? `&layanan=${s.code}` : "";
          return (
            <li key={s?.code ?? "unit"} className="flex flex-wrap gap-3">
              <span className="min-w-48">{s ? s.name : t("wholeUnit")}</span>
              <TextLink href={`/dasbor/unit/${unitCode}/poster${q}`}>{t("poster")}</TextLink>
              <TextLink href={`/api/v1/units/${unitCode}/qr?format=svg${amp}`}>SVG</TextLink>
              <TextLink href={`/api/v1/units/${unitCode}/qr?format=png${amp}`}>PNG</TextLink>
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-sm">
        <TextLink href={`/dasbor/unit/${unitCode}/kode-transaksi`}>{t("tokensLink")}</TextLink>
      </p>
      {/* Not a landmark of its own: the list below is the named (scrolling) region. */}
      <div className="mt-4 space-y-3" data-testid="kiosks">
        <h3 className="font-semibold">
          {t("kioskDevices")}
        </h3>
        <KioskEnrollForm unitCode={unitCode} />
        <KioskList devices={kiosks} />
      </div>
    </Card>
  );
}
