'use server';

import { revalidatePath } from 'next/cache';
import { PLAN_CONFLICT_MESSAGE, savePlanVersion } from '@/lib/dal/plans';
import type { ActionResult } from '@/lib/errors';
import { fieldErrors, uuidSchema } from '@/lib/validation/common';
import { formDataToObject } from '@/lib/validation/form-data';
import { planSaveSchema } from '@/lib/validation/plans';

export type PlanFormState = ActionResult & { savedVersion?: number; conflict?: boolean };

export async function savePlanAction(episodeId: string, _previous: PlanFormState, form: FormData): Promise<PlanFormState> {
  const id = uuidSchema.safeParse(episodeId);
  if (!id.success) return { ok: false, formError: 'This patient record could not be found.' };
  const parsed = planSaveSchema.safeParse(formDataToObject(form));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    const first = parsed.error.issues[0];
    const where = first && first.path[0] === 'items' && typeof first.path[1] === 'number' ? `Exercise ${first.path[1] + 1}: ` : '';
    return { ok: false, fieldErrors: errors, formError: first ? `${where}${first.message}` : 'Check the plan.' };
  }
  const outcome = await savePlanVersion(id.data, parsed.data);
  switch (outcome.status) {
    case 'conflict':
      return { ok: false, conflict: true, formError: PLAN_CONFLICT_MESSAGE };
    case 'not-found':
      return { ok: false, formError: 'This patient record could not be found.' };
    case 'discharged':
      return { ok: false, formError: 'This episode is discharged; the plan can no longer change.' };
    case 'unknown-exercise':
      return { ok: false, formError: 'One of the exercises is not in your clinic’s library. Reload and try again.' };
    case 'saved':
      revalidatePath(`/clinician/patients/${id.data}`, 'layout');
      return { ok: true, savedVersion: outcome.version };
  }
}
