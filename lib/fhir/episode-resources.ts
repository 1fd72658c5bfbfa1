/**
 * Which resources each export type comes from, and the one place that turns a batch of episodes into
 * them. The single-patient Bundle, the patient's download and the clinic's NDJSON files all call this,
 * so the three exports can never disagree.
 */
import type { Resource } from '@medplum/fhirtypes';
import {
  carePlanResource,
  conditionResource,
  episodeOfCareResource,
  flagResource,
  goalResource,
  measurementObservation,
  painObservation,
  questionnaireResponseResource,
  riskAssessmentResource,
  scoreObservation,
} from './map';
import type { EpisodeBatch, EpisodeSource } from './source';

export const EPISODE_RESOURCE_TYPES = [
  'EpisodeOfCare',
  'Condition',
  'CarePlan',
  'Goal',
  'Observation',
  'QuestionnaireResponse',
  'RiskAssessment',
  'Flag',
] as const;
export type EpisodeResourceType = (typeof EPISODE_RESOURCE_TYPES)[number];

export type BatchPart = Exclude<keyof EpisodeBatch, 'episodes'>;

/** The rows each type needs, so a whole-clinic pass over one type reads only its own tables. */
export const PARTS_FOR_TYPE: Readonly<Record<EpisodeResourceType, readonly BatchPart[]>> = {
  EpisodeOfCare: [],
  Condition: [],
  CarePlan: ['plans', 'goals'],
  Goal: ['goals'],
  Observation: ['pain', 'measurements', 'responses'],
  QuestionnaireResponse: ['responses'],
  RiskAssessment: ['responses'],
  Flag: ['redFlags'],
};

function groupBy<T extends { episodeId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.episodeId);
    if (list) list.push(row);
    else groups.set(row.episodeId, [row]);
  }
  return groups;
}

/** The resources of one type for every episode in the batch, episode by episode. */
export function episodeResources(type: EpisodeResourceType, batch: EpisodeBatch): Resource[] {
  const byEpisode = {
    plans: groupBy(batch.plans),
    goals: groupBy(batch.goals),
    pain: groupBy(batch.pain),
    measurements: groupBy(batch.measurements),
    responses: groupBy(batch.responses),
    redFlags: groupBy(batch.redFlags),
  };
  const of = <K extends keyof typeof byEpisode>(key: K, episode: EpisodeSource) => (byEpisode[key].get(episode.id) ?? []) as EpisodeBatch[K];
  const out: Resource[] = [];
  for (const episode of batch.episodes) {
    switch (type) {
      case 'EpisodeOfCare':
        out.push(episodeOfCareResource(episode));
        break;
      case 'Condition':
        out.push(conditionResource(episode));
        break;
      case 'CarePlan':
        for (const plan of of('plans', episode)) out.push(carePlanResource(episode, plan, of('goals', episode).map((goal) => goal.id)));
        break;
      case 'Goal':
        for (const goal of of('goals', episode)) out.push(goalResource(episode, goal));
        break;
      case 'Observation':
        for (const pain of of('pain', episode)) out.push(painObservation(episode, pain));
        for (const measurement of of('measurements', episode)) out.push(measurementObservation(episode, measurement));
        for (const response of of('responses', episode)) {
          const observation = scoreObservation(episode, response);
          if (observation) out.push(observation);
        }
        break;
      case 'QuestionnaireResponse':
        for (const response of of('responses', episode)) out.push(questionnaireResponseResource(episode, response));
        break;
      case 'RiskAssessment':
        for (const response of of('responses', episode)) {
          const risk = riskAssessmentResource(episode, response);
          if (risk) out.push(risk);
        }
        break;
      case 'Flag':
        for (const redFlag of of('redFlags', episode)) out.push(flagResource(episode, redFlag));
        break;
    }
  }
  return out;
}
