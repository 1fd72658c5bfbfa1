/**
 * The delivery channels beyond the app (docs/ARCHITECTURE.md, "Notifications"): one entry per channel
 * in `deliveryChannels`, which the delivery job (deliver.ts) sends through. A channel is told what to
 * send and to whom, and answers whether it went:
 *
 *   send(delivery, recipient) => Promise<{ ok: true } | { ok: false, permanent, code }>
 *
 * `permanent` means the address itself was refused (a mailbox that does not exist, a push subscription
 * that is gone): the delivery is not retried and the address counts a failure towards retirement. A
 * temporary failure (server down, time-out, 4xx) is retried with backoff. `code` is a short code
 * (`smtp-550`, `ECONNECTION`, `push-410`), never content. `address(recipient)` names what retirement is
 * counted against (the email address); a channel with several addresses per person (push subscriptions)
 * returns null and retires its own. `configured()` false leaves the channel's deliveries in the outbox.
 */
import type { Db } from '@/db/connection';
import { sendMail, smtpConfigFromEnv, type SmtpConfig } from '@/lib/mail/smtp';
import { pushChannel } from '@/lib/push/channel';
import type { NotificationChannel } from './notify';

export type DeliveryMessage = {
  deliveryId: string;
  notificationId: string;
  kind: string;
  /** Holds no health data (notify.ts). */
  title: string;
  /** A path inside Uplift. */
  href: string;
  /** Extra email headers the caller gave notify() (List-Unsubscribe). */
  headers: Record<string, string>;
  /** Attempts made before this one. */
  attempts: number;
};

export type DeliveryRecipient = { userId: string; email: string; clinicId: string; clinicName: string };

export type ChannelResult = { ok: true } | { ok: false; permanent: boolean; code: string };

export type DeliveryChannel = {
  configured: () => boolean;
  address?: (recipient: DeliveryRecipient) => string | null;
  send: (delivery: DeliveryMessage, recipient: DeliveryRecipient) => Promise<ChannelResult>;
  /**
   * A temporary failure with this code means the whole channel is unreachable (the mail server is
   * down): the rest of the run's deliveries on it wait for the next run instead of each timing out.
   */
  isOutage?: (code: string) => boolean;
};

export type DeliveryChannels = Record<NotificationChannel, DeliveryChannel>;

/** The email's text: the title and the link, nothing else (the content is behind sign-in). */
export function emailText(delivery: Pick<DeliveryMessage, 'title' | 'href'>, siteUrl: string): string {
  const link = new URL(delivery.href, siteUrl).toString();
  return [
    `${delivery.title}.`,
    '',
    `Sign in to Uplift to see it: ${link}`,
    '',
    'This email leaves out the details on purpose, to keep them private. They are in Uplift, behind your sign-in.',
  ].join('\n');
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'ECONNREFUSED', 'EAUTH']);

/** A nodemailer error as a result: a recipient refused with 5xx is permanent; anything else is worth a retry. */
export function smtpResult(error: unknown): ChannelResult {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const smtpCode = typeof responseCode === 'number' ? responseCode : null;
  const named = typeof code === 'string' && /^[A-Z_]{1,30}$/.test(code) ? code : 'error';
  if (smtpCode !== null) return { ok: false, permanent: named === 'EENVELOPE' && smtpCode >= 500 && smtpCode < 600, code: `smtp-${smtpCode}` };
  return { ok: false, permanent: false, code: named };
}

/** Email through nodemailer (lib/mail/smtp.ts): needs SMTP_URL and SMTP_FROM, and AUTH_URL for the link. */
export function emailChannel(options: { smtp: SmtpConfig | null; siteUrl: string | null; timeoutMs?: number }): DeliveryChannel {
  return {
    configured: () => options.smtp !== null && Boolean(options.siteUrl),
    address: (recipient) => recipient.email.toLowerCase(),
    isOutage: (code) => CONNECTION_CODES.has(code),
    send: async (delivery, recipient) => {
      try {
        await sendMail(
          options.smtp!,
          { to: recipient.email, subject: delivery.title, text: emailText(delivery, options.siteUrl!), headers: delivery.headers },
          options.timeoutMs,
        );
        return { ok: true };
      } catch (error) {
        return smtpResult(error);
      }
    },
  };
}

/** A channel that is not set up: its deliveries stay queued in the outbox (the delivery tests use it for push). */
export const pushNotConfigured: DeliveryChannel = {
  configured: () => false,
  send: async () => ({ ok: false, permanent: false, code: 'not-configured' }),
};

/** The channels as this server is configured; push (lib/push/channel.ts) sends through `db`'s subscriptions. */
export function deliveryChannels(db: Db, env: Record<string, string | undefined> = process.env): DeliveryChannels {
  return {
    email: emailChannel({ smtp: smtpConfigFromEnv(env), siteUrl: env.AUTH_URL ?? null }),
    push: pushChannel(db),
  };
}
