// The one place configuration is read. Validated at start (scripts/start.ts
// and instrumentation.ts) so a bad environment fails with one sentence naming
// the variable, not at the first request.
import { z } from "zod";
import { parseTrustedProxies, TrustedProxiesError } from "@/lib/request/forwarded";

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v), "must be a postgresql:// URL");

const boolish = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Reverse proxies whose X-Forwarded-For is believed: addresses or CIDR ranges; none by default. */
const trustedProxies = z
  .string()
  .optional()
  .superRefine((v, ctx) => {
    try {
      parseTrustedProxies(v);
    } catch (err) {
      if (!(err instanceof TrustedProxiesError)) throw err;
      ctx.addIssue({ code: "custom", message: `has ${err.message} (write e.g. 127.0.0.1,10.0.0.0/8)` });
    }
  });

/** The hop count it replaced trusted whoever connected; refusing it beats silently trusting nobody. */
const retiredProxyHops = z.never({
  error: "is no longer read: list the reverse proxies' addresses in SUARA_TRUSTED_PROXIES instead (e.g. 127.0.0.1; see the README)",
}).optional();

/** smtp:// (STARTTLS when the server offers it) or smtps:// (TLS from the start, port 465). */
const smtpUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "smtp:" || u.protocol === "smtps:") && !!u.hostname;
    } catch {
      return false;
    }
  }, "must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.go.id:587");

const mailFrom = z
  .string()
  .trim()
  .refine((v) => /^[^<>@\s]+@[^<>@\s]+$/.test(v) || /^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/.test(v), "must be an address or \"Name <address>\"");

/** Variables the launcher reads: everything optional, with local defaults. */
export const ZLauncherEnv = z.object({
  DATABASE_URL: postgresUrl.optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address to listen on (not HOSTNAME: shells and containers set that to the machine name). */
  SUARA_HOST: z.string().default("0.0.0.0"),
  SUARA_DATA_DIR: z.string().default(".data"),
  SUARA_SEED: z.enum(["auto", "never"]).default("auto"),
  SUARA_SEED_RESPONSES: z.coerce.number().int().min(0).max(5_000_000).default(50_000),
  /** Set by the test harness: a developer's .env must not point tests at their database. */
  SUARA_SKIP_DOTENV: boolish,
  /** "builtin" (default) applies migrations itself; "native" uses `prisma migrate deploy`. */
  SUARA_MIGRATOR: z.enum(["builtin", "native"]).default("builtin"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).optional(),
  AUTH_TRUST_HOST: z.string().optional(),
  SUARA_DEBUG: boolish,
  SUARA_TRUSTED_PROXIES: trustedProxies,
  SUARA_TRUSTED_PROXY_HOPS: retiredProxyHops,
});

/** Variables the running app needs: the launcher fills in what is missing. */
export const ZServerEnv = z.object({
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)"),
  AUTH_URL: z.url("must be a URL such as https://ikm.example.go.id").optional(),
  AUTH_TRUST_HOST: boolish,
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Single sign-on (e.g. the agency's Keycloak): all three switch it on. */
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_ID: z.string().optional(),
  AUTH_OIDC_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default("SSO Instansi"),
  /** Reverse proxies in front of Suara, trusted to append to X-Forwarded-For (read by lib/request/gate.ts). */
  SUARA_TRUSTED_PROXIES: trustedProxies,
  SUARA_TRUSTED_PROXY_HOPS: retiredProxyHops,
  /** How long the web server answers the public results from memory before one reader renders them anew (read by lib/request/public-cache.ts). */
  SUARA_PUBLIC_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(3),
  /** Origin printed in QR codes and kiosk links, e.g. https://ikm.example.go.id. */
  SUARA_PUBLIC_URL: z.url().optional(),
  /** Failed sign-ins from one client (IP) per 15 minutes before it is refused. */
  SUARA_LOGIN_CLIENT_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Responses one client (IP) may send per 10 minutes before it is refused. */
  SUARA_CLIENT_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Outgoing mail (replies to citizens, reminder digests): smtp://user:pass@host:587; unset = no email. */
  SMTP_URL: smtpUrl.optional(),
  /** The sender of Suara's emails: an address, or "Name <address>"; required with SMTP_URL. */
  MAIL_FROM: mailFrom.optional(),
  /** A folder for plan attachments (photos, PDFs); unset = their bytes are kept in the database. */
  ATTACHMENTS_DIR: z.string().trim().min(1).optional(),
}).refine((env) => !env.SMTP_URL || env.MAIL_FROM, { path: ["MAIL_FROM"], message: "must be set when SMTP_URL is (e.g. MAIL_FROM=\"IKM Kabupaten <ikm@example.go.id>\")" });

export type TLauncherEnv = z.infer<typeof ZLauncherEnv>;
export type TServerEnv = z.infer<typeof ZServerEnv>;

export class EnvError extends Error {}

export function parseEnv<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  // Empty strings count as unset, as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => {
    const name = i.path.join(".");
    return i.code === "invalid_type" && cleaned[name] === undefined ? `${name} is not set` : `${name} ${i.message}`;
  });
  throw new EnvError(`Configuration error: ${problems.join("; ")}.`);
}

let cached: TServerEnv | undefined;

/** The validated server environment (throws EnvError with a readable message). */
export function serverEnv(): TServerEnv {
  cached ??= parseEnv(ZServerEnv, process.env);
  return cached;
}

/** Forget the parsed environment, so the next serverEnv() reads process.env again (tests). */
export function resetServerEnv() {
  cached = undefined;
}
