'use server';

import type { PlanSaved } from '@/components/clinician/plan-editor';
import { PLAN_CONFLICT_MESSAGE, savePlanVersion } from '@/lib/dal/plans';
import { formAction } from '@/lib/forms/action';
import { refused } from '@/lib/forms/result';
import { planSaveSchema } from '@/lib/validation/plans';
import { onEpisode, RECORD_NOT_FOUND } from '../episode-action';

const REFUSALS = {
  'not-found': RECORD_NOT_FOUND,
  discharged: 'This episode is discharged; the plan can no longer change.',
  'unknown-exercise': 'One of the exercises is not in your clinic’s library. Reload and try again.',
} as const;

export const savePlanAction = formAction({
  ...onEpisode,
  schema: planSaveSchema,
  // The editor lists its exercises, not fields: name the exercise the first problem is in.
  invalid: (error) => {
    const first = error.issues[0];
    if (!first) return 'Check the plan.';
    return `${first.path[0] === 'items' && typeof first.path[1] === 'number' ? `Exercise ${first.path[1] + 1}: ` : ''}${first.message}`;
  },
  run: async (plan, { id }) => {
    const outcome = await savePlanVersion(id, plan);
    if (outcome.status === 'conflict') return { ok: false, formError: PLAN_CONFLICT_MESSAGE, data: { conflict: true } as PlanSaved };
    if (outcome.status !== 'saved') return refused(REFUSALS[outcome.status]);
    return { ok: true, data: { savedVersion: outcome.version } as PlanSaved };
  },
  revalidate: (_plan, { id }) => `/clinician/patients/${id}`,
});
