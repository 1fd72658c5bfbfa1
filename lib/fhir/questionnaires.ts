/**
 * The four instruments as FHIR Questionnaires, built from the same wording and keys the patient sees, and
 * the stored answers of each as QuestionnaireResponse items. Answer codes are the stored values, so a
 * receiving system can rescore from the response alone.
 */
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { ODI_LICENCE_NOTICE, ODI_SECTIONS } from '@/lib/clinical/instruments/odi-text';
import { RMDQ_NOTICE, RMDQ_STATEMENTS } from '@/lib/clinical/rmdq';
import { BOTHERSOME_OPTIONS, STARTBACK_ITEMS, STARTBACK_LICENCE_NOTICE } from '@/lib/clinical/startback';
import { INSTRUMENT_INFO, INSTRUMENTS, type Instrument } from '@/lib/clinical/instruments';
import { questionnaireUrl } from './urls';

const ANSWER_SYSTEM = (slug: string) => `${questionnaireUrl(slug)}/answers`;

export const INSTRUMENT_SLUGS: Readonly<Record<Instrument, string>> = Object.fromEntries(
  INSTRUMENTS.map((instrument) => [instrument, INSTRUMENT_INFO[instrument].slug]),
) as Record<Instrument, string>;

export const INSTRUMENT_TITLES: Readonly<Record<Instrument, string>> = Object.fromEntries(
  INSTRUMENTS.map((instrument) => [instrument, INSTRUMENT_INFO[instrument].title]),
) as Record<Instrument, string>;

export { INSTRUMENTS };

const QUESTIONNAIRE_NAMES: Readonly<Record<Instrument, string>> = {
  ODI: 'OswestryDisabilityIndex',
  STARTBACK: 'KeeleStartBack',
  PSFS: 'PatientSpecificFunctionalScale',
  RMDQ: 'RolandMorrisDisabilityQuestionnaire',
};

function items(instrument: Instrument): QuestionnaireItem[] {
  const slug = INSTRUMENT_SLUGS[instrument];
  switch (instrument) {
    case 'ODI':
      return ODI_SECTIONS.map((section, index) => ({
        linkId: section.key,
        prefix: String(index + 1),
        text: section.title,
        type: 'choice',
        answerOption: section.options.map((option, score) => ({ valueCoding: { system: ANSWER_SYSTEM(slug), code: String(score), display: option } })),
      }));
    case 'STARTBACK':
      return STARTBACK_ITEMS.map((item, index) =>
        item.response === 'agree'
          ? { linkId: item.key, prefix: String(index + 1), text: item.statement, type: 'boolean', required: true }
          : {
              linkId: item.key,
              prefix: String(index + 1),
              text: item.statement,
              type: 'choice',
              required: true,
              answerOption: BOTHERSOME_OPTIONS.map((option, score) => ({ valueCoding: { system: ANSWER_SYSTEM(slug), code: String(score), display: option } })),
            },
      );
    case 'PSFS':
      return [
        {
          linkId: 'activity',
          text: 'An activity you find hard because of your back',
          type: 'group',
          repeats: true,
          item: [
            { linkId: 'activity-name', text: 'Activity', type: 'string', required: true },
            { linkId: 'activity-rating', text: 'How well you can do it now (0 = cannot do it, 10 = as before)', type: 'integer', required: true },
          ],
        },
      ];
    case 'RMDQ':
      return RMDQ_STATEMENTS.map((statement, index) => ({ linkId: `statement-${index + 1}`, prefix: String(index + 1), text: statement, type: 'boolean' }));
  }
}

const COPYRIGHT: Readonly<Record<Instrument, string | undefined>> = {
  ODI: ODI_LICENCE_NOTICE,
  STARTBACK: STARTBACK_LICENCE_NOTICE,
  PSFS: 'Patient-Specific Functional Scale (Stratford et al., 1995), free to use.',
  RMDQ: RMDQ_NOTICE,
};

export function questionnaireId(instrument: Instrument): string {
  return `uplift-${INSTRUMENT_SLUGS[instrument]}`;
}

/** The instrument as Uplift asks it (plain-language paraphrases where the validated wording is licensed). */
export function questionnaireResource(instrument: Instrument): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: questionnaireId(instrument),
    url: questionnaireUrl(INSTRUMENT_SLUGS[instrument]),
    name: QUESTIONNAIRE_NAMES[instrument],
    title: INSTRUMENT_TITLES[instrument],
    status: 'active',
    subjectType: ['Patient'],
    publisher: 'Uplift',
    copyright: COPYRIGHT[instrument],
    item: items(instrument),
  };
}

const isBooleanArray = (value: unknown): value is boolean[] => Array.isArray(value) && value.every((entry) => typeof entry === 'boolean');

/**
 * The stored answers of a completed response as items. Answers that do not have the stored shape give no
 * items rather than a wrong answer (the score Observation still carries the total).
 */
export function responseItems(instrument: Instrument, answers: Record<string, unknown>): QuestionnaireResponseItem[] {
  const slug = INSTRUMENT_SLUGS[instrument];
  if (instrument === 'ODI') {
    const sections = answers.sections;
    if (!Array.isArray(sections)) return [];
    return ODI_SECTIONS.flatMap((section, index) => {
      const score = sections[index];
      // A skipped section stays out: FHIR has no "skipped" answer, and the ODI scores without it.
      if (typeof score !== 'number' || !section.options[score]) return [];
      return [{ linkId: section.key, text: section.title, answer: [{ valueCoding: { system: ANSWER_SYSTEM(slug), code: String(score), display: section.options[score] } }] }];
    });
  }
  if (instrument === 'STARTBACK') {
    const agree = answers.agree;
    const bothersome = answers.bothersome;
    if (!isBooleanArray(agree)) return [];
    return STARTBACK_ITEMS.flatMap((item, index): QuestionnaireResponseItem[] => {
      if (item.response === 'agree') {
        const value = agree[index];
        return typeof value === 'boolean' ? [{ linkId: item.key, text: item.statement, answer: [{ valueBoolean: value }] }] : [];
      }
      const score = BOTHERSOME_OPTIONS.indexOf(bothersome as (typeof BOTHERSOME_OPTIONS)[number]);
      if (score < 0) return [];
      return [{ linkId: item.key, text: item.statement, answer: [{ valueCoding: { system: ANSWER_SYSTEM(slug), code: String(score), display: BOTHERSOME_OPTIONS[score] } }] }];
    });
  }
  if (instrument === 'PSFS') {
    const activities = answers.activities;
    if (!Array.isArray(activities)) return [];
    return activities.flatMap((activity: unknown) => {
      const { name, rating } = (activity ?? {}) as { name?: unknown; rating?: unknown };
      if (typeof name !== 'string' || name.length === 0 || typeof rating !== 'number' || !Number.isInteger(rating)) return [];
      return [
        {
          linkId: 'activity',
          item: [
            { linkId: 'activity-name', answer: [{ valueString: name }] },
            { linkId: 'activity-rating', answer: [{ valueInteger: rating }] },
          ],
        },
      ];
    });
  }
  const ticked = answers.ticked;
  if (!isBooleanArray(ticked)) return [];
  return RMDQ_STATEMENTS.flatMap((statement, index) => {
    const value = ticked[index];
    return typeof value === 'boolean' ? [{ linkId: `statement-${index + 1}`, text: statement, answer: [{ valueBoolean: value }] }] : [];
  });
}
