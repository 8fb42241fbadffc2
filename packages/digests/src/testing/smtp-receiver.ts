import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: Buffer;
}

export interface SmtpReceiver {
  /** `smtp://user:pass@127.0.0.1:<port>`. */
  url: string;
  received: ReceivedMail[];
  /** Resolves once `count` emails have been accepted in all. */
  seen(count: number): Promise<ReceivedMail[]>;
  /** How many RCPT TO commands came, accepted or not. */
  recipients: () => number;
  close(): Promise<void>;
}

export interface SmtpReceiverOptions {
  user: string;
  password: string;
  /** The reply to the n-th RCPT TO (1-based): undefined accepts, else refused with this code. */
  rcpt?: (n: number) => number | undefined;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it accepts. STARTTLS is not offered (a test has
 * no certificate a client would trust), so AUTH PLAIN is allowed over the plain connection.
 */
export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let rcpts = 0;
  const settings: SMTPServerOptions = {
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) {
        callback(null, { user: auth.username });
      } else callback(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, callback) {
      rcpts += 1;
      const code = options.rcpt?.(rcpts);
      if (code === undefined) return callback();
      const error = new Error(`${code === 451 ? 'try again later' : 'no such mailbox'}`);
      (error as Error & { responseCode: number }).responseCode = code;
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        for (const w of waiters.filter((w) => received.length >= w.count)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
        callback();
      });
    },
  };
  const server = new SMTPServer(settings);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const auth = `${encodeURIComponent(options.user)}:${encodeURIComponent(options.password)}`;
  return {
    url: `smtp://${auth}@127.0.0.1:${port}`,
    received,
    seen: (count) =>
      received.length >= count
        ? Promise.resolve(received.slice(0, count))
        : new Promise((resolve) =>
            waiters.push({ count, resolve: () => resolve(received.slice(0, count)) }),
          ),
    recipients: () => rcpts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
