import { agencyLogo } from "@/lib/dal/settings";

export const dynamic = "force-dynamic";

/** The agency's logo: public, as printed on posters and reports. Its URL carries a version (?v=), so it may be cached. */
export async function GET(request: Request) {
  const logo = await agencyLogo();
  if (!logo) return new Response(null, { status: 404 });
  const versioned = new URL(request.url).searchParams.has("v");
  return new Response(Buffer.from(logo.bytes), {
    headers: {
      // The type the server told from the bytes when the logo was saved, never the uploader's claim.
      "Content-Type": logo.type,
      "Cache-Control": versioned ? "public, max-age=86400" : "no-cache",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
