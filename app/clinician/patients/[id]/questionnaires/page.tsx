import type { Metadata } from 'next';
import { RecordNav } from '@/components/clinician/record-nav';
import { INSTRUMENT_INFO } from '@/lib/clinical/instruments';
import { REQUEST_WINDOW_DAYS } from '@/lib/clinical/questionnaire-schedule';
import { getQuestionnaireSchedule } from '@/lib/dal/questionnaire-schedules';
import { formatDate } from '@/lib/time';
import { updateScheduleAction } from './actions';
import { ScheduleForm } from './schedule-form';
import { loadRecordPage } from '../record-page';

export const metadata: Metadata = { title: 'Questionnaire schedule' };

export default async function QuestionnaireSchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { data } = await loadRecordPage(params, getQuestionnaireSchedule);
  const { heading, schedule } = data;
  return (
    <div className="space-y-6">
      <RecordNav episodeId={heading.episodeId} patientName={heading.patientName} current="/questionnaires" status={heading.status} />
      <h1 className="text-2xl font-bold">Questionnaire schedule: {heading.patientName}</h1>
      <p className="text-sm text-slate-700">
        Each questionnaire repeats the given number of weeks after the patient last answered it. “Ask by” is a one-off request, met by
        answers given up to {REQUEST_WINDOW_DAYS} days before that date. Dates are the patient’s days ({schedule.timeZone}). Every change is
        recorded in the audit trail.
      </p>
      {schedule.schedules.map((row) => {
        const info = INSTRUMENT_INFO[row.instrument];
        return (
          <section key={row.instrument} aria-labelledby={`schedule-${info.slug}`} className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
            <h2 id={`schedule-${info.slug}`} className="text-lg font-semibold">
              {info.name}
            </h2>
            <p className="text-sm text-slate-700">
              {row.enabled ? (row.intervalWeeks ? `Every ${row.intervalWeeks} ${row.intervalWeeks === 1 ? 'week' : 'weeks'}` : 'Once') : 'Switched off'}
              {row.requestBy ? `; requested by ${formatDate(row.requestBy, schedule.timeZone)}` : ''}
              {row.isDefault ? ' (the default)' : ''}.
            </p>
            {schedule.active ? (
              <ScheduleForm
                action={updateScheduleAction.bind(null, heading.episodeId)}
                instrument={row.instrument}
                name={info.name}
                enabled={row.enabled}
                intervalWeeks={row.intervalWeeks}
                requestBy={row.requestBy}
                today={schedule.today}
              />
            ) : null}
          </section>
        );
      })}
      {!schedule.active ? <p>This patient has been discharged, so their questionnaires can’t be scheduled.</p> : null}
    </div>
  );
}
