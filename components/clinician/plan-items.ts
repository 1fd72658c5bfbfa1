import { formatDosage, type Dosage } from '@/lib/clinical/dosage';

/* The plan editor's draft: its items, the library and templates it starts from, and how an item is sent and shown. */

export type EditorItem = Dosage & { exerciseId: string; exerciseName: string; instructionsNote: string | null };

export type EditorExercise = { id: string; name: string; category: string; categoryLabel: string; summary: string; dosage: Dosage };
export type EditorTemplate = { key: string; name: string; description: string; items: EditorItem[] };

/** The dosage as the patient will read it, or a prompt while the numbers are incomplete. */
export function describeDosage(item: EditorItem): string {
  try {
    return `Patient sees: ${formatDosage(item)}`;
  } catch {
    return 'Check the numbers: whole numbers of at least 1, and days a week from 1 to 7.';
  }
}

/** Only the fields a plan item stores are sent; names and categories are for display. */
export function toPlanItem(item: EditorItem) {
  const { exerciseId, sets, reps, holdSeconds, durationMinutes, timesPerDay, daysPerWeek, perSide, instructionsNote } = item;
  return { exerciseId, sets, reps, holdSeconds, durationMinutes, timesPerDay, daysPerWeek, perSide, instructionsNote };
}

/** What saving answers with: the new version, or that someone else saved first. */
export type PlanSaved = { savedVersion?: number; conflict?: boolean };

export const DOSAGE_FIELDS = [
  { key: 'sets', label: 'Sets', max: 10 },
  { key: 'reps', label: 'Reps', max: 100 },
  { key: 'holdSeconds', label: 'Hold (s)', max: 600 },
  { key: 'durationMinutes', label: 'Minutes', max: 180 },
  { key: 'timesPerDay', label: 'Times a day', max: 10 },
  { key: 'daysPerWeek', label: 'Days a week', max: 7 },
] as const;
