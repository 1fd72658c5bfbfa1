/**
 * Uplift's records as FHIR R4 resources. Pure functions of the rows in ./source; ids are the database ids
 * (prefixed where one row gives more than one resource), so the same record always gets the same id and a
 * receiving system can recognise a second export as an update.
 *
 * Codes come from lib/clinical/codes.ts. A code whose `verified` flag is false (ODI's LOINC codes) is
 * marked on the Coding itself with `userSelected: false` and in the display text, so nobody downstream
 * mistakes it for a checked mapping; see docs/FHIR.md.
 */
import type {
  CarePlan,
  CarePlanActivity,
  CodeableConcept,
  Coding as FhirCoding,
  Condition,
  EpisodeOfCare,
  Extension,
  Flag,
  Goal,
  Observation,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  QuestionnaireResponse,
  Reference,
  RiskAssessment,
  Timing,
} from '@medplum/fhirtypes';
import { CODES, LOCAL_CODE_SYSTEM, measureCoding, OBSERVATION_CATEGORY_SYSTEM, UCUM_SYSTEM, UNITS, type Coding } from '@/lib/clinical/codes';
import { formatDosage } from '@/lib/clinical/dosage';
import { RED_FLAG_QUESTIONS } from '@/lib/clinical/red-flags';
import { isMeasureCode, ROM_MEASURES } from '@/lib/clinical/rom';
import { questionnaireResource, questionnaireId, responseItems, INSTRUMENT_SLUGS, INSTRUMENT_TITLES } from './questionnaires';
import type {
  ClinicSource,
  EpisodeSource,
  GoalSource,
  Instrument,
  MeasurementSource,
  PainSource,
  PersonSource,
  PlanSource,
  RedFlagSource,
  ResponseSource,
} from './source';
import { EXERCISE_DOSAGE_EXTENSION, IDENTIFIER_SYSTEMS, questionnaireUrl } from './urls';

export { questionnaireResource };

export const ids = {
  practitionerRole: (clinicianId: string) => `role-${clinicianId}`,
  condition: (episodeId: string) => `condition-${episodeId}`,
  scoreObservation: (responseId: string) => `score-${responseId}`,
  riskAssessment: (responseId: string) => `risk-${responseId}`,
} as const;

// Reference<never> fits every typed reference slot: the target type is in the reference string.
const ref = (resourceType: string, id: string, display?: string): Reference<never> => ({ reference: `${resourceType}/${id}`, ...(display ? { display } : {}) });
const patientRef = (episode: EpisodeSource) => ref('Patient', episode.patientId);
const episodeRef = (episode: EpisodeSource) => ref('EpisodeOfCare', episode.id);
const iso = (at: Date) => at.toISOString();

/** A Coding from the code tables; an unverified code says so where a person reading the resource will see it. */
function coding(code: Coding): FhirCoding {
  return code.verified
    ? { system: code.system, code: code.code, display: code.display }
    : { system: code.system, code: code.code, display: `${code.display} (code not verified)`, userSelected: false };
}

const concept = (code: Coding, text?: string): CodeableConcept => ({ coding: [coding(code)], text: text ?? code.display });

const category = (code: 'survey' | 'exam'): CodeableConcept[] => [
  { coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code, display: code === 'survey' ? 'Survey' : 'Exam' }] },
];

const quantity = (value: number, unit: string) => ({ value, unit, system: UCUM_SYSTEM, code: unit });

export function organizationResource(clinic: ClinicSource): Organization {
  const telecom = [
    ...(clinic.contactPhone ? [{ system: 'phone' as const, value: clinic.contactPhone, use: 'work' as const }] : []),
    ...(clinic.contactEmail ? [{ system: 'email' as const, value: clinic.contactEmail, use: 'work' as const }] : []),
  ];
  return {
    resourceType: 'Organization',
    id: clinic.id,
    identifier: [{ system: IDENTIFIER_SYSTEMS.organization, value: clinic.id }],
    active: true,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov', display: 'Healthcare Provider' }] }],
    name: clinic.name,
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(clinic.contactAddress ? { address: [{ use: 'work', text: clinic.contactAddress }] } : {}),
  };
}

