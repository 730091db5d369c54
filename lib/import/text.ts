// Normalisation shared by the import's matchers: case, diacritics, punctuation, spacing.

/** Lower case, no diacritics, punctuation as spaces, single spaces, trimmed. */
export function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * A header without its numbering: "1. ", "1) ", "Q1. ", "No. 1 ", "[1] " before the text
 * (the number is kept apart so it can still be used).
 */
export function stripNumbering(header: string): { text: string; number: number | null } {
  const match = /^\s*(?:\[|\()?\s*(?:q|no\.?|nomor|pertanyaan)?\s*(\d{1,3})\s*(?:[.):\]-]|\s)\s*/i.exec(header);
  if (!match || match[0].trim() === "") return { text: header, number: null };
  const rest = header.slice(match[0].length);
  if (rest.trim() === "") return { text: header, number: null };
  return { text: rest, number: Number(match[1]) };
}
