import { ExerciseDrawing } from '@/components/patient/exercise-drawing';
import { urgentAdviceAction } from '@/lib/content/emergency-services';
import type { PrintablePlan } from '@/lib/dal/plan-print';
import { formatDate } from '@/lib/time';
import { ClinicContactBlock } from './clinic-contact-block';

/**
 * An exercise plan laid out for paper and for screen: each exercise with its drawing, dosage, steps,
 * how much pain is acceptable and when to stop, then when to get help and how to reach the clinic.
 */
export function PlanSheet({ plan, timeZone }: { plan: PrintablePlan; timeZone: string }) {
  return (
    <article className="space-y-5 bg-white text-slate-900 print:space-y-3">
      <header className="border-b-2 border-slate-900 pb-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">
          {plan.clinic.name}
          {plan.clinic.phone ? <span className="normal-case tracking-normal"> · {plan.clinic.phone}</span> : null}
        </p>
        <h1 className="text-2xl font-bold print:text-xl">Exercise plan for {plan.patientName}</h1>
        <p className="text-slate-700">
          From {plan.clinicianName} · version {plan.version} · {formatDate(plan.savedAt, timeZone)}
        </p>
      </header>
      <ol className="space-y-4 print:space-y-2">
        {plan.exercises.map((exercise, index) => (
          <li key={index} className="print-avoid-break rounded-lg border border-slate-300 p-3 print:rounded-none print:border-x-0 print:border-t-0 print:px-0 print:pb-2">
            <div className="grid gap-3 sm:grid-cols-[9rem_1fr] print:grid-cols-[34mm_1fr] print:gap-3">
              {exercise.illustration ? (
                <ExerciseDrawing src={exercise.illustration} name={exercise.name} summary={exercise.summary} className="w-36 rounded border border-slate-200 print:w-[34mm]" />
              ) : (
                <span aria-hidden="true" />
              )}
              <div className="space-y-1">
                <h2 className="text-lg font-bold print:text-base">
                  {index + 1}. {exercise.name}
                </h2>
                <p className="font-semibold">{exercise.dosage.charAt(0).toUpperCase() + exercise.dosage.slice(1)}</p>
                <ol className="list-decimal space-y-0.5 pl-5">
                  {exercise.instructions.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
                {exercise.note ? (
                  <p>
                    <strong>Note from your physio:</strong> {exercise.note}
                  </p>
                ) : null}
                <p>
                  <strong>How much pain is OK:</strong> {exercise.acceptablePain}
                </p>
                <p>
                  <strong>Stay safe:</strong> {exercise.safetyNote}
                </p>
              </div>
            </div>
          </li>
        ))}
      </ol>
      {plan.exercises.length === 0 ? <p>This plan has no exercises.</p> : null}
      <section aria-labelledby="help-heading" className="print-avoid-break rounded-lg border-2 border-slate-900 p-3">
        <h2 id="help-heading" className="font-bold">
          When to get help
        </h2>
        <p>
          Stop an exercise that makes pain spread down your leg or much worse than the level above, and tell your physio. If you cannot reach
          the clinic and need advice today, {urgentAdviceAction(plan.services)}. Call {plan.services.emergencyNumber} or go to{' '}
          {plan.services.emergencyDepartment} now if you have new numbness between your legs or around your bottom, or cannot control your
          bladder or bowel.
        </p>
      </section>
      <footer className="print-avoid-break grid gap-3 border-t border-slate-400 pt-3 sm:grid-cols-2 print:grid-cols-2">
        <div>
          <p className="font-semibold">Your physiotherapist</p>
          <p>{plan.clinicianName}</p>
        </div>
        <ClinicContactBlock clinic={plan.clinic} />
      </footer>
    </article>
  );
}
