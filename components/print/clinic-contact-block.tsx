import type { PrintablePlan } from '@/lib/dal/plan-print';

/** The clinic's name and how to reach it, as the manager set them in Settings. */
export function ClinicContactBlock({ clinic }: { clinic: PrintablePlan['clinic'] }) {
  const none = !clinic.phone && !clinic.email && !clinic.address;
  return (
    <address className="not-italic">
      <span className="font-semibold">{clinic.name}</span>
      {clinic.address ? <span className="block whitespace-pre-line">{clinic.address}</span> : null}
      {clinic.phone ? <span className="block">Phone: {clinic.phone}</span> : null}
      {clinic.email ? <span className="block">Email: {clinic.email}</span> : null}
      {none ? <span className="block">Contact details have not been added yet (Manager → Settings).</span> : null}
    </address>
  );
}
