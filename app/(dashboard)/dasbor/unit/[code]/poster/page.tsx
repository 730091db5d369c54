import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requireCaller } from "@/lib/auth/page";
import { getSurveyLink, qrSvg } from "@/lib/dal/operate";
import { publicOrigin } from "@/lib/request/public-origin";

export const metadata: Metadata = { title: "Poster survei" };

/** A printable A4 poster: print it from the browser (or save as PDF). */
export default async function PosterPage(props: PageProps<"/dasbor/unit/[code]/poster">) {
  const { code } = await props.params;
  const layanan = (await props.searchParams).layanan;
  const caller = await requireCaller(`/dasbor/unit/${code}/poster`);
  const link = await getSurveyLink(caller, code, typeof layanan === "string" ? layanan : null);
  if (!link) notFound();
  const url = `${publicOrigin(await headers())}${link.path}`;
  const svg = await qrSvg(url);
  return (
    <main className="mx-auto max-w-[180mm] bg-white p-8 text-center print:p-0" data-testid="poster">
      <p className="text-xl font-semibold text-brand-700">Survei Kepuasan Masyarakat</p>
      <h1 className="mt-2 text-4xl font-bold">{link.unit.name}</h1>
      {link.service && <p className="mt-2 text-2xl">{link.service.name}</p>}
      <div className="mx-auto mt-8 w-[120mm] max-w-full" aria-label={`Kode QR menuju ${url}`} role="img" dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="mt-8 text-2xl font-semibold">Pindai kode QR ini dengan kamera ponsel Anda</p>
      <p className="mt-2 text-xl">dan nilai pelayanan yang baru Anda terima. Kurang dari satu menit, tanpa identitas.</p>
      <p className="mt-6 font-mono text-lg">{url}</p>
      <p className="mt-8 text-sm text-slate-500 print:hidden">Cetak halaman ini (Ctrl+P) atau simpan sebagai PDF.</p>
    </main>
  );
}
