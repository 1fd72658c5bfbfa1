/** Choices of the exercise log form and the entries it makes, without zod, so client forms can use them cheaply. */
export const SKIP_REASONS = ['pain', 'no-time', 'unclear', 'no-equipment'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const SKIP_REASON_LABELS: Readonly<Record<SkipReason | 'other', string>> = {
  pain: 'It hurt too much',
  'no-time': 'I didn’t have time',
  unclear: 'I wasn’t sure how to do it',
  'no-equipment': 'I didn’t have what I needed',
  other: 'Another reason',
};

export const LOG_STATUSES = ['done', 'partial', 'skipped'] as const;
export type LogStatus = (typeof LOG_STATUSES)[number];

/** One logged session as stored: what the patient said about it, and when. */
export type ExerciseLogEntry = {
  id: string;
  status: LogStatus;
  setsDone: number | null;
  difficulty: number | null;
  painDuring: number | null;
  skipReason: string | null;
  loggedAt: Date;
};
