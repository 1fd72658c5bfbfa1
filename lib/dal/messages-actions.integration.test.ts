import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { createCareTeam, createUser, signInAs } from '@/db/factories';
import { clinics, episodes, messages } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { updateMessageSettingsAction } from '@/app/manager/settings/messaging-actions';
import { sendClinicianMessageAction } from '@/app/clinician/patients/[id]/messages/actions';
import { NOT_SENT } from '@/lib/forms';
import { MESSAGE_REFUSALS } from './messages';
import { sendPatientMessageAction } from '@/app/patient/messages/actions';

// Outside a Next.js request there is no cache to revalidate; everything else (session, DAL, database) is real.
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));

const db = setupTestDatabase();

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const message = (body: string, extra: Record<string, string> = {}) => form({ submissionId: randomUUID(), body, ...extra });
const stored = async () => (await db().select({ id: messages.id }).from(messages)).length;

describe('sendPatientMessageAction', () => {
  it('sends, and offers the safety questions for a red-flag mention', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    expect(await sendPatientMessageAction(team.episode.id, NOT_SENT, message('Can I swim?'))).toEqual({ ok: true, data: { redFlagGroups: [] } });
    expect(await sendPatientMessageAction(team.episode.id, NOT_SENT, message('I have a numb bum and a fever'))).toEqual({
      ok: true,
      data: { redFlagGroups: ['cauda-equina', 'serious-pathology'] },
    });
  });

  it('refuses each bad message next to the field, or the form above it, and stores nothing', async () => {
    const team = await createCareTeam(db());
    const other = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    const before = await stored();
    expect(await sendPatientMessageAction(team.episode.id, NOT_SENT, message(''))).toMatchObject({
      ok: false,
      fieldErrors: { body: ['Enter your message.'] },
      values: { body: '' },
    });
    expect(await sendPatientMessageAction(team.episode.id, NOT_SENT, message('x'.repeat(2001)))).toMatchObject({
      ok: false,
      fieldErrors: { body: ['Your message must be 2,000 characters or fewer.'] },
    });
    expect(await sendPatientMessageAction(other.episode.id, NOT_SENT, message('Hello'))).toMatchObject({
      ok: false,
      fieldErrors: { body: [MESSAGE_REFUSALS.patientOutside] },
      values: { body: 'Hello' },
    });
    expect(await sendPatientMessageAction('../../etc', NOT_SENT, message('Hello'))).toMatchObject({ fieldErrors: { body: [MESSAGE_REFUSALS.patientOutside] } });
    expect(await sendPatientMessageAction(team.episode.id, NOT_SENT, form({ submissionId: 'not-a-uuid', body: 'Hello' }))).toMatchObject({
      ok: false,
      formError: 'This form has expired. Please reload the page and try again.',
    });
    const tampered = await sendPatientMessageAction(team.episode.id, NOT_SENT, message('Hello', { patientId: other.patient.id }));
    expect(tampered).toMatchObject({ ok: false });
    expect(tampered.formError).toBeTruthy();
    // Another role's session is refused by the action before the DAL is asked.
    await signInAs(db(), team.clinician.id);
    expect(await sendPatientMessageAction(team.episode.id, NOT_SENT, message('Hello'))).toMatchObject({ formError: 'Please sign in again as the patient to do this.' });
    await signInAs(db(), team.patient.id);
    await db().update(episodes).set({ status: 'discharged', dischargedAt: new Date() }).where(eq(episodes.id, team.episode.id));
    expect(await sendPatientMessageAction(team.episode.id, NOT_SENT, message('Hello'))).toMatchObject({ fieldErrors: { body: [MESSAGE_REFUSALS.patientReadOnly] } });
    expect(await stored()).toBe(before);
  });
});

describe('sendClinicianMessageAction', () => {
  it('lets the care team reply and refuses clinician2 and a blank reply', async () => {
    const team = await createCareTeam(db());
    const clinician2 = await createUser(db(), team.clinic.id, 'clinician');
    await signInAs(db(), team.clinician.id);
    expect(await sendClinicianMessageAction(team.episode.id, NOT_SENT, message('How are the exercises going?'))).toEqual({ ok: true, data: { redFlagGroups: [] } });
    const before = await stored();
    expect(await sendClinicianMessageAction(team.episode.id, NOT_SENT, message('  '))).toMatchObject({ fieldErrors: { body: ['Enter your message.'] } });
    await signInAs(db(), clinician2.id);
    expect(await sendClinicianMessageAction(team.episode.id, NOT_SENT, message('Hello'))).toMatchObject({
      fieldErrors: { body: [MESSAGE_REFUSALS.clinicianOutside] },
    });
    expect(await stored()).toBe(before);
  });
});

describe('updateMessageSettingsAction', () => {
  it('saves a manager’s settings and refuses bad numbers, a missing choice and other roles', async () => {
    const team = await createCareTeam(db());
    const setting = async () =>
      (await db().select({ days: clinics.messageReplyWorkingDays, readOnly: clinics.messagesReadOnlyAfterDischarge }).from(clinics).where(eq(clinics.id, team.clinic.id)))[0];
    await signInAs(db(), team.manager.id);
    expect(await updateMessageSettingsAction(NOT_SENT, form({ messageReplyWorkingDays: '3', readOnlyAfterDischarge: 'off' }))).toEqual({ ok: true });
    expect(await setting()).toEqual({ days: 3, readOnly: false });
    for (const days of ['0', '11', '1e1', ' 2', '2.5', '']) {
      expect(await updateMessageSettingsAction(NOT_SENT, form({ messageReplyWorkingDays: days, readOnlyAfterDischarge: 'on' })), days).toMatchObject({
        ok: false,
        fieldErrors: { messageReplyWorkingDays: ['Enter a whole number of working days, from 1 to 10.'] },
      });
    }
    expect(await updateMessageSettingsAction(NOT_SENT, form({ messageReplyWorkingDays: '2' }))).toMatchObject({
      fieldErrors: { readOnlyAfterDischarge: ['Choose whether messages stay open after discharge.'] },
    });
    await signInAs(db(), team.clinician.id);
    expect(await updateMessageSettingsAction(NOT_SENT, form({ messageReplyWorkingDays: '5', readOnlyAfterDischarge: 'on' }))).toMatchObject({
      ok: false,
      formError: 'Please sign in again as a manager to do this.',
    });
    expect(await setting()).toEqual({ days: 3, readOnly: false });
  });
});
