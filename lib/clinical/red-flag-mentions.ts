/**
 * Words in a patient's own message that point at a red flag (docs/CLINICAL.md, "Messages and red flags").
 * A message is not a screening: a match only offers the patient the red-flag questions
 * (/patient/safety-check), whose answers raise the alert. So the list leans towards catching too much:
 * an unneeded offer costs a tap, a missed one can cost the hours cauda equina syndrome does not allow.
 *
 * Each phrase belongs to one red-flag question (lib/clinical/red-flags.ts), so the list grows with the
 * questions and a clinician can check both side by side. This is the only match list: keep it here.
 */
import { RED_FLAG_QUESTIONS, type RedFlagGroup, type RedFlagQuestion } from './red-flags';

// Keys are checked against RED_FLAG_QUESTIONS by red-flag-mentions.test.ts: an unknown key would never be offered.
type QuestionKey = RedFlagQuestion['key'];

/** Everyday phrases per red-flag question, in lower case; matched as whole words, apostrophes straightened. */
export const RED_FLAG_MENTIONS: Readonly<Record<QuestionKey, readonly string[]>> = {
  'saddle-numbness': [
    'saddle numbness',
    'saddle anaesthesia',
    'saddle anesthesia',
    'numb bum',
    'numb bottom',
    'numb buttocks',
    'numb groin',
    'numb genitals',
    'numb between my legs',
    'numbness between my legs',
    'numbness around my bottom',
    'numbness in my groin',
  ],
  'bladder-change': [
    "can't pee",
    'cannot pee',
    "can't wee",
    "can't urinate",
    'cannot urinate',
    'trouble peeing',
    'trouble passing urine',
    'wet myself',
    'wetting myself',
    'leaked urine',
    'leaking urine',
    'bladder control',
    'incontinence',
    'incontinent',
  ],
  'bowel-control': ['bowel control', 'control of my bowels', 'soiled myself', 'pooed myself', 'bowel accident'],
  'sexual-function': ['erection', 'numb during sex', 'sexual function', 'no feeling during sex'],
  'both-legs': [
    'both legs numb',
    'both legs are numb',
    'both legs feel numb',
    'both legs weak',
    'both legs are weak',
    'both legs feel weak',
    'numbness in both legs',
    'weakness in both legs',
  ],
  'leg-weakness-worsening': ['leg is getting weaker', 'legs are getting weaker', 'leg getting weaker', 'legs getting weaker', 'leg is weaker', 'weaker leg'],
  'foot-drop': ['foot drop', 'drop foot', 'foot slaps', 'foot slapping', 'toes catch', 'toes catching'],
  falls: ['leg gave way', 'legs gave way', 'leg giving way', 'legs giving way', 'leg gives way', 'i fell', 'fell over', 'had a fall'],
  'spreading-numbness': ['numbness is spreading', 'numbness spreading', 'tingling is spreading', 'tingling spreading', 'spreading numbness'],
  'weight-loss': ['lost weight', 'losing weight', 'weight loss'],
  fever: ['fever', 'high temperature', 'a temperature', 'shivery', 'chills', 'night sweats'],
  'night-pain': ['pain at night', 'night pain', 'pain all night', 'keeps me awake', 'kept me awake', "can't sleep for the pain"],
  trauma: ['accident', 'car crash', 'bad fall', 'hit by'],
};

/** Lower case, straight apostrophes, and every run of other punctuation or space as one space. */
function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim()} `;
}

const PHRASES: ReadonlyArray<{ key: QuestionKey; phrase: string }> = Object.entries(RED_FLAG_MENTIONS).flatMap(([key, phrases]) =>
  phrases.map((phrase) => ({ key: key as QuestionKey, phrase: normalise(phrase) })),
);

/** The red-flag questions whose phrases `text` mentions, in the order of RED_FLAG_QUESTIONS; empty when none. */
export function redFlagMentions(text: string): RedFlagQuestion['key'][] {
  const haystack = normalise(text);
  const found = new Set(PHRASES.filter(({ phrase }) => haystack.includes(phrase)).map(({ key }) => key));
  return RED_FLAG_QUESTIONS.filter((question) => found.has(question.key as QuestionKey)).map((question) => question.key);
}

/**
 * Where the questions for the mentioned red flags are asked: the cauda equina and progressive-deficit
 * questions come with a pain log, the cancer, infection and fracture questions on the safety-check page.
 */
export function mentionedGroups(keys: readonly string[]): RedFlagGroup[] {
  const groups = new Set(RED_FLAG_QUESTIONS.filter((question) => keys.includes(question.key)).map((question) => question.group));
  return (['cauda-equina', 'progressive-deficit', 'serious-pathology'] as const).filter((group) => groups.has(group));
}
