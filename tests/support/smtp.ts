import { SMTPServer } from "smtp-server";

// A real SMTP server in the test's process that keeps what it is sent, for the tests that check
// an email was delivered (replies, digests). No TLS, no auth: it listens on 127.0.0.1 only.

export type TDelivered = { to: string; subject: string; text: string; raw: string };

export type TSmtpCapture = {
  port: number;
  messages: TDelivered[];
  /** The first message matching `match`, waited for (polling) up to `ms`. */
  waitFor: (match: (m: TDelivered) => boolean, ms?: number) => Promise<TDelivered>;
  close: () => Promise<void>;
};

/** Unfolds headers, decodes quoted-printable soft breaks and =XX escapes (UTF-8 sequences included). */
function decode(raw: string): { subject: string; text: string } {
  const unfolded = raw.replace(/\r\n[ \t]+/g, " ");
  const qp = raw.replace(/=\r\n/g, "").replace(/(=[0-9A-F]{2})+/g, (run) => Buffer.from(run.split("=").slice(1).map((h) => parseInt(h, 16))).toString("utf8"));
  return { subject: /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? "", text: qp };
}

export async function startSmtpCapture(port = 0): Promise<TSmtpCapture> {
  const messages: TDelivered[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (d: Buffer) => (raw += d.toString("utf8")));
      stream.on("end", () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw, ...decode(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.server.address() as { port: number }).port,
    messages,
    async waitFor(match, ms = 30_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const m = messages.find(match);
        if (m) return m;
        if (Date.now() > deadline) throw new Error(`no matching email among ${messages.length} delivered`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
