import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazyAdherenceChart, LazyMeasureChart, LazyOdiChart, LazyScoreLinesChart } from '@/components/charts/lazy-charts';
import { PainTrend } from '@/components/charts/pain-trend';
import { adherenceDefinition } from '@/lib/clinical/adherence';
import { ODI_BANDS } from '@/lib/clinical/odi';
import { INSTRUMENT_NAMES } from '@/lib/clinical/instruments';
import { NPRS_MCID } from '@/lib/clinical/nprs';
import { describePsfsChange, PSFS_MEANINGFUL_CHANGE_TEXT } from '@/lib/clinical/psfs';
import { RMDQ_MCID_TEXT, RMDQ_STATEMENT_COUNT } from '@/lib/clinical/rmdq';
import { getProgress, PROGRESS_RANGES, type ProgressRange } from '@/lib/dal/progress';

export const metadata: Metadata = { title: 'My progress' };

const RANGE_LABELS: Record<ProgressRange, string> = { '4w': '4 weeks', '12w': '12 weeks', all: 'All' };
const BAND_COLOURS = ['#16a34a', '#84cc16', '#f59e0b', '#f97316', '#dc2626'];

const shortDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const label = (day: string) => shortDay.format(new Date(`${day}T12:00:00Z`));
const one = (value: number) => (Math.round(value * 10) / 10).toFixed(1);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export default async function ProgressPage({ searchParams }: { searchParams: Promise<{ range?: string; measure?: string }> }) {
  const { range: requested, measure: requestedMeasure } = await searchParams;
  const range: ProgressRange = requested && requested in PROGRESS_RANGES ? (requested as ProgressRange) : '12w';
  const progress = await getProgress(range);
  const { pain, odi, rom, adherence, rmdq, psfs } = progress;
  // Each activity the patient rated, in the order they last named them, as one line of the PSFS chart.
  const activityNames = [...new Set(psfs.responses.toReversed().flatMap((response) => response.activities.map((activity) => activity.name)))].slice(0, 5);
  const activityKey = (index: number) => `activity${index}`;
  const psfsPoints = psfs.responses.map((response) => ({
    label: label(response.day),
    ...Object.fromEntries(activityNames.map((name, index) => [activityKey(index), response.activities.find((activity) => activity.name === name)?.rating ?? null])),
  }));
  const psfsWords = psfs.change ? describePsfsChange(psfs.change) : null;
  const measure = rom.find((entry) => entry.code === requestedMeasure) ?? rom[0];

  const averageByDay = new Map(pain.rolling.map((point) => [point.day, point.average]));
  const painPoints = pain.daily.map((point) => ({
    label: label(point.day),
    score: point.score,
    average: averageByDay.has(point.day) ? Math.round(averageByDay.get(point.day)! * 10) / 10 : null,
  }));
  const bands = ODI_BANDS.map((band, index) => ({
    from: index === 0 ? 0 : ODI_BANDS[index - 1]!.upTo,
    to: band.upTo,
    label: band.label,
    color: BAND_COLOURS[index]!,
  }));

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">My progress</h1>
      <nav aria-label="Time range">
        <ul className="grid grid-cols-3 gap-2">
          {(Object.keys(PROGRESS_RANGES) as ProgressRange[]).map((key) => (
            <li key={key}>
              <AppLink
                href={`/patient/progress?range=${key}`}
                aria-current={key === range ? 'page' : undefined}
                className={`flex min-h-12 items-center justify-center rounded-lg border-2 text-lg font-semibold ${
                  key === range ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-400 bg-white text-slate-900'
                }`}
              >
                {RANGE_LABELS[key]}
              </AppLink>
            </li>
          ))}
        </ul>
      </nav>

      <ChartFrame
        title="Pain"
        summary={pain.summary}
        explanation={
          pain.baseline !== null && pain.meaningfulLevel !== null
            ? `Dots are your highest score each day and the line is your 7-day average. You started at ${pain.baseline} out of 10; the green area (${one(pain.meaningfulLevel)} or below) is a meaningful improvement — a fall of ${NPRS_MCID.points} points or ${NPRS_MCID.percent} %.`
            : undefined
        }
        columns={[
          { key: 'label', label: 'Day' },
          { key: 'score', label: 'Highest pain (0–10)' },
          { key: 'average', label: '7-day average' },
        ]}
        rows={painPoints.map((point) => ({ ...point, average: point.average === null ? null : one(point.average) }))}
        emptyText="When you log your pain, a chart of your daily scores and your weekly average will appear here."
      >
        <PainTrend points={painPoints} baseline={pain.baseline} meaningfulLevel={pain.meaningfulLevel} />
      </ChartFrame>

      <ChartFrame
        title="Everyday activities (Oswestry disability score)"
        summary={odi.summary}
        explanation="Lower is better. The coloured bands show how much back pain affects daily life, from minimal (green) to extreme (red)."
        columns={[
          { key: 'label', label: 'Date' },
          { key: 'score', label: 'Score %' },
          { key: 'band', label: 'Band' },
        ]}
        rows={odi.points.map((point) => ({
          label: label(point.day),
          score: one(point.score),
          band: ODI_BANDS.find((band) => band.band === point.band)!.label,
        }))}
        emptyText="When you complete the Oswestry questionnaire, your scores will appear here."
      >
        <LazyOdiChart points={odi.points.map((point) => ({ label: label(point.day), score: Math.round(point.score * 10) / 10 }))} bands={bands} />
      </ChartFrame>

      {measure ? (
        <ChartFrame
          title="Movement"
          summary={measure.summary}
          explanation={`Measured by your physio. ${measure.normalText}${
            measure.referenceText ? ` ${measure.reference ? `Shaded area: ${lowerFirst(measure.referenceText)}` : measure.referenceText}` : ''
          }`}
          columns={[
            { key: 'label', label: 'Date' },
            { key: 'value', label: `${measure.label} (${measure.unit})` },
          ]}
          rows={measure.points.map((point) => ({ label: label(point.day), value: point.value }))}
          emptyText=""
          before={
            <nav aria-label="Choose a movement" className="mt-3">
              <ul className="flex flex-wrap gap-2">
                {rom.map((entry) => (
                  <li key={entry.code}>
                    <AppLink
                      href={`/patient/progress?range=${range}&measure=${entry.code}`}
                      aria-current={entry.code === measure.code ? 'true' : undefined}
                      className={`inline-flex min-h-11 items-center rounded-full border-2 px-3 text-base ${
                        entry.code === measure.code ? 'border-brand-700 bg-brand-50 font-semibold text-brand-900' : 'border-slate-300 bg-white'
                      }`}
                    >
                      {entry.label}
                    </AppLink>
                  </li>
                ))}
              </ul>
            </nav>
          }
        >
          <LazyMeasureChart points={measure.points.map((point) => ({ label: label(point.day), value: point.value }))} reference={measure.reference ? { ...measure.reference, label: `${measure.reference.label}: ${measure.reference.range}` } : null} />
        </ChartFrame>
      ) : (
        <ChartFrame title="Movement" summary="" columns={[]} rows={[]} emptyText="When your physio measures how far your back moves, those measurements will appear here.">
          {null}
        </ChartFrame>
      )}

      {rmdq.points.length > 0 ? (
        <ChartFrame
          title={INSTRUMENT_NAMES.RMDQ}
          summary={`Latest: ${rmdq.points.at(-1)!.score} out of ${RMDQ_STATEMENT_COUNT}.${rmdq.change ? ` Since your first answers: ${rmdq.change.text}` : ''}`}
          explanation={`The number of sentences you ticked. Lower is better. ${RMDQ_MCID_TEXT}${rmdq.mcidLevel !== null ? ` The dashed line (${rmdq.mcidLevel}) marks that level.` : ''}`}
          columns={[
            { key: 'label', label: 'Date' },
            { key: 'score', label: `Score (0–${RMDQ_STATEMENT_COUNT})` },
          ]}
          rows={rmdq.points.map((point) => ({ label: label(point.day), score: point.score }))}
          emptyText=""
        >
          <LazyScoreLinesChart
            points={rmdq.points.map((point) => ({ label: label(point.day), score: point.score }))}
            series={[{ key: 'score', name: 'Roland-Morris score' }]}
            domain={[0, RMDQ_STATEMENT_COUNT]}
            reference={rmdq.mcidLevel !== null && rmdq.points.length > 1 ? { y: rmdq.mcidLevel, label: 'Meaningful improvement' } : null}
          />
        </ChartFrame>
      ) : null}

      {psfs.responses.length > 0 ? (
        <ChartFrame
          title="Activities you find hard, one line each (PSFS)"
          summary={psfsWords ? `${psfsWords.mean}: ${psfsWords.verdict}.` : `Average ${psfs.responses.at(-1)!.score.toFixed(1)} out of 10.`}
          explanation={`Each line is one activity, rated 0 (unable to do it) to 10 (as well as before). Higher is better. ${PSFS_MEANINGFUL_CHANGE_TEXT}`}
          columns={[{ key: 'label', label: 'Date' }, ...activityNames.map((name, index) => ({ key: activityKey(index), label: name }))]}
          rows={psfsPoints}
          emptyText=""
          before={
            psfsWords && psfsWords.activities.length > 0 ? (
              <ul className="mt-2 list-disc pl-6 text-base">
                {psfsWords.activities.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null
          }
        >
          <LazyScoreLinesChart points={psfsPoints} series={activityNames.map((name, index) => ({ key: activityKey(index), name }))} domain={[0, 10]} />
        </ChartFrame>
      ) : null}

      <ChartFrame
        title="Exercise sessions each week"
        summary={adherence.summary}
        explanation={adherenceDefinition('weeks')}
        columns={[
          { key: 'label', label: 'Week starting' },
          { key: 'sessions', label: 'Sessions logged' },
          { key: 'percent', label: 'Percent' },
        ]}
        rows={adherence.weeks
          .filter((week) => week.percent !== null)
          .map((week) => ({ label: label(week.weekStart), sessions: `${week.logged} of ${week.prescribed}`, percent: `${week.percent} %` }))}
        emptyText="When your physio sets exercises and you mark them done, your weekly sessions will appear here."
      >
        <LazyAdherenceChart points={adherence.weeks.filter((week) => week.percent !== null).map((week) => ({ label: label(week.weekStart), percent: week.percent }))} />
      </ChartFrame>
    </div>
  );
}