/** What a Patient and a Practitioner say alike about a person; staff email addresses are marked as work ones. */
function personFields(person: PersonSource, emailUse?: 'work') {
  return {
    id: person.id,
    identifier: [{ system: IDENTIFIER_SYSTEMS.person, value: person.id }],
    active: person.active,
    // One field for the whole name: Uplift does not split names, and guessing family and given names is wrong for many.
    name: [{ use: 'usual' as const, text: person.name }],
    telecom: [{ system: 'email' as const, value: person.email, ...(emailUse ? { use: emailUse } : {}) }],
  };
}

export function patientResource(person: PersonSource): Patient {
  return {
    resourceType: 'Patient',
    ...personFields(person),
    ...(person.dateOfBirth ? { birthDate: person.dateOfBirth } : {}),
    managingOrganization: ref('Organization', person.clinicId),
  };
}

export function practitionerResource(person: PersonSource): Practitioner {
  return { resourceType: 'Practitioner', ...personFields(person, 'work') };
}

export function practitionerRoleResource(person: PersonSource): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: ids.practitionerRole(person.id),
    active: person.active,
    practitioner: ref('Practitioner', person.id, person.name),
    organization: ref('Organization', person.clinicId),
    // Text only: no role code among those docs/CLINICAL.md lists for Uplift ("Codes for interoperability") has been verified.
    code: [{ text: person.role === 'manager' ? 'Clinic manager' : 'Physiotherapist' }],
  };
}

export function episodeOfCareResource(episode: EpisodeSource): EpisodeOfCare {
  return {
    resourceType: 'EpisodeOfCare',
    id: episode.id,
    identifier: [{ system: IDENTIFIER_SYSTEMS.episode, value: episode.id }],
    status: episode.status === 'active' ? 'active' : 'finished',
    type: [{ text: 'Physiotherapy for low back pain' }],
    diagnosis: [{ condition: ref('Condition', ids.condition(episode.id)), rank: 1 }],
    patient: patientRef(episode),
    managingOrganization: ref('Organization', episode.clinicId),
    period: { start: iso(episode.startedAt), ...(episode.dischargedAt ? { end: iso(episode.dischargedAt) } : {}) },
    careManager: ref('Practitioner', episode.clinicianId),
  };
}

export function conditionResource(episode: EpisodeSource): Condition {
  return {
    resourceType: 'Condition',
    id: ids.condition(episode.id),
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: episode.status === 'active' ? 'active' : 'inactive' }],
    },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item', display: 'Problem List Item' }] }],
    // The clinic's own wording stays in the text; the SNOMED code is the low back pain every episode treats.
    code: concept(CODES.lowBackPain, episode.condition),
    bodySite: [concept(CODES.lumbarSpine)],
    subject: patientRef(episode),
    recordedDate: iso(episode.startedAt),
    recorder: ref('Practitioner', episode.clinicianId),
    ...(episode.dischargedAt ? { abatementDateTime: iso(episode.dischargedAt) } : {}),
  };
}

/** How often, as FHIR Timing: times a day when daily, else sessions a week. */
function timing(item: PlanSource['items'][number]): Timing {
  const repeat: NonNullable<Timing['repeat']> =
    item.daysPerWeek === 7 ? { frequency: item.timesPerDay, period: 1, periodUnit: 'd' } : { frequency: item.timesPerDay * item.daysPerWeek, period: 1, periodUnit: 'wk' };
  if (item.durationMinutes !== null) Object.assign(repeat, { duration: item.durationMinutes, durationUnit: 'min' });
  return { repeat };
}

function dosageExtension(item: PlanSource['items'][number]): Extension {
  const parts: Extension[] = [];
  if (item.sets !== null) parts.push({ url: 'sets', valueInteger: item.sets });
  if (item.reps !== null) parts.push({ url: 'repetitions', valueInteger: item.reps });
  if (item.holdSeconds !== null) parts.push({ url: 'hold', valueQuantity: quantity(item.holdSeconds, 's') });
  parts.push({ url: 'each-side', valueBoolean: item.perSide });
  return { url: EXERCISE_DOSAGE_EXTENSION, extension: parts };
}

