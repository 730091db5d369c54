/**
 * Screening of free text (a citizen's saran) for personal data before it is published on a
 * unit's public page ("Anda berkata, kami bertindak"). Pure: no Prisma, no Next imports.
 *
 * What is detected, in priority order (each kind is looked for in what the earlier ones left):
 *  - email addresses;
 *  - NIP (18 digits, with or without spaces/dots/dashes between them);
 *  - NIK (16 digits, same separators);
 *  - Indonesian phone numbers: 08…, +62 8…, 62 8…, 10–14 digits, separators allowed;
 *  - any other unbroken run of 16 or more digits (so no 16-digit run is ever left);
 *  - names after a title (Bapak/Bpk/Pak/Ibu/Bu/Sdr/Sdri/Saudara/Saudari/Mas/Mbak/dr./Dr./H./Hj./
 *    Prof.), up to three capitalised words.
 *
 * Decision on lower case: the title is matched in any case ("pak Budi", "PAK Budi"), but the
 * name must start with a capital letter. Lower-case words after a title are far more often
 * ordinary words ("ibu hamil", "bapak saya", "pak satpam") than names, and masking them would
 * garble most saran; a name typed in lower case ("ibu siti") is left to the officer, who
 * reviews every text before it is published. Role words after a title ("Pak Lurah", "Ibu
 * Kepala") are not names and are not masked.
 *
 * Masking is idempotent: the masks contain no digits, no "@" and start with "[", and a later kind
 * is looked for with the earlier findings blanked out as a mask blanks them ("Pak Budi Sant@x.id":
 * the email, then the name "Budi"), so screening a screened text finds nothing more.
 */

export type FindingKind = "email" | "nip" | "nik" | "phone" | "number" | "name";

export type Finding = { kind: FindingKind; start: number; end: number; text: string };

export type MaskLabels = Record<FindingKind, string>;

export const DEFAULT_MASKS: MaskLabels = {
  email: "[email]",
  nip: "[NIP]",
  nik: "[NIK]",
  phone: "[nomor telepon]",
  number: "[nomor]",
  name: "[nama]",
};

const SEP = "[ .\\-]?";
const digits = (n: number) => `\\d(?:${SEP}\\d){${n - 1}}`;

const TITLES = "bapak|bpk\\.?|pak|ibu|bu|sdri\\.?|sdr\\.?|saudari|saudara|mas|mbak|dr\\.|h\\.|hj\\.|prof\\.";
const NAME_WORD = "\\p{Lu}[\\p{L}'’\\-]*\\.?";
/** Words that follow a title but name a role, not a person. */
const ROLE_WORDS = new Set(
  [
    "kepala", "lurah", "camat", "bupati", "walikota", "wali", "gubernur", "petugas", "satpam", "dokter", "perawat",
    "kades", "sekdes", "rt", "rw", "direktur", "kabid", "kasi", "kasubag", "pimpinan", "menteri", "presiden",
  ],
);

const PATTERNS: { kind: Exclude<FindingKind, "name">; re: RegExp }[] = [
  { kind: "email", re: /[\p{L}\d._%+\-]+@[\p{L}\d\-]+(?:\.[\p{L}\d\-]+)+/gu },
  { kind: "nip", re: new RegExp(`(?<!\\d)${digits(18)}(?!\\d)`, "g") },
  { kind: "nik", re: new RegExp(`(?<!\\d)${digits(16)}(?!\\d)`, "g") },
  { kind: "phone", re: new RegExp(`(?<![\\d+])(?:\\+62|62|\\(?0)\\)?${SEP}8(?:${SEP}\\d){7,11}(?!\\d)`, "g") },
  { kind: "number", re: /\d{16,}/g },
];

/** Stands for a finding while the next kinds are looked for: not a letter, digit, space, "+" or "@". */
const BLANK = "\u2592";

const TITLE_RE = new RegExp(`(?<![\\p{L}\\d])(?:${TITLES})(?=\\s)`, "giu");
/** One name word (case checked separately), preceded by whitespace; sticky. */
const WORD_RE = new RegExp(`\\s+(${NAME_WORD})`, "uy");

function nameFindings(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(TITLE_RE)) {
    let at = m.index + m[0].length;
    let start = -1;
    let end = -1;
    for (let n = 0; n < 3; n++) {
      WORD_RE.lastIndex = at;
      const word = WORD_RE.exec(text)?.[1];
      if (!word || ROLE_WORDS.has(word.replace(/\.$/, "").toLowerCase())) break;
      const wordStart = WORD_RE.lastIndex - word.length;
      if (start < 0) start = wordStart;
      // A trailing full stop ends the sentence unless it closes an initial ("Budi S.").
      end = word.endsWith(".") && word.length > 2 ? WORD_RE.lastIndex - 1 : WORD_RE.lastIndex;
      at = WORD_RE.lastIndex;
      if (end < at) break;
    }
    if (start >= 0) found.push({ kind: "name", start, end, text: text.slice(start, end) });
  }
  return found;
}

/** Everything detected in the text, in text order, with non-overlapping spans. */
export function findPersonalData(text: string): Finding[] {
  const accepted: Finding[] = [];
  // Each kind is looked for in what the earlier kinds left: their spans blanked out with a
  // character no pattern takes (as a mask is to a second screening), indices unchanged.
  let rest = text;
  const take = (found: Finding[]) => {
    for (const f of found) {
      // Names after two titles overlap ("Pak Pak Budi"): the first one found stands.
      if (accepted.some((a) => f.start < a.end && a.start < f.end)) continue;
      accepted.push({ ...f, text: text.slice(f.start, f.end) });
      rest = rest.slice(0, f.start) + BLANK.repeat(f.end - f.start) + rest.slice(f.end);
    }
  };
  for (const { kind, re } of PATTERNS) take([...rest.matchAll(re)].map((m) => ({ kind, start: m.index, end: m.index + m[0].length, text: m[0] })));
  take(nameFindings(rest));
  return accepted.sort((a, b) => a.start - b.start);
}

export type ScreenResult = { text: string; findings: Finding[] };

/** Masks every finding; `findings` keeps the spans in the original text, for highlighting. */
export function screenText(text: string, masks: MaskLabels = DEFAULT_MASKS): ScreenResult {
  const findings = findPersonalData(text);
  let out = "";
  let at = 0;
  for (const f of findings) {
    out += text.slice(at, f.start) + masks[f.kind];
    at = f.end;
  }
  out += text.slice(at);
  return { text: out, findings };
}

/** Splits the text into plain and found parts, for a highlighted rendering. */
export function segmentText(text: string, findings: Finding[]): { text: string; kind: FindingKind | null }[] {
  const parts: { text: string; kind: FindingKind | null }[] = [];
  let at = 0;
  for (const f of findings) {
    if (f.start > at) parts.push({ text: text.slice(at, f.start), kind: null });
    parts.push({ text: text.slice(f.start, f.end), kind: f.kind });
    at = f.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), kind: null });
  return parts;
}
