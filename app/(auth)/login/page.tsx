import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { redirect } from 'next/navigation';
import { ROLE_HOME } from '@/lib/auth/roles';
import { getViewer } from '@/lib/auth/viewer';
import { FormAlert } from '@/components/ui/form-alert';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; passwordSet?: string; passwordChanged?: string }> }) {
  const viewer = await getViewer();
  if (viewer) redirect(ROLE_HOME[viewer.role]);
  const { callbackUrl, passwordSet, passwordChanged } = await searchParams;
  return (
    <main id="main" className="flex min-h-screen items-start justify-center px-4 py-12 sm:items-center">
      <div className="w-full max-w-md">
        <p className="text-center text-3xl font-bold tracking-tight text-brand-800">Uplift</p>
        <p className="mt-1 text-center text-slate-700">Physiotherapy for back pain</p>
        <section className="mt-8 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-2xl font-semibold">Sign in</h1>
          <p className="mt-1 mb-6 text-slate-700">Use the email and password you set up with your clinic.</p>
          {passwordSet ? (
            <div className="mb-6">
              <FormAlert tone="success">Your password is set. Sign in with it now.</FormAlert>
            </div>
          ) : null}
          {passwordChanged ? (
            <div className="mb-6">
              <FormAlert tone="success">Your password was changed and you were signed out everywhere. Sign in with the new password.</FormAlert>
            </div>
          ) : null}
          <SignInForm callbackUrl={typeof callbackUrl === 'string' ? callbackUrl : undefined} />
        </section>
        <p className="mt-6 text-center text-slate-700">
          <AppLink href="/forgot-password" className="inline-block min-h-11 font-semibold text-brand-800 underline">
            Forgotten your password?
          </AppLink>
        </p>
      </div>
    </main>
  );
}
