import { describe, expect, it } from 'vitest';
import { CODES, LOCAL_CODE_SYSTEM, LOINC_SYSTEM, measureCoding, SNOMED_SYSTEM, UNITS } from './codes';
import { NPRS_LOINC } from './nprs';
import { MEASURE_CODES } from './rom';
import { STARTBACK_LOINC } from './startback';

describe('CODES', () => {
  it('carries the verified LOINC codes', () => {
    expect(CODES.nprs).toMatchObject({ system: LOINC_SYSTEM, code: '72514-3', verified: true });
    expect(CODES.startBackTotal).toMatchObject({ system: LOINC_SYSTEM, code: '91351-7', verified: true });
  });

  it('marks the ODI codes as unverified', () => {
    expect(CODES.odiPanel).toMatchObject({ system: LOINC_SYSTEM, code: '97908-8', verified: false });
    expect(CODES.odiScore).toMatchObject({ system: LOINC_SYSTEM, code: '97909-6', verified: false });
  });

  it('carries the SNOMED CT condition and body site', () => {
    expect(CODES.lowBackPain).toEqual({
      system: SNOMED_SYSTEM,
      code: '279039007',
      display: 'Low back pain',
      verified: true,
    });
    expect(CODES.lumbarSpine).toEqual({
      system: SNOMED_SYSTEM,
      code: '122496007',
      display: 'Lumbar spine structure',
      verified: true,
    });
  });

  it('agrees with the constants in the instrument modules', () => {
    expect(CODES.nprs.code).toBe(NPRS_LOINC);
    expect(CODES.startBackTotal.code).toBe(STARTBACK_LOINC);
  });

  it('codes RMDQ and PSFS in the local system', () => {
    expect(CODES.rmdqScore.system).toBe(LOCAL_CODE_SYSTEM);
    expect(CODES.psfsScore.system).toBe(LOCAL_CODE_SYSTEM);
    expect(LOCAL_CODE_SYSTEM).toBe('https://uplift.example/fhir/CodeSystem/measures');
  });

  it('uses the standard system URLs and UCUM units', () => {
    expect(LOINC_SYSTEM).toBe('http://loinc.org');
    expect(SNOMED_SYSTEM).toBe('http://snomed.info/sct');
    expect(UNITS).toEqual({ score: '{score}', percent: '%', degrees: 'deg', centimetres: 'cm' });
  });
});

describe('measureCoding', () => {
  it('codes lumbar flexion as lumbar-flexion-rom in the local system', () => {
    expect(measureCoding('lumbar-flexion')).toEqual({
      system: LOCAL_CODE_SYSTEM,
      code: 'lumbar-flexion-rom',
      display: 'Lumbar flexion',
      verified: true,
    });
  });

  it('gives every measure a distinct code', () => {
    const codes = MEASURE_CODES.map((code) => measureCoding(code).code);
    expect(new Set(codes).size).toBe(MEASURE_CODES.length);
  });
});
