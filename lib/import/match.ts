// Proposes which column holds which template item or profile field, by wording (normalised
// case, punctuation, diacritics, numbering) and by code or numbering ("U3", "Unsur 3", "Q3");
// the operator confirms or corrects it (applyMappingOverride).
import type { IkmTemplate } from "../ikm";
import { normalise, stripNumbering } from "./text";

export const PROFILE_FIELDS = ["gender", "age", "education", "occupation"] as const;
export type TProfileField = (typeof PROFILE_FIELDS)[number];
export const ROLE_FIELDS = ["timestamp", "service", "saran", "number", ...PROFILE_FIELDS] as const;
export type TRoleField = (typeof ROLE_FIELDS)[number];

export interface ImportMapping {
  /** Item code -> 0-based column index, or null when no column holds it. */
  readonly items: Readonly<Record<string, number | null>>;
  readonly roles: Readonly<Record<TRoleField, number | null>>;
  /** Columns mapped to nothing (ignored), with their header. */
  readonly unmatched: readonly { readonly column: number; readonly header: string }[];
}

// Role keywords, normalised. Timestamp: the submission time columns of Google Forms,
// Microsoft Forms (completion time first) and KoboToolbox (end first).
const ROLE_WORDS: Record<TRoleField, readonly string[]> = {
  timestamp: [
    "timestamp", "stempel waktu", "cap waktu", "completion time", "waktu penyelesaian", "waktu selesai", "end",
    "start time", "waktu mulai", "start", "submission time", "tanggal dan jam survei", "tanggal survei", "waktu survei", "tanggal",
  ],
  service: ["jenis layanan", "jenis pelayanan", "layanan yang diterima", "layanan", "pelayanan", "service", "service received"],
  saran: ["saran dan masukan", "saran", "masukan", "kritik dan saran", "suggestions", "suggestion", "feedback"],
  number: ["no", "nomor", "no urut"],
  gender: ["jenis kelamin", "kelamin", "gender", "sex"],
  age: ["usia", "umur", "age", "usia tahun", "age years"],
  education: ["pendidikan terakhir", "pendidikan", "education", "tingkat pendidikan"],
  occupation: ["pekerjaan utama", "pekerjaan", "occupation", "job", "profesi"],
};

// Too common to be recognised inside a longer header (a question "... dalam pelayanan?").
const GENERIC = new Set(["layanan", "pelayanan", "service", "feedback"]);

const LEADS = ["bagaimana pendapat saudara tentang", "bagaimana pemahaman saudara tentang", "what is your opinion of", "how do you judge"];

function core(question: string): string {
  let text = normalise(question);
  for (const lead of LEADS) if (text.startsWith(`${lead} `)) text = text.slice(lead.length + 1);
  return text;
}

type THeaderForm = { full: string; stripped: string; number: number | null };

/** The header as read, and without a KoboToolbox group path ("grp_unsur/1) Bagaimana ..."). */
function headerForms(header: string): THeaderForm[] {
  const variants = [header];
  const group = /^(?:[^\s/]+\/)+/.exec(header);
  if (group && header.slice(group[0].length).trim() !== "") variants.push(header.slice(group[0].length));
  return variants.map((variant) => {
    const { text, number } = stripNumbering(variant);
    return { full: normalise(variant), stripped: normalise(text), number };
  });
}

/** 0 = no match; higher = better. */
function itemScore(header: string, item: IkmTemplate["items"][number], index: number): number {
  return Math.max(...headerForms(header).map((h) => itemFormScore(h, item, index)));
}

function itemFormScore(h: THeaderForm, item: IkmTemplate["items"][number], index: number): number {
  const code = item.code.toLowerCase();
  const n = index + 1;
  const numbered = [code, `unsur ${n}`, `q${n}`, `p${n}`, `pertanyaan ${n}`, `question ${n}`, `soal ${n}`];
  if (numbered.includes(h.full) || h.stripped === code) return 100;
  const wordings = [item.question, item.questionEn];
  for (const wording of wordings) {
    const full = normalise(wording);
    if (h.stripped === full) return 90;
    if (h.stripped.includes(full)) return 80;
  }
  for (const wording of wordings) {
    const topic = core(wording);
    if (topic.length >= 12 && h.stripped.includes(topic)) return 70;
  }
  // "U3 Waktu Penyelesaian", "Waktu Penyelesaian"
  for (const name of [item.name, item.nameEn]) {
    const nm = normalise(name);
    if (h.stripped === nm || h.stripped === `${code} ${nm}`) return 60;
  }
  return 0;
}

