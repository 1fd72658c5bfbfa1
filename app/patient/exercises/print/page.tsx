import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
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
        <AppLink href="/patient/exercises" className="inline-flex min-h-11 items-center text-lg text-brand-800 underline">
          ← My exercises
        </AppLink>
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
