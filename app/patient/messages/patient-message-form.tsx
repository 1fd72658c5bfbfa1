'use client';

import { MessageForm } from '@/components/messages/message-form';
import { AppLink } from '@/components/ui/app-link';
import type { FormResult } from '@/lib/forms';
import type { MessageSent } from '@/lib/validation/message-form';

type Action = (previous: FormResult<MessageSent>, form: FormData) => Promise<FormResult<MessageSent>>;

const LINK = 'flex min-h-12 items-center justify-center rounded-xl bg-amber-800 px-5 py-3 text-lg font-semibold text-white hover:bg-amber-900';

/**
 * The patient's message form. When the sent text mentions a red-flag symptom, the patient is offered the
 * questions that raise an alert at once (docs/CLINICAL.md, "Messages and red flags"): a message waits for
 * a reply, an answer to those questions does not.
 */
export function PatientMessageForm({
  action,
  submissionId,
  replyTime,
  emergencyNumber,
  emergencyHref,
}: {
  action: Action;
  submissionId: string;
  replyTime: string;
  emergencyNumber: string;
  emergencyHref: string;
}) {
  const offer = ({ redFlagGroups: groups }: MessageSent) => {
    if (groups.length === 0) return null;
    const withPainLog = groups.includes('cauda-equina') || groups.includes('progressive-deficit');
    const periodic = groups.includes('serious-pathology');
    return (
      <section role="alert" aria-labelledby="message-red-flag-heading" className="space-y-3 rounded-2xl border-4 border-amber-700 bg-amber-50 p-5 text-amber-950">
        <h2 id="message-red-flag-heading" className="text-2xl font-bold">
          Message sent. Please answer the safety questions now
        </h2>
        <p className="text-lg">
          You mentioned a symptom your physio needs to know about quickly. Messages are answered {replyTime}, but your answers to
          the safety questions alert your physio straight away.
        </p>
        {groups.includes('cauda-equina') ? (
          <p className="text-lg font-semibold">
            If you have new numbness between your legs or around your bottom, or have lost control of your bladder or bowels, call{' '}
            <a href={emergencyHref} className="underline">
              {emergencyNumber}
            </a>{' '}
            now. Do not wait for a reply.
          </p>
        ) : null}
        <div className="flex flex-col gap-3 sm:flex-row">
          {withPainLog ? (
            <AppLink href="/patient/pain/new" className={LINK}>
              Answer the safety questions with a pain log
            </AppLink>
          ) : null}
          {periodic ? (
            <AppLink href="/patient/safety-check" className={LINK}>
              Answer the safety questions
            </AppLink>
          ) : null}
        </div>
      </section>
    );
  };
  return (
    <MessageForm
      action={action}
      submissionId={submissionId}
      size="large"
      label="Your message"
      afterSend={`Sent. Your care team will answer ${replyTime}.`}
      offer={offer}
    />
  );
}
