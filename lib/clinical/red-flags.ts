/**
 * Red-flag screening questions. They prompt clinician review; they do not diagnose (IFOMPT framework,
 * Finucane et al., JOSPT 2020; NICE NG59). Worded for a frightened older patient: everyday words, one
 * symptom per question where possible, "new" wherever a long-standing problem would mislead.
 */
import { urgentAdviceAction, type EmergencyServices } from '../content/emergency-services';
import { MS_PER_DAY } from '../time/days';

export type RedFlagGroup = 'cauda-equina' | 'progressive-deficit' | 'serious-pathology';
export type RedFlagUrgency = 'emergency' | 'same-day' | '24h';

/** `question` is what the patient is asked; `finding` names a yes in the clinician's words. */
export type RedFlagQuestion = { key: string; group: RedFlagGroup; question: string; finding: string; urgency: RedFlagUrgency };

export type RedFlagGroupInfo = { label: string; urgency: RedFlagUrgency; action: string };

export const RED_FLAG_GROUPS: Readonly<Record<RedFlagGroup, RedFlagGroupInfo>> = {
  'cauda-equina': {
    label: 'Possible cauda equina syndrome',
    urgency: 'emergency',
    action: 'Patient told at once to seek emergency care; urgent alert to the clinician.',
  },
  'progressive-deficit': {
    label: 'Possible progressive nerve damage',
    urgency: 'same-day',
    action: 'Urgent alert for review the same day.',
  },
  'serious-pathology': {
    label: 'Possible cancer, infection or fracture',
    urgency: '24h',
    action: 'Alert for review within 24 hours.',
  },
};

const question = (key: string, group: RedFlagGroup, text: string, finding: string): RedFlagQuestion => ({
  key,
  group,
  question: text,
  finding,
  urgency: RED_FLAG_GROUPS[group].urgency,
});

export const RED_FLAG_QUESTIONS: ReadonlyArray<RedFlagQuestion> = [
  question(
    'saddle-numbness',
    'cauda-equina',
    'Have you noticed numbness around your bottom, genitals or inner thighs?',
    'Saddle numbness',
  ),
  question(
    'bladder-change',
    'cauda-equina',
    'Have you had new trouble passing urine (peeing), or leaked urine without meaning to?',
    'New bladder disturbance (retention or incontinence)',
  ),
  question('bowel-control', 'cauda-equina', 'Have you newly lost control of your bowels (poo)?', 'New loss of bowel control'),
  question(
    'sexual-function',
    'cauda-equina',
    'Have you noticed a new change in sexual feeling or function, such as numbness during sex ' +
      'or trouble getting an erection?',
    'New sexual dysfunction',
  ),
  question('both-legs', 'cauda-equina', 'Do both of your legs feel numb or weak?', 'Numbness or weakness in both legs'),
  question('leg-weakness-worsening', 'progressive-deficit', 'Is one of your legs, or both, getting weaker?', 'Worsening leg weakness'),
  question(
    'foot-drop',
    'progressive-deficit',
    'When you walk, do your toes catch on the ground or does your foot slap down?',
    'Foot drop',
  ),
  question('falls', 'progressive-deficit', 'Have you fallen, or nearly fallen, because a leg gave way?', 'Falls or near-falls from a leg giving way'),
  question(
    'spreading-numbness',
    'progressive-deficit',
    'Is numbness or tingling in your leg or foot spreading to new places?',
    'Spreading numbness or tingling',
  ),
  question('weight-loss', 'serious-pathology', 'Have you lost weight without trying?', 'Unexplained weight loss'),
  question('fever', 'serious-pathology', 'Have you had a fever, or felt hot and shivery?', 'Fever or chills'),
  question(
    'night-pain',
    'serious-pathology',
    'Is your back pain there all night, and not eased by resting or changing position?',
    'Constant night pain not eased by rest',
  ),
  question('trauma', 'serious-pathology', 'Have you recently had a bad fall, an accident or another injury?', 'Recent significant trauma'),
];

/**
 * Shown at once for any cauda equina answer: delay risks permanent bladder, bowel and sexual damage. The
 * instruction under it names the clinic's own emergency number (emergencyAdvice in lib/content/emergency-services.ts).
 */
export const EMERGENCY_HEADING = 'Seek emergency care now';

const URGENCY_RANK: Readonly<Record<RedFlagUrgency, number>> = { emergency: 3, 'same-day': 2, '24h': 1 };

const QUESTIONS_BY_KEY = new Map(RED_FLAG_QUESTIONS.map((entry) => [entry.key, entry]));

/**
 * Highest urgency among the answers that are yes. Unknown keys and non-boolean answers throw: a misspelt
 * key silently dropped could hide an emergency.
 */
export type RedFlagEvaluation = { urgency: RedFlagUrgency | null; positives: string[] };

