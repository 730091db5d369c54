// What an uploaded attachment is, told from its bytes, and the name it may be
// shown under. Pure. A file's name and its declared type are the sender's to
// choose; only the first bytes say what a browser or a PDF reader will make of
// it. The route serving attachments sends the type found here, never the claim.

export const ATTACHMENT_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type TAttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The largest single attachment: a phone photo or a scanned FKP report. */
export const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024;
/** The most files one form sends at once. */
export const ATTACHMENT_MAX_FILES = 5;
/** All files of one form together (the body limit of the staff pages is set just above it). */
export const ATTACHMENT_MAX_TOTAL_BYTES = 20 * 1024 * 1024;

/** The extensions a saved name may keep for each type; the first is added when it has none of them. */
export const ATTACHMENT_EXTENSIONS: Record<TAttachmentType, readonly string[]> = {
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
  "image/webp": [".webp"],
  "application/pdf": [".pdf"],
};

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const WEBP_CHUNKS = [ascii("VP8 "), ascii("VP8L"), ascii("VP8X")];
const PDF = ascii("%PDF-");

// Markup an old browser's sniffing (or a viewer that ignores nosniff) would run as a page: a
// polyglot that starts with an image's bytes and carries a page soon after. Browsers looked at
// the first few hundred bytes, so the first KiB is searched; real photos and PDFs do not hold these.
const MARKUP = ["<!doctype", "<html", "<head", "<body", "<script", "<iframe", "<svg", "<object", "<embed", "<?xml-stylesheet"];
const MARKUP_WINDOW = 1024;

function holdsMarkup(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, MARKUP_WINDOW);
  let text = "";
  // Latin-1 one byte per character, so binary bytes cannot form a multi-byte sequence that hides a tag.
  for (const b of head) text += String.fromCharCode(b >= 0x41 && b <= 0x5a ? b + 0x20 : b);
  return MARKUP.some((m) => text.includes(m));
}

/** The attachment's type from its magic bytes (at offset 0, nothing before them), or null: not one we keep. */
export function sniffType(bytes: Uint8Array): TAttachmentType | null {
  let type: TAttachmentType | null = null;
  if (startsWith(bytes, PNG)) type = "image/png";
  else if (startsWith(bytes, JPEG)) type = "image/jpeg";
  else if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8) && WEBP_CHUNKS.some((c) => startsWith(bytes, c, 12))) type = "image/webp";
  // A PDF reader accepts the header anywhere in the first KiB; we take it only at the start, so
  // an HTML page with a PDF inside it is not a PDF here.
  else if (startsWith(bytes, PDF)) type = "application/pdf";
  if (type === null || holdsMarkup(bytes)) return null;
  return type;
}

// Control characters (C0, DEL, C1), bidirectional controls that make "gpj.exe" read as
// "exe.jpg" (U+202A-202E, U+2066-2069, marks U+200E/F, U+061C), zero-width characters and
// the BOM, and what Windows refuses in a name.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/gu;
const RESERVED = /[<>:"/\\|?*]/g;
const MAX_NAME = 120;
const MAX_EXT = 10;
const FALLBACK = "lampiran";

/** Code points, so that cutting a name never splits an emoji or a non-Latin letter in half. */
const cut = (s: string, n: number) => [...s].slice(0, Math.max(0, n)).join("");
const lengthOf = (s: string) => [...s].length;

/**
 * The name an attachment is shown and downloaded under: the last path segment only, no control
 * or bidirectional characters, none Windows refuses, no leading dots (a hidden file), at most
 * 120 characters with its extension kept. Never used to name a file on disk.
 */
export function safeFilename(name: string): string {
  const base = name.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let clean = base
    .replace(UNSAFE, "")
    .replace(RESERVED, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (clean === "") return FALLBACK;
  if (lengthOf(clean) <= MAX_NAME) return clean;
  const dot = clean.lastIndexOf(".");
  const ext = dot > 0 && lengthOf(clean.slice(dot)) <= MAX_EXT ? clean.slice(dot) : "";
  const stem = ext ? clean.slice(0, dot) : clean;
  clean = cut(stem, MAX_NAME - lengthOf(ext)).trimEnd() + ext;
  return clean;
}

/** The name with an extension that says what the bytes are ("foto" of a JPEG becomes "foto.jpg"; "x.jpg" of a PDF "x.jpg.pdf"). */
export function filenameForType(name: string, type: TAttachmentType): string {
  const safe = safeFilename(name);
  const allowed = ATTACHMENT_EXTENSIONS[type];
  if (allowed.some((ext) => safe.toLowerCase().endsWith(ext))) return safe;
  const ext = allowed[0]!;
  return cut(safe, MAX_NAME - ext.length) + ext;
}

/**
 * Content-Disposition for showing the file in the browser: a plain-ASCII `filename` for old
 * clients and the exact name in RFC 5987 `filename*` (UTF-8, percent-encoded).
 */
export function inlineDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
