import type { Metadata } from 'next';
import { loadPage } from '@/lib/auth/guard';
import { listCaseloadOverview } from '@/lib/dal/overview';
import { getViewer } from '@/lib/auth/viewer';
import { formatDate } from '@/lib/time';

export const metadata: Metadata = { title: 'Caseload' };

export default async function CaseloadPage() {
  const caseload = await loadPage(listCaseloadOverview);
  const viewer = await getViewer();
  const timeZone = viewer?.timeZone ?? 'Europe/London';
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Caseload</h1>
      <p className="text-slate-700">{caseload.length} patients in active care.</p>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">Your patients in active care</caption>
          <thead className="bg-slate-100 text-slate-800">
            <tr>
              <th scope="col" className="px-4 py-3 font-semibold">Patient</th>
              <th scope="col" className="px-4 py-3 font-semibold">In care since</th>
              <th scope="col" className="px-4 py-3 font-semibold">Latest pain (0–10)</th>
            </tr>
          </thead>
          <tbody>
            {caseload.map((entry) => (
              <tr key={entry.episodeId} className="border-t border-slate-200">
                <th scope="row" className="px-4 py-3 font-medium">{entry.patientName}</th>
                <td className="px-4 py-3">{formatDate(entry.startedAt, timeZone)}</td>
                <td className="px-4 py-3">{entry.latestPain ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
