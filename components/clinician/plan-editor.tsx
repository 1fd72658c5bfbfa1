'use client';

import { useActionState, useId, useMemo, useState } from 'react';
import { NOT_SENT, type FormResult } from '@/lib/forms';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { DOSAGE_FIELDS, describeDosage, toPlanItem, type EditorExercise, type EditorItem, type EditorTemplate, type PlanSaved } from './plan-items';

export type { EditorExercise, EditorItem, EditorTemplate, PlanSaved };

type Action = (previous: FormResult<PlanSaved>, form: FormData) => Promise<FormResult<PlanSaved>>;

/** The plan builder: the draft lives in this component, so a refused save (conflict, error) never loses it. */
export function PlanEditor({
  action,
  baseVersion,
  initialItems,
  library,
  templates,
  categories,
  reloadHref,
  submissionId,
}: {
  reloadHref: string;
  submissionId: string;
  action: Action;
  baseVersion: number;
  initialItems: EditorItem[];
  library: EditorExercise[];
  templates: EditorTemplate[];
  categories: { key: string; label: string }[];
}) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  const [items, setItems] = useState<EditorItem[]>(initialItems);
  const [note, setNote] = useState('');
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const [templateKey, setTemplateKey] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const id = useId();

  const shown = useMemo(() => {
    const term = search.trim().toLowerCase();
    return library.filter((exercise) => (!category || exercise.category === category) && (!term || `${exercise.name} ${exercise.summary}`.toLowerCase().includes(term)));
  }, [library, search, category]);

  const update = (index: number, change: Partial<EditorItem>) => setItems((current) => current.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const move = (index: number, by: -1 | 1) => {
    setItems((current) => {
      const next = [...current];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      setAnnouncement(`${item!.exerciseName} moved to position ${index + by + 1}.`);
      return next;
    });
  };
  const add = (exercise: EditorExercise) => {
    setItems((current) => [...current, { exerciseId: exercise.id, exerciseName: exercise.name, instructionsNote: null, ...exercise.dosage }]);
    setAnnouncement(`${exercise.name} added to the plan.`);
  };
  const remove = (index: number) => {
    setAnnouncement(`${items[index]!.exerciseName} removed from the plan.`);
    setItems((current) => current.filter((_, i) => i !== index));
  };
  const applyTemplate = () => {
    const template = templates.find((candidate) => candidate.key === templateKey);
    if (!template) return;
    setItems(template.items.map((item) => ({ ...item })));
    setNote(`Started from “${template.name}”.`);
    setAnnouncement(`Plan replaced with the template ${template.name}. Nothing is saved until you save the plan.`);
  };

  return (
    <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
      <form action={formAction} className="space-y-4">
        <input type="hidden" name="baseVersion" value={baseVersion} />
        <input type="hidden" name="submissionId" value={submissionId} />
        <input type="hidden" name="items" value={JSON.stringify(items.map(toPlanItem))} />
        <p aria-live="polite" className="sr-only">{announcement}</p>
        {state.ok && state.data?.savedVersion ? <FormAlert tone="success">Saved as version {state.data.savedVersion}. The patient sees it now.</FormAlert> : null}
        {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
        {!state.ok && state.data?.conflict ? (
          <p>
            <a href={reloadHref} className="font-semibold text-brand-800 underline">Reload the plan</a> (your draft below stays on screen until you do).
          </p>
        ) : null}
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor={`${id}-template`} className="block text-sm font-medium">Start from a template</label>
              <select id={`${id}-template`} value={templateKey} onChange={(event) => setTemplateKey(event.target.value)} className="mt-1 min-h-10 rounded-md border border-slate-400 bg-white px-2">
                <option value="">Choose a template…</option>
                {templates.map((template) => (
                  <option key={template.key} value={template.key}>{template.name}</option>
                ))}
              </select>
            </div>
            <button type="button" onClick={applyTemplate} disabled={!templateKey} className="min-h-10 rounded-md border border-slate-400 bg-white px-3 font-semibold disabled:opacity-60">
              Use template
            </button>
          </div>
          {templateKey ? <p className="mt-1 text-sm text-slate-700">{templates.find((template) => template.key === templateKey)?.description} Using it replaces the exercises below.</p> : null}
        </div>

        <ol className="space-y-3" aria-label="Exercises in the plan">
          {items.map((item, index) => (
            <li key={`${item.exerciseId}-${index}`} className="rounded-xl border border-slate-200 bg-white p-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div>
                  <h3 className="font-semibold">
                    {index + 1}. {item.exerciseName}
                  </h3>
                  <p className="text-sm text-slate-700">{describeDosage(item)}</p>
                </div>
                <div className="flex gap-1">
                  <button type="button" onClick={() => move(index, -1)} disabled={index === 0} className="min-h-9 rounded-md border border-slate-400 px-2 text-sm disabled:opacity-50">
                    Move up<span className="sr-only"> {item.exerciseName}</span>
                  </button>
                  <button type="button" onClick={() => move(index, 1)} disabled={index === items.length - 1} className="min-h-9 rounded-md border border-slate-400 px-2 text-sm disabled:opacity-50">
                    Move down<span className="sr-only"> {item.exerciseName}</span>
                  </button>
                  <button type="button" onClick={() => remove(index)} className="min-h-9 rounded-md border border-red-700 px-2 text-sm text-red-800">
                    Remove<span className="sr-only"> {item.exerciseName}</span>
                  </button>
                </div>
              </div>
              <div className="mt-2 flex flex-wrap items-end gap-2">
                {DOSAGE_FIELDS.map((field) => {
                  const value = item[field.key];
                  const required = field.key === 'timesPerDay' || field.key === 'daysPerWeek';
                  return (
                    <div key={field.key}>
                      <label htmlFor={`${id}-${index}-${field.key}`} className="block text-xs font-medium">
                        {field.label}<span className="sr-only"> for {item.exerciseName}</span>
                      </label>
                      <input
                        id={`${id}-${index}-${field.key}`}
                        type="number"
                        min={1}
                        max={field.max}
                        step={1}
                        value={value ?? ''}
                        onChange={(event) => {
                          const text = event.target.value;
                          const number = text === '' ? null : Number(text);
                          update(index, { [field.key]: required ? (number ?? 1) : number } as Partial<EditorItem>);
                        }}
                        className="mt-1 min-h-9 w-20 rounded-md border border-slate-400 px-2"
                      />
                    </div>
                  );
                })}
                <label className="flex min-h-9 items-center gap-1 text-sm">
                  <input type="checkbox" checked={item.perSide} onChange={(event) => update(index, { perSide: event.target.checked })} className="h-4 w-4" />
                  Each side<span className="sr-only"> for {item.exerciseName}</span>
                </label>
              </div>
              <div className="mt-2">
                <label htmlFor={`${id}-${index}-note`} className="block text-xs font-medium">Note for the patient (optional)<span className="sr-only"> for {item.exerciseName}</span></label>
                <input
                  id={`${id}-${index}-note`}
                  value={item.instructionsNote ?? ''}
                  maxLength={500}
                  onChange={(event) => update(index, { instructionsNote: event.target.value || null })}
                  className="mt-1 min-h-9 w-full rounded-md border border-slate-400 px-2"
                />
              </div>
            </li>
          ))}
        </ol>
        {items.length === 0 ? <p className="rounded-xl border border-dashed border-slate-400 p-4 text-center text-slate-700">No exercises yet: add some from the library.</p> : null}

        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <label htmlFor={`${id}-change-note`} className="block text-sm font-medium">What changed (optional)</label>
          <input id={`${id}-change-note`} name="note" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} className="mt-1 min-h-10 w-full rounded-md border border-slate-400 px-2" />
          <div className="mt-3 flex items-center gap-3">
            <SubmitButton pendingText="Saving…">Save as version {baseVersion + 1}</SubmitButton>
            <span className="text-sm text-slate-700">Editing from version {baseVersion || 'none'}.</span>
          </div>
        </div>
      </form>

      <section aria-labelledby={`${id}-library`} className="h-fit space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id={`${id}-library`} className="text-lg font-semibold">Exercise library</h2>
        <div>
          <label htmlFor={`${id}-search`} className="block text-sm font-medium">Search exercises</label>
          <input id={`${id}-search`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} className="mt-1 min-h-10 w-full rounded-md border border-slate-400 px-2" />
        </div>
        <div>
          <label htmlFor={`${id}-category`} className="block text-sm font-medium">Category</label>
          <select id={`${id}-category`} value={category} onChange={(event) => setCategory(event.target.value)} className="mt-1 min-h-10 w-full rounded-md border border-slate-400 bg-white px-2">
            <option value="">All categories</option>
            {categories.map((option) => (
              <option key={option.key} value={option.key}>{option.label}</option>
            ))}
          </select>
        </div>
        <p className="text-sm text-slate-700" aria-live="polite">{shown.length} exercises</p>
        <ul className="max-h-[32rem] space-y-2 overflow-y-auto">
          {shown.map((exercise) => (
            <li key={exercise.id} className="flex items-start justify-between gap-2 border-b border-slate-100 pb-2">
              <div>
                <p className="font-medium">{exercise.name}</p>
                <p className="text-xs text-slate-700">{exercise.categoryLabel}</p>
              </div>
              <button type="button" onClick={() => add(exercise)} className="min-h-9 shrink-0 rounded-md bg-brand-700 px-3 text-sm font-semibold text-white hover:bg-brand-800">
                Add<span className="sr-only"> {exercise.name}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
