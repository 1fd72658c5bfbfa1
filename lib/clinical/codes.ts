import { NPRS_LOINC } from './nprs';
import { LOCAL_CODE_SYSTEM, type MeasureCode, ROM_MEASURES } from './rom';
import { STARTBACK_LOINC } from './startback';

export { LOCAL_CODE_SYSTEM } from './rom';

export const LOINC_SYSTEM = 'http://loinc.org';
export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';

/**
 * `verified: false` marks a code seen only in HL7 sample guides, not confirmed against the LOINC release:
 * do not send it to another system until a terminologist has checked it.
 */
export type Coding = { system: string; code: string; display: string; verified: boolean };

export const CODES = {
  nprs: {
    system: LOINC_SYSTEM,
    code: NPRS_LOINC,
    display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
    verified: true,
  },
  startBackTotal: {
    system: LOINC_SYSTEM,
    code: STARTBACK_LOINC,
    display: 'Keele STarT Back Screening Tool total score',
    verified: true,
  },
  odiPanel: {
    system: LOINC_SYSTEM,
    code: '97908-8',
    display: 'Oswestry Disability Index panel',
    verified: false,
  },
  odiScore: {
    system: LOINC_SYSTEM,
    code: '97909-6',
    display: 'Oswestry Disability Index score',
    verified: false,
  },
  lowBackPain: { system: SNOMED_SYSTEM, code: '279039007', display: 'Low back pain', verified: true },
  lumbarSpine: { system: SNOMED_SYSTEM, code: '122496007', display: 'Lumbar spine structure', verified: true },
  rmdqScore: {
    system: LOCAL_CODE_SYSTEM,
    code: 'rmdq-score',
    display: 'Roland-Morris Disability Questionnaire score',
    verified: true,
  },
  psfsScore: {
    system: LOCAL_CODE_SYSTEM,
    code: 'psfs-score',
    display: 'Patient-Specific Functional Scale mean score',
    verified: true,
  },
} as const satisfies Record<string, Coding>;

/** Lumbar ROM has no standard LOINC codes (docs/CLINICAL.md, Codes for interoperability), so each measure is coded in the local system. */
export function measureCoding(code: MeasureCode): Coding {
  return { system: LOCAL_CODE_SYSTEM, code: `${code}-rom`, display: ROM_MEASURES[code].clinicalLabel, verified: true };
}

/** UCUM units used on Observations. */
export const UNITS = {
  score: '{score}',
  percent: '%',
  degrees: 'deg',
  centimetres: 'cm',
} as const;
