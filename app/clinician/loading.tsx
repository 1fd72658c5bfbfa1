/** Shown while a clinician page loads: the shape of a heading and a table, no data. */
export default function ClinicianLoading() {
  return (
    <div className="animate-pulse space-y-4" aria-busy="true" aria-label="Loading">
      <div className="h-8 w-48 rounded bg-slate-200" />
      <div className="h-4 w-72 rounded bg-slate-200" />
      <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className="h-6 rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
