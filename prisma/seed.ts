// `npm run db:seed`: load the demo agency into DATABASE_URL when it is empty.
import { isEmptyDatabase, seedDemo } from "@/lib/server/seed-demo";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm start seeds the embedded database by itself).");
  process.exit(2);
}
if (!(await isEmptyDatabase(url))) {
  console.log("The database already holds an agency: nothing seeded.");
} else {
  const r = await seedDemo(url, { responses: Number(process.env.SUARA_SEED_RESPONSES ?? 50_000), log: console.log });
  console.log(`Seeded ${r.units} units, ${r.services} services, ${r.responses} responses in ${r.seconds.toFixed(1)} s.`);
}
