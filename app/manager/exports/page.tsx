import type { Metadata } from 'next';
import { guardArea } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Export the clinic' };

export default async function ManagerExportsPage() {
  await guardArea('manager');
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold">Export the clinic</h1>
      <section aria-labelledby="fhir-export-heading" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <h2 id="fhir-export-heading" className="text-xl font-semibold">
          All records in FHIR
        </h2>
        <p className="mt-1 max-w-prose text-slate-700">
          A zip file with every patient, clinician, episode, plan, goal, measurement, pain entry, questionnaire and red flag of the clinic, in FHIR R4,
          the standard other health systems import. There is one file per kind of record (NDJSON: one record per line) and a{' '}
          <code>manifest.json</code> listing them, which is written last: a download that stops part-way cannot be opened.
        </p>
        <p className="mt-2 max-w-prose text-slate-700">
          It includes patients’ names and contact details, so keep the file as safely as the records themselves. Each export is recorded in the audit
          trail. A large clinic takes a few minutes.
        </p>
        <a
          href="/api/exports/fhir/clinic"
          download
          className="mt-4 inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-5 py-3 text-base font-semibold text-white hover:bg-brand-800"
        >
          Download the clinic’s records (FHIR)
        </a>
      </section>
    </div>
  );
}
