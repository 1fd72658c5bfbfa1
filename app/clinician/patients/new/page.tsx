import type { Metadata } from 'next';
import { OnboardingForm } from '@/components/clinician/onboarding-form';
import { guardArea } from '@/lib/auth/guard';
import { onboardPatientAction } from './actions';

export const metadata: Metadata = { title: 'Add patient' };

export default async function NewPatientPage() {
  const viewer = await guardArea('clinician');
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Add a patient</h1>
      <p className="text-slate-700">
        Creates the patient’s account and an episode of care in your caseload, and makes a one-time link (valid for 7 days) for the patient to set a password.
      </p>
      <OnboardingForm action={onboardPatientAction} timeZone={viewer.timeZone} />
    </div>
  );
}
