import type { FormResult } from '@/lib/forms/result';

/** A form's last answer, as the fields read it: what was sent and the messages by field path. */
export type FieldResult = Pick<FormResult<unknown>, 'values' | 'fieldErrors'>;

/**
 * A field's messages and its value from the form's last answer (`result`), so a refused form shows
 * each message beside its field and what was typed rather than the saved value. Props given
 * directly win over the result's messages; the result's value wins over `defaultValue`.
 */
export function fromResult(result: FieldResult | undefined, name: string, errors?: string[], defaultValue?: string | null) {
  const sent = result?.values?.[name];
  return {
    errors: errors ?? result?.fieldErrors?.[name],
    defaultValue: (Array.isArray(sent) ? sent[0] : sent) ?? defaultValue ?? undefined,
  };
}

/** The last answer as a form's fields read it: a refusal (what was sent, the messages), or nothing after a save, so they start afresh. */
export function refusalOf(result: FormResult<unknown>): FieldResult | undefined {
  return result.ok ? undefined : result;
}

/** A form's key that redraws it with what was sent after a refusal: React resets a form after its action, and a reset select falls back to its first option. */
export function refusalKey(result: FormResult<unknown>): string {
  return JSON.stringify(result.ok ? null : (result.values ?? null));
}
