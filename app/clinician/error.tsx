'use client';

import { AreaError } from '@/components/layout/area-error';

export default function ClinicianError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <AreaError reset={reset} homeHref="/clinician" />;
}
