import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  parsed: ParsedMail;
  /** The message as it arrived on the wire. */
  raw: string;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /**
   * What the next deliveries are answered: each entry a reply code for one message (451: try later, 550:
   * never), after which messages are accepted again.
   */
  refuseNext(...codes: number[]): void;
  /** Every delivery attempt, accepted or refused, by recipient. */
  attempts: string[];
  /** The messages to this address, once there are at least `count` (waits up to `timeoutMs`). */
  waitFor(to: string, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** The first message to this address with this subject (waits up to 15 s). */
  waitForSubject(to: string, subject: string | RegExp): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

/** A real SMTP server on a free port (smtp-server), parsing what arrives with mailparser. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const attempts: string[] = [];
  const refusals: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        attempts.push(to);
        const code = refusals.shift();
        if (code !== undefined) {
          const error = Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), {
            responseCode: code,
          });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          received.push({ to, parsed, raw });
          callback(null);
        }, callback);
      });
    },
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts,
    refuseNext: (...codes) => refusals.push(...codes),
    async waitFor(to, count = 1, timeoutMs = 15000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.filter((mail) => mail.to === to);
        if (found.length >= count) return found;
        if (Date.now() > deadline)
          throw new Error(`no mail to ${to} within ${timeoutMs} ms (${received.length} in all)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async waitForSubject(to, subject) {
      const matches = (mail: ReceivedMail) =>
        mail.to === to &&
        (typeof subject === 'string' ? mail.parsed.subject === subject : subject.test(mail.parsed.subject ?? ''));
      const deadline = Date.now() + 15000;
      for (;;) {
        const found = received.find(matches);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} about ${String(subject)} within 15 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
