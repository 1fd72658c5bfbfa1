import { describe, expect, it } from 'vitest';
import {
  carePlanResource,
  episodeOfCareResource,
  flagResource,
  goalResource,
  measurementObservation,
  organizationResource,
  patientResource,
  practitionerResource,
  practitionerRoleResource,
  questionnaireResource,
  riskAssessmentResource,
} from './map';

const at = new Date('2026-10-01T09:30:00Z');
const episode = {
  id: '11111111-1111-4111-8111-111111111111',
  clinicId: '22222222-2222-4222-8222-222222222222',
  patientId: '33333333-3333-4333-8333-333333333333',
  clinicianId: '44444444-4444-4444-8444-444444444444',
  condition: 'Non-specific low back pain',
  startedAt: at,
  status: 'discharged' as const,
  dischargedAt: new Date('2026-11-20T10:00:00Z'),
  intakeNprs: 7,
};
const person = { id: episode.patientId, clinicId: episode.clinicId, name: 'Jamie Taylor', email: 'jamie@example.test', role: 'patient' as const, dateOfBirth: '1978-04-12', active: true };

describe('FHIR mapping', () => {
  it('Organization carries the clinic’s name and the contact details it has set', () => {
    expect(organizationResource({ id: episode.clinicId, name: 'Demo', contactPhone: '020 7946 0123', contactEmail: null, contactAddress: '1 High St' })).toMatchObject({
      resourceType: 'Organization',
      id: episode.clinicId,
      name: 'Demo',
      telecom: [{ system: 'phone', value: '020 7946 0123', use: 'work' }],
      address: [{ text: '1 High St' }],
    });
  });

  it('Patient, Practitioner and PractitionerRole: the name as one text, email, birth date, links to the clinic', () => {
    expect(patientResource(person)).toMatchObject({ name: [{ text: 'Jamie Taylor' }], birthDate: '1978-04-12', telecom: [{ system: 'email', value: 'jamie@example.test' }], managingOrganization: { reference: `Organization/${episode.clinicId}` } });
    const clinician = { ...person, id: episode.clinicianId, role: 'clinician' as const, name: 'Sam Patel', dateOfBirth: null };
    expect(practitionerResource(clinician)).toMatchObject({ id: episode.clinicianId, name: [{ text: 'Sam Patel' }] });
    expect(practitionerRoleResource(clinician)).toMatchObject({ id: `role-${episode.clinicianId}`, practitioner: { reference: `Practitioner/${episode.clinicianId}` }, code: [{ text: 'Physiotherapist' }] });
  });

  it('EpisodeOfCare of a discharged episode is finished, with its period, diagnosis and care manager', () => {
    expect(episodeOfCareResource(episode)).toMatchObject({
      status: 'finished',
      period: { start: '2026-10-01T09:30:00.000Z', end: '2026-11-20T10:00:00.000Z' },
      diagnosis: [{ condition: { reference: `Condition/condition-${episode.id}` } }],
      careManager: { reference: `Practitioner/${episode.clinicianId}` },
    });
  });

  it('CarePlan of a discharged episode is completed; a daily exercise is timed per day', () => {
    const plan = carePlanResource(
      episode,
      {
        id: '55555555-5555-4555-8555-555555555555',
        episodeId: episode.id,
        version: 2,
        createdBy: episode.clinicianId,
        createdAt: at,
        note: null,
        items: [{ id: 'i', position: 0, exerciseName: 'Bird dog', safetyNote: 'Stop if it hurts.', instructionsNote: null, sets: null, reps: 10, holdSeconds: null, durationMinutes: null, timesPerDay: 2, daysPerWeek: 7, perSide: false }],
      },
      ['66666666-6666-4666-8666-666666666666'],
    );
    expect(plan).toMatchObject({ status: 'completed', intent: 'plan', title: 'Exercise plan, version 2', goal: [{ reference: 'Goal/66666666-6666-4666-8666-666666666666' }] });
    expect(plan.activity![0]!.detail).toMatchObject({ status: 'completed', scheduledTiming: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } } });
  });

  it('Goal: status, target measure in the local code system, value and due date', () => {
    const goal = goalResource(episode, { id: 'g', episodeId: episode.id, description: 'Bend to 60°', measureCode: 'lumbar-flexion', targetValue: 60, targetDate: '2027-01-10', status: 'achieved', createdBy: episode.clinicianId, createdAt: at });
    expect(goal).toMatchObject({
      lifecycleStatus: 'completed',
      achievementStatus: { coding: [{ code: 'achieved' }] },
      target: [{ measure: { coding: [{ code: 'lumbar-flexion-rom' }] }, detailQuantity: { value: 60, code: 'deg' }, dueDate: '2027-01-10' }],
    });
  });

  it('a corrected measurement is amended', () => {
    const base = { id: 'm', episodeId: episode.id, clinicianId: episode.clinicianId, code: 'modified-schober', value: 20.5, unit: 'cm', method: null, measuredAt: at };
    expect(measurementObservation(episode, { ...base, supersedesId: null }).status).toBe('final');
    expect(measurementObservation(episode, { ...base, supersedesId: 'old' })).toMatchObject({ status: 'amended', valueQuantity: { value: 20.5, code: 'cm' } });
  });

  it('RiskAssessment only for a banded STarT Back; Flag inactive once acknowledged', () => {
    const response = { id: 'r', episodeId: episode.id, instrument: 'STARTBACK' as const, answers: {}, score: 6, band: 'high', subscore: 4, completedAt: at };
    expect(riskAssessmentResource(episode, response)!.prediction![0]!.qualitativeRisk!.coding![0]!.code).toBe('high');
    expect(riskAssessmentResource(episode, { ...response, band: null })).toBeNull();
    expect(riskAssessmentResource(episode, { ...response, instrument: 'ODI' })).toBeNull();
    const flag = flagResource(episode, { id: 'f', episodeId: episode.id, message: 'Red flag', positives: ['saddle-numbness'], raisedAt: at, acknowledgedAt: at });
    expect(flag).toMatchObject({ status: 'inactive', period: { end: at.toISOString() } });
  });

  it('Questionnaires carry every item of the instrument with its answer codes', () => {
    expect(questionnaireResource('ODI').item).toHaveLength(10);
    expect(questionnaireResource('ODI').item![0]!.answerOption).toHaveLength(6);
    expect(questionnaireResource('STARTBACK').item).toHaveLength(9);
    expect(questionnaireResource('RMDQ').item).toHaveLength(24);
    expect(questionnaireResource('PSFS').item![0]).toMatchObject({ type: 'group', repeats: true });
  });
});
