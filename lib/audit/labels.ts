/**
 * Plain-language descriptions of audit actions for people reading the trail. Unknown actions
 * (added by later features) fall back to a readable form of the code.
 */
const LABELS: Record<string, string> = {
  'auth.sign-in': 'Signed in',
  'auth.sign-out': 'Signed out',
  'account.password-change': 'Changed password',
  'account.password-reset': 'Reset password with a link',
  'account.invitation-accepted': 'Accepted invitation',
  'account.reset-link-issue': 'Issued a password reset link',
  'account.reset-requested': 'Asked for a password reset email',
  'account.email-reuse-attempt': 'Another clinic tried to create an account with this email address',
  'mfa.recheck': 'Confirmed it was them with a code',
  'mfa.reset-by-staff': 'Turned off someone’s two-step sign-in with a reset link',
  'mfa.enrol': 'Turned on two-step sign-in',
  'mfa.disable': 'Turned off two-step sign-in',
  'mfa.recovery-codes-replaced': 'Made new recovery codes',
  'mfa.enrolment-required': 'Stopped until two-step sign-in is set up',
  'audit.view': 'Viewed the audit trail',
  'audit.export': 'Exported the audit trail',
  'clinic.settings-update': 'Changed clinic security settings',
  'manager.clinic.location-update': 'Changed the clinic’s time zone or country',
  'account.time-zone-update': 'Changed their time zone',
  'session.required': 'Asked for a page that needs signing in',
  'patient.today.read': 'Viewed the Today page',
  'patient.progress.read': 'Viewed progress charts',
  'patient.questionnaires.read': 'Viewed questionnaires due',
  'pain-entry.list': 'Viewed the pain diary',
  'pain-entry.read': 'Viewed a pain entry',
  'plan-item.read': 'Viewed an exercise of the plan',
  'questionnaire.read': 'Viewed a questionnaire result',
  'questionnaire.draft-read': 'Opened a questionnaire',
  'clinician.alerts.read': 'Viewed alerts',
  'clinician.record.read': 'Viewed the patient record',
  'clinician.questionnaire-schedule.read': 'Viewed the questionnaire schedule',
  'clinician.questionnaire-schedule.update': 'Changed the questionnaire schedule',
  'safety-check.create': 'Answered the safety questions',
  'safety-check.read': 'Viewed their safety answers',
  'safety-check.status-read': 'Viewed whether safety questions are due',
  'clinician.fhir-export': 'Downloaded the record as a FHIR file',
  'patient.data-export': 'Downloaded their own data',
  'clinic.fhir-export': 'Exported the whole clinic as FHIR files',
  'clinician.caseload.read': 'Viewed their caseload',
  'manager.caseloads.read': 'Viewed the clinic’s caseloads',
  'manager.outcomes.episodes.read': 'Viewed the episodes behind an outcome figure',
  'alert.escalate': 'Escalated an alert nobody acknowledged in time to the safety lead',
  'clinician.escalations.read': 'Viewed the alerts escalated to them',
  'clinician.record.escalation-read': 'Viewed the patient record as safety lead, for an escalated alert',
  'clinician.away.start': 'Marked away, with a colleague covering',
  'clinician.away.cover-change': 'Changed who covers while away',
  'clinician.away.end': 'Marked back at work',
  'manager.cover.read': 'Viewed cover and the alerts waiting per clinician',
  'manager.clinic.safety-settings': 'Changed the safety lead or escalation times',
  'patient.messages.read': 'Read their messages',
  'patient.message.send': 'Sent a message to their care team',
  'patient.visit-request.send': 'Asked their care team to move a visit',
  'clinician.messages.inbox-read': 'Viewed their message inbox',
  'clinician.messages.read': 'Read the patient’s messages',
  'clinician.message.send': 'Sent the patient a message',
  'manager.clinic.messages-update': 'Changed the message reply time or discharge rule',
};

export function describeAuditAction(action: string): string {
  if (LABELS[action]) return LABELS[action];
  if (action.startsWith('area.')) return `Opened the ${action.slice(5).replace(/\|/g, ' or ')} area`;
  const parts = action.split('.');
  const verb = parts.length > 1 ? parts.at(-1) : undefined;
  const noun = (parts.length > 1 ? parts.slice(0, -1) : parts).join(' ').replace(/-/g, ' ');
  if (verb === 'read' || verb === 'view' || verb === 'list') return `Viewed ${noun}`;
  if (verb === 'create' || verb === 'add') return `Added ${noun}`;
  if (verb === 'update' || verb === 'edit' || verb === 'amend') return `Changed ${noun}`;
  if (verb === 'delete' || verb === 'archive' || verb === 'supersede') return `Removed ${noun}`;
  return action.replace(/[.-]/g, ' ');
}

export const OUTCOME_LABEL: Record<string, string> = { success: 'Allowed', denied: 'Refused', failure: 'Failed' };
