import "server-only";
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { createTranslator } from "next-intl";
import { getUnitEvidence } from "@/lib/dal/evidence";
import { agencyClock } from "@/lib/dal/settings";
import { entryNamer, followUpCsv, plansCsv, publicationCsv, readmeText, type TEvidenceWords, type TText } from "@/lib/export/evidence-files";
import type { Locale } from "@/lib/i18n/config";
import { createFormat, type TPeriodText } from "@/lib/i18n/format";
import { MESSAGES } from "@/lib/i18n/messages";
import { currentMonth, monthOfIndex, parsePeriodKey, periodKey } from "@/lib/periods";
import type { TCaller } from "@/lib/permissions";
import { unitReportPdf } from "@/lib/report/unit";
import type { TSearchParams } from "@/lib/validation/dashboard";
import { EVIDENCE_PARAMS, ZEvidenceQuery } from "@/lib/validation/evidence";

// A unit's evaluation evidence for a year as one ZIP (/dasbor/unit/<code>/bukti-evaluasi.zip):
// the SKM report of every ended period of the agency's rhythm (lib/report/unit.ts, the same file
// as laporan.pdf?periode=...), the follow-up plans with their files, the publication log with its
// proofs, the time from report to follow-up, and a README. Validated and authorized before the
// first byte (dashboard.read on the unit, getUnitEvidence; outside it 404, like the report), then
// streamed.

/** The archive as a stream (call once): built entry by entry as the client reads. */
export type TEvidenceZip = { fileName: string; stream: () => ReadableStream<Uint8Array> };
export type TEvidenceOutcome = { ok: true; zip: TEvidenceZip } | { ok: false; status: 400 | 404; message: string };

const PHOTO_EXT: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg" };

export async function unitEvidenceZip(caller: TCaller | null, code: string, params: TSearchParams, locale: Locale, now = new Date()): Promise<TEvidenceOutcome> {
  const messages = MESSAGES[locale];
  const text = (namespace: string) => createTranslator({ locale, messages, namespace: namespace as "evidence" }) as unknown as TText;
  const t = text("evidence");
  const unknown = Object.keys(params).filter((name) => !EVIDENCE_PARAMS.has(name));
  if (unknown.length > 0) return { ok: false, status: 400, message: t("badQuery", { names: unknown.join(", ") }) };
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = ZEvidenceQuery.safeParse({ tahun: one(params.tahun) ?? "", cakupan: one(params.cakupan) });
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    return { ok: false, status: 400, message: names.includes("tahun") ? t("badYear") : t("badQuery", { names: names.join(", ") }) };
  }
  const { tahun: year, cakupan } = parsed.data;
  const clock = await agencyClock();
  if (year > monthOfIndex(currentMonth(clock.timeZone, now)).year) return { ok: false, status: 400, message: t("futureYear", { year }) };
  const found = await getUnitEvidence(caller, code, year, now);
  if (!found) return { ok: false, status: 404, message: t("notFound") };
  const e = found;

  const f = createFormat(locale, e.timeZone, text("periods") as unknown as TPeriodText);
  const w: TEvidenceWords = {
    t,
    status: (s) => text("labels")(`planStatus.${s}`),
    medium: (m) => text("periodAdmin")(`mediums.${m}`),
    period: (key) => f.period(parsePeriodKey(key)!),
  };
  const ended = e.periods.filter((p) => p.ended).map((p) => p.period);
  const readme = readmeText(e, w, { generatedAt: f.dateTime(now), reports: ended.map((p) => f.period(p)), pending: e.periods.filter((p) => !p.ended).map((p) => f.period(p.period)) });

  async function* entries(): AsyncGenerator<TZipEntry> {
    // The README first: the entry an evaluator opens before the others.
    yield { path: "README.txt", bytes: strToU8(readme), compress: true };
    const name = entryNamer();
    for (const period of ended) {
      const out = await unitReportPdf(caller, code, { periode: periodKey(period), ...(cakupan && { cakupan }) }, locale, now);
      // Authorized and validated above: a refusal here is a bug, and ends the archive broken rather than incomplete-looking.
      if (!out.ok) throw new Error(`evidence: the report of ${periodKey(period)} answered ${out.status}`);
      yield { path: name("laporan", `${out.report.fileName}.pdf`), bytes: out.report.bytes, compress: false };
    }
    const paths = new Map<string, string>();
    for (const p of e.plans) {
      for (const file of [...p.files, ...p.actions.flatMap((a) => a.files)]) {
        const bytes = await e.attachment(file.id);
        // A file missing or changed on disk is left out (readAttachment logs it), not shipped as evidence.
        if (!bytes) continue;
        const path = name(`rtl/lampiran/${periodKey(p.period)}`, file.filename);
        paths.set(file.id, path);
        yield { path, bytes, compress: false };
      }
    }
    const photos = new Map<string, string>();
    for (const entry of e.log.filter((l) => l.hasPhoto)) {
      const photo = await e.photo(entry.id);
      if (!photo) continue;
      const path = name("publikasi/bukti", `${periodKey(entry.period)}-${entry.medium.toLowerCase()}.${PHOTO_EXT[photo.type] ?? "bin"}`);
      photos.set(entry.id, path);
      yield { path, bytes: photo.bytes, compress: false };
    }
    yield { path: "rtl/rtl.csv", bytes: strToU8(plansCsv(e, w, paths, locale)), compress: true };
    yield { path: "publikasi/publikasi.csv", bytes: strToU8(publicationCsv(e.log, w, photos, locale)), compress: true };
    yield { path: "tindak-lanjut.csv", bytes: strToU8(followUpCsv(e, w, locale)), compress: true };
  }
  return { ok: true, zip: { fileName: t("fileName", { unit: e.unit.code, year }), stream: () => zipStream(entries(), now) } };
}

type TZipEntry = { path: string; bytes: Uint8Array; compress: boolean };

/**
 * The entries as a ZIP byte stream, one entry per pull: memory holds one file (a report, an
 * attachment) at a time, and a client that stops reading stops the reads. PDFs and photos are
 * already compressed and stored as they are.
 */
function zipStream(entries: AsyncGenerator<TZipEntry>, mtime: Date): ReadableStream<Uint8Array> {
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((err, chunk, final) => {
        if (err) return controller.error(err);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      const next = await entries.next();
      if (next.done) return zip.end();
      const { path, bytes, compress } = next.value;
      const file = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
      file.mtime = mtime;
      zip.add(file);
      file.push(bytes, true);
    },
    async cancel() {
      await entries.return(undefined);
    },
  });
}
