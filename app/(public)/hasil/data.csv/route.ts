import { livePublications } from "@/lib/dal/public-results";
import { toCsv, toOpenData } from "@/lib/public-results/rows";

// Open data: every live publication, one row each (columns in the README; append only).
export async function GET() {
  const body = toCsv((await livePublications()).map(toOpenData));
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'inline; filename="hasil-ikm.csv"',
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
    },
  });
}
