// Answer text -> score by the template's own option labels, and profile words -> the
// profile's codes. Labels that contain each other ("Baik" / "Sangat baik", "Cukup" /
// "Cukup mahal") are told apart because only whole normalised labels are compared: exact
// first, then without an "a." / "a)" / "(a)" / "1." prefix, then the scale's number. Never a substring.
import type { IkmTemplate, TemplateItem } from "../ikm";
import { EDUCATION, GENDER, OCCUPATION } from "../validation/response-fields";
import { normalise } from "./text";

export type TScoreResult =
  | { readonly ok: true; readonly score: number | null }
  | { readonly ok: false; readonly reason: "unknownLabel" | "outOfScale" };

export type TLabelScorer = (text: string) => TScoreResult;

const PREFIX = /^\s*(?:\(([a-z])\)|([a-z])\s*[.)]|(\d{1,2})\s*[.):-])\s*/i;
const NUMBER = /^\s*([+-]?\d+)(?:[.,]0+)?\s*$/;

/** A scorer for one item: its labels in both languages, its scale. */
export function labelScorer(item: TemplateItem, scale: IkmTemplate["scale"]): TLabelScorer {
  const byLabel = new Map<string, number>();
  for (const option of item.options) {
    byLabel.set(normalise(option.id), option.value);
    byLabel.set(normalise(option.en), option.value);
  }
  const cache = new Map<string, TScoreResult>();
  const score = (text: string): TScoreResult => {
    if (text.trim() === "") return { ok: true, score: null };
    const exact = byLabel.get(normalise(text));
    if (exact !== undefined) return { ok: true, score: exact };
    const number = NUMBER.exec(text);
    if (number) {
      const value = Number(number[1]);
      return value >= scale.min && value <= scale.max ? { ok: true, score: value } : { ok: false, reason: "outOfScale" };
    }
    const prefix = PREFIX.exec(text);
    if (prefix) {
      const rest = text.slice(prefix[0].length);
      const label = byLabel.get(normalise(rest));
      if (label !== undefined) {
        // "b. Sesuai": the label decides; a prefix that names another option is not trusted.
        return { ok: true, score: label };
      }
    }
    // A bare option letter: a = scale.min, b = the next ...
    const letter = /^\s*\(?([a-z])[.)]?\s*$/i.exec(text);
    if (letter) {
      const value = scale.min + (letter[1]!.toLowerCase().charCodeAt(0) - 97);
      if (value <= scale.max) return { ok: true, score: value };
    }
    return { ok: false, reason: "unknownLabel" };
  };
  return (text) => {
    let result = cache.get(text);
    if (!result) {
      result = score(text);
      if (cache.size < 10_000) cache.set(text, result);
    }
    return result;
  };
}

/** One scorer per item code. */
export function templateScorers(template: IkmTemplate): Record<string, TLabelScorer> {
  return Object.fromEntries(template.items.map((item) => [item.code, labelScorer(item, template.scale)]));
}

type TGender = (typeof GENDER)[number];
type TEducation = (typeof EDUCATION)[number];
type TOccupation = (typeof OCCUPATION)[number];

function table<T extends string>(entries: Record<T, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [code, words] of Object.entries(entries) as [T, readonly string[]][]) {
    map.set(normalise(code), code);
    for (const word of words) map.set(normalise(word), code);
  }
  return map;
}

const GENDER_WORDS = table<TGender>({
  L: ["Laki-laki", "Laki laki", "Lelaki", "Pria", "Male", "Man", "M"],
  P: ["Perempuan", "Wanita", "Female", "Woman", "F"],
});
const EDUCATION_WORDS = table<TEducation>({
  SD: ["SD", "SD/MI", "SD sederajat", "Sekolah Dasar", "MI", "Tidak sekolah", "Tidak tamat SD"],
  SMP: ["SMP", "SLTP", "SMP/MTs", "SMP sederajat", "MTs"],
  SMA: ["SMA", "SMK", "SLTA", "MA", "SMA/SMK", "SMA/MA", "SMA/SMK/MA", "SMA sederajat", "SLTA sederajat"],
  D1_D3: ["D1", "D2", "D3", "D1-D3", "D1/D2/D3", "Diploma", "D1 - D3", "D-III"],
  S1: ["S1", "D4", "S1/D4", "D4/S1", "Sarjana", "Bachelor"],
  S2: ["S2", "Magister", "Master"],
  S3: ["S3", "Doktor", "Doctorate", "PhD"],
});
const OCCUPATION_WORDS = table<TOccupation>({
  PNS: ["PNS", "ASN", "PNS/ASN", "ASN/PNS", "Pegawai Negeri Sipil", "PPPK"],
  TNI: ["TNI"],
  POLRI: ["POLRI", "Polisi"],
  SWASTA: ["Swasta", "Pegawai swasta", "Karyawan swasta", "Pegawai Swasta/BUMN", "Karyawan"],
  WIRAUSAHA: ["Wirausaha", "Wiraswasta", "Pengusaha", "Pedagang"],
  LAINNYA: ["Lainnya", "Lain-lain", "Other", "Others"],
});

function strip(text: string): string {
  const prefix = PREFIX.exec(text);
  return prefix ? text.slice(prefix[0].length) : text;
}

function lookup<T>(words: Map<string, T>, text: string): T | undefined {
  return words.get(normalise(text)) ?? words.get(normalise(strip(text)));
}

export type TProfileResult<T> = { readonly ok: true; readonly value: T | null } | { readonly ok: false };

export function parseGender(text: string): TProfileResult<TGender> {
  if (text.trim() === "") return { ok: true, value: null };
  const value = lookup(GENDER_WORDS, text);
  return value ? { ok: true, value } : { ok: false };
}

export function parseEducation(text: string): TProfileResult<TEducation> {
  if (text.trim() === "") return { ok: true, value: null };
  const value = lookup(EDUCATION_WORDS, text);
  return value ? { ok: true, value } : { ok: false };
}

/** An occupation the list does not name (a form's free "Lainnya: ..." text) counts as LAINNYA. */
export function parseOccupation(text: string): TProfileResult<TOccupation> {
  if (text.trim() === "") return { ok: true, value: null };
  return { ok: true, value: lookup(OCCUPATION_WORDS, text) ?? "LAINNYA" };
}

/** Whole years 10..120 (as the response form accepts), "35" or "35 tahun". */
export function parseAge(text: string): TProfileResult<number> {
  if (text.trim() === "") return { ok: true, value: null };
  const match = /^\s*(\d{1,3})(?:[.,]0+)?\s*(?:tahun|thn|th|years?|yrs?)?\s*$/i.exec(text);
  if (!match) return { ok: false };
  const age = Number(match[1]);
  return age >= 10 && age <= 120 ? { ok: true, value: age } : { ok: false };
}
