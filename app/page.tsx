import { connection } from "next/server";
import { LocaleSwitch } from "@/components/locale/locale-switch";
import { getPublicOverview } from "@/lib/dal/overview";
import { formatDate, formatNumber, type Locale } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n/server";

const TEXT = {
  id: {
    tagline: "Survei Kepuasan Masyarakat untuk unit pelayanan publik",
    intro:
      "Suara mengumpulkan penilaian warga tepat setelah mereka dilayani, menghitung Indeks Kepuasan Masyarakat (IKM) persis seperti PermenPANRB No. 14 Tahun 2017, dan menunjukkan kepada pimpinan unsur mana yang perlu diperbaiki serta apakah rencana tindak lanjut berjalan.",
    whoTitle: "Ke mana Anda pergi",
    citizenTitle: "Warga",
    citizen:
      "Pindai kode QR di loket atau struk layanan, lalu jawab 9 pertanyaan singkat (kurang dari satu menit). Jawaban Anda tidak mencantumkan identitas.",
    staffTitle: "Kepala unit dan pimpinan",
    staff:
      "Masuk dengan akun instansi untuk melihat IKM unit, mutu pelayanan, unsur terlemah, saran warga, dan rencana tindak lanjut.",
    adminTitle: "Admin dan operator",
    admin: "Kelola pohon unit, jenis layanan, kuesioner, periode survei, pengguna, kios, dan entri kuesioner kertas.",
    dataTitle: "Data di instansi ini",
    units: "unit layanan",
    services: "jenis layanan",
    responses: "kuesioner terisi",
    range: "Periode data",
    empty: "Belum ada data survei.",
    regulation: "Perhitungan: NRR per unsur × bobot 1/9, IKM × 25 = nilai konversi; mutu A–D.",
    signIn: "Masuk untuk pegawai",
    pickUnit: "Tidak ada kode QR? Pilih unit yang melayani Anda",
  },
  en: {
    tagline: "Public satisfaction surveys for public-service units",
    intro:
      "Suara collects citizens' ratings right after they are served, computes the Indeks Kepuasan Masyarakat (IKM) exactly as PermenPANRB No. 14/2017 prescribes, and shows management which unsur need improving and whether the follow-up plans happen.",
    whoTitle: "Where to go",
    citizenTitle: "Citizens",
    citizen:
      "Scan the QR code at the counter or on your receipt and answer 9 short questions (under a minute). Your answers carry no identity.",
    staffTitle: "Unit heads and management",
    staff:
      "Sign in with your agency account to see your unit's IKM, its mutu, the weakest unsur, citizens' saran and the follow-up plan.",
    adminTitle: "Admins and operators",
    admin: "Keep the unit tree, services, questionnaires, survey periods, users, kiosks and paper questionnaire entry.",
    dataTitle: "Data in this agency",
    units: "service units",
    services: "services",
    responses: "questionnaires answered",
    range: "Data period",
    empty: "No survey data yet.",
    regulation: "Computation: NRR per unsur × weight 1/9, IKM × 25 = konversi value; mutu A–D.",
    signIn: "Staff sign-in",
    pickUnit: "No QR code? Choose the unit that served you",
  },
} satisfies Record<Locale, Record<string, string>>;

export default async function HomePage() {
  await connection();
  const locale = await getLocale();
  const t = TEXT[locale];
  const overview = await getPublicOverview();

  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:py-12">
      <header className="flex items-start justify-between gap-4">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Suara</p>
          <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{t.tagline}</h1>
          {overview.agencyName && <p className="mt-1 text-slate-600">{overview.agencyName}</p>}
        </div>
        <div className="flex flex-col items-end gap-2">
          <LocaleSwitch locale={locale} returnTo="/" />
          <a href="/masuk" className="text-sm font-medium text-brand-700 underline">
            {t.signIn}
          </a>
        </div>
      </header>

      <p className="mt-6 max-w-prose text-lg leading-relaxed text-slate-700">{t.intro}</p>

      <section aria-labelledby="who" className="mt-10">
        <h2 id="who" className="text-xl font-semibold">
          {t.whoTitle}
        </h2>
        <div className="mt-4 grid gap-4 sm:grid-cols-3">
          {[
            [t.citizenTitle, t.citizen],
            [t.staffTitle, t.staff],
            [t.adminTitle, t.admin],
          ].map(([title, body]) => (
            <article key={title} className="rounded-lg border border-slate-200 bg-brand-50 p-4">
              <h3 className="font-semibold text-brand-900">{title}</h3>
              <p className="mt-2 text-sm leading-relaxed text-slate-700">{body}</p>
            </article>
          ))}
        </div>
      </section>

      {overview.surveyUnits.length > 0 && (
        <details className="mt-6 rounded-lg border border-slate-200 p-4">
          <summary className="cursor-pointer font-medium">{t.pickUnit}</summary>
          <ul className="mt-3 columns-1 gap-6 text-sm sm:columns-2">
            {overview.surveyUnits.map((u) => (
              <li key={u.code} className="py-1" style={{ paddingLeft: `${Math.max(0, u.depth - 1)}rem` }}>
                <a href={`/s/${u.code}`} className="text-brand-700 underline">
                  {u.name}
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}

      <section aria-labelledby="data" className="mt-10">
        <h2 id="data" className="text-xl font-semibold">
          {t.dataTitle}
        </h2>
        {overview.responses === 0 ? (
          <p className="mt-3 text-slate-600">{t.empty}</p>
        ) : (
          <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Stat label={t.units} value={formatNumber(locale, overview.units)} />
            <Stat label={t.services} value={formatNumber(locale, overview.services)} />
            <Stat label={t.responses} value={formatNumber(locale, overview.responses)} testId="overview-responses" />
            {overview.firstDay && overview.lastDay && (
              <Stat
                label={t.range}
                value={`${formatDate(locale, overview.firstDay)} – ${formatDate(locale, overview.lastDay)}`}
              />
            )}
          </dl>
        )}
        <p className="mt-6 text-sm text-slate-600">{t.regulation}</p>
      </section>
    </main>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-lg font-semibold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
