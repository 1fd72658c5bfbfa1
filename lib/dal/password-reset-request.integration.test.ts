import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCareTeam, createUser } from '@/db/factories';
import { setupTestDatabase } from '@/db/testing';
import { fakeSmtpServer } from '@/lib/mail/fake-smtp-server';
import { isSelfServiceResetAvailable, requestPasswordReset } from './password-reset-request';
import { peekToken } from './tokens';

const db = setupTestDatabase();
let server: Awaited<ReturnType<typeof fakeSmtpServer>>;

beforeAll(async () => {
  server = await fakeSmtpServer();
  process.env.SMTP_URL = `smtp://127.0.0.1:${server.port}`;
  process.env.SMTP_FROM = 'noreply@clinic.example';
  process.env.AUTH_URL = 'https://uplift.clinic.example';
});
afterAll(() => {
  server.close();
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
  delete process.env.AUTH_URL;
});

const mails = () => server.received.data.split('Subject: ').length - 1;

describe('requestPasswordReset', () => {
  it('emails a working one-hour link on the configured site to an active account', async () => {
    expect(isSelfServiceResetAvailable()).toBe(true);
    const { patient } = await createCareTeam(db());
    await requestPasswordReset(patient.email.toUpperCase(), '198.51.100.20');
    const link = /https:\/\/uplift\.clinic\.example\/reset\/([A-Za-z0-9_-]+)/.exec(server.received.data);
    expect(link).not.toBeNull();
    expect(await peekToken(db(), link![1]!, 'reset')).toBe(patient.id);
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
