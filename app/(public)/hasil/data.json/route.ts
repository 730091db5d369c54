import { livePublications } from "@/lib/dal/public-results";
import { OPEN_DATA_COLUMNS, toOpenData } from "@/lib/public-results/rows";

// Open data: every live publication, the same rows and columns as data.csv.
export async function GET() {
  const rows = (await livePublications()).map(toOpenData);
  return Response.json({ columns: OPEN_DATA_COLUMNS, rows }, { headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" } });
}