export function carePlanResource(episode: EpisodeSource, plan: PlanSource, goalIds: string[]): CarePlan {
  const running = episode.status === 'active';
  const activity: CarePlanActivity[] = plan.items.map((item) => ({
    detail: {
      extension: [dosageExtension(item)],
      code: { text: item.exerciseName },
      status: running ? 'in-progress' : 'completed',
      scheduledTiming: timing(item),
      description: [formatDosage(item), item.instructionsNote, `Safety: ${item.safetyNote}`].filter(Boolean).join('. '),
    },
  }));
  return {
    resourceType: 'CarePlan',
    id: plan.id,
    status: running ? 'active' : 'completed',
    intent: 'plan',
    category: [{ text: 'Home exercise programme' }],
    title: `Exercise plan, version ${plan.version}`,
    ...(plan.note ? { description: plan.note } : {}),
    subject: patientRef(episode),
    period: { start: iso(plan.createdAt), ...(episode.dischargedAt ? { end: iso(episode.dischargedAt) } : {}) },
    created: iso(plan.createdAt),
    author: ref('Practitioner', plan.createdBy),
    addresses: [ref('Condition', ids.condition(episode.id))],
    ...(goalIds.length > 0 ? { goal: goalIds.map((id) => ref('Goal', id)) } : {}),
    ...(activity.length > 0 ? { activity } : {}),
  };
}

const GOAL_LIFECYCLE = { active: 'active', achieved: 'completed', 'not-achieved': 'completed', cancelled: 'cancelled' } as const;
const GOAL_ACHIEVEMENT = {
  active: { code: 'in-progress', display: 'In Progress' },
  achieved: { code: 'achieved', display: 'Achieved' },
  'not-achieved': { code: 'not-achieved', display: 'Not Achieved' },
  cancelled: null,
} as const;

function goalMeasure(code: string): CodeableConcept {
  if (isMeasureCode(code)) return concept(measureCoding(code));
  if (code === 'nprs') return concept(CODES.nprs);
  if (code === 'odi') return concept(CODES.odiScore);
  return { text: code };
}

