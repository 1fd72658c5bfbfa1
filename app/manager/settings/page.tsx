import type { Metadata } from 'next';
import { guardArea } from '@/lib/auth/guard';
import { FormAlert } from '@/components/ui/form-alert';
import { Panel } from '@/components/ui/panel';
import { SubmitButton } from '@/components/ui/submit-button';
import { getClinicSecurity } from '@/lib/dal/account';
import { getBookingRules } from '@/lib/dal/booking-rules';
import { getIdentityPolicy } from '@/lib/dal/clinic-users';
import { getSafetySettings } from '@/lib/dal/escalations';
import { getClinicContact } from '@/lib/dal/clinic-contact';
import { getNudgeDays } from '@/lib/dal/reminder-preferences';
import { NUDGE_DAYS_LIMITS } from '@/lib/reminders/preferences';
import { getMessageSettings } from '@/lib/dal/messages';
import { getRetentionYears } from '@/lib/dal/retention';
import { DELIVERY_REPORT_DAYS, getDeliveryCounts } from '@/lib/dal/notification-deliveries';
import { DeliveryCountsTable } from './_components/delivery-counts';
import { TimeZoneList } from '@/components/ui/time-zone-list';
import { getClinicLocation } from '@/lib/dal/time-zones';
import { ClinicContactForm } from './_components/clinic-contact-form';
import { BookingRulesForm } from './_components/booking-rules-form';
import { ClinicLocationForm } from './_components/clinic-location-form';
import { NumberSettingForm } from './_components/number-setting-form';
import { MessagingForm } from './_components/messaging-form';
import { saveIdentityPolicyAction } from './actions';
import { updateRetentionAction } from './clinic-details-actions';
import { updateNudgeDaysAction } from './reminder-actions';
import { SafetyForm } from './safety-form';
import { SettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Clinic settings' };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ result?: string }> }) {
  // The layout renders in parallel: check here too so other roles get the 403 page, not an error.
  await guardArea('manager');
  const [location, showNames, security, contact, retentionYears, safety, deliveries, messaging, nudgeDays, { result }, bookingRules] = await Promise.all([
    getClinicLocation(),
    getIdentityPolicy(),
    getClinicSecurity(),
    getClinicContact(),
    getRetentionYears(),
    getSafetySettings(),
    getDeliveryCounts(),
    getMessageSettings(),
    getNudgeDays(),
    searchParams,
    getBookingRules(),
  ]);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Clinic settings</h1>
      {result === 'saved' ? <FormAlert tone="success">Saved. The change is recorded in the audit trail.</FormAlert> : null}
      {result === 'invalid' ? <FormAlert>Choose one of the two options.</FormAlert> : null}
      <Panel id="location-heading" title="Time zone and country">
        <p className="text-slate-700">
          Everyone at the clinic counts their days in this time zone unless they choose their own on their account page: a patient’s daily
          pain, “today”, due dates and alerts. The country sets the emergency number and urgent-advice service patients are told to call.
        </p>
        <ClinicLocationForm location={location} listId="clinic-time-zone-names" />
        <TimeZoneList id="clinic-time-zone-names" />
      </Panel>
      <Panel id="booking-heading" title="Booking follow-ups">
        <p className="text-slate-700">
          Patients book follow-ups online in their clinician’s published hours, cut into visits of this length, up to this many days ahead. They
          can cancel online until this many hours before a visit; after that they are asked to phone the clinic.
        </p>
        <BookingRulesForm rules={bookingRules} />
      </Panel>
      <form action={saveIdentityPolicyAction} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <fieldset>
          <legend className="text-lg font-semibold">Patient names in outcome lists and exports</legend>
          <p className="mt-1 text-slate-700">
            Managers need outcomes, not identities. By default they see each episode by a stable pseudonymous id. Turn names on only if
            your clinic’s data protection policy allows managers to see who the patients are.
          </p>
          <div className="mt-3 space-y-2">
            <label className="flex min-h-11 items-center gap-3">
              <input type="radio" name="managersSeePatientIdentity" value="off" defaultChecked={!showNames} className="h-5 w-5" />
              Pseudonymous ids only (recommended)
            </label>
            <label className="flex min-h-11 items-center gap-3">
              <input type="radio" name="managersSeePatientIdentity" value="on" defaultChecked={showNames} className="h-5 w-5" />
              Show patient names to managers
            </label>
          </div>
        </fieldset>
        <SubmitButton pendingText="Saving…">Save</SubmitButton>
      </form>
      <Panel id="safety-heading" title="Patient safety">
        <p className="text-slate-700">
          The safety lead is a clinician who receives emergency, urgent and review alerts that nobody has acknowledged in time, and
          can then open that patient’s record. Each such view is recorded in the audit trail.
        </p>
        <SafetyForm
          safetyLeadId={safety.safetyLeadId}
          windows={{ emergency: safety.windows.emergency, sameDay: safety.windows['same-day'], review: safety.windows['24h'] }}
          clinicians={safety.clinicians}
        />
      </Panel>
      <Panel id="reminders-heading" title="Patient reminders">
        <p className="text-slate-700">
          When a patient has logged nothing (no exercise, pain score or questionnaire) for this many days, Uplift sends them one gentle
          nudge, by the channels they chose.
        </p>
        <NumberSettingForm
          action={updateNudgeDaysAction}
          label="Days with nothing logged before a nudge"
          name="nudgeDays"
          hint={`From ${NUDGE_DAYS_LIMITS.min} to ${NUDGE_DAYS_LIMITS.max}. Patients can switch the nudge off on their Reminders page.`}
          value={nudgeDays}
          saved="Nudge setting saved."
          submit="Save nudge setting"
        />
      </Panel>
      <Panel id="messages-heading" title="Messages">
        <p className="text-slate-700">
          Patients write to their care team from their Messages page. They are told when to expect an answer, and that urgent problems
          need the emergency number, not a message.
        </p>
        <MessagingForm replyWorkingDays={messaging.replyWorkingDays} readOnlyAfterDischarge={messaging.readOnlyAfterDischarge} />
      </Panel>
      <Panel id="security-heading" title="Sign-in security">
        <SettingsForm settings={security} />
      </Panel>
      <Panel id="contact-heading" title="Contact details">
        <p className="text-slate-700">Printed on exercise plans and discharge letters, so patients and GPs know how to reach the clinic.</p>
        <ClinicContactForm contact={contact} />
      </Panel>
      <Panel id="retention-heading" title="Record retention">
        <p className="text-slate-700">
          When you close a patient’s account, they can no longer sign in, but their clinical record is kept for this many years and then
          deleted automatically. A change applies to accounts closed from now on.
        </p>
        <NumberSettingForm
          action={updateRetentionAction}
          label="Years to keep a closed patient’s record"
          name="retentionYears"
          hint="From 1 to 100. UK guidance for adult records is 8 years; children’s records are kept at least until their 25th birthday whatever this says."
          value={retentionYears}
          saved="Retention period saved."
          submit="Save retention period"
        />
      </Panel>
      <Panel id="delivery-heading" title="Notification delivery">
        <p className="text-slate-700">
          How the emails and push messages sent to your clinic’s patients and staff in the last {DELIVERY_REPORT_DAYS} days went. “Waiting”
          emails are kept until the server’s mail settings are set up. An address the mail server refused three times is retired and sent
          nothing more until the person changes it.
          {deliveries.retiredAddresses > 0 ? ` Retired email addresses now: ${deliveries.retiredAddresses}.` : ''}
        </p>
        <DeliveryCountsTable channels={deliveries.channels} days={DELIVERY_REPORT_DAYS} />
      </Panel>
    </div>
  );
}
