// `npm run kiosk:enroll -- <UNIT-CODE> [device name]`: enrol a kiosk tablet
// from the server shell and print the link to open on it once. (Admins and
// operators get the same from the admin screens once sign-in lands.)
import { enrollKiosk } from "@/lib/dal/kiosk";

const [unitCode, ...nameParts] = process.argv.slice(2);
if (!unitCode || !process.env.DATABASE_URL) {
  console.error("Usage: DATABASE_URL=... npm run kiosk:enroll -- <UNIT-CODE> [device name]");
  process.exit(2);
}
process.env.AUTH_SECRET ??= "x".repeat(32); // not used here; the env schema wants one
const result = await enrollKiosk({ unitCode, name: nameParts.join(" ") || "Kios" });
if (!result) {
  console.error(`Unit ${unitCode} not found or not active.`);
  process.exit(2);
}
const base = process.env.SUARA_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
console.log(`Open this link once on the tablet (the token is stored on the device and not shown again):`);
console.log(`${base}/kiosk/${unitCode.toUpperCase()}#token=${result.token}`);
process.exit(0);
