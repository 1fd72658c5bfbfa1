import { z } from 'zod';
import { INSTRUMENT_INFO, INSTRUMENTS, type Instrument } from '@/lib/clinical/instruments';
import { ODI_SECTION_COUNT } from '@/lib/clinical/odi';
import { PSFS_ACTIVITY_COUNT } from '@/lib/clinical/psfs';
import { RMDQ_STATEMENT_COUNT } from '@/lib/clinical/rmdq';
import { BOTHERSOME_OPTIONS, STARTBACK_ITEMS } from '@/lib/clinical/startback';
import { text, submissionIdField, wholeNumber } from './fields';

/** Every instrument is filled in by the patient here, by the slug used in URLs (lib/clinical/instruments.ts). */
export type PatientInstrument = Instrument;
export type QuestionnaireSlug = (typeof INSTRUMENT_INFO)[Instrument]['slug'];
export const QUESTIONNAIRE_SLUGS: Readonly<Record<QuestionnaireSlug, Instrument>> = Object.fromEntries(
  INSTRUMENTS.map((instrument) => [INSTRUMENT_INFO[instrument].slug, instrument]),
) as Record<QuestionnaireSlug, Instrument>;

export const PSFS_ACTIVITY_MAX = 80;

/** Stored answers of a completed response (questionnaire_responses.answers). */
export const odiAnswersSchema = z
  .object({ sections: z.array(z.int().min(0).max(5).nullable()).length(ODI_SECTION_COUNT) })
  .strict();
export const startBackAnswersSchema = z
  .object({ agree: z.array(z.boolean()).length(8), bothersome: z.enum(BOTHERSOME_OPTIONS) })
  .strict();
export const psfsAnswersSchema = z
  .object({
    activities: z
      .array(z.object({ name: z.string().min(1).max(PSFS_ACTIVITY_MAX), rating: z.int().min(0).max(10) }).strict())
      .min(PSFS_ACTIVITY_COUNT.min)
      .max(PSFS_ACTIVITY_COUNT.max),
  })
  .strict();
/** RMDQ: for each of the 24 statements in order, whether the patient ticked it as true today. */
export const rmdqAnswersSchema = z.object({ ticked: z.array(z.boolean()).length(RMDQ_STATEMENT_COUNT) }).strict();

/** Answers saved while the patient is part-way through; `step` is the screen to resume at. */
export type OdiDraft = { step: number; sections: (number | null)[] };
export type StartBackDraft = { step: number; agree: (boolean | null)[]; bothersome: string | null };
export type PsfsDraft = { step: number; activities: { name: string; rating: number | null }[]; followUp: boolean };
/** `ticked[i]` is null until the screen holding statement i has been answered. */
export type RmdqDraft = { step: number; ticked: (boolean | null)[] };
export type Draft = OdiDraft | StartBackDraft | PsfsDraft | RmdqDraft;

/** STarT Back on a phone: statements 1–4, 5–8, then the bothersomeness question. */
export const STARTBACK_SCREENS: ReadonlyArray<ReadonlyArray<number>> = [[0, 1, 2, 3], [4, 5, 6, 7], [8]];

/** Roland-Morris on a phone: six statements a screen, in the published order. */
export const RMDQ_PER_SCREEN = 6;
export const RMDQ_SCREENS: ReadonlyArray<ReadonlyArray<number>> = Array.from({ length: RMDQ_STATEMENT_COUNT / RMDQ_PER_SCREEN }, (_, screen) =>
  Array.from({ length: RMDQ_PER_SCREEN }, (__, index) => screen * RMDQ_PER_SCREEN + index),
);

export function screenCount(instrument: PatientInstrument, draft: Draft): number {
  if (instrument === 'ODI') return ODI_SECTION_COUNT;
  if (instrument === 'STARTBACK') return STARTBACK_SCREENS.length;
  if (instrument === 'RMDQ') return RMDQ_SCREENS.length;
  return (draft as PsfsDraft).followUp ? 1 : 2;
}

