import type { FigureDefinition } from '@/lib/clinical/figures';

/** What each figure on a clinician page means, in the words lib/clinical defines it with. */
export function FigureDefinitions({ definitions, id }: { definitions: ReadonlyArray<FigureDefinition>; id: string }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <summary id={id} className="cursor-pointer py-2 font-semibold text-slate-900">
        How these figures are defined
      </summary>
      <dl aria-labelledby={id} className="mt-2 space-y-2">
        {definitions.map((definition) => (
          <div key={definition.term}>
            <dt className="font-semibold">{definition.term}</dt>
            <dd className="text-slate-800">{definition.text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
