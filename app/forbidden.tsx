import { AppLink } from '@/components/ui/app-link';

export const metadata = { title: 'No access' };

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Error 403</p>
      <h1 className="mt-2 text-3xl font-bold">You don’t have access to this page</h1>
      <p className="mt-4 text-lg text-slate-700">
        This part of Uplift is for a different kind of account. If you think you should be able to see it, ask your
        clinic.
      </p>
      <AppLink href="/" className="mt-8 inline-block rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
        Go to my home page
      </AppLink>
    </main>
  );
}
