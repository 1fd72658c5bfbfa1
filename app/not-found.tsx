import { AppLink } from '@/components/ui/app-link';

export const metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Error 404</p>
      <h1 className="mt-2 text-3xl font-bold">We can’t find that page</h1>
      <p className="mt-4 text-lg text-slate-700">It may have moved, or the link may be wrong.</p>
      <AppLink href="/" className="mt-8 inline-block rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
        Go to my home page
      </AppLink>
    </main>
  );
}
