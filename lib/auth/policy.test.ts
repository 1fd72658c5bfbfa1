import { describe, expect, it } from 'vitest';
import {
  canLogForEpisode,
  canManageClinic,
  canManageEpisode,
  canReadEpisode,
  canSetAway,
  isActingSafetyLead,
  type EpisodeFacts,
  type ViewerFacts,
} from './policy';

const CLINIC = 'clinic-a';
const episode: EpisodeFacts = { clinicId: CLINIC, patientId: 'pat-1', clinicianId: 'cli-1', status: 'active' };

const viewers: Record<string, ViewerFacts> = {
  ownPatient: { userId: 'pat-1', role: 'patient', clinicId: CLINIC },
  otherPatient: { userId: 'pat-2', role: 'patient', clinicId: CLINIC },
  assignedClinician: { userId: 'cli-1', role: 'clinician', clinicId: CLINIC },
  otherClinician: { userId: 'cli-2', role: 'clinician', clinicId: CLINIC },
  foreignClinician: { userId: 'cli-1', role: 'clinician', clinicId: 'clinic-b' },
  manager: { userId: 'man-1', role: 'manager', clinicId: CLINIC },
  foreignManager: { userId: 'man-2', role: 'manager', clinicId: 'clinic-b' },
};

describe.each([
  // viewer,            read,  log,   manage
  ['ownPatient', true, true, false],
  ['otherPatient', false, false, false],
  ['assignedClinician', true, false, true],
  ['otherClinician', false, false, false],
  ['foreignClinician', false, false, false],
  ['manager', false, false, false],
  ['foreignManager', false, false, false],
] as const)('%s', (name, read, log, manage) => {
  const viewer = viewers[name]!;
  it(`read=${read}`, () => expect(canReadEpisode(viewer, episode)).toBe(read));
  it(`log=${log}`, () => expect(canLogForEpisode(viewer, episode)).toBe(log));
  it(`manage=${manage}`, () => expect(canManageEpisode(viewer, episode)).toBe(manage));
});

describe('discharged episodes', () => {
  it('stay readable but no longer take diary entries', () => {
    const discharged = { ...episode, status: 'discharged' as const };
    expect(canReadEpisode(viewers.ownPatient!, discharged)).toBe(true);
    expect(canLogForEpisode(viewers.ownPatient!, discharged)).toBe(false);
  });
});

describe('canManageClinic: the one rule for a manager\'s access', () => {
  it.each([
    // viewer,              clinic,     allowed
    ['manager', CLINIC, true],
    ['manager', 'clinic-b', false],
    ['foreignManager', CLINIC, false],
    ['foreignManager', 'clinic-b', true],
    ['assignedClinician', CLINIC, false],
    ['foreignClinician', 'clinic-b', false],
    ['ownPatient', CLINIC, false],
  ] as const)('%s on %s: %s', (name, clinicId, allowed) => expect(canManageClinic(viewers[name]!, clinicId)).toBe(allowed));
});

describe('an episode whose clinician is away', () => {
  const covered: EpisodeFacts = { ...episode, coverClinicianId: 'cli-2' };
  it.each([
    // viewer,            read and manage
    ['assignedClinician', true],
    ['otherClinician', true],
    ['foreignClinician', false],
    ['manager', false],
    ['otherPatient', false],
  ] as const)('%s: %s', (name, allowed) => {
    expect(canReadEpisode(viewers[name]!, covered)).toBe(allowed);
    expect(canManageEpisode(viewers[name]!, covered)).toBe(allowed);
  });

  it('gives a cover of another clinic nothing', () => {
    const elsewhere: EpisodeFacts = { ...episode, coverClinicianId: 'cli-1' };
    expect(canReadEpisode(viewers.foreignClinician!, elsewhere)).toBe(false);
  });
});

describe('isActingSafetyLead', () => {
  const clinic = { clinicId: CLINIC, safetyLeadId: 'cli-1', leadCoverId: null };
  it.each([
    ['assignedClinician', true],
    ['otherClinician', false],
    ['foreignClinician', false],
    ['manager', false],
    ['ownPatient', false],
  ] as const)('%s: %s', (name, allowed) => expect(isActingSafetyLead(viewers[name]!, clinic)).toBe(allowed));

  it('passes to the lead’s cover while the lead is away, and to nobody without a lead', () => {
    expect(isActingSafetyLead(viewers.otherClinician!, { ...clinic, leadCoverId: 'cli-2' })).toBe(true);
    expect(isActingSafetyLead(viewers.assignedClinician!, { ...clinic, safetyLeadId: null })).toBe(false);
    expect(isActingSafetyLead(viewers.foreignClinician!, { ...clinic, leadCoverId: 'cli-1' })).toBe(false);
  });
});

describe('canSetAway', () => {
  const clinician = { id: 'cli-1', clinicId: CLINIC };
  it.each([
    ['assignedClinician', true],
    ['otherClinician', false],
    ['foreignClinician', false],
    ['manager', true],
    ['foreignManager', false],
    ['ownPatient', false],
  ] as const)('%s: %s', (name, allowed) => expect(canSetAway(viewers[name]!, clinician)).toBe(allowed));
});
