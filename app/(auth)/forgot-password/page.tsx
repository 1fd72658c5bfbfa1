import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { isSelfServiceResetAvailable } from '@/lib/dal/password-reset-request';
import { RequestResetForm } from './request-form';

export const metadata: Metadata = { title: 'Forgotten password' };

export default function ForgotPasswordPage() {
  const byEmail = isSelfServiceResetAvailable();
  return (
    <main id="main" className="flex min-h-screen items-start justify-center px-4 py-12 sm:items-center">
      <div className="w-full max-w-md">
        <p className="text-center text-3xl font-bold tracking-tight text-brand-800">Uplift</p>
        <section className="mt-8 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-2xl font-semibold">Forgotten your password?</h1>
          {byEmail ? (
            <>
              <p className="mt-1 mb-6 text-slate-700">Enter the email address you sign in with and we will send you a link to choose a new password.</p>
              <RequestResetForm />
            </>
          ) : (
            <p className="mt-2 text-slate-700">
              Ask your physiotherapist or your clinic. They can give you a link to choose a new password; it works once, for one hour.
            </p>
          )}
          <AppLink href="/login" className="mt-6 inline-block min-h-11 font-semibold text-brand-800 underline">
            Back to sign in
          </AppLink>
        </section>
      </div>
    </main>
  );
}
