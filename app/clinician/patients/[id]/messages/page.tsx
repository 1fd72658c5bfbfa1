import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RecordNav } from '@/components/clinician/record-nav';
import { MessageForm } from '@/components/messages/message-form';
import { MessageThread } from '@/components/messages/thread';
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
      <MessageThread thread={thread} timeZone={viewer.timeZone} side="clinician" writeTitle={thread.messages.length === 0 ? 'Write to the patient' : 'Reply'}>
        <p className="text-sm text-slate-700">The patient is told there is a new message from the clinic, never what it says; they read it after signing in.</p>
        <MessageForm
          action={sendClinicianMessageAction.bind(null, heading.episodeId)}
          submissionId={randomUUID()}
          size="compact"
          label={`Message to ${heading.patientName}`}
          afterSend="Sent. The patient can read it under Messages."
          submitLabel="Send reply"
        />
      </MessageThread>
    </div>
  );
}
