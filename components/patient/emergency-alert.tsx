import { EMERGENCY_HEADING, RED_FLAG_QUESTIONS, redFlagAdvice, type RedFlagUrgency } from '@/lib/clinical/red-flags';
import { dialable, emergencyAdvice, urgentAdviceButton, type EmergencyServices } from '@/lib/content/emergency-services';

/**
 * The red-flag result, rendered by the server on the response to the submit. There is deliberately no close
 * button: the patient cannot dismiss it (docs/CLINICAL.md, Red flags: emergency advice never waits). The
 * numbers are those of the clinic's country (`services`), never another country's.
 */
export function RedFlagMessage({ urgency, positives, services }: { urgency: RedFlagUrgency; positives: string[]; services: EmergencyServices }) {
  const answered = positives
    .map((key) => RED_FLAG_QUESTIONS.find((question) => question.key === key)?.question)
    .filter((text): text is string => Boolean(text));
  if (urgency === 'emergency') {
    return (
      <section role="alert" aria-labelledby="emergency-heading" className="rounded-2xl border-4 border-red-800 bg-red-50 p-5 text-red-950">
        <h2 id="emergency-heading" className="text-3xl font-bold">
          {EMERGENCY_HEADING}
        </h2>
        <p className="mt-3 text-xl font-semibold">{emergencyAdvice(services)}</p>
        <ul className="mt-3 list-disc space-y-1 pl-6 text-lg">
          <li>Do not drive yourself. Ask someone to take you, or call an ambulance.</li>
          <li>Take this phone, your medicines and a list of your symptoms with you.</li>
          <li>We have also alerted your physiotherapist, but do not wait to hear from them.</li>
        </ul>
        <div className="mt-4 flex flex-wrap gap-3">
          <a href={dialable(services.emergencyNumber)} className="inline-flex min-h-12 items-center rounded-lg bg-red-800 px-5 py-3 text-lg font-bold text-white">
            Call {services.emergencyNumber}
          </a>
        </div>
        <AnsweredYes answered={answered} />
      </section>
    );
  }
  const advice = redFlagAdvice(urgency, services);
  const urgentButton = urgentAdviceButton(services);
  return (
    <section role="alert" aria-labelledby="urgent-heading" className="rounded-2xl border-4 border-amber-700 bg-amber-50 p-5 text-amber-950">
      <h2 id="urgent-heading" className="text-2xl font-bold">
        {advice.heading}
      </h2>
      <ul className="mt-3 list-disc space-y-1 pl-6 text-lg">
        {advice.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
      {urgentButton && services.urgentAdvice.phone ? (
        <p className="mt-3">
          <a href={dialable(services.urgentAdvice.phone)} className="inline-flex min-h-12 items-center rounded-lg border-2 border-amber-800 bg-white px-5 py-3 text-lg font-bold text-amber-950">
            {urgentButton}
          </a>
        </p>
      ) : null}
      <AnsweredYes answered={answered} />
    </section>
  );
}

/** The questions the patient said yes to, so they can tell whoever they call. */
function AnsweredYes({ answered }: { answered: string[] }) {
  if (answered.length === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="text-lg font-semibold">You said yes to:</h3>
      <ul className="mt-1 list-disc pl-6 text-lg">
        {answered.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </div>
  );
}
