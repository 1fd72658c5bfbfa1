import type { Viewer } from '@/lib/auth/viewer';
import { isSelfServiceResetAvailable } from '@/lib/dal/password-reset-request';
import { ChangePasswordForm } from './change-password-form';
import { MfaSection } from './mfa-section';
import { ResetLinkForm } from './reset-link-form';

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id={id} className="mb-4 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Password, two-step sign-in and (for staff) reset links: the security part of every account page. */
export function AccountSecurity({ viewer, homeHref }: { viewer: Viewer; homeHref: string }) {
  return (
    <div className="space-y-6">
      <Panel id="password-heading" title="Change password">
        <p className="mb-4 text-slate-700">You will be signed out everywhere, including here, and sign in again with the new password.</p>
        <ChangePasswordForm email={viewer.email} />
      </Panel>
      <Panel id="mfa-heading" title="Two-step sign-in">
        <MfaSection timeZone={viewer.timeZone} continueHref={homeHref} />
      </Panel>
      {viewer.role !== 'patient' ? (
        <Panel id="reset-heading" title="Password reset links">
          <p className="mb-4 text-slate-700">
            {viewer.role === 'manager'
              ? isSelfServiceResetAvailable()
                ? 'Someone in your clinic forgot their password? Create a one-time link: a patient’s is shown here to hand over, a staff member’s is emailed to them.'
                : 'Someone in your clinic forgot their password? Create a one-time link for them.'
              : 'A patient in your care forgot their password? Create a one-time link for them.'}
          </p>
          <ResetLinkForm who={viewer.role === 'manager' ? 'person' : 'patient'} askCode={viewer.role === 'manager' && !isSelfServiceResetAvailable()} />
        </Panel>
      ) : null}
    </div>
  );
}
