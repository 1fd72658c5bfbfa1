import type { Metadata } from 'next';
import { guardArea } from '@/lib/auth/guard';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { listClinicStaff, type StaffMember } from '@/lib/dal/clinic-users';
import { formatDateTime } from '@/lib/time';
import { deactivateUserAction, reactivateUserAction } from './actions';
import { InviteForm } from './_components/invite-form';
import { RenewInvitation } from './_components/renew-invitation';

export const metadata: Metadata = { title: 'Users' };

const RESULTS: Record<string, { tone: 'success' | 'error'; text: string }> = {
  deactivated: { tone: 'success', text: 'The account is deactivated. Any session they had open has ended.' },
  reactivated: { tone: 'success', text: 'The account is active again. They need to sign in afresh.' },
  self: { tone: 'error', text: 'You cannot deactivate your own account. Ask another manager.' },
  'not-found': { tone: 'error', text: 'That account is not in your clinic.' },
  'has-caseload': {
    tone: 'error',
    text: 'This clinician still has patients. Move their caseload to a colleague in Caseloads first, so no patient or alert is left without a clinician.',
  },
  'is-cover': { tone: 'error', text: 'This clinician is covering for a colleague who is away. Give that colleague another cover in Cover first.' },
  'is-safety-lead': { tone: 'error', text: 'This clinician is the clinic’s safety lead. Name another safety lead in Settings first.' },
};

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ result?: string }> }) {
  // The layout renders in parallel: check here too so other roles get the 403 page, not an error.
  const viewer = await guardArea('manager');
  const [staff, { result }] = await Promise.all([listClinicStaff(), searchParams]);
  const message = result ? RESULTS[result] : undefined;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Users</h1>
      {message ? <FormAlert tone={message.tone}>{message.text}</FormAlert> : null}

      <section aria-labelledby="invite-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="invite-heading" className="text-xl font-semibold">Invite a clinician or manager</h2>
        <p className="text-slate-700">
          You get a one-time link to send them. They choose their own password with it; nobody else ever sees it.
        </p>
        <InviteForm />
      </section>

      <section aria-labelledby="staff-heading" className="space-y-3">
        <h2 id="staff-heading" className="text-xl font-semibold">Clinic staff</h2>
        <DataTable
          caption="Clinicians and managers of your clinic"
          columns={[
            {
              label: 'Name',
              rowHeader: true,
              cell: (member) => (
                <>
                  {member.name}
                  {member.isYou ? ' (you)' : ''}
                  <span className="block font-normal text-slate-700">{member.email}</span>
                </>
              ),
            },
            { label: 'Role', cell: (member) => (member.role === 'clinician' ? 'Clinician' : 'Manager') },
            { label: 'Status', cell: (member) => (!member.active ? 'Deactivated' : member.invitationPending ? 'Invited, not signed up yet' : 'Active') },
            { label: 'Last sign-in', cell: (member) => (member.lastSignInAt ? formatDateTime(member.lastSignInAt, viewer.timeZone) : 'Never') },
            { label: 'Active episodes', cell: (member) => (member.role === 'clinician' ? <CaseloadLink member={member} /> : '—') },
            { label: 'Actions', controls: true, className: 'space-y-2', cell: (member) => <MemberActions member={member} /> },
          ]}
          rows={staff}
          rowKey={(member) => member.id}
        />
      </section>
    </div>
  );
}

function CaseloadLink({ member }: { member: StaffMember }) {
  return (
    <Link href={`/manager/caseloads?clinician=${member.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-2">
      {member.activeEpisodes}
      <span className="sr-only"> active episodes of {member.name}: reassign</span>
    </Link>
  );
}

/** Renew a pending invitation; deactivate (after a confirming step) or reactivate anyone but yourself. */
function MemberActions({ member }: { member: StaffMember }) {
  return (
    <>
      {member.active && member.invitationPending ? <RenewInvitation userId={member.id} name={member.name} /> : null}
      {member.isYou ? null : member.active ? (
        <details>
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-red-800">
            Deactivate…<span className="sr-only"> {member.name}</span>
          </summary>
          <form action={deactivateUserAction} className="mt-2 space-y-2 rounded-lg border border-red-200 bg-red-50 p-3">
            <input type="hidden" name="userId" value={member.id} />
            <p>
              {member.name} will be signed out at once and cannot sign in.
              {member.activeEpisodes > 0 ? (
                <>
                  {' '}First move their {member.activeEpisodes} active episodes to a colleague in{' '}
                  <Link href={`/manager/caseloads?clinician=${member.id}`} className="font-semibold text-brand-800 underline underline-offset-2">
                    Caseloads
                  </Link>
                  , so no patient or alert is left without a clinician.
                </>
              ) : null}
            </p>
            <SubmitButton variant="danger" pendingText="Deactivating…">
              Deactivate {member.name}
            </SubmitButton>
          </form>
        </details>
      ) : (
        <form action={reactivateUserAction}>
          <input type="hidden" name="userId" value={member.id} />
          <SubmitButton variant="secondary" pendingText="Reactivating…">
            Reactivate<span className="sr-only"> {member.name}</span>
          </SubmitButton>
        </form>
      )}
    </>
  );
}
