/**
 * Escalation of unacknowledged alerts to the clinic's safety lead (docs/CLINICAL.md, "Escalation and cover";
 * Uplift policy, adjustable per clinic). Pure: the scheduled evaluation loads the open alerts and the
 * clinic's windows and asks these functions which are due, so the rule has one definition.
 */

export type AlertUrgency = 'emergency' | 'same-day' | '24h' | 'routine';
export type EscalatingUrgency = Exclude<AlertUrgency, 'routine'>;

/** Urgencies that escalate; routine alerts (inactivity, adherence, questionnaires) wait for the clinician. */
export const ESCALATING_URGENCIES: readonly EscalatingUrgency[] = ['emergency', 'same-day', '24h'];

/** Defaults, in minutes: emergency 1 hour, urgent (same day) 4 hours, review within 24 hours 24 hours. */
export const ESCALATION_WINDOW_DEFAULTS: Record<EscalatingUrgency, number> = {
  emergency: 60,
  'same-day': 4 * 60,
  '24h': 24 * 60,
};

/**
 * What a clinic may set, in minutes. Below 15 minutes the lead would be paged before the clinician could
 * reasonably read the alert; beyond 3 days an emergency would not be an emergency any more.
 */
export const ESCALATION_WINDOW_LIMITS = { min: 15, max: 3 * 24 * 60 } as const;

export type EscalationWindows = Record<EscalatingUrgency, number>;

/** The one plain name of each urgency, wherever staff see it (alert cards, inbox, settings). */
export const URGENCY_NAMES: Readonly<Record<AlertUrgency, string>> = {
  emergency: 'Emergency',
  'same-day': 'Urgent (same day)',
  '24h': 'Review within 24 hours',
  routine: 'Routine',
};

/** The window for an urgency, or null when alerts of that urgency never escalate. */
export function escalationWindowMinutes(urgency: AlertUrgency, windows: EscalationWindows): number | null {
  return urgency === 'routine' ? null : windows[urgency];
}

export type OpenAlertFacts = {
  urgency: AlertUrgency;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
};

/** When the alert escalates if nobody acknowledges it first; null when it never does. */
export function escalationDueAt(alert: Pick<OpenAlertFacts, 'urgency' | 'raisedAt'>, windows: EscalationWindows): Date | null {
  const minutes = escalationWindowMinutes(alert.urgency, windows);
  return minutes === null ? null : new Date(alert.raisedAt.getTime() + minutes * 60_000);
}

/**
 * Whether an alert is due for escalation at `now`: still open (neither acknowledged nor resolved), of
 * an urgency that escalates, and its whole window has passed (exactly at the window's end counts).
 */
export function isEscalationDue(alert: OpenAlertFacts, now: Date, windows: EscalationWindows): boolean {
  if (alert.acknowledgedAt !== null || alert.resolvedAt !== null) return false;
  const due = escalationDueAt(alert, windows);
  return due !== null && due.getTime() <= now.getTime();
}

/** The windows must not invert the urgencies: an emergency never waits longer than an urgent alert. */
export function windowsInOrder(windows: EscalationWindows): boolean {
  return windows.emergency <= windows['same-day'] && windows['same-day'] <= windows['24h'];
}

/** "1 hour", "90 minutes", "24 hours", "3 days": a window in plain words. */
export function describeWindow(minutes: number): string {
  if (minutes % 60 !== 0) return `${minutes} minutes`;
  const hours = minutes / 60;
  if (hours >= 48 && hours % 24 === 0) return `${hours / 24} days`;
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** How long something has waited, roughly: "12 minutes", "5 hours", "3 days". */
export function describeWaiting(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${Math.floor(hours / 24)} days`;
}
