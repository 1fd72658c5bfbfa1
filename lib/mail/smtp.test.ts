import { afterEach, describe, expect, it } from 'vitest';
import { fakeSmtpServer as fakeServer } from './fake-smtp-server';
import { sendMail, smtpConfigFromEnv } from './smtp';

let close: (() => void) | undefined;
afterEach(() => close?.());

describe('sendMail', () => {
  it('authenticates, sends headers and a dot-stuffed body', async () => {
    const server = await fakeServer();
    close = server.close;
    await sendMail(
      { url: `smtp://mailer:s%40cret@127.0.0.1:${server.port}`, from: 'noreply@clinic.example' },
      { to: 'sam@example.com', subject: 'Reset your Uplift password', text: 'Hello\n.hidden line\nBye' },
    );
    expect(server.received.commands[0]).toBe('EHLO uplift');
    expect(Buffer.from(server.received.commands[1]!.split(' ')[2]!, 'base64').toString()).toBe('\u0000mailer\u0000s@cret');
    expect(server.received.commands).toContain('RCPT TO:<sam@example.com>');
    expect(server.received.data).toContain('Subject: Reset your Uplift password');
    expect(server.received.data).toContain('\n..hidden line\n');
  });

  it('fails when the server refuses the recipient, and refuses header injection', async () => {
    const server = await fakeServer({ refuseRcpt: true });
    close = server.close;
    const config = { url: `smtp://127.0.0.1:${server.port}`, from: 'noreply@clinic.example' };
    await expect(sendMail(config, { to: 'x@example.com', subject: 's', text: 't' })).rejects.toThrow(/RCPT/);
    const before = server.received.commands.length;
    await expect(sendMail(config, { to: 'x@example.com', subject: 'a\r\nBcc: evil@example.com', text: 't' })).rejects.toThrow(/line break/);
    expect(server.received.commands.length).toBe(before);
  });

  it('is configured only with both SMTP_URL and SMTP_FROM', () => {
    expect(smtpConfigFromEnv({})).toBeNull();
    expect(smtpConfigFromEnv({ SMTP_URL: 'smtp://x' })).toBeNull();
    expect(smtpConfigFromEnv({ SMTP_URL: 'smtp://x', SMTP_FROM: 'a@b.c' })).toEqual({ url: 'smtp://x', from: 'a@b.c' });
  });
});
