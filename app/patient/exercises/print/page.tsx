import type { Metadata } from 'next';
import { BackLink } from '@/components/patient/back-link';
import { PlanSheet } from '@/components/print/plan-sheet';
import { PrintButton } from '@/components/print/print-button';
import { guardArea } from '@/lib/auth/guard';
import { getPrintablePlanForPatient } from '@/lib/dal/plan-print';

export const metadata: Metadata = { title: 'Print my exercise plan' };

export default async function PrintMyPlanPage() {
  const viewer = await guardArea('patient');
  const plan = await getPrintablePlanForPatient();
  return (
    <div className="space-y-4">
      <div className="print-hidden flex flex-wrap items-center justify-between gap-3">
        <BackLink href="/patient/exercises">My exercises</BackLink>
        {plan ? <PrintButton label="Print my plan" /> : null}
      </div>
      {plan ? (
        <PlanSheet plan={plan} timeZone={viewer.timeZone} />
      ) : (
        <>
          <h1 className="text-3xl font-bold">Print my exercise plan</h1>
          <p className="text-lg">Your physio has not given you a plan yet.</p>
        </>
      )}
    </div>
  );
}
