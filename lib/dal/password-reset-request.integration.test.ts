import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCareTeam, createUser } from '@/db/factories';
import { setupTestDatabase } from '@/db/testing';
import { bodyOf, startTestSmtpServer, type TestSmtpServer } from '@/lib/mail/test-smtp-server';
import { isSelfServiceResetAvailable, requestPasswordReset } from './password-reset-request';
import { peekToken } from './internal/tokens';

const db = setupTestDatabase();
let server: TestSmtpServer;

beforeAll(async () => {
  // A real SMTP server, offering STARTTLS, on this machine.
  server = await startTestSmtpServer();
  process.env.SMTP_URL = `smtp://127.0.0.1:${server.port}`;
  process.env.SMTP_FROM = 'noreply@clinic.example';
  process.env.AUTH_URL = 'https://uplift.clinic.example';
});
afterAll(async () => {
  await server.close();
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
  delete process.env.AUTH_URL;
});

const mails = () => server.messages.length;

describe('requestPasswordReset', () => {
  it('emails a working one-hour link on the configured site to an active account', async () => {
    expect(isSelfServiceResetAvailable()).toBe(true);
    const { patient } = await createCareTeam(db());
    const before = mails();
    await requestPasswordReset(patient.email.toUpperCase(), '198.51.100.20');
    expect(mails()).toBe(before + 1);
    const message = server.messages.at(-1)!;
    expect(message).toMatchObject({ from: 'noreply@clinic.example', to: [patient.email], secure: true });
    expect(message.raw).toMatch(/^Subject: Reset your Uplift password$/m);
    const body = bodyOf(message.raw);
    expect(body).toContain(`Hello ${patient.name.split(' ')[0]},`);
    expect(body).toContain('within 1 hour');
    expect(body).toContain('If you did not ask for this, you can ignore this email');
    const links = [...body.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]);
    expect(links).toHaveLength(1);
    const link = /^https:\/\/uplift\.clinic\.example\/reset\/([A-Za-z0-9_-]+)$/.exec(links[0]!);
    expect(link).not.toBeNull();
    expect(await peekToken(db(), link![1]!, 'reset')).toBe(patient.id);
    // Nothing else about the account or the clinic goes into the email.
    expect(message.raw).not.toContain(patient.id);
  });

  it('sends nothing for an unknown or deactivated account, and only three in a row', async () => {
    const { clinic } = await createCareTeam(db());
    const inactive = await createUser(db(), clinic.id, 'patient', { active: false });
    const before = mails();
    await requestPasswordReset('nobody-at-all@test.example', null);
    await requestPasswordReset(inactive.email, null);
    expect(mails()).toBe(before);
    const patient = await createUser(db(), clinic.id, 'patient');
    for (let attempt = 0; attempt < 5; attempt += 1) await requestPasswordReset(patient.email, null);
    expect(mails()).toBe(before + 3);
  });
});
