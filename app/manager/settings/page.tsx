import type { Metadata } from 'next';
import { guardArea } from '@/lib/auth/guard';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { getClinicSecurity } from '@/lib/dal/account';
import { getBookingRules } from '@/lib/dal/booking-rules';
import { getIdentityPolicy } from '@/lib/dal/clinic-users';
import { getSafetySettings } from '@/lib/dal/escalations';
import { getClinicContact } from '@/lib/dal/clinic-contact';
import { getNudgeDays } from '@/lib/dal/reminder-preferences';
import { getMessageSettings } from '@/lib/dal/messages';
import { getRetentionYears } from '@/lib/dal/retention';
import { DELIVERY_REPORT_DAYS, getDeliveryCounts } from '@/lib/dal/notification-deliveries';
import { DeliveryCountsTable } from './_components/delivery-counts';
import { TimeZoneList } from '@/components/ui/time-zone-list';
import { getClinicLocation } from '@/lib/dal/time-zones';
import { ClinicContactForm } from './_components/clinic-contact-form';
import { BookingRulesForm } from './_components/booking-rules-form';
import { ClinicLocationForm } from './_components/clinic-location-form';
import { NudgeDaysForm } from './_components/nudge-days-form';
import { MessagingForm } from './_components/messaging-form';
import { RetentionForm } from './_components/retention-form';
import { saveIdentityPolicyAction } from './actions';
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
      <section aria-labelledby="location-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="location-heading" className="text-lg font-semibold">
          Time zone and country
        </h2>
        <p className="text-slate-700">
          Everyone at the clinic counts their days in this time zone unless they choose their own on their account page: a patient’s daily
          pain, “today”, due dates and alerts. The country sets the emergency number and urgent-advice service patients are told to call.
        </p>
        <ClinicLocationForm location={location} listId="clinic-time-zone-names" />
        <TimeZoneList id="clinic-time-zone-names" />
      </section>
      <section aria-labelledby="booking-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="booking-heading" className="text-lg font-semibold">
          Booking follow-ups
        </h2>
        <p className="text-slate-700">
          Patients book follow-ups online in their clinician’s published hours, cut into visits of this length, up to this many days ahead. They
          can cancel online until this many hours before a visit; after that they are asked to phone the clinic.
        </p>
        <BookingRulesForm rules={bookingRules} />
      </section>
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
      <section aria-labelledby="safety-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="safety-heading" className="text-lg font-semibold">
          Patient safety
        </h2>
        <p className="text-slate-700">
          The safety lead is a clinician who receives emergency, urgent and review alerts that nobody has acknowledged in time, and
          can then open that patient’s record. Each such view is recorded in the audit trail.
        </p>
        <SafetyForm
          safetyLeadId={safety.safetyLeadId}
          windows={{ emergency: safety.windows.emergency, sameDay: safety.windows['same-day'], review: safety.windows['24h'] }}
          clinicians={safety.clinicians}
        />
      </section>
      <section aria-labelledby="reminders-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="reminders-heading" className="text-lg font-semibold">
          Patient reminders
        </h2>
        <p className="text-slate-700">
          When a patient has logged nothing (no exercise, pain score or questionnaire) for this many days, Uplift sends them one gentle
          nudge, by the channels they chose.
        </p>
        <NudgeDaysForm days={nudgeDays} />
      </section>
      <section aria-labelledby="messages-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="messages-heading" className="text-lg font-semibold">
          Messages
        </h2>
        <p className="text-slate-700">
          Patients write to their care team from their Messages page. They are told when to expect an answer, and that urgent problems
          need the emergency number, not a message.
        </p>
        <MessagingForm replyWorkingDays={messaging.replyWorkingDays} readOnlyAfterDischarge={messaging.readOnlyAfterDischarge} />
      </section>
      <section aria-labelledby="security-heading" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="security-heading" className="text-lg font-semibold">
          Sign-in security
        </h2>
        <SettingsForm settings={security} />
      </section>
      <section aria-labelledby="contact-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="contact-heading" className="text-lg font-semibold">
          Contact details
        </h2>
        <p className="text-slate-700">Printed on exercise plans and discharge letters, so patients and GPs know how to reach the clinic.</p>
        <ClinicContactForm contact={contact} />
      </section>
      <section aria-labelledby="retention-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="retention-heading" className="text-lg font-semibold">
          Record retention
        </h2>
        <p className="text-slate-700">
          When you close a patient’s account, they can no longer sign in, but their clinical record is kept for this many years and then
          deleted automatically. A change applies to accounts closed from now on.
        </p>
        <RetentionForm years={retentionYears} />
      </section>
      <section aria-labelledby="delivery-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="delivery-heading" className="text-lg font-semibold">
          Notification delivery
        </h2>
        <p className="text-slate-700">
          How the emails and push messages sent to your clinic’s patients and staff in the last {DELIVERY_REPORT_DAYS} days went. “Waiting”
          emails are kept until the server’s mail settings are set up. An address the mail server refused three times is retired and sent
          nothing more until the person changes it.
          {deliveries.retiredAddresses > 0 ? ` Retired email addresses now: ${deliveries.retiredAddresses}.` : ''}
        </p>
        <DeliveryCountsTable channels={deliveries.channels} days={DELIVERY_REPORT_DAYS} />
      </section>
    </div>
  );
}
