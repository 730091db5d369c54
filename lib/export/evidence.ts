import "server-only";
import { zipSync, strToU8, type Zippable } from "fflate";
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
// proofs, the time from report to follow-up, and a README. A year's files are small: built in
// memory. dashboard.read on the unit (getUnitEvidence); outside it 404, like the report.

export type TEvidenceZip = { fileName: string; bytes: Uint8Array };
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
  const e = await getUnitEvidence(caller, code, year, now);
  if (!e) return { ok: false, status: 404, message: t("notFound") };

  const f = createFormat(locale, e.timeZone, text("periods") as unknown as TPeriodText);
  const w: TEvidenceWords = {
    t,
    status: (s) => text("labels")(`planStatus.${s}`),
    medium: (m) => text("periodAdmin")(`mediums.${m}`),
    period: (key) => f.period(parsePeriodKey(key)!),
  };
  // The README first: the entry an evaluator opens before the others.
  const files: Zippable = { "README.txt": new Uint8Array() };
  const name = entryNamer();
  // Already compressed (PDF streams, photos): stored as they are.
  const put = (path: string, bytes: Uint8Array, compress = true) => void (files[path] = [bytes, { level: compress ? 6 : 0, mtime: now }]);

  const reports: string[] = [];
  for (const { period } of e.periods.filter((p) => p.ended)) {
    const out = await unitReportPdf(caller, code, { periode: periodKey(period), ...(cakupan && { cakupan }) }, locale, now);
    if (!out.ok) return out;
    put(name("laporan", `${out.report.fileName}.pdf`), out.report.bytes, false);
    reports.push(f.period(period));
  }

  const paths = new Map<string, string>();
  for (const p of e.plans) {
    for (const file of [...p.files, ...p.actions.flatMap((a) => a.files)]) {
      const bytes = await e.attachment(file.id);
      // A file missing or changed on disk is left out (readAttachment logs it), not shipped as evidence.
      if (!bytes) continue;
      const path = name(`rtl/lampiran/${periodKey(p.period)}`, file.filename);
      paths.set(file.id, path);
      put(path, bytes, false);
    }
  }
  const photos = new Map<string, string>();
  for (const entry of e.log.filter((l) => l.hasPhoto)) {
    const photo = await e.photo(entry.id);
    if (!photo) continue;
    const path = name("publikasi/bukti", `${periodKey(entry.period)}-${entry.medium.toLowerCase()}.${PHOTO_EXT[photo.type] ?? "bin"}`);
    photos.set(entry.id, path);
    put(path, photo.bytes, false);
  }

  put("rtl/rtl.csv", strToU8(plansCsv(e, w, paths, locale)));
  put("publikasi/publikasi.csv", strToU8(publicationCsv(e.log, w, photos, locale)));
  put("tindak-lanjut.csv", strToU8(followUpCsv(e, w, locale)));
  const pending = e.periods.filter((p) => !p.ended).map((p) => f.period(p.period));
  put("README.txt", strToU8(readmeText(e, w, { generatedAt: f.dateTime(now), reports, pending })));
  return { ok: true, zip: { fileName: t("fileName", { unit: e.unit.code, year }), bytes: zipSync(files) } };
}
