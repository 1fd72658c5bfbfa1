import { ClinicianAdherenceChart } from '@/components/charts/clinician-adherence-chart';
import { ClinicianOdiChart } from '@/components/charts/clinician-odi-chart';
import { ClinicianPainChart } from '@/components/charts/clinician-pain-chart';
import { ClinicianRomChart } from '@/components/charts/clinician-rom-chart';
import { ClinicianScoreChart } from '@/components/charts/clinician-score-chart';
import { FigureDefinitions } from '@/components/clinician/figure-definitions';
import { PanelSkeleton, SkeletonBlock } from '@/components/ui/skeleton';
import { adherenceFigure, BASELINE_PAIN, LATEST_PAIN } from '@/lib/clinical/figures';
import { INSTRUMENT_NAMES } from '@/lib/clinical/instruments';
import { ODI_BANDS } from '@/lib/clinical/odi';
import { describePsfsChange, PSFS_MEANINGFUL_CHANGE_TEXT } from '@/lib/clinical/psfs';
import { RMDQ_STATEMENT_COUNT } from '@/lib/clinical/rmdq';
import { ageOn } from '@/lib/clinical/record-figures';
import { chooseRomReference, describeReference, judgeSchober, MEASURE_CODES, ROM_MEASURES, type MeasureCode } from '@/lib/clinical/rom';
import { getRecordTrends, type RecordHeader, type RecordTrends, type RomPoint } from '@/lib/dal/patient-record';
import { holdPanelForTest } from '@/lib/testing/slow-panel';
import { adherenceSummary, odiSummary, painSummary, rmdqSummary } from './trend-summaries';

// One formatter for the module: building an Intl.DateTimeFormat costs far more than using one.
const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const shortDay = (day: string) => SHORT_DAY.format(new Date(`${day}T12:00:00Z`));

/** The record's charts: pain, questionnaires and adherence, then range of motion. */
export async function RecordTrendsPanel({ episodeId, header, escalation }: { episodeId: string; header: RecordHeader; escalation: string | null }) {
  await holdPanelForTest('record-trends');
  const trends = await getRecordTrends(episodeId, escalation);
  if (!trends) return null;
  return (
    <>
      <div className="grid gap-4 lg:grid-cols-2">
        <ClinicianPainChart points={trends.pain.map((point) => ({ ...point, label: shortDay(point.day) }))} summary={painSummary(trends, header.intakeNprs)} />
        <ClinicianOdiChart
          points={trends.odi.points.map((point) => ({ label: shortDay(point.day), score: point.score, band: ODI_BANDS.find((band) => band.band === point.band)?.label ?? '—' }))}
          mcidLevel={trends.odi.mcidLevel}
          summary={odiSummary(trends)}
        />
        {trends.rmdq.points.length > 0 ? (
          <ClinicianScoreChart
            title={`${INSTRUMENT_NAMES.RMDQ} (0–${RMDQ_STATEMENT_COUNT})`}
            summary={rmdqSummary(trends)}
            points={trends.rmdq.points.map((point) => ({ label: shortDay(point.day), score: point.score }))}
            series={[{ key: 'score', name: 'RMDQ' }]}
            domain={[0, RMDQ_STATEMENT_COUNT]}
            reference={trends.rmdq.mcidLevel !== null && trends.rmdq.points.length > 1 ? { y: trends.rmdq.mcidLevel, label: `MCID ${trends.rmdq.mcidLevel}` } : null}
          />
        ) : null}
        {trends.psfs.responses.length > 0 ? <PsfsChart psfs={trends.psfs} /> : null}
        <ClinicianAdherenceChart
          points={trends.adherence.filter((week) => week.percent !== null).map((week) => ({ label: `Wk ${week.week}`, percent: week.percent!, logged: week.logged, prescribed: week.prescribed }))}
          summary={adherenceSummary(trends)}
        />
      </div>
      <FigureDefinitions
        id="record-definitions"
        definitions={[BASELINE_PAIN, { ...LATEST_PAIN, text: `${LATEST_PAIN.text} Daily pain on the chart is the highest score of each day.` }, adherenceFigure('weeks-of-care', 'Weekly adherence')]}
      />
      <h3 className="pt-2 text-lg font-semibold">Range of motion</h3>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        {MEASURE_CODES.map((code) => (
          <RomChart key={code} code={code} points={trends.rom[code]} header={header} />
        ))}
      </div>
    </>
  );
}