export function goalResource(episode: EpisodeSource, goal: GoalSource): Goal {
  const achievement = GOAL_ACHIEVEMENT[goal.status];
  const unit = goal.measureCode && isMeasureCode(goal.measureCode) ? ROM_MEASURES[goal.measureCode].unit : goal.measureCode === 'odi' ? UNITS.percent : UNITS.score;
  const target = {
    ...(goal.measureCode ? { measure: goalMeasure(goal.measureCode) } : {}),
    ...(goal.targetValue !== null ? { detailQuantity: quantity(goal.targetValue, unit) } : {}),
    ...(goal.targetDate ? { dueDate: goal.targetDate } : {}),
  };
  return {
    resourceType: 'Goal',
    id: goal.id,
    lifecycleStatus: GOAL_LIFECYCLE[goal.status],
    ...(achievement ? { achievementStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', ...achievement }] } } : {}),
    description: { text: goal.description },
    subject: patientRef(episode),
    startDate: iso(goal.createdAt).slice(0, 10),
    ...(Object.keys(target).length > 0 ? { target: [target] } : {}),
    expressedBy: ref('Practitioner', goal.createdBy),
    addresses: [ref('Condition', ids.condition(episode.id))],
  };
}

/** NPRS from the pain diary: LOINC 72514-3, category survey, reported by the patient. */
export function painObservation(episode: EpisodeSource, pain: PainSource): Observation {
  const notes = [
    pain.worst24h !== null ? `Worst in the last 24 hours: ${pain.worst24h} out of 10.` : null,
    pain.locations.length > 0 ? `Where: ${pain.locations.join(', ')}.` : null,
    pain.belowKnee ? 'Pain or pins and needles below the knee.' : null,
    pain.note,
  ].filter((text): text is string => Boolean(text));
  return {
    resourceType: 'Observation',
    id: pain.id,
    status: 'final',
    category: category('survey'),
    code: concept(CODES.nprs),
    subject: patientRef(episode),
    effectiveDateTime: iso(pain.recordedAt),
    issued: iso(pain.recordedAt),
    performer: [patientRef(episode)],
    valueQuantity: quantity(pain.score, UNITS.score),
    ...(notes.length > 0 ? { note: notes.map((text) => ({ text })) } : {}),
    focus: [episodeRef(episode)],
  };
}

/** Range of motion measured by the clinician: category exam, coded in Uplift's own code system. */
export function measurementObservation(episode: EpisodeSource, measurement: MeasurementSource): Observation {
  const code = isMeasureCode(measurement.code)
    ? concept(measureCoding(measurement.code))
    : { coding: [{ system: LOCAL_CODE_SYSTEM, code: measurement.code }], text: measurement.code };
  return {
    resourceType: 'Observation',
    id: measurement.id,
    // A correction of an earlier measurement is "amended": the corrected value replaces the one a receiver may hold.
    status: measurement.supersedesId ? 'amended' : 'final',
    category: category('exam'),
    code,
    subject: patientRef(episode),
    effectiveDateTime: iso(measurement.measuredAt),
    performer: [ref('Practitioner', measurement.clinicianId)],
    valueQuantity: quantity(measurement.value, measurement.unit),
    ...(measurement.method ? { method: { text: measurement.method } } : {}),
    bodySite: concept(CODES.lumbarSpine),
    focus: [episodeRef(episode)],
  };
}

const SCORE_CODES: Readonly<Record<Instrument, Coding>> = {
  ODI: CODES.odiScore,
  STARTBACK: CODES.startBackTotal,
  PSFS: CODES.psfsScore,
  RMDQ: CODES.rmdqScore,
};

/** The questionnaire's total as a survey Observation derived from the response. */
export function scoreObservation(episode: EpisodeSource, response: ResponseSource): Observation | null {
  if (response.score === null) return null;
  const interpretation = response.band ? [{ text: response.band }] : undefined;
  return {
    resourceType: 'Observation',
    id: ids.scoreObservation(response.id),
    status: 'final',
    category: category('survey'),
    code: concept(SCORE_CODES[response.instrument], `${INSTRUMENT_TITLES[response.instrument]} score`),
    subject: patientRef(episode),
    effectiveDateTime: iso(response.completedAt),
    performer: [patientRef(episode)],
    valueQuantity: quantity(response.score, response.instrument === 'ODI' ? UNITS.percent : UNITS.score),
    ...(interpretation ? { interpretation } : {}),
    derivedFrom: [ref('QuestionnaireResponse', response.id)],
    focus: [episodeRef(episode)],
  };
}

export function questionnaireResponseResource(episode: EpisodeSource, response: ResponseSource): QuestionnaireResponse {
  const item = responseItems(response.instrument, response.answers);
  return {
    resourceType: 'QuestionnaireResponse',
    id: response.id,
    questionnaire: questionnaireUrl(INSTRUMENT_SLUGS[response.instrument]),
    status: 'completed',
    subject: patientRef(episode),
    authored: iso(response.completedAt),
    author: patientRef(episode),
    source: patientRef(episode),
    ...(item.length > 0 ? { item } : {}),
  };
}

const RISK_PROBABILITY = { low: 'low', medium: 'moderate', high: 'high' } as const;

/** STarT Back's band as a RiskAssessment of a poor outcome, based on the response. */
export function riskAssessmentResource(episode: EpisodeSource, response: ResponseSource): RiskAssessment | null {
  if (response.instrument !== 'STARTBACK' || !response.band || !(response.band in RISK_PROBABILITY)) return null;
  const band = response.band as keyof typeof RISK_PROBABILITY;
  return {
    resourceType: 'RiskAssessment',
    id: ids.riskAssessment(response.id),
    status: 'final',
    method: { text: INSTRUMENT_TITLES.STARTBACK },
    code: concept(CODES.startBackTotal, 'STarT Back risk of a poor outcome'),
    subject: patientRef(episode),
    occurrenceDateTime: iso(response.completedAt),
    basis: [ref('QuestionnaireResponse', response.id), ref('Observation', ids.scoreObservation(response.id))],
    prediction: [
      {
        outcome: { text: 'Persistent disabling back pain' },
        qualitativeRisk: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/risk-probability', code: RISK_PROBABILITY[band] }],
          text: `${band} risk`,
        },
      },
    ],
  };
}

const FINDINGS = new Map(RED_FLAG_QUESTIONS.map((question) => [question.key, question.finding]));

/** A red flag the patient reported, for the whole record to see; active until a clinician acknowledges it. */
export function flagResource(episode: EpisodeSource, redFlag: RedFlagSource): Flag {
  const findings = redFlag.positives.map((key) => FINDINGS.get(key) ?? key);
  return {
    resourceType: 'Flag',
    id: redFlag.id,
    status: redFlag.acknowledgedAt ? 'inactive' : 'active',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'clinical', display: 'Clinical' }] }],
    code: { text: findings.length > 0 ? `Red flag: ${findings.join('; ')}` : redFlag.message },
    subject: patientRef(episode),
    period: { start: iso(redFlag.raisedAt), ...(redFlag.acknowledgedAt ? { end: iso(redFlag.acknowledgedAt) } : {}) },
  };
}

export { questionnaireId };
