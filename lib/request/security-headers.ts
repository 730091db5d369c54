// The headers every response carries. Pure: proxy.ts sets them per request
// (the policy holds that request's nonce), tests/unit checks them.

export type TPolicyInput = {
  /** This response's nonce: the only inline scripts that run are Next's own, which carry it. */
  nonce: string;
  /** The request reached us over HTTPS (directly or through a trusted proxy). */
  https: boolean;
  /** Origins a form may post or be redirected to besides our own (the SSO provider's). */
  formOrigins?: readonly string[];
};

/**
 * Content-Security-Policy: scripts only from us or with the nonce (no inline script an
 * attacker could inject runs), no plugins, no <base> rewriting, no framing (clickjacking).
 * Style attributes stay allowed: the charts and bars size themselves with them, and an
 * attribute cannot run code.
 */
export function contentSecurityPolicy({ nonce, https, formOrigins = [] }: TPolicyInput): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formOrigins.map((o) => ` ${o}`).join("")}`,
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Paths whose URL is itself a secret (the short link of a transaction code): no referrer at all. */
const NO_REFERRER_PATH = /^\/k(\/|$)/;
/**
 * The policy of a served upload (a plan attachment, a publication log photo, the logo): opened
 * on its own in a tab, it is a sandboxed document that runs nothing and loads nothing.
 */
export const UPLOADED_FILE_CSP = "sandbox; default-src 'none'";
const UPLOADED_FILE_ROUTES = [/^\/api\/v1\/attachments\/[^/]+$/, /^\/api\/v1\/publication-log\/[^/]+\/photo$/, /^\/api\/v1\/agency\/logo$/];

/** Whether the path serves an uploaded file (the proxy then sets UPLOADED_FILE_CSP, not the pages' policy). */
export function servesUploadedFile(pathname: string): boolean {
  return UPLOADED_FILE_ROUTES.some((r) => r.test(pathname));
}

/** The other security headers (HSTS only over HTTPS: a browser ignores it on plain HTTP anyway). */
export function securityHeaders({ https, pathname = "" }: { https: boolean; pathname?: string }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    // Same-origin requests keep the full path (the language switch returns to the page it was on);
    // other sites see only our origin, never a unit code or a transaction code in a URL.
    "Referrer-Policy": NO_REFERRER_PATH.test(pathname) ? "no-referrer" : "strict-origin-when-cross-origin",
    // Nothing here uses the camera, the microphone or the location; the kiosk may go full screen.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), fullscreen=(self)",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** A fresh, unguessable nonce (128 bits). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}
