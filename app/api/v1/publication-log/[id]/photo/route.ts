import { getCaller } from "@/lib/auth/session";
import { logPhoto } from "@/lib/dal/publication-log";

export const dynamic = "force-dynamic";

/** A publication log entry's photo, for those who may read the unit's dashboard (else 404). */
export async function GET(_request: Request, ctx: RouteContext<"/api/v1/publication-log/[id]/photo">) {
  const { id } = await ctx.params;
  const photo = await logPhoto(await getCaller(), id);
  if (!photo) return new Response(null, { status: 404 });
  return new Response(Buffer.from(photo.bytes), {
    headers: {
      // The type told from the bytes when it was saved, never the uploader's claim.
      "Content-Type": photo.type,
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
