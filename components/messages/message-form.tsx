'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/text-area';
import { MESSAGE_BODY_MAX } from '@/lib/messages/limits';
import { NOT_SENT, valueOf, type FormResult } from '@/lib/forms';
import type { MessageSent } from '@/lib/validation/message-form';

type Action = (previous: FormResult<MessageSent>, form: FormData) => Promise<FormResult<MessageSent>>;

/**
 * Writing a message. Refusals (empty, too long, outside the care team, read-only) come back next to the
 * field with the text kept. `afterSend` is what the sender reads once it is sent.
 */
export function MessageForm({
  action,
  submissionId,
  size,
  label,
  hint,
  afterSend,
  offer,
  submitLabel = 'Send message',
}: {
  action: Action;
  submissionId: string;
  size: 'large' | 'compact';
  label: string;
  hint?: string;
  afterSend: string;
  /** Shown instead of `afterSend` when it returns something for the answer (the patient's red-flag offer). */
  offer?: (sent: MessageSent) => React.ReactNode;
  submitLabel?: string;
}) {
  const [state, formAction] = useActionState(action, NOT_SENT);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const offered = state.ok && state.data && offer ? offer(state.data) : null;
  return (
    <form id="message-form" action={formAction} key={submissionId + JSON.stringify(state.values ?? {})} className="space-y-3">
      <input type="hidden" name="submissionId" value={submissionId} />
      {state.ok ? (offered ?? <FormAlert tone="success">{afterSend}</FormAlert>) : null}
      {!state.ok && state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      <TextAreaField
        label={label}
        name="body"
        size={size}
        rows={size === 'large' ? 5 : 4}
        maxLength={MESSAGE_BODY_MAX}
        hint={hint ?? `Up to ${MESSAGE_BODY_MAX.toLocaleString('en-GB')} characters.`}
        defaultValue={state.ok ? undefined : valueOf(state, 'body')}
        errors={errors.body}
      />
      <SubmitButton pendingText="Sending…" className={size === 'large' ? 'w-full text-lg sm:w-auto' : ''}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