function roleScore(header: string, role: TRoleField): number {
  return Math.max(...headerForms(header).map((h) => roleFormScore(h, role)));
}

function roleFormScore(h: THeaderForm, role: TRoleField): number {
  const words = ROLE_WORDS[role];
  const exact = words.indexOf(h.stripped) >= 0 ? words.indexOf(h.stripped) : words.indexOf(h.full);
  if (exact >= 0) return 100 - exact;
  if (role === "number" || role === "timestamp") return 0;
  const contained = words.findIndex((word) => !GENERIC.has(word) && word.length >= 4 && new RegExp(`(^| )${word}( |$)`).test(h.stripped));
  return contained >= 0 ? 50 - contained : 0;
}

function withUnmatched(header: readonly string[], items: Record<string, number | null>, roles: Record<TRoleField, number | null>): ImportMapping {
  const used = new Set<number>([...Object.values(items), ...Object.values(roles)].filter((c): c is number => c !== null));
  const unmatched = header
    .map((text, column) => ({ column, header: text }))
    .filter((c) => !used.has(c.column) && c.header.trim() !== "");
  return { items, roles, unmatched };
}

/** Assign each field its best column (and each column at most one field), best scores first. */
export function proposeMapping(header: readonly string[], template: IkmTemplate): ImportMapping {
  type Candidate = { column: number; field: string; score: number };
  const candidates: Candidate[] = [];
  header.forEach((text, column) => {
    if (text.trim() === "") return;
    template.items.forEach((item, index) => {
      const score = itemScore(text, item, index);
      if (score > 0) candidates.push({ column, field: `item:${item.code}`, score: score + 1000 });
    });
    for (const role of ROLE_FIELDS) {
      const score = roleScore(text, role);
      if (score > 0) candidates.push({ column, field: `role:${role}`, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const items: Record<string, number | null> = Object.fromEntries(template.items.map((item) => [item.code, null]));
  const roles = Object.fromEntries(ROLE_FIELDS.map((role) => [role, null])) as Record<TRoleField, number | null>;
  const takenColumns = new Set<number>();
  const takenFields = new Set<string>();
  for (const c of candidates) {
    if (takenColumns.has(c.column) || takenFields.has(c.field)) continue;
    takenColumns.add(c.column);
    takenFields.add(c.field);
    const [kind, name] = c.field.split(":") as [string, string];
    if (kind === "item") items[name] = c.column;
    else roles[name as TRoleField] = c.column;
  }
  return withUnmatched(header, items, roles);
}

/** A correction naming a field or a column the file does not have (a stale or forged form). */
export class MappingOverrideError extends RangeError {
  override readonly name = "MappingOverrideError";
}

export interface MappingOverride {
  readonly items?: Readonly<Record<string, number | null>>;
  readonly roles?: Partial<Readonly<Record<TRoleField, number | null>>>;
}

/**
 * The mapping with the operator's corrections: each given field takes the given column (null =
 * none); a column given to a field is taken from whatever field held it before.
 */
export function applyMappingOverride(header: readonly string[], mapping: ImportMapping, override: MappingOverride): ImportMapping {
  const items: Record<string, number | null> = { ...mapping.items };
  const roles: Record<TRoleField, number | null> = { ...mapping.roles };
  const given = [
    ...Object.entries(override.items ?? {}).map(([field, column]) => ({ kind: "item" as const, field, column })),
    ...Object.entries(override.roles ?? {}).map(([field, column]) => ({ kind: "role" as const, field, column })),
  ];
  for (const g of given) {
    if (g.kind === "item" && !(g.field in items)) throw new MappingOverrideError(`unknown item ${g.field}`);
    if (g.kind === "role" && !(g.field in roles)) throw new MappingOverrideError(`unknown field ${g.field}`);
    if (g.column !== null && g.column !== undefined && (!Number.isInteger(g.column) || g.column < 0 || g.column >= header.length)) {
      throw new MappingOverrideError(`column ${g.column} out of range`);
    }
  }
  for (const g of given) {
    const column = g.column ?? null;
    if (column !== null) {
      for (const code of Object.keys(items)) if (items[code] === column) items[code] = null;
      for (const role of ROLE_FIELDS) if (roles[role] === column) roles[role] = null;
    }
    if (g.kind === "item") items[g.field] = column;
    else roles[g.field as TRoleField] = column;
  }
  return withUnmatched(header, items, roles);
}

/** Item codes with no column: the file cannot be imported until they are mapped. */
export function missingItems(mapping: ImportMapping): string[] {
  return Object.entries(mapping.items)
    .filter(([, column]) => column === null)
    .map(([code]) => code);
}
