/**
 * Red-flag screening questions. They prompt clinician review; they do not diagnose (IFOMPT framework,
 * Finucane et al., JOSPT 2020; NICE NG59). Worded for a frightened older patient: everyday words, one
 * symptom per question where possible, "new" wherever a long-standing problem would mislead.
 */

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

export const RED_FLAG_URGENCY_LABELS: Readonly<Record<RedFlagUrgency, string>> = {
  emergency: 'Emergency',
  'same-day': 'Same day',
  '24h': 'Within 24 hours',
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
export function evaluateRedFlags(answers: Record<string, boolean>): {
  urgency: RedFlagUrgency | null;
  positives: string[];
} {
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
