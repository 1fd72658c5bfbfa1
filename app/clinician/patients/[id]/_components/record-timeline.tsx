import { TimelineList } from '@/components/clinician/timeline-list';
import { PanelSkeleton, SkeletonBlock } from '@/components/ui/skeleton';
import { getRecordTimeline, type TimelineEvent } from '@/lib/dal/patient-record';
import { holdPanelForTest } from '@/lib/testing/slow-panel';
import { formatDateTime } from '@/lib/time';

const KIND_LABELS: Record<TimelineEvent['kind'], string> = {
  pain: 'Pain',
  exercise: 'Exercise',
  questionnaire: 'Questionnaire',
  measurement: 'Measurement',
  plan: 'Plan',
  note: 'Note',
  alert: 'Alert',
  message: 'Message',
};

/** The record's latest events, newest first, at the viewer's times. */
export async function RecordTimelinePanel({ episodeId, escalation, timeZone }: { episodeId: string; escalation: string | null; timeZone: string }) {
  await holdPanelForTest('record-timeline');
  const timeline = await getRecordTimeline(episodeId, escalation);
  if (!timeline) return null;
  return (
    <>
      <p className="text-sm text-slate-700">The latest {timeline.length} events, newest first.</p>
      <TimelineList events={timeline.map((event) => ({ at: formatDateTime(event.at, timeZone), kind: KIND_LABELS[event.kind], title: event.title, detail: event.detail }))} />
    </>
  );
}

export function RecordTimelineSkeleton() {
  return (
    <PanelSkeleton label="the timeline" className="space-y-3">
      <SkeletonBlock className="h-5 w-64 rounded-md" />
      <SkeletonBlock className="h-[40rem]" />
    </PanelSkeleton>
  );
}
