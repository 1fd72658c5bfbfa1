/**
 * "Download my data" (GDPR Article 15, the right of access). A plain form post: the route answers with the
 * zip as a download, or brings the patient back here with `?download=wait` when they are rate-limited.
 */
export function DownloadMyData({ wait }: { wait: boolean }) {
  return (
    <section aria-labelledby="download-heading" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="download-heading" className="text-xl font-semibold">
        Download my data
      </h2>
      <p className="mt-1 text-slate-700">
        You have the right to a copy of the information we hold about your care. The download is a zip file with:
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
        <li>a summary you can open in your web browser and print;</li>
        <li>your pain diary, exercise log and questionnaire scores as spreadsheet (CSV) files;</li>
        <li>your whole record in FHIR, the standard format other health services can read.</li>
      </ul>
      {wait ? (
        <p role="status" className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950">
          You have downloaded your data several times in a row. Please wait a few minutes, then try again.
        </p>
      ) : null}
      <form method="post" action="/api/exports/my-data" className="mt-4">
        <button
          type="submit"
          className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-5 py-3 text-base font-semibold text-white hover:bg-brand-800"
        >
          Download my data
        </button>
      </form>
      <p className="mt-2 text-sm text-slate-700">It takes a few seconds. Your clinic can see that you downloaded it.</p>
    </section>
  );
}
