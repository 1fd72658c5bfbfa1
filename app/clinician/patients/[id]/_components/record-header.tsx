import { AlertCard } from '@/components/clinician/alert-card';
import { alertCardView } from '@/components/clinician/alert-view';
import { ReissueInvitationForm } from '@/components/clinician/invitation-link';
import { FormAlert } from '@/components/ui/form-alert';
import { STARTBACK_RISK_GUIDANCE } from '@/lib/clinical/startback';
import type { RecordHeader } from '@/lib/dal/patient-record';
import { formatDate } from '@/lib/time';
import type { AckProblemNotice } from '@/lib/validation/alerts';
import { acknowledgeAlertAction } from '@/app/clinician/alerts/actions';
import { reissueInvitationAction } from '../discharge/actions';

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-700">{term}</dt>
      <dd className="font-semibold">{value}</dd>
    </div>
  );
}

/** Who the patient is and where the episode stands: the record's first panel, read before the others. */
export function RecordHeaderPanel({ header, timeZone, escalation }: { header: RecordHeader; timeZone: string; escalation: string | null }) {
  return (
    <section aria-labelledby="record-heading" className="rounded-xl border border-slate-200 bg-white p-4">
      <h1 id="record-heading" className="text-2xl font-bold">{header.patientName}</h1>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Fact term="Age" value={header.age === null ? 'Not recorded' : `${header.age}${header.dateOfBirth ? ` (born ${formatDate(header.dateOfBirth, timeZone)})` : ''}`} />
        <Fact term="Condition" value={header.condition} />
        <Fact term="Episode start" value={`${formatDate(header.startedAt, timeZone)} (week ${header.weeksInCare + 1})`} />
        <Fact term="Baseline pain" value={`${header.intakeNprs}/10`} />
        <Fact term="STarT Back risk" value={header.startbackRisk ? STARTBACK_RISK_GUIDANCE[header.startbackRisk].label : 'Not screened'} />
        <Fact term="Open alerts" value={header.openAlerts.length === 0 ? 'None' : String(header.openAlerts.length)} />
        {/* Charts and alert rules count the patient's days; say so when their zone is not the clinician's. */}
        {header.timeZone !== timeZone ? <Fact term="Patient’s time zone" value={header.timeZone.replace(/_/g, ' ')} /> : null}
      </dl>
      <p className="mt-3 text-sm">
        <a href={`/api/exports/fhir/episodes/${header.episodeId}`} download className="font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900">
          Download record (FHIR file)
        </a>
        <span className="text-slate-700"> for another health system. Each download is recorded.</span>
      </p>
      {!escalation && !header.accountActivated && header.status === 'active' ? (
        <div className="mt-3 space-y-2 border-t border-slate-200 pt-3">
          <p className="text-sm">The patient has not set up their account yet.</p>
          <ReissueInvitationForm action={reissueInvitationAction.bind(null, header.episodeId)} timeZone={timeZone} />
        </div>
      ) : null}
      {header.status === 'discharged' && header.dischargedAt ? <p className="mt-2 text-sm">Discharged {formatDate(header.dischargedAt, timeZone)}.</p> : null}
    </section>
  );
}

/** The episode's open alerts, each with its acknowledgement; a refused acknowledgement's message on its card. */
export function OpenAlerts({ header, timeZone, escalation, problem }: { header: RecordHeader; timeZone: string; escalation: string | null; problem: AckProblemNotice | null }) {
  const open = header.openAlerts;
  return (
    <>
      {problem && !open.some((alert) => alert.id === problem.alertId) ? <FormAlert>{problem.message}</FormAlert> : null}
      {open.length > 0 ? (
        <section aria-labelledby="record-alerts" className="space-y-3">
          <h2 id="record-alerts" className="text-xl font-semibold">Open alerts</h2>
          {open.map((alert) => (
            <AlertCard
              key={alert.id}
              acknowledgeAction={acknowledgeAlertAction}
              alert={alertCardView(alert, timeZone)}
              showPatient={false}
              // The safety lead's access ends with the acknowledgement: back to the inbox then.
              back={escalation ? '' : header.episodeId}
              clearProblem={escalation !== null || problem !== null}
              problem={problem?.alertId === alert.id ? problem : null}
            />
          ))}
        </section>
      ) : null}
    </>
  );
}
