import { getCaller } from "@/lib/auth/session";
import { inlineDisposition } from "@/lib/attachments/sniff";
import { readAttachment } from "@/lib/dal/attachments";

export const dynamic = "force-dynamic";

/**
 * A plan attachment (FKP minutes, evidence photo) for a signed-in caller who may read the unit's
 * dashboard; 404 otherwise, the same for an unknown id and one out of scope. Staff open it as a
 * link from the plan page, so it goes by the session cookie.
 */
export async function GET(_request: Request, ctx: RouteContext<"/api/v1/attachments/[id]">) {
  const { id } = await ctx.params;
  const file = await readAttachment(await getCaller(), id);
  if (!file) return new Response(null, { status: 404, headers: { "Cache-Control": "private, no-store" } });
  return new Response(Buffer.from(file.body), {
    headers: {
      // The type told from the bytes when the file was stored, never the uploader's claim.
      "Content-Type": file.contentType,
      "Content-Length": String(file.body.byteLength),
      "Content-Disposition": inlineDisposition(file.filename),
      "X-Content-Type-Options": "nosniff",
      // Opened as a page of its own, it can run nothing and reach nothing.
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "private, no-store",
    },
  });
}
