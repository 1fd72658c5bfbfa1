/**
 * The questionnaires Uplift uses, defined once: the database enum, onboarding, schedules, the patient's
 * questionnaire pages, alerts and charts all take the list and the names from here. Each instrument's
 * scoring and meaningful change: its own section of docs/CLINICAL.md.
 */
export const INSTRUMENTS = ['ODI', 'STARTBACK', 'PSFS', 'RMDQ'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export type InstrumentInfo = {
  /** The one display name, for patients and staff alike. */
  name: string;
  /** The published title, for exchanged records (FHIR Questionnaire.title) and exports. */
  title: string;
  /** Its slug in the patient's questionnaire addresses. */
  slug: string;
  /** For the patient: what it asks and how long it takes. */
  about: string;
  /** How the default schedule uses it (docs/CLINICAL.md, Questionnaire schedule). */
  schedule: string;
};

export const INSTRUMENT_INFO = {
  ODI: {
    name: 'Oswestry Disability Index (ODI)',
    title: 'Oswestry Disability Index',
    slug: 'odi',
    about: 'How your back affects everyday life. About 5 minutes.',
    schedule: 'repeats at the interval',
  },
  STARTBACK: {
    name: 'STarT Back screening tool',
    title: 'Keele STarT Back Screening Tool',
    slug: 'startback',
    about: 'Nine quick statements that help choose the right care. About 2 minutes.',
    schedule: 'once, at the start',
  },
  PSFS: {
    name: 'Activities you find hard (PSFS)',
    title: 'Patient-Specific Functional Scale',
    slug: 'psfs',
    about: 'Rate the activities you find hard. About 2 minutes.',
    schedule: 'repeats at the interval',
  },
  RMDQ: {
    name: 'Roland-Morris Disability Questionnaire (RMDQ)',
    title: 'Roland-Morris Disability Questionnaire',
    slug: 'rmdq',
    about: '24 short sentences: tick the ones that describe you today. About 5 minutes.',
    schedule: 'repeats at the interval once chosen',
  },
} as const satisfies Readonly<Record<Instrument, InstrumentInfo>>;

export const INSTRUMENT_NAMES: Readonly<Record<Instrument, string>> = Object.fromEntries(
  INSTRUMENTS.map((instrument) => [instrument, INSTRUMENT_INFO[instrument].name]),
) as Record<Instrument, string>;
