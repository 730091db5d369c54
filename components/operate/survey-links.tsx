import { KioskEnrollForm } from "@/components/operate/kiosk-enroll-form";
import type { Locale } from "@/lib/i18n";

/** Survey links, QR codes, posters, transaction codes and kiosk enrolment of a unit (for those who operate it). */
export function SurveyLinks({ unitCode, services, locale }: { unitCode: string; services: { code: string; name: string }[]; locale: Locale }) {
  const en = locale === "en";
  return (
    <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4 print:hidden" data-testid="survey-links">
      <h2 className="font-semibold">{en ? "Survey links and QR codes" : "Tautan survei dan kode QR"}</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {[null, ...services].map((s) => {
          const q = s ? `?layanan=${s.code}` : "";
          const amp = s ? `&layanan=${s.code}` : "";
          return (
            <li key={s?.code ?? "unit"} className="flex flex-wrap gap-3">
              <span className="min-w-48">{s ? s.name : en ? "Whole unit (citizen picks the service)" : "Seluruh unit (warga memilih layanan)"}</span>
              <a className="text-brand-700 underline" href={`/dasbor/unit/${unitCode}/poster${q}`}>Poster</a>
              <a className="text-brand-700 underline" href={`/api/v1/units/${unitCode}/qr?format=svg${amp}`}>SVG</a>
              <a className="text-brand-700 underline" href={`/api/v1/units/${unitCode}/qr?format=png${amp}`}>PNG</a>
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-sm">
        <a className="text-brand-700 underline" href={`/dasbor/unit/${unitCode}/kode-transaksi`}>
          {en ? "One-time transaction codes for receipts" : "Kode transaksi sekali pakai untuk struk"}
        </a>
      </p>
      <div className="mt-4">
        <KioskEnrollForm unitCode={unitCode} />
      </div>
    </section>
  );
}
