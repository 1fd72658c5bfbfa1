import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { MfaSection } from '@/components/account/mfa-section';
import { ROLE_HOME } from '@/lib/auth/roles';
import { getViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Set up two-step sign-in' };

/** Where a user whose clinic requires MFA lands until they have enrolled (lib/auth/guard.ts). */
export default async function MfaSetupPage() {
  const viewer = await getViewer();
  if (!viewer) redirect('/login');
  const home = ROLE_HOME[viewer.role];
  return (
    <main id="main" className="flex min-h-screen items-start justify-center px-4 py-12">
      <div className="w-full max-w-xl">
        <p className="text-center text-3xl font-bold tracking-tight text-brand-800">Uplift</p>
        <section className="mt-8 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-2xl font-semibold">Set up two-step sign-in</h1>
          <p className="mt-1 mb-6 text-slate-700">
            {viewer.mfaSetupRequired
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
