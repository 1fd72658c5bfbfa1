import { z } from 'zod';
import { FIGURE_KEYS } from '@/lib/outcomes/definitions';
import { addDays } from '@/lib/time';

/** Outcomes filters arrive in the URL (GET forms, links, the CSV link): untrusted like any input. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (value: string) => DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

export const DIMENSIONS = ['clinician', 'month', 'risk', 'severity'] as const;
export const DRILL_FIGURES = FIGURE_KEYS;

export type OutcomeFilter = { from: string; to: string; clinicianId: string | null };

export const MAX_RANGE_DAYS = 366 * 5;

/** The default range: the last 12 months, ending today (in the clinic's time zone). */
export function defaultOutcomeFilter(today: string): OutcomeFilter {
  return { from: addDays(today, -365), to: today, clinicianId: null };
}

const day = (message: string) =>
  z
    .string()
    .trim()
    .refine(isRealDay, message);

const filterSchema = z
  .object({
    from: day('Enter the start date as a real date.').optional(),
    to: day('Enter the end date as a real date.').optional(),
    clinician: z.union([z.literal(''), z.uuid('Choose a clinician from the list.')]).optional(),
  })
  .strip();

export type FilterParseResult = { filter: OutcomeFilter; errors: Partial<Record<'from' | 'to' | 'clinician', string[]>> };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Reads the filter from search params. Bad values get a message and fall back to the default. */
export function parseOutcomeFilter(params: SearchParams, today: string): FilterParseResult {
  const fallback = defaultOutcomeFilter(today);
  const raw = { from: first(params.from) || undefined, to: first(params.to) || undefined, clinician: first(params.clinician) ?? undefined };
  const parsed = filterSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors as FilterParseResult['errors'];
    // Keep the fields that were fine.
    const good = filterSchema.partial().safeParse({
      from: errors.from ? undefined : raw.from,
      to: errors.to ? undefined : raw.to,
      clinician: errors.clinician ? undefined : raw.clinician,
    });
    const data = good.success ? good.data : {};
    return { filter: { from: data.from ?? fallback.from, to: data.to ?? fallback.to, clinicianId: data.clinician || null }, errors };
  }
  const filter = {
    from: parsed.data.from ?? fallback.from,
    to: parsed.data.to ?? fallback.to,
    clinicianId: parsed.data.clinician || null,
  };
  if (filter.from > filter.to) {
    return { filter: { ...fallback, clinicianId: filter.clinicianId }, errors: { to: ['The end date must be on or after the start date.'] } };
  }
  if (addDays(filter.from, MAX_RANGE_DAYS) < filter.to) {
    return { filter: { ...fallback, clinicianId: filter.clinicianId }, errors: { from: ['Choose a range of at most five years.'] } };
  }
  return { filter, errors: {} };
}

const drillSchema = z
  .object({
    dimension: z.enum(DIMENSIONS).optional(),
    key: z.string().max(64).regex(/^[A-Za-z0-9-]+$/).optional(),
    figure: z.enum(DRILL_FIGURES).optional(),
    after: z
      .string()
      .max(100)
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
      .optional(),
  })
  .strip();

export type DrillDown = {
  dimension?: (typeof DIMENSIONS)[number];
  key?: string;
  figure?: (typeof DRILL_FIGURES)[number];
  after: { startedAt: string; id: string } | null;
};

/** Which group and figure a drill-down lists, and the page cursor. Anything malformed is dropped. */
export function parseDrillDown(params: SearchParams): DrillDown {
  const parsed = drillSchema.safeParse({
    dimension: first(params.dimension) || undefined,
    key: first(params.key) || undefined,
    figure: first(params.figure) || undefined,
    after: first(params.after) || undefined,
  });
  if (!parsed.success) return { after: null };
  const { dimension, key, figure, after } = parsed.data;
  const cursor = after ? { startedAt: after.slice(0, 27), id: after.slice(28) } : null;
  return { ...(dimension && key ? { dimension, key } : {}), ...(figure ? { figure } : {}), after: cursor };
}

export function encodeCursor(cursor: { startedAt: string; id: string }): string {
  return `${cursor.startedAt}_${cursor.id}`;
}
