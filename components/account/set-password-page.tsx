import { AppLink } from '@/components/ui/app-link';
import { getLinkDetails } from '@/lib/dal/account-setup';
import { SetPasswordForm } from './set-password-form';

/** Shared by invitation and reset links: shows who the link is for and the new-password form. */
export async function SetPasswordPage({ kind, token }: { kind: 'invite' | 'reset'; token: string }) {
  const details = await getLinkDetails(token, kind);
  return (
    <main id="main" className="flex min-h-screen items-start justify-center px-4 py-12 sm:items-center">
      <div className="w-full max-w-md">
        <p className="text-center text-3xl font-bold tracking-tight text-brand-800">Uplift</p>
        <section className="mt-8 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          {details ? (
            <>
              <h1 className="text-2xl font-semibold">{kind === 'invite' ? `Welcome, ${details.name.split(' ')[0]}` : 'Choose a new password'}</h1>
              <p className="mt-1 mb-6 text-slate-700">
                {kind === 'invite'
                  ? `${details.clinicName} has invited you to Uplift. Choose a password to finish setting up your account (${details.email}).`
                  : `Choose a new password for ${details.email}. You will be signed out everywhere else.`}
              </p>
              <SetPasswordForm kind={kind} token={token} email={details.email} />
            </>
          ) : (
            <>
              <h1 className="text-2xl font-semibold">This link no longer works</h1>
              <p className="mt-2 text-slate-700">
                It may have expired or already been used. Ask your physiotherapist or clinic to send you a new link.
              </p>
              <AppLink href="/login" className="mt-6 inline-block font-semibold text-brand-800 underline">
                Go to sign in
              </AppLink>
            </>
          )}
        </section>
      </div>
    </main>
  );
}
