"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TKioskText } from "@/components/survey/messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ChoiceGroup, RadioCard } from "@/components/ui/choice";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { TSurveyItem, TSurveyService } from "@/lib/dal/survey";
import { fillMessage } from "@/lib/i18n/fill";
import { pickLocalized } from "@/lib/i18n/config";
import { EDUCATION, OCCUPATION, SARAN_MAX } from "@/lib/validation/response-fields";

// A tablet at the counter. Each citizen's answers are queued on the device
// (localStorage) with their own idempotency key, then sent; when the network
// is down they wait and go out when it returns. The server stores each key
// once, so a retry never counts twice and nothing queued is dropped.

type Queued = { key: string; body: Record<string, unknown>; tries: number };
type Locale = "id" | "en";
type Props = { unitCode: string; versionId: string; unitName: string; services: TSurveyService[]; items: TSurveyItem[]; text: Record<Locale, TKioskText> };
type Profile = { gender?: string; age?: string; education?: string; occupation?: string };

const IDLE_MS = 60_000;
const THANKS_MS = 4_000;
/** The thanks stays longer when it shows a reply code, to be written down. */
const REPLY_MS = 45_000;
const RETRY_MS = 5_000;
/** How often an idle tablet asks whether it is still enrolled. */
const CHECK_MS = 60_000;

