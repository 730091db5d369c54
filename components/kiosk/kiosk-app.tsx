"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { SURVEY_TEXT } from "@/components/survey/text";
import type { TSurveyItem, TSurveyService } from "@/lib/dal/survey";
import type { Locale } from "@/lib/i18n";

// A tablet at the counter. Each citizen's answers are queued on the device
// (localStorage) with their own idempotency key, then sent; when the network
// is down they wait and go out when it returns. The server stores each key
// once, so a retry never counts twice and nothing queued is dropped.

type Queued = { key: string; body: Record<string, unknown>; tries: number };
type Props = { unitCode: string; unitName: string; services: TSurveyService[]; items: TSurveyItem[] };

const IDLE_MS = 60_000;
const THANKS_MS = 4_000;
const RETRY_MS = 5_000;

const KIOSK_TEXT = {
  id: { notEnrolled: "Perangkat ini belum didaftarkan untuk unit ini. Minta admin atau operator membuka tautan pendaftaran kios.", thanks: "Terima kasih atas penilaian Anda!", pending: "menunggu jaringan", offline: "Luring: jawaban disimpan di perangkat dan dikirim saat jaringan kembali.", fullscreen: "Layar penuh", needAnswer: "Jawab minimal satu pertanyaan penilaian.", needService: "Pilih jenis layanan yang Anda terima.", rejected: "ditolak server" },
  en: { notEnrolled: "This device is not enrolled for this unit. Ask an admin or operator to open the kiosk enrolment link.", thanks: "Thank you for your rating!", pending: "waiting for network", offline: "Offline: answers are kept on this device and sent when the network returns.", fullscreen: "Full screen", needAnswer: "Answer at least one rating question.", needService: "Choose the service you received.", rejected: "refused by the server" },
} satisfies Record<Locale, Record<string, string>>;

