/** Shown once, straight after they are made: only hashes are kept. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="rounded-xl border border-amber-600 bg-amber-50 p-4" role="status">
      <h3 className="text-lg font-semibold">Save your recovery codes now</h3>
      <p className="mt-1 text-slate-800">
        If you lose your phone, each code lets you sign in once. Keep them somewhere safe, such as a password manager. They will not be shown again.
      </p>
      <ul aria-label="Recovery codes" className="mt-3 grid grid-cols-1 gap-2 font-mono text-lg sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code} className="rounded bg-white px-3 py-1">
            {code}
          </li>
        ))}
      </ul>
    </div>
  );
}
