// How big a request body may be. A questionnaire is a few kilobytes (a saran is
// at most 2,000 characters); Next refuses server-action bodies over 1 MB with
// an error page the citizen cannot read, so larger bodies are answered 413
// before they reach it, with a sentence in the reader's language.

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Whether the declared length is over the limit (a body without Content-Length is capped where it is read). */
export function overBodyLimit(contentLength: string | null): boolean {
  if (!contentLength) return false;
  const n = Number(contentLength);
  return !Number.isFinite(n) || n > BODY_LIMIT_BYTES;
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
