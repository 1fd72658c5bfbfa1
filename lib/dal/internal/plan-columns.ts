import 'server-only';
import { planItems } from '@/db/schema';

/** A plan item's dosage as every reader selects it (the fields of lib/clinical/dosage.ts's Dosage). */
export const dosageColumns = {
  sets: planItems.sets,
  reps: planItems.reps,
  holdSeconds: planItems.holdSeconds,
  durationMinutes: planItems.durationMinutes,
  timesPerDay: planItems.timesPerDay,
  daysPerWeek: planItems.daysPerWeek,
  perSide: planItems.perSide,
};
