import { ODI_BANDS, type OdiBand } from '@/lib/clinical/odi';
import { roundHalfUp1 } from '@/lib/clinical/rounding';
import { STARTBACK_RISK_GUIDANCE, type StartBackRisk } from '@/lib/clinical/startback';
import type { PatientInstrument } from '@/lib/validation/questionnaires';

const ODI_MEANING: Record<OdiBand, string> = {
  minimal: 'You can cope with most everyday activities. Keep active and keep up your exercises.',
  moderate: 'Your back makes some things harder, such as sitting, lifting and standing. Exercise and staying active usually help.',
  severe: 'Back pain is causing a lot of problems with daily life. Your physio will use this to plan your care.',
  crippled: 'Back pain is affecting almost every part of your day. Your physio will talk this through with you.',
  'bed-bound': 'Back pain is affecting everything you do. Please talk to your physio soon.',
};

export type ResultWords = { headline: string; band: string | null; meaning: string };

/** A stored score in plain words with its band. The score itself always comes from the server. */
export function describeResult(instrument: PatientInstrument, score: number | null, band: string | null, subscore: number | null): ResultWords {
  if (instrument === 'ODI') {
    if (score === null) {
      return {
        headline: 'Not enough answers for a score',
        band: null,
        meaning: 'Three or more sections were skipped, so a score can’t be worked out. Your physio can see your answers.',
      };
    }
    const info = ODI_BANDS.find((entry) => entry.band === band);
    return {
      headline: `${roundHalfUp1(score).toFixed(1)} % disability score`,
      band: info?.label ?? null,
      meaning: `${ODI_MEANING[band as OdiBand] ?? ''} The score runs from 0 % (no problems) to 100 %; lower is better.`,
    };
  }
  if (instrument === 'STARTBACK') {
    const guidance = STARTBACK_RISK_GUIDANCE[band as StartBackRisk];
    return {
      headline: `${guidance?.label ?? 'Result'} (score ${score ?? '–'} out of 9${subscore !== null ? `, worry and mood ${subscore} out of 5` : ''})`,
      band: guidance?.label ?? null,
      meaning:
        band === 'low'
          ? 'Your back pain is likely to settle with advice, staying active and your exercises.'
          : band === 'medium'
            ? 'Physiotherapy with exercise is the recommended next step for you.'
            : 'Your physio will combine exercise with help for the worry and low mood that pain can bring.',
    };
  }
  if (instrument === 'RMDQ') {
    return {
      headline: `${score ?? '–'} out of 24`,
      band: null,
      meaning: 'The number of sentences you ticked as true for you today. Lower is better: 0 means your back is not stopping you doing any of them.',
    };
  }
  return {
    headline: `${score === null ? '–' : score.toFixed(1)} out of 10 average for your activities`,
    band: null,
    meaning: '0 means you can’t do an activity at all; 10 means you can do it as well as before your back pain. Higher is better.',
  };
}
