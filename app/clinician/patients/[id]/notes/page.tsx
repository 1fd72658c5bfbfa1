import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { ItemList } from '@/components/ui/item-list';
import { notFound } from 'next/navigation';
import { GoalForm, GoalStatusForm } from '@/components/clinician/goal-forms';
import { NoteForm } from '@/components/clinician/note-form';
import { RecordNav } from '@/components/clinician/record-nav';
import { guardArea } from '@/lib/auth/guard';
import { MEASURE_CODES, ROM_MEASURES, isMeasureCode } from '@/lib/clinical/rom';
import { getGoalsAndNotes, type NoteView } from '@/lib/dal/notes';
import { formatDate, formatDateTime } from '@/lib/time';
import { createGoalAction, createNoteAction, updateGoalStatusAction } from './actions';

export const metadata: Metadata = { title: 'Goals and notes' };

const MEASURE_OPTIONS = [
  { value: 'nprs', label: 'Pain (NPRS 0–10)' },
  { value: 'odi', label: 'Oswestry (ODI %)' },
  ...MEASURE_CODES.map((code) => ({ value: code, label: ROM_MEASURES[code].clinicalLabel })),
];
const measureLabel = (code: string) => MEASURE_OPTIONS.find((option) => option.value === code)?.label ?? (isMeasureCode(code) ? ROM_MEASURES[code].clinicalLabel : code);
const STATUS_LABELS = { active: 'Active', achieved: 'Achieved', 'not-achieved': 'Not achieved', cancelled: 'Cancelled' } as const;

export default async function NotesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await guardArea('clinician');
  const data = await getGoalsAndNotes(id);
  if (!data) notFound();
  const { heading, goals, notes } = data;
  const episodeId = heading.episodeId;
  const active = heading.status === 'active';
  return (
    <div className="space-y-6">
      <RecordNav episodeId={episodeId} patientName={heading.patientName} current="/notes" status={heading.status} />
      <h1 className="text-2xl font-bold">Goals and notes: {heading.patientName}</h1>

      <section aria-labelledby="goals-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="goals-heading" className="text-xl font-semibold">Goals</h2>
        <ItemList
          empty="No goals yet."
          items={goals.map((goal) => ({
            key: goal.id,
            title: goal.description,
            detail: `${goal.measureCode ? `${measureLabel(goal.measureCode)}: target ${goal.targetValue}` : 'Free-text goal'}${goal.targetDate ? ` by ${formatDate(goal.targetDate, viewer.timeZone)}` : ''} · ${STATUS_LABELS[goal.status]}`,
            action: active ? <GoalStatusForm action={updateGoalStatusAction.bind(null, episodeId)} goalId={goal.id} status={goal.status} description={goal.description} /> : null,
          }))}
        />
        {active ? <GoalForm action={createGoalAction.bind(null, episodeId)} measures={MEASURE_OPTIONS} submissionId={randomUUID()} /> : null}
      </section>

      <section aria-labelledby="notes-heading" className="space-y-3">
        <h2 id="notes-heading" className="text-xl font-semibold">Clinical notes (SOAP)</h2>
        <p className="text-sm text-slate-700">Notes are never edited: a correction is saved as an amendment, and the original stays visible.</p>
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <NoteForm action={createNoteAction.bind(null, episodeId)} heading="New note" submissionId={randomUUID()} />
        </div>
        {notes.map((note) => (
          <article key={note.id} aria-label={`Note of ${formatDateTime(note.createdAt, viewer.timeZone)}`} className="rounded-xl border border-slate-200 bg-white p-4">
            <NoteBody note={note} timeZone={viewer.timeZone} title="Note" />
            {note.amendments.map((amendment) => (
              <div key={amendment.id} className="mt-3 border-l-4 border-amber-600 pl-3">
                <NoteBody note={amendment} timeZone={viewer.timeZone} title="Amendment" />
              </div>
            ))}
            <details className="mt-3">
              <summary className="cursor-pointer text-brand-800 underline">Amend this note</summary>
              <div className="mt-2">
                <NoteForm action={createNoteAction.bind(null, episodeId)} amendsId={note.id} heading="Amendment" submissionId={randomUUID()} />
              </div>
            </details>
          </article>
        ))}
      </section>
    </div>
  );
}

function NoteBody({ note, timeZone, title }: { note: NoteView; timeZone: string; title: string }) {
  const parts = [
    ['Subjective', note.subjective],
    ['Objective', note.objective],
    ['Assessment', note.assessment],
    ['Plan', note.plan],
  ] as const;
  return (
    <div>
      <p className="text-sm text-slate-700">
        <span className="font-semibold text-slate-900">{title}</span> by {note.authorName}, {formatDateTime(note.createdAt, timeZone)}
      </p>
      <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
        {parts.filter(([, text]) => text).map(([label, text]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd className="whitespace-pre-wrap">{text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
