/**
 * The words of Uplift's own notifications. Each says that something is waiting and at which clinic,
 * never what: no patient, no score, no alert text, no condition (docs/ARCHITECTURE.md, "Notifications").
 * They are what an email subject, a push message and the in-app list show.
 */

export const STAFF_NOTIFICATION_KINDS = {
  urgentAlert: 'alert-urgent',
  escalation: 'alert-escalated',
  digest: 'digest',
} as const;

export function urgentAlertTitle(clinicName: string): string {
  return `You have an urgent alert to review at ${clinicName}`;
}

export function escalationTitle(clinicName: string): string {
  return `An alert at ${clinicName} has been escalated to you`;
}

export type DigestCounts = { openAlerts: number; escalated: number; unread: number };

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Counts only: how many, never which patients or why. */
export function digestTitle(clinicName: string, counts: DigestCounts): string {
  return (
    `Your morning summary at ${clinicName}: ${plural(counts.openAlerts, 'open alert', 'open alerts')}, ` +
    `${counts.escalated} escalated to you, ${plural(counts.unread, 'unread notification', 'unread notifications')}`
  );
}

/** A visit reminder: when and at which clinic, never why. `when` is "Friday 4 December at 10:00" or "10:00". */
export function appointmentReminderTitle(clinicName: string, which: '24h' | '2h', when: string): string {
  return which === '24h' ? `Reminder: your appointment at ${clinicName} is on ${when}` : `Reminder: your appointment at ${clinicName} starts at ${when}`;
}

/** A new secure message (lib/dal/messages.ts): who it is from is the clinic, never the patient or the text. */
export const MESSAGE_NOTIFICATION_KIND = 'message';

/** To a patient: "You have a new message from Riverside Physio". */
export function newMessageTitle(clinicName: string): string {
  return `You have a new message from ${clinicName}`;
}

/** To the care team: a patient wrote, without saying who. */
export function newPatientMessageTitle(clinicName: string): string {
  return `A patient at ${clinicName} has sent you a message`;
}
