/**
 * Sends Uplift's emails (password reset links, notifications) with nodemailer. `SMTP_URL` configures it:
 * `smtps://user:pass@host:465` (TLS from the start) or `smtp://user:pass@host:587` (upgraded with
 * STARTTLS). TLS with a verified certificate is required unless the host is this machine (a local
 * relay): a server that does not offer STARTTLS, or whose certificate does not verify, is refused
 * before the message or the password is sent. `SMTP_FROM` is the sender address.
 */
import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  /** Extra headers (e.g. List-Unsubscribe); names and values are single lines. */
  headers?: Record<string, string>;
};
export type SmtpConfig = { url: string; from: string };

export function smtpConfigFromEnv(env: Record<string, string | undefined> = process.env): SmtpConfig | null {
  if (!env.SMTP_URL || !env.SMTP_FROM) return null;
  return { url: env.SMTP_URL, from: env.SMTP_FROM };
}

/** This machine: `localhost`, 127.0.0.0/8 or ::1 (also IPv4-mapped). Mail to it never crosses a network. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^::ffff:127\./.test(host);
  return false;
}

/** Nodemailer's transport options for `config`: TLS required and verified except on loopback. */
export function transportOptions(config: SmtpConfig, timeoutMs = 10_000): SMTPTransport.Options {
  const url = new URL(config.url);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = isLoopbackHost(host);
  return {
    host,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    // Off this machine, STARTTLS must be offered and must succeed before anything else is sent.
    requireTLS: !secure && !loopback,
    // A local relay may offer STARTTLS with a certificate for another name; the traffic stays on this machine.
    tls: loopback ? { rejectUnauthorized: false } : { rejectUnauthorized: true, servername: isIP(host) ? undefined : host, minVersion: 'TLSv1.2' },
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    name: 'uplift',
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** Refuses header injection: addresses and subjects are single lines. */
function singleLine(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error('line break in a mail header');
  return value;
}

/** Sends one plain-text message; throws on any refusal, on a server without TLS, or after `timeoutMs`. */
export async function sendMail(config: SmtpConfig, message: MailMessage, timeoutMs = 10_000): Promise<void> {
  const headers = Object.entries(message.headers ?? {});
  for (const value of [config.from, message.to, message.subject, ...headers.flat()]) singleLine(value);
  const transport = nodemailer.createTransport(transportOptions(config, timeoutMs));
  try {
    await transport.sendMail({
      from: { name: 'Uplift', address: config.from },
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(headers.length ? { headers: Object.fromEntries(headers) } : {}),
    });
  } finally {
    transport.close();
  }
}