export function KioskApp({ unitCode, unitName, services, items }: Props) {
  const storeKey = `suara.kiosk.${unitCode}`;
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [locale, setLocale] = useState<Locale>("id");
  const [service, setService] = useState<string>(services.length === 1 ? services[0]!.code : "");
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [saran, setSaran] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [thanks, setThanks] = useState(false);
  const [queue, setQueue] = useState<Queued[]>([]);
  const [rejected, setRejected] = useState(0);
  const [online, setOnline] = useState(true);
  const sending = useRef(false);
  const lastActivity = useRef(0);

  const t = { ...SURVEY_TEXT[locale], ...KIOSK_TEXT[locale] };

  // Enrolment: the token arrives once in the URL fragment (never sent to a server log).
  useEffect(() => {
    const fromHash = new URLSearchParams(window.location.hash.slice(1)).get("token");
    if (fromHash) {
      localStorage.setItem(`${storeKey}.token`, fromHash);
      history.replaceState(null, "", window.location.pathname);
    }
    lastActivity.current = Date.now();
    // Device storage exists only in the browser, so it is read after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setToken(localStorage.getItem(`${storeKey}.token`));
    setQueue(JSON.parse(localStorage.getItem(`${storeKey}.queue`) ?? "[]") as Queued[]);
    setOnline(navigator.onLine);
  }, [storeKey]);

  const saveQueue = useCallback(
    (next: Queued[]) => {
      localStorage.setItem(`${storeKey}.queue`, JSON.stringify(next));
      setQueue(next);
    },
    [storeKey],
  );

  const reset = useCallback(() => {
    setAnswers({});
    setSaran("");
    setError(null);
    setService(services.length === 1 ? services[0]!.code : "");
    setLocale("id");
    window.scrollTo(0, 0);
  }, [services]);

  // Sends what is queued, oldest first; stops at the first network failure.
  const flush = useCallback(async () => {
    if (sending.current || !token) return;
    sending.current = true;
    try {
      let pending = JSON.parse(localStorage.getItem(`${storeKey}.queue`) ?? "[]") as Queued[];
      while (pending.length > 0) {
        const item = pending[0]!;
        let res: Response;
        try {
          res = await fetch("/api/v1/responses", {
            method: "POST",
            headers: { "content-type": "application/json", "idempotency-key": item.key, authorization: `Kiosk ${token}` },
            body: JSON.stringify(item.body),
          });
        } catch {
          setOnline(false);
          return; // offline: try again later
        }
        setOnline(true);
        if (res.status >= 500 || res.status === 429 || res.status === 401) return; // keep it, retry later
        if (res.status !== 201) {
          // Refused for good (e.g. the unit was deactivated): keep a copy aside, never silently.
          const aside = JSON.parse(localStorage.getItem(`${storeKey}.rejected`) ?? "[]") as Queued[];
          localStorage.setItem(`${storeKey}.rejected`, JSON.stringify([...aside, { ...item, status: res.status }]));
          setRejected(aside.length + 1);
        }
        pending = pending.slice(1);
        saveQueue(pending);
      }
    } finally {
      sending.current = false;
    }
  }, [token, storeKey, saveQueue]);

  useEffect(() => {
    if (!token) return;
    void flush();
    const onOnline = () => void flush();
    const onOffline = () => setOnline(false);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    const timer = window.setInterval(() => void flush(), RETRY_MS);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      window.clearInterval(timer);
    };
  }, [token, flush]);

  // Reset after a minute without a touch, so the next citizen starts clean.
  useEffect(() => {
    const touch = () => (lastActivity.current = Date.now());
    window.addEventListener("pointerdown", touch);
    window.addEventListener("keydown", touch);
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current > IDLE_MS) {
        lastActivity.current = Date.now();
        reset();
        setThanks(false);
      }
    }, 1_000);
    return () => {
      window.removeEventListener("pointerdown", touch);
      window.removeEventListener("keydown", touch);
      window.clearInterval(timer);
    };
  }, [reset]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (services.length > 1 && !service) return setError(t.needService);
    if (Object.keys(answers).length === 0) return setError(t.needAnswer);
    const item: Queued = {
      key: crypto.randomUUID(),
      tries: 0,
      body: { unit: unitCode, service: service || undefined, answers, saran: saran.trim() || undefined, locale, submittedAt: new Date().toISOString() },
    };
    saveQueue([...(JSON.parse(localStorage.getItem(`${storeKey}.queue`) ?? "[]") as Queued[]), item]);
    reset();
    setThanks(true);
    window.setTimeout(() => setThanks(false), THANKS_MS);
    void flush();
  }

  if (token === undefined) return null;
  if (!token) return <p className="p-8 text-xl">{t.notEnrolled}</p>;

  return (
    <div className="min-h-dvh bg-white">
      <header className="flex items-center justify-between gap-4 bg-brand-700 px-6 py-4 text-white">
        <div>
          <p className="text-sm">{t.title}</p>
          <h1 className="text-2xl font-bold">{unitName}</h1>
        </div>
        <div className="flex items-center gap-3">
          <span data-testid="kiosk-queue" className="text-sm" aria-live="polite">
            {queue.length > 0 ? `${queue.length} ${t.pending}` : ""}
            {rejected > 0 ? ` · ${rejected} ${t.rejected}` : ""}
          </span>
          <button type="button" className="rounded-md border border-white px-3 py-2" onClick={() => setLocale(locale === "id" ? "en" : "id")}>
            {locale === "id" ? "English" : "Bahasa Indonesia"}
          </button>
          <button type="button" className="rounded-md border border-white px-3 py-2" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})}>
            {t.fullscreen}
          </button>
        </div>
      </header>
      {!online && (
        <p role="status" data-testid="kiosk-offline" className="bg-amber-100 px-6 py-2 text-amber-900">
          {t.offline}
        </p>
      )}
      {thanks ? (
        <p role="status" data-testid="kiosk-thanks" className="px-6 py-24 text-center text-3xl font-bold text-brand-900">
          {t.thanks}
        </p>
      ) : (
        <form onSubmit={submit} className="mx-auto max-w-3xl space-y-5 px-6 py-6" lang={locale}>
          {error && (
            <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 text-lg text-red-900">
              {error}
            </p>
          )}
          {services.length > 1 && (
            <fieldset className="rounded-lg border border-slate-300 p-4">
              <legend className="px-1 text-xl font-semibold">{t.service}</legend>
              <div className="mt-2 grid grid-cols-2 gap-3">
                {services.map((s) => (
                  <KioskChoice key={s.code} name="service" label={locale === "en" && s.nameEn ? s.nameEn : s.name} checked={service === s.code} onSelect={() => setService(s.code)} />
                ))}
              </div>
            </fieldset>
          )}
          {items.map((item, i) => (
            <fieldset key={item.code} className="rounded-lg border border-slate-300 p-4">
              <legend className="px-1 text-lg">
                <span className="block text-sm font-semibold text-brand-700">
                  {i + 1}. {locale === "en" ? item.unsurEn : item.unsur}
                </span>
                {locale === "en" ? item.questionEn : item.question}
              </legend>
              <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
                {item.options.map((o) => (
                  <KioskChoice
                    key={o.value}
                    name={item.code}
                    label={locale === "en" ? o.labelEn : o.label}
                    checked={answers[item.code] === o.value}
                    onSelect={() => setAnswers({ ...answers, [item.code]: o.value })}
                  />
                ))}
              </div>
            </fieldset>
          ))}
          <div>
            <label htmlFor="kiosk-saran" className="block text-lg font-medium">
              {t.saran}
            </label>
            <textarea id="kiosk-saran" rows={2} maxLength={2000} value={saran} onChange={(e) => setSaran(e.target.value)} className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2 text-lg" />
          </div>
          <button type="submit" className="w-full rounded-lg bg-brand-700 px-4 py-5 text-xl font-semibold text-white">
            {t.submit}
          </button>
        </form>
      )}
    </div>
  );
}

function KioskChoice({ name, label, checked, onSelect }: { name: string; label: string; checked: boolean; onSelect: () => void }) {
  return (
    <label className="flex min-h-16 cursor-pointer items-center gap-3 rounded-lg border-2 border-slate-300 px-4 text-lg has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
      <input type="radio" name={name} checked={checked} onChange={onSelect} className="size-6 accent-brand-700" />
      {label}
    </label>
  );
}