function RomChart({ code, points, header }: { code: MeasureCode; points: RomPoint[]; header: RecordHeader }) {
  const measure = ROM_MEASURES[code];
  const unit = measure.unit === 'deg' ? '°' : ' cm';
  const latest = points.at(-1);
  const first = points[0];
  // The band for the patient's age on the day of the latest measurement (docs/CLINICAL.md, "ROM reference bands by age").
  const { band: reference, text: bandText } = chooseRomReference(code, latest ? ageOn(header.dateOfBirth, latest.day) : header.age);
  const judgement = code === 'modified-schober' && latest ? ` ${judgeSchober(latest.value).text}` : '';
  const band = bandText ? ` ${reference ? 'Shaded: ' : ''}${bandText}` : '';
  const summary =
    latest && first ? `${points.length} measurements; first ${first.value}${unit}, latest ${latest.value}${unit}.${judgement}${band} ${measure.normalText}` : `Not measured yet.${band}`;
  return (
    <ClinicianRomChart
      title={measure.clinicalLabel}
      unit={unit}
      points={points.map((point) => ({ label: shortDay(point.day), value: point.value }))}
      reference={reference ? { low: reference.low, high: reference.high, label: `${reference.shortLabel}: ${describeReference(reference, measure.unit)}` } : null}
      domain={[Math.min(measure.min, 0), measure.unit === 'deg' ? Math.min(measure.max, Math.max(90, ...points.map((point) => point.value))) : measure.max]}
      summary={summary}
    />
  );
}

/** PSFS: one line per activity, with the change in the mean and in each activity against the rule. */
function PsfsChart({ psfs }: { psfs: RecordTrends['psfs'] }) {
  const { responses, change } = psfs;
  const names = [...new Set(responses.toReversed().flatMap((response) => response.activities.map((activity) => activity.name)))].slice(0, 5);
  const words = change ? describePsfsChange(change) : null;
  const summary = words
    ? `${words.mean}: ${words.verdict}. ${words.activities.join('; ')}. ${PSFS_MEANINGFUL_CHANGE_TEXT}`
    : `One response: average ${responses[0]!.score.toFixed(1)}. ${PSFS_MEANINGFUL_CHANGE_TEXT}`;
  return (
    <ClinicianScoreChart
      title={INSTRUMENT_NAMES.PSFS}
      summary={summary}
      points={responses.map((response) => ({
        label: shortDay(response.day),
        ...Object.fromEntries(names.map((name, index) => [`activity${index}`, response.activities.find((activity) => activity.name === name)?.rating ?? null])),
      }))}
      series={names.map((name, index) => ({ key: `activity${index}`, name }))}
      domain={[0, 10]}
    />
  );
}

/** Four charts, the definitions line and the range-of-motion charts, at their usual sizes. */
export function RecordTrendsSkeleton() {
  return (
    <PanelSkeleton label="the charts" className="space-y-3">
      <div className="grid gap-4 lg:grid-cols-2">
        {[0, 1, 2, 3].map((index) => (
          <SkeletonBlock key={index} className="h-[25rem]" />
        ))}
      </div>
      <SkeletonBlock className="h-12" />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        {MEASURE_CODES.map((code) => (
          <SkeletonBlock key={code} className="h-[25rem]" />
        ))}
      </div>
    </PanelSkeleton>
  );
}
