import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TokenSheet } from "@/components/operate/token-sheet";
import { requireCaller } from "@/lib/auth/page";
import { getSurveyLink, listServicesForOperator } from "@/lib/dal/operate";

export const metadata: Metadata = { title: "Kode transaksi" };

export default async function TokenPage(props: PageProps<"/dasbor/unit/[code]/kode-transaksi">) {
  const { code } = await props.params;
  const caller = await requireCaller(`/dasbor/unit/${code}/kode-transaksi`);
  const link = await getSurveyLink(caller, code);
  const services = await listServicesForOperator(caller, code);
  if (!link || !services) notFound();
  return (
    <main>
      <h1 className="text-2xl font-bold print:hidden">Kode transaksi sekali pakai · {link.unit.name}</h1>
      <p className="mt-1 max-w-prose text-sm text-slate-700 print:hidden">
        Setiap kode mengizinkan tepat satu penilaian untuk satu transaksi, tanpa mengenali warganya. Penilaian dengan kode ditandai terverifikasi.
      </p>
      <div className="mt-4">
        <TokenSheet unitCode={link.unit.code} unitName={link.unit.name} services={services} />
      </div>
    </main>
  );
}
