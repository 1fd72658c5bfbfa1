import type { z } from 'zod';
import type { RedFlagGroup } from '@/lib/clinical/red-flags';
import { fieldErrorsOf } from './form-data';

/** What a message form's action answers: sent (with the red-flag groups its text mentions, to offer their questions), or why not. */
export type MessageFormState =
  | { ok: true; sent?: boolean; redFlagGroups?: RedFlagGroup[] }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string[] | undefined>; values?: Record<string, string> };

/** A refused message form: the text's problem next to the field; an expired or tampered form above it. */
export function messageFormRefusal(error: z.ZodError, values: Record<string, string>): MessageFormState {
  const { body, ...others } = fieldErrorsOf(error);
  const formError = Object.values(others)[0]?.[0];
  return { ok: false, ...(body ? { fieldErrors: { body } } : {}), ...(formError ? { formError } : {}), values };
}
