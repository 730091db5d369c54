import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { serverEnv } from "@/lib/env";

// Outgoing mail through the agency's SMTP server (SMTP_URL, MAIL_FROM). Without SMTP_URL
// email is off: replies stay readable on the public reply page, digests are not made.

export type TMail = { to: string; subject: string; text: string; html: string };

/** Whether Suara sends email at all (SMTP_URL set). */
export function mailEnabled(): boolean {
  return !!serverEnv().SMTP_URL;
}

const globalForMail = globalThis as unknown as { suaraMailer?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (globalForMail.suaraMailer?.url !== url) {
    globalForMail.suaraMailer?.transport.close();
    const transport = nodemailer.createTransport(url, {
      // A mail server that does not answer must not hold a job for minutes: the queue retries.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
    globalForMail.suaraMailer = { url, transport };
  }
  return globalForMail.suaraMailer.transport;
}

export class MailOffError extends Error {}

/** Hands one message to the SMTP server; resolves once the server accepted it, throws otherwise. */
export async function sendMail(mail: TMail): Promise<{ messageId: string }> {
  const env = serverEnv();
  if (!env.SMTP_URL || !env.MAIL_FROM) throw new MailOffError("SMTP_URL is not set");
  const info = await transport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
  if (info.rejected.length > 0) throw new Error(`the mail server refused ${mail.to}`);
  return { messageId: info.messageId };
}

/** Closes the pooled SMTP connection, if any (shutdown, tests). */
export function closeMail() {
  globalForMail.suaraMailer?.transport.close();
  globalForMail.suaraMailer = undefined;
}
