import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RecordNav } from '@/components/clinician/record-nav';
import { MessageForm } from '@/components/messages/message-form';
import { MessageList } from '@/components/messages/message-list';
import { RefreshAfterRead } from '@/components/messages/refresh-after-read';
import { guardArea } from '@/lib/auth/guard';
import { getClinicianThread } from '@/lib/dal/messages';
import { sendClinicianMessageAction } from './actions';

export const metadata: Metadata = { title: 'Messages' };

export default async function PatientMessagesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await guardArea('clinician');
  const thread = await getClinicianThread(id);
  if (!thread) notFound();
  const { heading, careTeam, settings } = thread;
  return (
    <div className="space-y-6">
      <RecordNav episodeId={heading.episodeId} patientName={heading.patientName} current="/messages" status={heading.status} />
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Messages: {heading.patientName}</h1>
        <p className="text-slate-700">
          Care team: {careTeam.clinician.name}
          {careTeam.cover ? ` (away; ${careTeam.cover.name} covering)` : ''}. The patient is told to expect an answer {settings.replyTime}.
          Each view of this conversation is recorded in the audit trail.
        </p>
      </div>
      {thread.newlyRead > 0 ? <RefreshAfterRead /> : null}
      <MessageList
        messages={thread.messages}
        timeZone={viewer.timeZone}
        size="compact"
        emptyText="No messages yet. You can start the conversation below; the patient sees it under Messages."
      />
      {thread.readOnly ? (
        <p className="rounded-md border border-slate-300 bg-slate-100 px-3 py-2">
          This episode is discharged, and the clinic keeps messages read-only after discharge.
        </p>
      ) : (
        <section aria-labelledby="reply-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="reply-heading" className="text-lg font-semibold">
            {thread.messages.length === 0 ? 'Write to the patient' : 'Reply'}
          </h2>
          <p className="text-sm text-slate-700">The patient is told there is a new message from the clinic, never what it says; they read it after signing in.</p>
          <MessageForm
            action={sendClinicianMessageAction.bind(null, heading.episodeId)}
            submissionId={randomUUID()}
            size="compact"
            label={`Message to ${heading.patientName}`}
            afterSend="Sent. The patient can read it under Messages."
            submitLabel="Send reply"
          />
        </section>
      )}
    </div>
  );
}
