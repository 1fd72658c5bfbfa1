import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { MessageThread } from '@/components/messages/thread';
import { guardArea, loadPage } from '@/lib/auth/guard';
import { dialable, emergencyServicesFor, urgentAdviceAction } from '@/lib/content/emergency-services';
import { getPatientThread } from '@/lib/dal/messages';
import { sendPatientMessageAction } from './actions';
import { PatientMessageForm } from './patient-message-form';

export const metadata: Metadata = { title: 'Messages' };

export default async function PatientMessagesPage() {
  const [thread, viewer] = await Promise.all([loadPage(getPatientThread), guardArea('patient')]);
  const services = emergencyServicesFor(viewer.clinicCountry);
  if (!thread) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">Messages</h1>
        <p className="rounded-2xl border border-slate-200 bg-white p-5 text-lg">
          You can send messages to your physio once they have set up your care.
        </p>
      </div>
    );
  }
  const { careTeam, settings } = thread;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">Messages</h1>
        <p className="text-lg text-slate-800">
          With your care team at {thread.clinicName}: {careTeam.clinician.name}
          {careTeam.cover ? ` is away, and ${careTeam.cover.name} is reading and answering their messages` : ''}.
        </p>
      </div>
      <MessageThread thread={thread} timeZone={viewer.timeZone} side="patient" writeTitle="Write to your care team">
        <p className="text-lg">
          <strong>When to expect an answer:</strong> your care team answers messages {settings.replyTime}.
        </p>
        <div className="rounded-xl border-l-4 border-red-700 bg-red-50 p-4 text-lg text-red-950">
          <p>
            <strong>Messages are not for emergencies.</strong> If you need help urgently, call{' '}
            <a href={dialable(services.emergencyNumber)} className="font-bold underline">
              {services.emergencyNumber}
            </a>{' '}
            or go to {services.emergencyDepartment}. If the clinic is closed and you need advice today, {urgentAdviceAction(services)}.
          </p>
        </div>
        <PatientMessageForm
          action={sendPatientMessageAction.bind(null, thread.episodeId)}
          submissionId={randomUUID()}
          replyTime={settings.replyTime}
          emergencyNumber={services.emergencyNumber}
          emergencyHref={dialable(services.emergencyNumber)}
        />
      </MessageThread>
    </div>
  );
}
