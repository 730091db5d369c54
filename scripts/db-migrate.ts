// `npm run db:migrate`: apply pending migrations to DATABASE_URL.
import { migrate } from "@/lib/server/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm start migrates the embedded database by itself).");
  process.exit(2);
}
migrate(url, { log: console.log }).then(
  (r) => console.log(r.applied.length ? `Applied ${r.applied.length} migration(s) (${r.engine}).` : "Schema up to date."),
  (err) => {
    console.error((err as Error).message);
    process.exit(1);
  },
);
