/** Choices of the exercise log form, without zod, so client forms can use them cheaply. */
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
