import { z } from 'zod';
import { pageNumberSchema } from './common';

export const CASELOAD_SORT_KEYS = ['attention', 'name', 'weeks', 'risk', 'pain', 'pain-change', 'odi', 'odi-change', 'adherence', 'activity'] as const;
export const CASELOAD_FLAG_KEYS = [
  'red-flag',
  'severe-pain',
  'worsening',
  'questionnaire-worsening',
  'inactive',
  'low-adherence',
  'questionnaire-overdue',
] as const;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Caseload search parameters from the URL; anything unexpected falls back to the default instead of failing. */
export const caseloadQuerySchema = z.object({
  sort: z.preprocess(first, z.enum(CASELOAD_SORT_KEYS).catch('attention')).default('attention'),
  dir: z.preprocess(first, z.enum(['asc', 'desc']).catch('asc')).default('asc'),
  flag: z.preprocess(first, z.enum(CASELOAD_FLAG_KEYS).nullable().catch(null)).default(null),
  q: z.preprocess(first, z.string().max(100).catch('')).default(''),
  page: z.preprocess(first, pageNumberSchema).default(1),
});

export type CaseloadSearch = z.infer<typeof caseloadQuerySchema>;
