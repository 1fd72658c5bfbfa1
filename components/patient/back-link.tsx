import { AppLink } from '@/components/ui/app-link';

/** The way back up from a patient's inner page, at its top ("← Today"): large enough for a thumb. */
export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <p>
      <AppLink href={href} className="inline-flex min-h-11 items-center text-lg text-brand-800 underline">
        ← {children}
      </AppLink>
    </p>
  );
}
