import type { Metadata } from 'next';
import { ItemList } from '@/components/ui/item-list';
import { Panel } from '@/components/ui/panel';
import { guardArea } from '@/lib/auth/guard';
import { listQueuedInvitations } from '@/lib/dal/import';
import { MAX_IMPORT_ROWS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from '@/lib/dal/import-csv';
import { formatDateTime } from '@/lib/time';
import { ImportForm } from './import-form';
import { QueuedInvitation } from './queued-invitation';

export const metadata: Metadata = { title: 'Import patients' };

const COLUMNS: { name: string; meaning: string }[] = [
  { name: 'name', meaning: 'Full name.' },
  { name: 'email', meaning: 'Email address; it becomes their sign-in. A patient already in Uplift with this email is left as they are.' },
  { name: 'date_of_birth', meaning: 'YYYY-MM-DD, like 1980-04-02.' },
  { name: 'condition', meaning: 'What they are being treated for, like “Non-specific low back pain”.' },
  { name: 'clinician', meaning: 'The email address their clinician uses to sign in to Uplift.' },
  { name: 'baseline_pain', meaning: 'Pain at the start of care, a whole number from 0 to 10.' },
  { name: 'past_pain', meaning: 'Optional. Earlier pain scores as date:score, separated by semicolons: 2026-01-05:6; 2026-01-12:5.' },
];

export default async function ImportPage() {
  // The layout renders in parallel: check here too so other roles get the 403 page, not an error.
  const viewer = await guardArea('manager');
  const queue = await listQueuedInvitations();
  const waiting = queue.filter((row) => !row.issuedAt).length;
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Import patients</h1>
        <p className="mt-1 text-slate-700">
          Bring patients over from your previous system with a CSV file. Check the file first: every problem is listed by row. The import is all
          or nothing: if any row has a problem, nobody is imported. Importing the same file again adds nobody twice. No one is contacted: each new
          patient’s invitation waits below until you send it.
        </p>
      </div>
      <Panel id="format-heading" title="What the file needs">
        <p>
          A header row naming these columns, in any order, then one row per patient (at most {MAX_IMPORT_ROWS.toLocaleString('en-GB')}). Cells must not start
          with =, +, - or @, which spreadsheets run as formulas. <a href="/patient-import-template.csv" download className="text-brand-800 underline">Download a template</a>.
        </p>
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          {COLUMNS.map((column) => (
            <div key={column.name} className="contents">
              <dt className="font-mono font-semibold">{column.name}</dt>
              <dd>{column.meaning}</dd>
            </div>
          ))}
        </dl>
        <p className="sr-only">
          Required columns: {REQUIRED_COLUMNS.join(', ')}. Optional: {OPTIONAL_COLUMNS.join(', ')}.
        </p>
      </Panel>
      <Panel id="upload-heading" title="Check and import">
        <ImportForm />
      </Panel>
      <Panel id="queue-heading" title={`Invitations waiting to be sent (${waiting})`}>
        <p className="text-slate-700">
          Create each patient’s one-time link when you are ready and send it to them yourself, for example from the clinic’s email. A link works
          once, for 7 days; making a new one stops the old one.
        </p>
        <ItemList
          empty="No invitations are waiting."
          items={queue.map((row) => ({
            key: row.id,
            title: row.name,
            detail: `${row.email} · ${row.issuedAt ? `link created ${formatDateTime(row.issuedAt, viewer.timeZone)}, not used yet` : `waiting since ${formatDateTime(row.queuedAt, viewer.timeZone)}`}`,
            action: (
              <div className="w-full sm:w-auto sm:min-w-80">
                <QueuedInvitation queueId={row.id} name={row.name} handedOut={row.issuedAt !== null} />
              </div>
            ),
          }))}
        />
      </Panel>
    </div>
  );
}
