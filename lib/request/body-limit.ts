// How big a request body may be. A questionnaire is a few kilobytes (a saran is
// at most 2,000 characters); Next refuses server-action bodies over 1 MB with
// an error page the citizen cannot read, so larger bodies are answered 413
// before they reach it, with a sentence in the reader's language.

export const BODY_LIMIT_BYTES = 1024 * 1024;

// The staff pages that attach files (a plan's FKP minutes and evidence: 20 MiB of files at most,
// lib/attachments/sniff.ts) take a larger body, with room for the rest of the form. Next's own
// limits (next.config.js: serverActions.bodySizeLimit, proxyClientMaxBodySize) are set to the
// same number; everywhere else, the citizen's pages and the JSON API included, 1 MB stays.
export const UPLOAD_BODY_LIMIT_BYTES = 21 * 1024 * 1024;
// The import screen takes a tabulation or an online-form export of up to 20 MiB
// (IMPORT_SCREEN_MAX_BYTES in lib/validation/import.ts).
const ATTACHMENT_PATH = /^\/dasbor\/unit\/[^/]+\/rtl(\/|$)/;
const IMPORT_PATH = /^\/dasbor\/unit\/[^/]+\/impor(\/|$)/;

/** What the path uploads, if anything: a plan's attachments or an import file (the larger limit). */
export function uploadKind(pathname: string): "attachments" | "import" | null {
  if (ATTACHMENT_PATH.test(pathname)) return "attachments";
  return IMPORT_PATH.test(pathname) ? "import" : null;
}

/** Whether the path takes file uploads (the larger limit). */
export function takesUploads(pathname: string): boolean {
  return uploadKind(pathname) !== null;
}

/** The largest body a request to the path may send. */
export function bodyLimitFor(pathname: string): number {
  return takesUploads(pathname) ? UPLOAD_BODY_LIMIT_BYTES : BODY_LIMIT_BYTES;
}

/** Whether the declared length is over the limit (a body without Content-Length is capped where it is read). */
export function overBodyLimit(contentLength: string | null, limit = BODY_LIMIT_BYTES): boolean {
  if (!contentLength) return false;
  const n = Number(contentLength);
  return !Number.isFinite(n) || n > limit;
}

/**
 * The body as text, refusing more than `limit` bytes however it is sent (chunked bodies
 * declare no length): reading stops at the limit instead of holding a huge body in memory.
 */
export async function readBodyText(request: Request, limit = BODY_LIMIT_BYTES): Promise<{ ok: true; text: string } | { ok: false }> {
  if (overBodyLimit(request.headers.get("content-length"))) return { ok: false };
  const reader = request.body?.getReader();
  if (!reader) return { ok: true, text: "" };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}
