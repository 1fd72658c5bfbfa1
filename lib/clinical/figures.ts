/**
 * One definition for each figure shown in more than one place (docs/CLINICAL.md, "Figures"): the caseload,
 * the patient record, the discharge summary and the manager's outcomes compute these the same way and show
 * the same sentence beside them. SQL that computes a figure takes its thresholds from the constants here.
 */
import { adherenceDefinition, type AdherenceWindow } from './adherence';
import { OVERDUE_AFTER_DAYS } from './questionnaire-schedule';

export type FigureDefinition = { term: string; text: string };

/** Baseline pain: the intake score, which every episode has, recorded when care starts. */
export const BASELINE_PAIN: FigureDefinition = {
  term: 'Baseline pain',
  text: 'The pain score (0–10) recorded at intake, when this episode of care started.',
};

export const LATEST_PAIN: FigureDefinition = {
  term: 'Latest pain',
  text: 'The last pain score the patient logged (none until they log one).',
};

export const DISCHARGE_PAIN: FigureDefinition = {
  term: 'Discharge pain',
  text: 'The last pain score the patient logged on or before the discharge date (none if they logged none).',
};

export const QUESTIONNAIRE_OVERDUE: FigureDefinition = {
  term: 'Questionnaire overdue',
  text:
    `A questionnaire is due on its due day and overdue when it is still not answered ${OVERDUE_AFTER_DAYS} days ` +
    'after it, counted in the patient’s calendar days.',
};
// The rule itself is nextQuestionnaireDue (questionnaire-schedule.ts); episode-metrics.ts repeats it in SQL
// with the same constants, and an integration test holds the two together.

/** The baseline pain of an episode (BASELINE_PAIN). */
export function baselinePain(episode: { intakeNprs: number }): number {
  return episode.intakeNprs;
}

/**
 * The discharge pain (DISCHARGE_PAIN) from the episode's pain entries in any order: the last recorded on or
 * before `dischargedAt`; ties on time go to the later-created entry, whose id the caller passes as `order`.
 */
export function dischargePain(
  entries: ReadonlyArray<{ recordedAt: Date; score: number; order?: string }>,
  dischargedAt: Date,
): number | null {
  let best: { recordedAt: Date; score: number; order?: string } | null = null;
  for (const entry of entries) {
    if (entry.recordedAt.getTime() > dischargedAt.getTime()) continue;
    const later =
      best === null ||
      entry.recordedAt.getTime() > best.recordedAt.getTime() ||
      (entry.recordedAt.getTime() === best.recordedAt.getTime() && (entry.order ?? '') > (best.order ?? ''));
    if (later) best = entry;
  }
  return best?.score ?? null;
}

/** Adherence over one of the named windows, as a figure definition. */
export function adherenceFigure(window: AdherenceWindow, term = 'Adherence'): FigureDefinition {
  return { term, text: adherenceDefinition(window) };
}

export const PAIN_CHANGE: FigureDefinition = {
  term: 'Pain change',
  text: 'Latest (or discharge) pain minus baseline pain; a minus is an improvement.',
};

export const ODI_BASELINE_AND_CHANGE: FigureDefinition = {
  term: 'Oswestry change',
  text: 'The latest completed Oswestry score minus the first one in the episode; a minus is an improvement.',
};