export function emptyDraft(instrument: PatientInstrument, previousActivities: string[] | null): Draft {
  if (instrument === 'ODI') return { step: 0, sections: Array(ODI_SECTION_COUNT).fill(null) };
  if (instrument === 'STARTBACK') return { step: 0, agree: Array(8).fill(null), bothersome: null };
  if (instrument === 'RMDQ') return { step: 0, ticked: Array(RMDQ_STATEMENT_COUNT).fill(null) };
  return previousActivities && previousActivities.length >= PSFS_ACTIVITY_COUNT.min
    ? { step: 0, followUp: true, activities: previousActivities.map((name) => ({ name, rating: null })) }
    : { step: 0, followUp: false, activities: [] };
}

/** Reads a stored draft defensively: anything malformed restarts the questionnaire rather than failing. */
export function readDraft(instrument: PatientInstrument, stored: unknown, previousActivities: string[] | null): Draft {
  const fresh = emptyDraft(instrument, previousActivities);
  const parsed = draftSchemas[instrument].safeParse(stored);
  return parsed.success ? (parsed.data as Draft) : fresh;
}

const draftSchemas = {
  ODI: z.object({ step: z.int().min(0).max(ODI_SECTION_COUNT), sections: odiAnswersSchema.shape.sections }),
  STARTBACK: z.object({
    step: z.int().min(0).max(STARTBACK_SCREENS.length),
    agree: z.array(z.boolean().nullable()).length(8),
    bothersome: z.enum(BOTHERSOME_OPTIONS).nullable(),
  }),
  RMDQ: z.object({ step: z.int().min(0).max(RMDQ_SCREENS.length), ticked: z.array(z.boolean().nullable()).length(RMDQ_STATEMENT_COUNT) }),
  PSFS: z.object({
    step: z.int().min(0).max(2),
    followUp: z.boolean(),
    activities: z
      .array(z.object({ name: z.string().max(PSFS_ACTIVITY_MAX), rating: z.int().min(0).max(10).nullable() }))
      .max(PSFS_ACTIVITY_COUNT.max),
  }),
} as const;

const stepBase = { submissionId: submissionIdField, step: z.string().regex(/^\d{1,2}$/).transform(Number) };

const agreeField = z.enum(['agree', 'disagree'], { error: 'Choose agree or disagree.' });

export type StepOutcome = { ok: true; draft: Draft } | { ok: false; fieldErrors: Record<string, string[]> };

function flatten(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= [issue.message];
  }
  return errors;
}

/**
 * Validates one screen's answers and returns the draft with them merged in and `step` moved on. The screen
 * must be the one the draft expects or an earlier one (going back and changing an answer is allowed).
 */
