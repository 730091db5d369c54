// `npm run db:migrate`: apply pending migrations to DATABASE_URL.
import { parseEnv, ZLauncherEnv } from "@/lib/env";
import { migrate } from "@/lib/server/migrate";

const env = parseEnv(ZLauncherEnv, process.env);
const url = env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm start migrates the embedded database by itself).");
  process.exit(2);
}
migrate(url, { log: console.log, engine: env.SUARA_MIGRATOR }).then(
  (r) => console.log(r.applied.length ? `Applied ${r.applied.length} migration(s) (${r.engine}).` : "Schema up to date."),
  (err) => {
    console.error((err as Error).message);
    process.exit(1);
  },
);