export function KioskApp({ unitCode, versionId, unitName, services, items, text }: Props) {
  const storeKey = `suara.kiosk.${unitCode}`;
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [revoked, setRevoked] = useState(false);
  const [locale, setLocale] = useState<Locale>("id");
  const [service, setService] = useState<string>(services.length === 1 ? services[0]!.code : "");
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [profile, setProfile] = useState<Profile>({});
  const [saran, setSaran] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [thanks, setThanks] = useState(false);
  /** The reply code of the response just sent, when the server gave one while its thanks shows. */
  const [reply, setReply] = useState<string | null>(null);
  const thanksKey = useRef<string | null>(null);
  const thanksTimer = useRef<number | undefined>(undefined);
  const [queue, setQueue] = useState<Queued[]>([]);
  const [rejected, setRejected] = useState(0);
  const [online, setOnline] = useState(true);
  const sending = useRef(false);
  const lastActivity = useRef(0);

  const t = text[locale];
  const pick = (id: string, en: string | null | undefined) => pickLocalized(locale, id, en);

  // The page's language follows the tablet's switch (screen readers, hyphenation, the title).
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t.survey.title} · ${unitName}`;
  }, [locale, t, unitName]);

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

  /** Ready for the next citizen; the language goes back to Indonesian unless `keepLanguage` (the thanks is still read in it). */
  const reset = useCallback(
    (keepLanguage = false) => {
      setAnswers({});
      setProfile({});
      setSaran("");
      setError(null);
      setService(services.length === 1 ? services[0]!.code : "");
      if (!keepLanguage) setLocale("id");
      window.scrollTo(0, 0);
    },
    [services],
  );

  /** Back to the form for the next citizen: the thanks and any reply code on it go. */
  const endThanks = useCallback(() => {
    window.clearTimeout(thanksTimer.current);
    thanksKey.current = null;
    setThanks(false);
    setReply(null);
    setLocale("id");
  }, []);

  const showReply = useCallback(
    (code: string) => {
      setReply(code);
      window.clearTimeout(thanksTimer.current);
      thanksTimer.current = window.setTimeout(endThanks, REPLY_MS);
    },
    [endThanks],
  );

  // Asks the server whether this tablet is still enrolled (revocation shows at once, queue or not).
  const checkEnrolment = useCallback(async () => {
    if (!token) return;
    try {
      const res = await fetch(`/api/v1/kiosk?unit=${encodeURIComponent(unitCode)}`, { headers: { authorization: `Kiosk ${token}` }, cache: "no-store" });
      setOnline(true);
      if (res.status === 401) setRevoked(true);
      else if (res.ok) setRevoked(false);
    } catch {
      setOnline(false);
    }
  }, [token, unitCode]);

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
        if (res.status === 401) {
          // Revoked (or its unit closed): keep the queue, never drop it, and say so.
          setRevoked(true);
          return;
        }
        if (res.status >= 500 || res.status === 429) return; // keep it, retry later
        if (res.status === 201 && item.key === thanksKey.current) {
          // Sent while its citizen still reads the thanks: their reply code, if the response got one.
          const sent = (await res.json().catch(() => null)) as { replyCode?: string | null } | null;
          if (sent?.replyCode && item.key === thanksKey.current) showReply(sent.replyCode);
        }
        if (res.status !== 201) {
          // Refused for good (e.g. a service retired meanwhile): keep a copy aside, never silently.
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
  }, [token, storeKey, saveQueue, showReply]);

  useEffect(() => {
    if (!token) return;
    // Both only set state once the network answers.
    void Promise.resolve().then(checkEnrolment);
    void flush();
    const onOnline = () => void flush();
    const onOffline = () => setOnline(false);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    const timer = window.setInterval(() => void flush(), RETRY_MS);
    const check = window.setInterval(() => void checkEnrolment(), CHECK_MS);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      window.clearInterval(timer);
      window.clearInterval(check);
    };
  }, [token, flush, checkEnrolment]);

  // Reset after a minute without a touch, so the next citizen starts clean.
  useEffect(() => {
    const touch = () => (lastActivity.current = Date.now());
    window.addEventListener("pointerdown", touch);
    window.addEventListener("keydown", touch);
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current > IDLE_MS) {
        lastActivity.current = Date.now();
        reset();
        endThanks();
      }
    }, 1_000);
    return () => {
      window.removeEventListener("pointerdown", touch);
      window.removeEventListener("keydown", touch);
      window.clearInterval(timer);
    };
  }, [reset, endThanks]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (services.length > 1 && !service) return setError(t.errors.serviceRequired);
    if (Object.keys(answers).length === 0) return setError(t.errors.noAnswer);
    const age = profile.age ? Number(profile.age) : undefined;
    if (age !== undefined && !(Number.isInteger(age) && age >= 10 && age <= 120)) return setError(t.errors.ageRange);
    const item: Queued = {
      key: crypto.randomUUID(),
      tries: 0,
      body: {
        unit: unitCode,
        // The version these items are: a queued answer still counts after a new one is published.
        version: versionId,
        service: service || undefined,
        answers,
        profile: { gender: profile.gender || undefined, age, education: profile.education || undefined, occupation: profile.occupation || undefined },
        saran: saran.trim() || undefined,
        locale,
        submittedAt: new Date().toISOString(),
      },
    };
    saveQueue([...(JSON.parse(localStorage.getItem(`${storeKey}.queue`) ?? "[]") as Queued[]), item]);
    reset(true);
    thanksKey.current = item.key;
    setReply(null);
    setThanks(true);
    window.clearTimeout(thanksTimer.current);
    thanksTimer.current = window.setTimeout(endThanks, THANKS_MS);
    void flush();
  }

  if (token === undefined) return null;
  if (!token || revoked) {
    return (
      <main className="mx-auto max-w-2xl p-8" data-testid={revoked ? "kiosk-revoked" : "kiosk-not-enrolled"}>
        <h1 className="text-2xl font-bold">{revoked ? t.kiosk.revokedTitle : t.kiosk.notEnrolledTitle}</h1>
        <p className="mt-3 text-xl">{revoked ? t.kiosk.revoked : t.kiosk.notEnrolled}</p>
        {revoked && queue.length > 0 && <p className="mt-3 text-lg">{fillMessage(t.kiosk.revokedQueue, { count: queue.length })}</p>}
      </main>
    );
  }

  return (
    <div className="min-h-dvh bg-white">
      <header className="flex flex-wrap items-center justify-between gap-4 bg-brand-700 px-6 py-4 text-white">
        <div>
          <p className="text-sm">{t.survey.title}</p>
          <p className="text-2xl font-bold">{unitName}</p>
        </div>
        <div className="flex items-center gap-3">
          <span data-testid="kiosk-queue" className="text-sm" aria-live="polite">
            {queue.length > 0 ? fillMessage(t.kiosk.pending, { count: queue.length }) : ""}
            {rejected > 0 ? ` · ${fillMessage(t.kiosk.rejected, { count: rejected })}` : ""}
          </span>
          <Button variant="inverse" lang={locale === "id" ? "en" : "id"} onClick={() => setLocale(locale === "id" ? "en" : "id")}>
            {t.common.switchTo}
          </Button>
          <Button variant="inverse" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})}>
            {t.kiosk.fullscreen}
          </Button>
        </div>
      </header>
      {!online && (
        <p role="status" data-testid="kiosk-offline" className="bg-amber-100 px-6 py-2 text-amber-900">
          {t.kiosk.offline}
        </p>
      )}
      <main>
        <h1 className="sr-only">
          {t.survey.title} · {unitName}
        </h1>
        {thanks ? (
          <div className="px-6 py-24 text-center">
            <p role="status" data-testid="kiosk-thanks" className="text-3xl font-bold text-brand-900">
              {t.kiosk.thanks}
            </p>
            {reply && (
              <div className="mx-auto mt-10 max-w-xl" data-testid="kiosk-reply">
                <h2 className="text-xl font-semibold">{t.kiosk.replyTitle}</h2>
                <p className="mt-2 font-mono text-4xl font-bold tracking-wider" data-testid="kiosk-reply-code">
                  {reply}
                </p>
                <p className="mt-4 text-lg">{t.kiosk.replyBody}</p>
                <p className="mt-1 break-all font-mono text-lg" data-testid="kiosk-reply-path">
                  {`${window.location.host}/s/${unitCode}/balasan/${reply}`}
                </p>
                <Button size="xl" className="mt-8" onClick={endThanks}>
                  {t.kiosk.replyDone}
                </Button>
              </div>
            )}
          </div>
        ) : (
          <form onSubmit={submit} className="mx-auto max-w-3xl space-y-5 px-6 py-6" noValidate>
            {error && (
              <Alert tone="error" className="text-lg">
                {error}
              </Alert>
            )}
            {services.length > 1 && (
              <ChoiceGroup id="k-service" className="p-4" legend={<span className="text-xl font-semibold">{t.survey.service}</span>}>
                {() => (
                  <div className="mt-2 grid grid-cols-2 gap-3">
                    {services.map((s) => (
                      <RadioCard key={s.code} size="lg" name="service" label={pick(s.name, s.nameEn)} checked={service === s.code} onChange={() => setService(s.code)} />
                    ))}
                  </div>
                )}
              </ChoiceGroup>
            )}
            {items.map((item, i) => (
              <ChoiceGroup
                key={item.code}
                id={`k-${item.code}`}
                className="p-4"
                legend={
                  <span className="text-lg">
                    <span className="block text-sm font-semibold text-brand-700">
                      {i + 1}. {pick(item.unsur, item.unsurEn)}
                    </span>
                    {pick(item.question, item.questionEn)}
                  </span>
                }
              >
                {() => (
                  <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
                    {item.options.map((o) => (
                      <RadioCard
                        key={o.value}
                        size="lg"
                        name={item.code}
                        label={pick(o.label, o.labelEn)}
                        checked={answers[item.code] === o.value}
                        onChange={() => setAnswers({ ...answers, [item.code]: o.value })}
                      />
                    ))}
                  </div>
                )}
              </ChoiceGroup>
            ))}

            <fieldset className="space-y-3 rounded-lg border border-slate-300 p-4">
              <legend className="px-1 text-lg font-semibold">{t.survey.profileTitle}</legend>
              <p className="text-slate-700">{t.survey.profileHint}</p>
              <ChoiceGroup id="k-gender" className="border-0 p-0" legend={<span className="font-medium">{t.survey.gender}</span>}>
                {() => (
                  <div className="mt-1 grid grid-cols-2 gap-3">
                    {(["L", "P"] as const).map((g) => (
                      <RadioCard key={g} size="lg" name="gender" label={t.labels.gender[g]} checked={profile.gender === g} onChange={() => setProfile({ ...profile, gender: g })} />
                    ))}
                  </div>
                )}
              </ChoiceGroup>
              <Field id="k-age" label={t.survey.age} hint={t.survey.ageHint}>
                {(c) => <Input {...c} size="lg" width="short" type="number" inputMode="numeric" min={10} max={120} value={profile.age ?? ""} onChange={(e) => setProfile({ ...profile, age: e.target.value })} />}
              </Field>
              <Field id="k-education" label={t.survey.education}>
                {(c) => (
                  <Select {...c} size="lg" value={profile.education ?? ""} onChange={(e) => setProfile({ ...profile, education: e.target.value })}>
                    <option value="">{t.common.choose}</option>
                    {EDUCATION.map((e) => (
                      <option key={e} value={e}>
                        {t.labels.education[e]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field id="k-occupation" label={t.survey.occupation}>
                {(c) => (
                  <Select {...c} size="lg" value={profile.occupation ?? ""} onChange={(e) => setProfile({ ...profile, occupation: e.target.value })}>
                    <option value="">{t.common.choose}</option>
                    {OCCUPATION.map((o) => (
                      <option key={o} value={o}>
                        {t.labels.occupation[o]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            </fieldset>

            <Field id="kiosk-saran" label={<span className="text-lg">{t.survey.saran}</span>}>
              {(c) => <Textarea {...c} size="lg" rows={2} maxLength={SARAN_MAX} value={saran} onChange={(e) => setSaran(e.target.value)} />}
            </Field>
            <Button type="submit" size="xl" width="full" className="text-xl">
              {t.survey.submit}
            </Button>
          </form>
        )}
      </main>
    </div>
  );
}