export function evaluateRedFlags(answers: Record<string, boolean>): RedFlagEvaluation {
  for (const [key, answer] of Object.entries(answers)) {
    if (!QUESTIONS_BY_KEY.has(key)) throw new RangeError(`Unknown red-flag question "${key}".`);
    if (typeof answer !== 'boolean') throw new RangeError(`The answer to "${key}" must be yes or no.`);
  }
  const positives = RED_FLAG_QUESTIONS.filter((entry) => answers[entry.key] === true);
  let urgency: RedFlagUrgency | null = null;
  for (const entry of positives) {
    if (urgency === null || URGENCY_RANK[entry.urgency] > URGENCY_RANK[urgency]) urgency = entry.urgency;
  }
  return { urgency, positives: positives.map((entry) => entry.key) };
}

/** Asked with every pain log (and every change to one): short, and the stakes are highest (docs/CLINICAL.md, Red flags). */
export const EVERY_LOG_RED_FLAG_QUESTIONS: ReadonlyArray<RedFlagQuestion> = RED_FLAG_QUESTIONS.filter(
  (entry) => entry.group === 'cauda-equina' || entry.group === 'progressive-deficit',
);

/**
 * The cancer, infection and fracture questions: asked at the first sign-in of an episode, then at least every
 * `SAFETY_CHECK_INTERVAL_DAYS` days, and whenever the patient reports a new or different symptom, but not with
 * every pain log (docs/CLINICAL.md, Red flags: someone in pain should not face a long form).
 */
export const PERIODIC_RED_FLAG_QUESTIONS: ReadonlyArray<RedFlagQuestion> = RED_FLAG_QUESTIONS.filter(
  (entry) => entry.group === 'serious-pathology',
);

/** Policy (docs/CLINICAL.md, Red flags): the periodic questions are asked again when the last answers are this old. */
export const SAFETY_CHECK_INTERVAL_DAYS = 7;

export type SafetyCheckDue = 'first' | 'weekly' | null;

/**
 * Whether the periodic (cancer, infection, fracture) questions are due: never answered in this episode
 * ('first'), or last answered `SAFETY_CHECK_INTERVAL_DAYS` days ago or more ('weekly'). A reported new or
 * different symptom asks them on the spot, in the pain form, so it needs no state here.
 */
export function safetyCheckDue(lastAnsweredAt: Date | null, now: Date): SafetyCheckDue {
  if (lastAnsweredAt === null) return 'first';
  return now.getTime() - lastAnsweredAt.getTime() >= SAFETY_CHECK_INTERVAL_DAYS * MS_PER_DAY ? 'weekly' : null;
}

/** True when `answers` holds an answer to every periodic question (a complete cancer, infection, fracture check). */
export function answersPeriodicCheck(answers: Readonly<Record<string, boolean>>): boolean {
  return PERIODIC_RED_FLAG_QUESTIONS.every((entry) => typeof answers[entry.key] === 'boolean');
}

export type RedFlagAdvice = { heading: string; steps: string[] };

const ADVICE_HEADINGS: Readonly<Record<Exclude<RedFlagUrgency, 'emergency'>, string>> = {
  'same-day': 'Your physio needs to check this today',
  '24h': 'Contact your physio’s clinic today',
};

/**
 * What the patient is told to do today after a yes, in plain words (docs/CLINICAL.md, Red flags), with the
 * numbers of the clinic's country (docs/CLINICAL.md, Emergency numbers). The emergency advice is
 * `EMERGENCY_HEADING` with `emergencyAdvice` and is shown at once, never waiting for review.
 */
export function redFlagAdvice(urgency: Exclude<RedFlagUrgency, 'emergency'>, services: EmergencyServices): RedFlagAdvice {
  const caudaEquina =
    'If you get new numbness between your legs or around your bottom, or lose control of your bladder or ' +
    `bowels, call ${services.emergencyNumber} now.`;
  if (urgency === 'same-day') {
    return {
      heading: ADVICE_HEADINGS[urgency],
      steps: [
        'We have sent an alert to your physiotherapist to review today.',
        `Phone the clinic today. If you cannot reach them today, ${urgentAdviceAction(services)}.`,
        caudaEquina,
      ],
    };
  }
  return {
    heading: ADVICE_HEADINGS[urgency],
    steps: [
      'We have sent your answers to your physiotherapist, who will review them within 24 hours.',
      'Today, phone the clinic and tell them what you said yes to. Do not wait for your next appointment.',
      `If you feel very unwell (for example a high temperature with shivering), cannot stand or walk after a fall, ` +
        `or cannot reach the clinic today, ${urgentAdviceAction(services)} today.`,
      caudaEquina,
    ],
  };
}

/** How a set of answers reads on the clinician's alert: each question's finding with the patient's yes or no. */
export function describeAnswers(answers: Readonly<Record<string, boolean>>): string[] {
  return RED_FLAG_QUESTIONS.filter((entry) => typeof answers[entry.key] === 'boolean').map(
    (entry) => `${entry.finding}: ${answers[entry.key] ? 'yes' : 'no'}`,
  );
}

/** The first thing the patient reads after a yes: the heading of the advice for that urgency. */
export function redFlagHeading(urgency: RedFlagUrgency): string {
  return urgency === 'emergency' ? EMERGENCY_HEADING : ADVICE_HEADINGS[urgency];
}
