'use client';

/** Opens the browser's print dialog (paper or "Save as PDF"); never printed itself. */
export function PrintButton({ label = 'Print' }: { label?: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="print-hidden inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 py-3 text-base font-semibold text-white hover:bg-brand-800"
    >
      {label}
    </button>
  );
}
