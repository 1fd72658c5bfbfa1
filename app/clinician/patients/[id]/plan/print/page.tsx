import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { PlanSheet } from '@/components/print/plan-sheet';
import { PrintButton } from '@/components/print/print-button';
import { getPrintablePlanForClinician } from '@/lib/dal/plan-print';
import { loadRecordPage } from '../../record-page';

export const metadata: Metadata = { title: 'Print exercise plan' };

export default async function PrintPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, viewer, data: plan } = await loadRecordPage(params, getPrintablePlanForClinician);
  return (
    <div className="max-w-3xl space-y-4">
      <div className="print-hidden flex flex-wrap items-center justify-between gap-3">
        <AppLink href={`/clinician/patients/${id}/plan`} className="inline-flex min-h-11 items-center text-brand-800 underline">
          ← Back to the plan
        </AppLink>
        <PrintButton label="Print this plan" />
      </div>
      <p className="print-hidden text-slate-700">This is what the patient’s paper copy looks like. It fits A4 and US Letter paper.</p>
      <PlanSheet plan={plan} timeZone={viewer.timeZone} />
    </div>
  );
}
