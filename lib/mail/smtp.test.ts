import { afterEach, describe, expect, it } from 'vitest';
import { isLoopbackHost, sendMail, smtpConfigFromEnv, transportOptions } from './smtp';
import { bodyOf, networkAddress, startTestSmtpServer, type TestSmtpServer } from './test-smtp-server';

let server: TestSmtpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FROM = 'noreply@clinic.example';

describe('sendMail (nodemailer, against a real SMTP server)', () => {
  it('delivers over STARTTLS with authentication, headers and body intact', async () => {
    server = await startTestSmtpServer({ user: 'mailer', pass: 's@cret' });
    await sendMail(
      { url: `smtp://mailer:s%40cret@127.0.0.1:${server.port}`, from: FROM },
      { to: 'sam@example.com', subject: 'Reset your Uplift password', text: 'Hello\n.hidden line\nBye — Zoë' },
    );
    expect(server.messages).toHaveLength(1);
    const [message] = server.messages;
    expect(message).toMatchObject({ from: FROM, to: ['sam@example.com'], secure: true, user: 'mailer' });
    expect(message!.raw).toContain('Subject: Reset your Uplift password');
    expect(message!.raw).toMatch(/^From: Uplift <noreply@clinic\.example>/m);
    expect(bodyOf(message!.raw)).toContain('.hidden line');
    expect(bodyOf(message!.raw)).toContain('Bye — Zoë');
  });

  it('refuses a server off this machine that does not offer STARTTLS, before sending anything', async () => {
    const host = networkAddress();
    server = await startTestSmtpServer({ host, starttls: false });
    await expect(sendMail({ url: `smtp://${host}:${server.port}`, from: FROM }, { to: 'sam@example.com', subject: 's', text: 't' }, 5_000)).rejects.toThrow(/STARTTLS|TLS/i);
    expect(server.mailFromSeen).toBe(0);
    expect(server.messages).toHaveLength(0);
  });

  it('refuses a server off this machine whose certificate does not verify', async () => {
    const host = networkAddress();
    // smtp-server's built-in certificate is self-signed.
    server = await startTestSmtpServer({ host });
    await expect(sendMail({ url: `smtp://${host}:${server.port}`, from: FROM }, { to: 'sam@example.com', subject: 's', text: 't' }, 5_000)).rejects.toThrow();
    expect(server.messages).toHaveLength(0);
  });

  it('allows a local relay without TLS', async () => {
    server = await startTestSmtpServer({ starttls: false });
    await sendMail({ url: `smtp://localhost:${server.port}`, from: FROM }, { to: 'sam@example.com', subject: 's', text: 't' });
    expect(server.messages).toMatchObject([{ secure: false }]);
  });

  it('refuses header injection and fails when the recipient is refused', async () => {
    server = await startTestSmtpServer();
    const config = { url: `smtp://127.0.0.1:${server.port}`, from: FROM };
    await expect(sendMail(config, { to: 'x@example.com', subject: 'a\r\nBcc: evil@example.com', text: 't' })).rejects.toThrow(/line break/);
    await expect(sendMail(config, { to: 'not an address', subject: 's', text: 't' })).rejects.toThrow();
    expect(server.messages).toHaveLength(0);
  });

  it('requires TLS everywhere but loopback, and is configured only with SMTP_URL and SMTP_FROM', () => {
    for (const host of ['localhost', '127.0.0.1', '127.9.9.9', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['mail.example.com', '10.0.0.5', '192.0.2.2', '[::2]', 'localhost.example.com']) expect(isLoopbackHost(host)).toBe(false);
    expect(transportOptions({ url: 'smtp://mail.example.com', from: FROM })).toMatchObject({ port: 587, secure: false, requireTLS: true, tls: { rejectUnauthorized: true } });
    expect(transportOptions({ url: 'smtps://u:p@mail.example.com', from: FROM })).toMatchObject({ port: 465, secure: true, auth: { user: 'u', pass: 'p' } });
    expect(() => transportOptions({ url: 'http://mail.example.com', from: FROM })).toThrow();
    expect(smtpConfigFromEnv({})).toBeNull();
    expect(smtpConfigFromEnv({ SMTP_URL: 'smtp://x' })).toBeNull();
    expect(smtpConfigFromEnv({ SMTP_URL: 'smtp://x', SMTP_FROM: 'a@b.c' })).toEqual({ url: 'smtp://x', from: 'a@b.c' });
  });
});
