import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { onboardNewPatient } from './onboard';
import { screenshotIfAsked } from '../fixtures/screenshots';


test('a patient messages their physio, the clinician replies from an alert, and the patient reads the reply', async ({ browser }) => {
  test.setTimeout(180_000);
  const name = `Molly Message ${Date.now() % 100_000}`;
  const { patient, clinician } = await onboardNewPatient(browser, name);

  // The patient writes from the Messages page: when to expect an answer, and the emergency number, come first.
  await patient.getByRole('navigation', { name: 'Patient navigation' }).getByRole('link', { name: 'Messages' }).click();
  await expect(patient.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
  const write = patient.getByRole('region', { name: 'Write to your care team' });
  await expect(write).toContainText('your care team answers messages within 2 working days');
  await expect(write).toContainText('Messages are not for emergencies');
  await expect(write.getByRole('link', { name: '999' })).toHaveAttribute('href', 'tel:999');
  await expectNoSeriousA11yViolations(patient);

  // An empty message is refused next to the field.
  await write.getByRole('button', { name: 'Send message' }).click();
  await expect(write.getByRole('textbox', { name: 'Your message' })).toHaveAccessibleDescription(/Enter your message/);

  // A message that mentions a red-flag symptom is sent, and the safety questions are offered at once.
  await write.getByRole('textbox', { name: 'Your message' }).fill('My back pain is there all night now and I have had a fever since Sunday.');
  await write.getByRole('button', { name: 'Send message' }).click();
  const offer = patient.getByRole('alert').filter({ hasText: 'Please answer the safety questions now' });
  await expect(offer).toBeVisible();
  await expect(patient.getByRole('list', { name: 'Messages, oldest first' })).toContainText('had a fever since Sunday');
  await expect(write.getByRole('textbox', { name: 'Your message' })).toHaveValue('');
  await expectNoSeriousA11yViolations(patient);
  await screenshotIfAsked(patient, 'patient-messages-red-flag-offer-phone');

  await offer.getByRole('link', { name: 'Answer the safety questions' }).click();
  await expect(patient.getByRole('heading', { level: 1, name: 'Safety questions' })).toBeVisible();
  const answers: [RegExp, 'Yes' | 'No'][] = [[/lost weight/, 'No'], [/fever/, 'Yes'], [/there all night/, 'Yes'], [/bad fall/, 'No']];
  for (const [question, answer] of answers) {
    await patient.getByRole('group', { name: question }).getByRole('radio', { name: answer, exact: true }).check();
  }
  await patient.getByRole('button', { name: 'Save my answers' }).click();
  await expect(patient.getByRole('alert').filter({ hasText: 'Contact your physio’s clinic today' })).toBeVisible();

  // The clinician sees the unread message beside the alerts, and replies from the red-flag alert.
  await clinician.goto('/clinician/alerts');
  const nav = clinician.getByRole('navigation', { name: 'Clinician navigation' });
  await expect(nav.getByRole('link', { name: /^Messages, \d+ unread$/ })).toBeVisible();
  const alert = clinician.getByRole('region', { name: 'Open' }).getByRole('article', { name: `Red flag: ${name}` });
  await expect(alert).toBeVisible();
  await screenshotIfAsked(clinician, 'clinician-alerts-reply-link-desktop');
  await alert.getByRole('link', { name: `Reply to ${name} in their messages` }).click();
  await expect(clinician.getByRole('heading', { level: 1, name: `Messages: ${name}` })).toBeVisible();
  await expect(clinician.getByRole('list', { name: 'Messages, oldest first' })).toContainText('had a fever since Sunday');
  await expectNoSeriousA11yViolations(clinician);
  const reply = clinician.getByRole('region', { name: 'Reply' });
  await reply.getByLabel(`Message to ${name}`).fill('Thank you for answering the questions. I will phone you this afternoon.');
  await reply.getByRole('button', { name: 'Send reply' }).click();
  await expect(reply.getByRole('status')).toContainText('Sent.');
  await expect(clinician.getByRole('list', { name: 'Messages, oldest first' })).toContainText('I will phone you this afternoon');
  const threadPath = new URL(clinician.url()).pathname;
  await screenshotIfAsked(clinician, 'clinician-thread-desktop');

  // The inbox lists the conversation, read now.
  await clinician.getByRole('navigation', { name: 'Clinician navigation' }).getByRole('link', { name: /^Messages/ }).click();
  await expect(clinician.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
  await expect(clinician.getByRole('list', { name: 'Conversations' }).getByRole('link', { name })).toBeVisible();
  await expectNoSeriousA11yViolations(clinician);
  await screenshotIfAsked(clinician, 'clinician-inbox-desktop');

  // The record's timeline shows both messages.
  await clinician.goto(threadPath.replace(/\/messages$/, ''));
  await expect(clinician.getByText('Message from the patient')).toBeVisible();

  // The patient sees one unread message in the navigation and reads the reply.
  await patient.goto('/patient');
  const patientNav = patient.getByRole('navigation', { name: 'Patient navigation' });
  await expect(patientNav.getByRole('link', { name: 'Messages, 1 unread' })).toBeVisible();
  await patientNav.getByRole('link', { name: /^Messages/ }).click();
  await expect(patient.getByRole('list', { name: 'Messages, oldest first' })).toContainText('I will phone you this afternoon');
  await expect(patientNav.getByRole('link', { name: 'Messages', exact: true })).toBeVisible();
  await screenshotIfAsked(patient, 'patient-messages-reply-phone');
  await patient.setViewportSize({ width: 1280, height: 800 });
  await screenshotIfAsked(patient, 'patient-messages-desktop');

  // Another clinician of the clinic cannot open the conversation by its address.
  const otherContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const other = await otherContext.newPage();
  await signInAndWait(other, 'clinician2');
  const response = await other.goto(threadPath);
  expect(response?.status()).toBe(404);
  await expect(other.getByText('I will phone you this afternoon')).toHaveCount(0);
  await other.goto('/clinician/messages');
  await expect(other.getByRole('link', { name })).toHaveCount(0);
  await other.setViewportSize({ width: 390, height: 844 });
  await screenshotIfAsked(other, 'clinician2-inbox-phone');
  await otherContext.close();

  // The clinician's pages on a phone.
  await clinician.setViewportSize({ width: 390, height: 844 });
  await clinician.goto(threadPath);
  await expect(clinician.getByRole('heading', { level: 1, name: `Messages: ${name}` })).toBeVisible();
  await screenshotIfAsked(clinician, 'clinician-thread-phone');

  // The reply time is the clinic's setting: a manager changes it, and the patient reads the new one.
  const managerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const manager = await managerContext.newPage();
  await signInAndWait(manager, 'manager');
  await manager.goto('/manager/settings');
  const settings = manager.getByRole('region', { name: 'Messages' });
  const days = settings.getByRole('textbox', { name: 'Working days to answer a patient’s message' });
  await days.fill('11');
  await settings.getByRole('button', { name: 'Save message settings' }).click();
  await expect(days).toHaveAccessibleDescription(/from 1 to 10/);
  await settings.getByRole('textbox', { name: 'Working days to answer a patient’s message' }).fill('3');
  await settings.getByRole('button', { name: 'Save message settings' }).click();
  await expect(settings.getByRole('status')).toContainText('Message settings saved.');
  await expectNoSeriousA11yViolations(manager);
  await screenshotIfAsked(manager, 'manager-message-settings-desktop');
  await patient.reload();
  await expect(patient.getByRole('region', { name: 'Write to your care team' })).toContainText('within 3 working days');
  // Put the demo clinic back as the other journeys expect it.
  await settings.getByRole('textbox', { name: 'Working days to answer a patient’s message' }).fill('2');
  await settings.getByRole('button', { name: 'Save message settings' }).click();
  await expect(settings.getByRole('status')).toContainText('Message settings saved.');
  await managerContext.close();
});

