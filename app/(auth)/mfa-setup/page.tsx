import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { MfaSection } from '@/components/account/mfa-section';
import { ROLE_HOME } from '@/lib/auth/roles';
import { getViewer } from '@/lib/auth/viewer';
import { getMfaResetNotice } from '@/lib/dal/account';
import { formatDateTime } from '@/lib/time';

export const metadata: Metadata = { title: 'Set up two-step sign-in' };

/**
 * Where a user whose clinic requires MFA, or whose second factor staff cleared with a reset link,
 * lands until they have enrolled (lib/auth/guard.ts); the latter are told who reset it.
 */
export default async function MfaSetupPage() {
  const viewer = await getViewer();
  if (!viewer) redirect('/login');
  const home = ROLE_HOME[viewer.role];
  const notice = await getMfaResetNotice();
  return (
    <main id="main" className="flex min-h-screen items-start justify-center px-4 py-12">
      <div className="w-full max-w-xl">
        <p className="text-center text-3xl font-bold tracking-tight text-brand-800">Uplift</p>
        <section className="mt-8 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-2xl font-semibold">Set up two-step sign-in</h1>
          {notice ? (
            <div role="alert" className="mt-4 rounded-xl border border-amber-700 bg-amber-50 p-4 text-slate-900">
              <p className="font-semibold">Your password and two-step sign-in were reset</p>
              <p className="mt-1">
                {notice.byName ?? 'A manager at your clinic'} created a password reset link for your account on {formatDateTime(notice.at, viewer.timeZone)}, and
                your two-step sign-in was turned off because the link could not be emailed to you. Set it up again below to continue.
              </p>
              <p className="mt-1">If you did not ask for this, tell your clinic straight away: someone else may have used the link.</p>
            </div>
          ) : null}
          <p className="mt-1 mb-6 text-slate-700">
            {notice
              ? 'Set up two-step sign-in again with your authenticator app. It takes about two minutes.'
              : viewer.mfaSetupRequired
              ? 'Your clinic asks everyone in your role to sign in with a code from their phone as well as a password. It takes about two minutes.'
              : 'Two-step sign-in is set up for your account.'}
          </p>
          <MfaSection timeZone={viewer.timeZone} continueHref={home} />
          {!viewer.mfaSetupRequired ? (
            <a href={home} className="mt-6 inline-block font-semibold text-brand-800 underline">
              Go to my home page
            </a>
          ) : null}
        </section>
      </div>
    </main>
  );
}
