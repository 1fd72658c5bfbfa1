/**
 * Test helper: a real SMTP server (the smtp-server package) started inside the test, recording every
 * message it accepts. `starttls: false` makes it a server that does not offer STARTTLS; `host` picks
 * the address it listens on (loopback unless given).
 */
import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { from: string; to: string[]; raw: string; secure: boolean; user: string | null };

export type TestSmtpServer = {
  host: string;
  port: number;
  messages: ReceivedMail[];
  /** Commands that reached the server after the greeting: MAIL FROM is never sent when TLS was refused. */
  mailFromSeen: number;
  /** Every recipient of every accepted message. */
  recipients: () => string[];
  /** Every accepted message's headers and decoded body, one after another. */
  text: () => string;
  close: () => Promise<void>;
};

export async function startTestSmtpServer(
  options: {
    host?: string;
    starttls?: boolean;
    user?: string;
    pass?: string;
    /** Recipients refused with 550 (a mailbox that does not exist): a permanent failure. */
    rejectRecipients?: string[];
    /** A fixed port to listen on (a test restarting "the same" server); any free one when omitted. */
    port?: number;
  } = {},
): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const state = { mailFromSeen: 0 };
  const server = new SMTPServer({
    // Without TLS only when the test asks for a server that does not offer it.
    disabledCommands: options.starttls === false ? ['STARTTLS'] : [],
    authOptional: !options.user,
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onMailFrom(_address, _session, callback) {
      state.mailFromSeen += 1;
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipients?.includes(address.address.toLowerCase())) {
        callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      } else {
        callback();
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : null,
        });
        callback();
      });
    },
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    host,
    port,
    messages,
    get mailFromSeen() {
      return state.mailFromSeen;
    },
    recipients: () => messages.flatMap((message) => message.to),
    text: () => messages.map((message) => `${message.raw.slice(0, message.raw.indexOf('\r\n\r\n'))}\n\n${bodyOf(message.raw)}`).join('\n'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An address of this machine on a real network interface (not loopback), where TLS is required. */
export function networkAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    const address = addresses?.find((candidate) => candidate.family === 'IPv4' && !candidate.internal);
    if (address) return address.address;
  }
  throw new Error('This machine has no non-loopback IPv4 address to test the TLS requirement on.');
}

/** The text body of a raw message, quoted-printable soft line breaks undone. */
export function bodyOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
