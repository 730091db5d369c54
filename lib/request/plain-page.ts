// A page with one sentence and a way back, for answers given before the app renders
// anything (a body over the limit, an address that cannot be read): no script, no
// stylesheet, so nothing in it can run or fail. Pure: proxy.ts and the web server (lib/request/gate.ts) use it.
import type { Locale } from "@/lib/i18n/config";

/** Policy for these pages: nothing may run in them at all. */
export const PLAIN_PAGE_CSP = "default-src 'none'; style-src-attr 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function plainPage({ locale, title, message, back }: { locale: Locale; title: string; message: string; back: { href: string; label: string } }): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#0f172a"><main><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="${escape(back.href)}" style="color:#0b5e58">${escape(back.label)}</a></p></main></body></html>`;
}
