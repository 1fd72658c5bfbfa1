/**
 * A minimal SMTP client (RFC 5321) for the few messages Uplift sends: password reset links. No
 * dependency. `SMTP_URL` configures it: `smtps://user:pass@host:465` (TLS from the start) or
 * `smtp://user:pass@host:587` (upgraded with STARTTLS when the server offers it; plain only for
 * a relay on localhost). `SMTP_FROM` is the sender address.
 */
import net from 'node:net';
import tls from 'node:tls';

export type MailMessage = { to: string; subject: string; text: string };
export type SmtpConfig = { url: string; from: string };

export function smtpConfigFromEnv(env: Record<string, string | undefined> = process.env): SmtpConfig | null {
  if (!env.SMTP_URL || !env.SMTP_FROM) return null;
  return { url: env.SMTP_URL, from: env.SMTP_FROM };
}

/** Refuses header injection: addresses and subjects are single lines. */
function singleLine(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error('line break in a mail header');
  return value;
}

function encodeBody(text: string): string {
  // Dot-stuffing (RFC 5321 4.5.2) and CRLF line ends.
  return text
    .replace(/\r?\n/g, '\r\n')
    .split('\r\n')
    .map((line) => (line.startsWith('.') ? `.${line}` : line))
    .join('\r\n');
}

class Session {
  private buffer = '';
  private waiting: ((reply: { code: number; text: string }) => void) | null = null;
  private failure: ((error: Error) => void) | null = null;

  constructor(public socket: net.Socket) {
    this.attach(socket);
  }

  attach(socket: net.Socket) {
    this.socket = socket;
    this.buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      // A reply is complete at a line "NNN text" (a space, not a hyphen, after the code).
      const lines = this.buffer.split('\r\n');
      const last = lines.findIndex((line) => /^\d{3} /.test(line) || /^\d{3}$/.test(line));
      if (last >= 0 && this.waiting) {
        const reply = lines.slice(0, last + 1);
        this.buffer = lines.slice(last + 1).join('\r\n');
        const resolve = this.waiting;
        this.waiting = null;
        resolve({ code: Number(reply[last]!.slice(0, 3)), text: reply.map((line) => line.slice(4)).join('\n') });
      }
    });
    socket.on('error', (error) => this.failure?.(error));
  }

  read(): Promise<{ code: number; text: string }> {
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failure = reject;
      this.socket.emit('data', '');
    });
  }

  async command(line: string, expect: number[]): Promise<string> {
    this.socket.write(`${line}\r\n`);
    const reply = await this.read();
    if (!expect.includes(reply.code)) throw new Error(`SMTP ${line.split(' ')[0]} refused (${reply.code})`);
    return reply.text;
  }
}

/** Sends one plain-text message; throws on any refusal or after `timeoutMs`. */
export async function sendMail(config: SmtpConfig, message: MailMessage, timeoutMs = 10_000): Promise<void> {
  for (const value of [config.from, message.to, message.subject]) singleLine(value);
  const url = new URL(config.url);
  const secure = url.protocol === 'smtps:';
  const host = url.hostname;
  const port = Number(url.port || (secure ? 465 : 587));
  const socket: net.Socket = secure ? tls.connect({ host, port, servername: host }) : net.connect({ host, port });
  socket.setTimeout(timeoutMs, () => socket.destroy(new Error('SMTP timeout')));
  const session = new Session(socket);
  try {
    const greeting = await session.read();
    if (greeting.code !== 220) throw new Error(`SMTP greeting ${greeting.code}`);
    let features = await session.command('EHLO uplift', [250]);
    if (!secure && /^STARTTLS$/im.test(features)) {
      await session.command('STARTTLS', [220]);
      const upgraded = tls.connect({ socket, servername: host });
      upgraded.setTimeout(timeoutMs, () => upgraded.destroy(new Error('SMTP timeout')));
      session.attach(upgraded);
      await new Promise<void>((resolve, reject) => {
        upgraded.once('secureConnect', resolve);
        upgraded.once('error', reject);
      });
      features = await session.command('EHLO uplift', [250]);
    }
    if (url.username) {
      const credentials = Buffer.from(`\u0000${decodeURIComponent(url.username)}\u0000${decodeURIComponent(url.password)}`).toString('base64');
      await session.command(`AUTH PLAIN ${credentials}`, [235]);
    }
    await session.command(`MAIL FROM:<${singleLine(config.from)}>`, [250]);
    await session.command(`RCPT TO:<${singleLine(message.to)}>`, [250, 251]);
    await session.command('DATA', [354]);
    const headers = [
      `From: Uplift <${config.from}>`,
      `To: <${message.to}>`,
      `Subject: ${singleLine(message.subject)}`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
    ];
    await session.command(`${headers.join('\r\n')}\r\n\r\n${encodeBody(message.text)}\r\n.`, [250]);
    await session.command('QUIT', [221]).catch(() => undefined);
  } finally {
    session.socket.destroy();
  }
}
