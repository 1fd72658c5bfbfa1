import { EVERY_LOG_RED_FLAG_QUESTIONS, PERIODIC_RED_FLAG_QUESTIONS } from '@/lib/clinical/red-flags';

/** Choices and limits of the pain form, without zod, so client forms can use them cheaply. */
export const PAIN_LOCATIONS = ['lower-back', 'buttock', 'left-leg', 'right-leg', 'both-legs', 'other'] as const;
export type PainLocation = (typeof PAIN_LOCATIONS)[number];

export const PAIN_LOCATION_LABELS: Readonly<Record<PainLocation, string>> = {
  'lower-back': 'Lower back',
  buttock: 'Buttock',
  'left-leg': 'Left leg',
  'right-leg': 'Right leg',
  'both-legs': 'Both legs',
  other: 'Somewhere else',
};

export const PAIN_NOTE_MAX = 1000;
/** Own entries can be changed or deleted for this long after they were recorded. */
export const PAIN_EDIT_WINDOW_HOURS = 24;

/** Asked with every pain log: the cauda equina and progressive-deficit groups (docs/CLINICAL.md, Red flags). */
export const PAIN_LOG_RED_FLAG_QUESTIONS = EVERY_LOG_RED_FLAG_QUESTIONS;
/** Asked in the pain form only when the patient says a symptom is new or different. */
export const NEW_SYMPTOM_RED_FLAG_QUESTIONS = PERIODIC_RED_FLAG_QUESTIONS;
