import { DEFINITIONS } from '@/lib/outcomes/definitions';

/** The definitions behind every figure, from the same constants the SQL uses. */
export function OutcomeDefinitions() {
  return (
    <section aria-labelledby="definitions-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="definitions-heading" className="text-xl font-semibold">How these figures are defined</h2>
      <dl className="mt-3 space-y-3">
        {DEFINITIONS.map((definition) => (
          <div key={definition.term}>
            <dt className="font-semibold">{definition.term}</dt>
            <dd className="text-slate-800">{definition.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
