import { SMTPServer } from "smtp-server";

// A real SMTP server in the test process (127.0.0.1, no TLS, no auth) that keeps what it
// receives, for the tests that check an email was delivered (replies, digests, the e2e loop);
// `failOnce` makes it refuse the next message to an address with a 451.

export type TDelivered = { to: string; subject: string; text: string; raw: string };

export type TTestSmtp = {
  port: number;
  url: string;
  inbox: TDelivered[];
  failOnce: Set<string>;
  /** The first message matching `match`, waited for (polling) up to `ms`. */
  waitFor: (match: (m: TDelivered) => boolean, ms?: number) => Promise<TDelivered>;
  close: () => Promise<void>;
};

/** Bytes (one latin1 char each) with =XX escapes and soft line breaks undone, read as UTF-8. */
function qp(s: string): string {
  const bytes: number[] = [];
  const flat = s.replace(/=\r\n/g, "");
  for (let i = 0; i < flat.length; i++) {
    const hex = flat.slice(i + 1, i + 3);
    if (flat[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(flat.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Enough MIME to read subjects and bodies in tests: folded headers, encoded words, quoted-printable. */
function decode(raw: string): { subject: string; text: string } {
  const unfolded = raw.replace(/\r\n[ \t]+/g, " ");
  const rawSubject = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? "";
  const subject = rawSubject
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, body: string) =>
      enc.toUpperCase() === "B" ? Buffer.from(body, "base64").toString("utf8") : qp(body.replace(/_/g, " ")),
    );
  return { subject: /=\?/.test(rawSubject) ? subject : qp(subject), text: qp(raw) };
}

/** On `port` (a fixed one the app under test was told), or on any free one. */
export async function startTestSmtp(port = 0): Promise<TTestSmtp> {
  const inbox: TDelivered[] = [];
  const failOnce = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (d: Buffer) => (raw += d.toString("latin1")));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(",");
        if (failOnce.delete(to)) {
          const err = new Error("try again later") as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        inbox.push({ to, raw, ...decode(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.server.address() as { port: number }).port;
  async function waitFor(match: (m: TDelivered) => boolean, ms = 30_000): Promise<TDelivered> {
    const deadline = Date.now() + ms;
    for (;;) {
      const m = inbox.find(match);
      if (m) return m;
      if (Date.now() > deadline) throw new Error(`no matching email among ${inbox.length} delivered`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { port: bound, url: `smtp://127.0.0.1:${bound}`, inbox, failOnce, waitFor, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
