import type { Metadata } from 'next';
import { z } from 'zod';
import { DataTable } from '@/components/ui/data-table';
import { FormAlert } from '@/components/ui/form-alert';
import { Panel } from '@/components/ui/panel';
import { guardArea } from '@/lib/auth/guard';
import { getPatientAccount, getRetentionYears, listClosedAccounts } from '@/lib/dal/retention';
import { retentionEnd } from '@/lib/retention';
import { formatDate } from '@/lib/time';
import { CloseAccountForm, FindPatientForm } from './patient-forms';

export const metadata: Metadata = { title: 'Patient accounts' };

const searchSchema = z.object({
  patient: z.uuid().optional().catch(undefined),
  result: z.literal('closed').optional().catch(undefined),
});

export default async function PatientAccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The layout renders in parallel: check here too so other roles get the 403 page, not an error.
  const viewer = await guardArea('manager');
  const params = searchSchema.parse(await searchParams);
  const [account, closed, years] = await Promise.all([
    params.patient ? getPatientAccount(params.patient) : Promise.resolve(null),
    listClosedAccounts(),
    getRetentionYears(),
  ]);
  const zone = viewer.timeZone;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Patient accounts</h1>
        <p className="mt-1 text-slate-700">
          Close the account of a patient who has left the clinic or asked for their data to be erased. They can no longer sign in at once; their
          clinical record is kept for the clinic’s retention period ({years} years, set in Settings) and then deleted automatically. Health
          records are kept even after a request to erase, because the law requires it; the patient can still ask for a copy.
        </p>
      </div>
      <Panel id="find-heading" title="Find a patient">
        <FindPatientForm />
      </Panel>
      {params.patient && !account ? <FormAlert>That patient is not in your clinic.</FormAlert> : null}
      {account ? (
        <Panel id="account-heading" title={account.name}>
          {params.result === 'closed' ? <FormAlert tone="success">The account is closed. The closure is recorded in the audit trail.</FormAlert> : null}
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-medium">Email</dt>
            <dd>{account.email}</dd>
            <dt className="font-medium">Date of birth</dt>
            <dd>{account.dateOfBirth ? formatDate(account.dateOfBirth, zone) : 'Not recorded'}</dd>
            <dt className="font-medium">Episodes</dt>
            <dd>
              {account.episodes.length === 0 ? 'None' : null}
              <ul>
                {account.episodes.map((episode) => (
                  <li key={episode.startedAt.toISOString()}>
                    {episode.status === 'active' ? 'Open' : 'Discharged'}, with {episode.clinicianName}, from {formatDate(episode.startedAt, zone)}
                    {episode.dischargedAt ? ` to ${formatDate(episode.dischargedAt, zone)}` : ''}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
          {account.closure ? (
            <p>
              <strong>Closed</strong> on {formatDate(account.closure.closedAt, zone)}. The record is kept until {formatDate(account.closure.retainUntil, zone)}, then deleted.
            </p>
          ) : account.episodes.some((episode) => episode.status === 'active') ? (
            <p>
              This patient still has an open episode. Ask their clinician to discharge them first; then you can close the account here.
            </p>
          ) : (
            <CloseAccountForm userId={account.id} name={account.name} keptUntil={formatDate(retentionEnd(new Date(), years, account.dateOfBirth), zone)} />
          )}
        </Panel>
      ) : null}
      <Panel id="closed-heading" title="Closed accounts">
        {closed.length === 0 ? (
          <p className="text-slate-700">No closed accounts with a record still kept.</p>
        ) : (
          <DataTable
            caption="Closed accounts and when their records are deleted"
            columns={[
              { label: 'Patient', cell: (row) => row.name },
              { label: 'Closed', cell: (row) => formatDate(row.closedAt, zone) },
              { label: 'Record deleted on', cell: (row) => formatDate(row.retainUntil, zone) },
            ]}
            rows={closed}
            rowKey={(row) => row.id}
          />
        )}
      </Panel>
    </div>
  );
}
