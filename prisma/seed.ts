// `npm run db:seed`: load the demo agency into DATABASE_URL when it is empty.
import { parseEnv, ZLauncherEnv } from "@/lib/env";
import { seedDemo } from "@/lib/server/seed-demo";

const env = parseEnv(ZLauncherEnv, process.env);
if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is not set (npm start seeds the embedded database by itself).");
  process.exit(2);
}
const r = await seedDemo(env.DATABASE_URL, { responses: env.SUARA_SEED_RESPONSES, log: console.log });
console.log(r ? `Seeded ${r.units} units, ${r.services} services, ${r.responses} responses in ${r.seconds.toFixed(1)} s.` : "The database already holds an agency: nothing seeded.");
