import { createTranslator } from "next-intl";
import { formatDate, parseLocale } from "@/lib/i18n";
import { MESSAGES } from "@/lib/i18n/messages";

// Email bodies: plain text and a simple HTML twin from the same parts, in the reader's
// language (the citizen's survey locale; a staff member's own).

export type TMailBody = { subject: string; text: string; html: string };
export type TMailItem = { text: string; url?: string };
export type TPart = { kind: "p"; text: string } | { kind: "quote"; text: string } | { kind: "h"; text: string } | { kind: "list"; items: TMailItem[] };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function partText(p: TPart): string {
  switch (p.kind) {
    case "quote":
      return p.text.split("\n").map((l) => `> ${l}`).join("\n");
    case "h":
      return `${p.text}\n${"-".repeat(Math.min(p.text.length, 60))}`;
    case "list":
      return p.items.map((i) => `- ${i.text}${i.url ? `\n  ${i.url}` : ""}`).join("\n");
    default:
      return p.text;
  }
}

function partHtml(p: TPart): string {
  switch (p.kind) {
    case "quote":
      return `<blockquote style="margin:0;padding-left:1em;border-left:3px solid #ccc;white-space:pre-wrap">${escapeHtml(p.text)}</blockquote>`;
    case "h":
      return `<h2 style="font-size:1.1em;margin:1.2em 0 0.4em">${escapeHtml(p.text)}</h2>`;
    case "list":
      return `<ul>${p.items.map((i) => `<li>${i.url ? `<a href="${escapeHtml(i.url)}">${escapeHtml(i.text)}</a>` : escapeHtml(i.text)}</li>`).join("")}</ul>`;
    default:
      return `<p>${escapeHtml(p.text)}</p>`;
  }
}

export function renderMail(subject: string, parts: TPart[]): TMailBody {
  const text = parts.map(partText).join("\n\n") + "\n";
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${parts.map(partHtml).join("")}</body></html>`;
  return { subject, text, html };
}

export function buildReplyEmail(input: {
  locale: string;
  unitName: string;
  unitCode: string;
  reply: string;
  saran: string | null;
  submittedAt: Date;
  timeZone: string;
  origin: string | null;
}): TMailBody {
  const locale = parseLocale(input.locale);
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "email.reply" });
  const unit = input.unitName;
  // The reply code itself is only known to the citizen (the server keeps its hash).
  const url = `${input.origin ?? ""}/s/${input.unitCode}/balasan`;
  const parts: TPart[] = [
    { kind: "p", text: t("greeting") },
    { kind: "p", text: t("intro", { unit, date: formatDate(locale, input.submittedAt, input.timeZone) }) },
  ];
  if (input.saran) parts.push({ kind: "p", text: t("yourSaran") }, { kind: "quote", text: input.saran });
  parts.push({ kind: "p", text: t("reply", { unit }) }, { kind: "quote", text: input.reply }, { kind: "p", text: t("page", { url }) }, { kind: "p", text: t("why") });
  return renderMail(t("subject", { unit }), parts);
}
