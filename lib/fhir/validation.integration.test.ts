import { sql } from 'drizzle-orm';
import type { Bundle, Observation, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connection';
import { executeRows } from '@/db/rows';
import { seedDemo } from '@/db/seed';
import { createTestDatabase } from '@/db/testing';
import { readPatientBundle } from '@/lib/dal/internal/data-export-source';
import { generateClinic } from '@/scripts/generate/clinic';
import { conditionResource, painObservation } from './map';
import { validationErrors, validationErrorsOfAll } from './testing/validator';

const now = new Date('2026-11-28T12:00:00Z');

/** Every patient's Bundle in the database, and each resource in it. */
async function everyPatientsResources(handle: DatabaseHandle): Promise<{ bundles: Bundle[]; resources: Resource[] }> {
  const patients = await executeRows<{ id: string; clinic_id: string }>(handle.db, sql`select id, clinic_id from users where role = 'patient' order by id`);
  const bundles: Bundle[] = [];
  for (const patient of patients) bundles.push((await readPatientBundle(handle.db, patient.id, patient.clinic_id, null, now)).bundle);
  return { bundles, resources: bundles.flatMap((bundle) => (bundle.entry ?? []).map((entry) => entry.resource!)) };
}

const typesOf = (resources: Resource[]) => [...new Set(resources.map((resource) => resource.resourceType))].sort();

const EVERY_TYPE = ['CarePlan', 'Condition', 'EpisodeOfCare', 'Flag', 'Goal', 'Observation', 'Organization', 'Patient', 'Practitioner', 'PractitionerRole', 'Questionnaire', 'QuestionnaireResponse', 'RiskAssessment'];

describe('FHIR validation of whole clinics', () => {
  const handles: DatabaseHandle[] = [];
  beforeAll(async () => {
    handles.push(await createTestDatabase(), await createTestDatabase());
    await seedDemo(handles[0]!.db, { now });
    await generateClinic(handles[1]!.db, { patients: 12, now });
  }, 180_000);
  afterAll(async () => Promise.all(handles.map((handle) => handle.close())));

  it('the demo clinic: every resource of every patient is valid R4, zero errors', { timeout: 180_000 }, async () => {
    const { bundles, resources } = await everyPatientsResources(handles[0]!);
    expect(bundles.length).toBeGreaterThanOrEqual(10);
    // The demo has a patient who reported a red flag (a weakening leg), so it has a Flag too.
    expect(typesOf(resources)).toEqual(EVERY_TYPE);
    expect(validationErrorsOfAll([...bundles, ...resources])).toEqual([]);
  });

  it('a generated clinic: every resource of every patient is valid R4, zero errors', { timeout: 180_000 }, async () => {
    const { bundles, resources } = await everyPatientsResources(handles[1]!);
    expect(bundles).toHaveLength(12);
    expect(resources.length).toBeGreaterThan(12 * 50);
    // Red flags come up in about 1 in 70 generated patients, so 12 usually have none; the Flag mapping is
    // validated in lib/dal/data-export.integration.test.ts.
    expect(typesOf(resources)).toEqual(expect.arrayContaining(EVERY_TYPE.filter((type) => type !== 'Flag')));
    expect(validationErrorsOfAll([...bundles, ...resources])).toEqual([]);
  });
});

describe('the validator', () => {
  const episode = {
    id: '5f0e7c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6',
    clinicId: '6f0e7c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6',
    patientId: '7f0e7c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6',
    clinicianId: '8f0e7c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6',
    condition: 'Non-specific low back pain',
    startedAt: now,
    status: 'active' as const,
    dischargedAt: null,
    intakeNprs: 6,
  };
  const pain = { id: '9f0e7c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6', episodeId: episode.id, score: 5, worst24h: null, locations: [], belowKnee: false, note: null, recordedAt: now };

  it('passes the mapped resources it is shown', () => {
    expect(validationErrors(painObservation(episode, pain))).toEqual([]);
    expect(validationErrors(conditionResource(episode))).toEqual([]);
  });

  it('fails a deliberately broken resource, naming each problem', () => {
    const broken = { ...painObservation(episode, pain), status: 'done', effectiveDateTime: '28/11/2026', colour: 'red' } as unknown as Observation;
    delete (broken as Partial<Observation>).code;
    const problems = validationErrors(broken);
    expect(problems.map((problem) => problem.where).sort()).toEqual(['Observation.code', 'Observation.colour', 'Observation.effective[x]', 'Observation.status']);
  });

  it('fails a Bundle entry whose resource is broken', () => {
    const bundle: Bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: { ...conditionResource(episode), subject: undefined } as unknown as Resource }] };
    expect(validationErrors(bundle).length).toBeGreaterThan(0);
  });
});
