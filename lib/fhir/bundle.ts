/**
 * One patient's record as a FHIR R4 Bundle.
 *
 * Type "collection", not "document": a document Bundle is an attested clinical document (a Composition
 * first, whose author vouches for the whole and which must not change once issued). This export is a copy
 * of the record as it stands, for another system or for the patient, with no author attesting it; a
 * collection is FHIR's type for exactly that.
 */
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { EPISODE_RESOURCE_TYPES, episodeResources } from './episode-resources';
import { organizationResource, patientResource, practitionerResource, practitionerRoleResource, questionnaireResource } from './map';
import { INSTRUMENTS } from './questionnaires';
import type { ClinicSource, EpisodeBatch, PersonSource } from './source';
import { fullUrl } from './urls';

export type PatientBundleInput = {
  clinic: ClinicSource;
  patient: PersonSource;
  /** The clinicians named in the episodes (care managers, plan and measurement authors). */
  practitioners: PersonSource[];
  batch: EpisodeBatch;
  generatedAt: Date;
};

/** Every resource of the patient's record, in the order a reader meets them: who, then what. */
export function patientRecordResources(input: PatientBundleInput): Resource[] {
  const usedInstruments = new Set(input.batch.responses.map((response) => response.instrument));
  return [
    organizationResource(input.clinic),
    patientResource(input.patient),
    ...input.practitioners.flatMap((person) => [practitionerResource(person), practitionerRoleResource(person)]),
    ...INSTRUMENTS.filter((instrument) => usedInstruments.has(instrument)).map(questionnaireResource),
    ...EPISODE_RESOURCE_TYPES.flatMap((type) => episodeResources(type, input.batch)),
  ];
}

/** The people an episode batch refers to as practitioners, so the Bundle resolves every reference. */
export function practitionerIds(batch: EpisodeBatch): string[] {
  const ids = new Set<string>();
  for (const episode of batch.episodes) ids.add(episode.clinicianId);
  for (const plan of batch.plans) ids.add(plan.createdBy);
  for (const goal of batch.goals) ids.add(goal.createdBy);
  for (const measurement of batch.measurements) ids.add(measurement.clinicianId);
  return [...ids].sort();
}

export function patientBundle(input: PatientBundleInput): Bundle {
  const entry: BundleEntry[] = patientRecordResources(input).map((resource) => ({ fullUrl: fullUrl(resource.resourceType, resource.id!), resource }));
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: input.generatedAt.toISOString(),
    entry,
  };
}
