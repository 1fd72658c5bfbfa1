import type { Metadata } from 'next';
import { AccountSecurity } from '@/components/account/account-security';
import { TimeZoneSection } from '@/components/account/time-zone-section';
import { guardArea } from '@/lib/auth/guard';
import { listMyRecordAccess } from '@/lib/dal/audit-trail';
import { describeAuditAction, OUTCOME_LABEL } from '@/lib/audit/labels';
import { ROLE_LABEL, type Role } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/time';
import { DownloadMyData } from './_components/download-my-data';

export const metadata: Metadata = { title: 'My account' };

export default async function PatientAccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await guardArea('patient');
  const access = await listMyRecordAccess(100);
  const downloadWait = (await searchParams).download === 'wait';
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold">My account</h1>
      <p className="text-slate-700">Signed in as {viewer.email}.</p>
      <DownloadMyData wait={downloadWait} />
      <section aria-labelledby="access-heading" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <h2 id="access-heading" className="text-xl font-semibold">
          Who viewed or changed my record
        </h2>
        <p className="mt-1 mb-4 text-slate-700">
          Every time someone at your clinic opens or changes your record, it is written down and cannot be erased. The latest 100 are listed here.
        </p>
        {access.length === 0 ? (
          <p className="text-slate-800">Nobody else has opened your record yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {access.map((event) => (
              <li key={event.id} className="py-3">
                <p className="font-medium">
                  {event.actorName ?? 'Someone no longer at the clinic'}
                  {event.actorRole ? <span className="font-normal text-slate-700"> · {ROLE_LABEL[event.actorRole as Role] ?? event.actorRole}</span> : null}
                </p>
                <p className="text-slate-800">
                  {describeAuditAction(event.action)}
                  {event.outcome !== 'success' ? ` — ${OUTCOME_LABEL[event.outcome]?.toLowerCase()}` : ''}
                </p>
                <p className="text-sm text-slate-700">
                  <time dateTime={event.at.toISOString()}>{formatDateTime(event.at, viewer.timeZone)}</time>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <TimeZoneSection />
      <AccountSecurity viewer={viewer} homeHref="/patient" />
    </div>
  );
}