export function applyStep(instrument: PatientInstrument, draft: Draft, values: Record<string, unknown>): StepOutcome {
  const step = stepBase.step.safeParse(values.step);
  const count = screenCount(instrument, draft);
  if (!step.success || step.data > Math.min(draft.step, count - 1)) {
    return { ok: false, fieldErrors: { form: ['This page is out of date. Please continue from where you are now.'] } };
  }
  const at = step.data;

  if (instrument === 'ODI') {
    const schema = z
      .object({
        ...stepBase,
        answer: z.enum(['0', '1', '2', '3', '4', '5', 'skip'], { error: 'Choose the answer that fits you best, or skip this section.' }),
      })
      .strict();
    const parsed = schema.safeParse(values);
    if (!parsed.success) return { ok: false, fieldErrors: flatten(parsed.error) };
    const sections = [...(draft as OdiDraft).sections];
    sections[at] = parsed.data.answer === 'skip' ? null : Number(parsed.data.answer);
    return { ok: true, draft: { step: Math.max(draft.step, at + 1), sections } };
  }

  if (instrument === 'STARTBACK') {
    const screen = STARTBACK_SCREENS[at]!;
    const fields: Record<string, z.ZodType> = {};
    for (const index of screen) {
      fields[`item-${index}`] =
        STARTBACK_ITEMS[index]!.response === 'agree'
          ? agreeField
          : z.enum(BOTHERSOME_OPTIONS, { error: 'Choose one answer.' });
    }
    const parsed = z.object({ ...stepBase, ...fields }).strict().safeParse(values);
    if (!parsed.success) return { ok: false, fieldErrors: flatten(parsed.error) };
    const current = draft as StartBackDraft;
    const agree = [...current.agree];
    let bothersome = current.bothersome;
    for (const index of screen) {
      const value = (parsed.data as unknown as Record<string, string>)[`item-${index}`]!;
      if (index < 8) agree[index] = value === 'agree';
      else bothersome = value;
    }
    return { ok: true, draft: { step: Math.max(draft.step, at + 1), agree, bothersome } };
  }

  if (instrument === 'RMDQ') {
    const screen = RMDQ_SCREENS[at]!;
    const allowed = screen.map(String) as [string, ...string[]];
    // Ticked boxes arrive as `statement` values; an unticked box sends nothing, so an empty screen is valid.
    const parsed = z
      .object({
        ...stepBase,
        statement: z
          .array(z.enum(allowed, { error: 'Tick only the sentences shown on this page.' }))
          .max(screen.length)
          .refine((values) => new Set(values).size === values.length, 'Tick each sentence once.'),
      })
      .strict()
      .safeParse(values);
    if (!parsed.success) return { ok: false, fieldErrors: flatten(parsed.error) };
    const chosen = new Set(parsed.data.statement.map(Number));
    const ticked = [...(draft as RmdqDraft).ticked];
    for (const index of screen) ticked[index] = chosen.has(index);
    return { ok: true, draft: { step: Math.max(draft.step, at + 1), ticked } };
  }

  const current = draft as PsfsDraft;
  if (!current.followUp && at === 0) {
    const nameField = text('The activity', PSFS_ACTIVITY_MAX);
    const fields: Record<string, z.ZodType> = {};
    for (let index = 0; index < PSFS_ACTIVITY_COUNT.max; index += 1) {
      fields[`activity-${index}`] =
        index < PSFS_ACTIVITY_COUNT.min
          ? nameField.refine((value) => value.length > 0, 'Name an activity you find hard.')
          : nameField.optional();
    }
    const parsed = z.object({ ...stepBase, ...fields }).strict().safeParse(values);
    if (!parsed.success) return { ok: false, fieldErrors: flatten(parsed.error) };
    const names = Object.entries(parsed.data)
      .filter(([key, value]) => key.startsWith('activity-') && typeof value === 'string' && value.length > 0)
      .map(([, value]) => value as string);
    const activities = names.map((name) => ({
      name,
      rating: current.activities.find((activity) => activity.name === name)?.rating ?? null,
    }));
    return { ok: true, draft: { ...current, step: Math.max(current.step, 1), activities } };
  }
  const fields: Record<string, z.ZodType> = {};
  current.activities.forEach((_, index) => {
    fields[`rating-${index}`] = wholeNumber(0, 10, 'Choose a number from 0 (unable to do it) to 10 (as well as before).');
  });
  const parsed = z.object({ ...stepBase, ...fields }).strict().safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: flatten(parsed.error) };
  const ratings = parsed.data as unknown as Record<string, number>;
  const activities = current.activities.map((activity, index) => ({ ...activity, rating: ratings[`rating-${index}`]! }));
  return { ok: true, draft: { ...current, step: count, activities } };
}

/** The stored answers once every screen is done; null while screens remain. */
export function finalAnswers(instrument: PatientInstrument, draft: Draft): Record<string, unknown> | null {
  if (draft.step < screenCount(instrument, draft)) return null;
  if (instrument === 'ODI') return odiAnswersSchema.parse({ sections: (draft as OdiDraft).sections });
  if (instrument === 'STARTBACK') {
    const { agree, bothersome } = draft as StartBackDraft;
    const parsed = startBackAnswersSchema.safeParse({ agree, bothersome });
    return parsed.success ? parsed.data : null;
  }
  if (instrument === 'RMDQ') {
    const parsed = rmdqAnswersSchema.safeParse({ ticked: (draft as RmdqDraft).ticked });
    return parsed.success ? parsed.data : null;
  }
  const parsed = psfsAnswersSchema.safeParse({ activities: (draft as PsfsDraft).activities });
  return parsed.success ? parsed.data : null;
}

