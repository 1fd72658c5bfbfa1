import { describe, expect, it } from 'vitest';
import {
  chooseRomReference,
  describeReference,
  judgeSchober,
  romReference,
  ROM_REFERENCE,
  checkMeasurement,
  formatMeasurement,
  isMeasureCode,
  isSchoberNormal,
  LOCAL_CODE_SYSTEM,
  MEASURE_CODES,
  type MeasureCode,
  ROM_MEASURES,
  ROM_METHOD_LABELS,
  ROM_METHODS,
  schoberExcursion,
} from './rom';

describe('ROM_MEASURES', () => {
  it('has one entry per code, each keyed by its own code', () => {
    expect(MEASURE_CODES).toEqual([
      'lumbar-flexion',
      'lumbar-extension',
      'lumbar-lateral-flexion-left',
      'lumbar-lateral-flexion-right',
      'lumbar-rotation-left',
      'lumbar-rotation-right',
      'modified-schober',
      'fingertip-to-floor',
    ]);
    for (const code of MEASURE_CODES) expect(ROM_MEASURES[code].code).toBe(code);
  });

  it.each([
    ['lumbar-flexion', 'deg', 0, 120, 90, 60],
    ['lumbar-extension', 'deg', 0, 60, 45, 25],
    ['lumbar-lateral-flexion-left', 'deg', 0, 60, 45, 25],
    ['lumbar-lateral-flexion-right', 'deg', 0, 60, 45, 25],
    ['lumbar-rotation-left', 'deg', 0, 60, 30, null],
    ['lumbar-rotation-right', 'deg', 0, 60, 30, null],
    ['modified-schober', 'cm', 10, 30, null, 20],
    ['fingertip-to-floor', 'cm', -30, 70, null, null],
  ] as const)('%s: %s, accepts %s–%s, warns above %s, normal %s', (code, unit, min, max, warnAbove, normal) => {
    expect(ROM_MEASURES[code]).toMatchObject({ unit, min, max, warnAbove, normal });
  });

  it('marks only fingertip-to-floor as lower-is-better', () => {
    expect(MEASURE_CODES.filter((code) => ROM_MEASURES[code].lowerIsBetter)).toEqual(['fingertip-to-floor']);
  });

  it('keeps sides consistent with codes', () => {
    for (const code of MEASURE_CODES) {
      const expected = code.endsWith('-left') ? 'left' : code.endsWith('-right') ? 'right' : null;
      expect(ROM_MEASURES[code].side).toBe(expected);
    }
  });

  it('uses plain labels for patients and clinical ones for clinicians', () => {
    expect(ROM_MEASURES['lumbar-flexion'].label).toBe('Bending forward');
    expect(ROM_MEASURES['lumbar-flexion'].clinicalLabel).toBe('Lumbar flexion');
    for (const code of MEASURE_CODES) expect(ROM_MEASURES[code].normalText.length).toBeGreaterThan(0);
  });

  it('uses the local code system under the product URL', () => {
    expect(LOCAL_CODE_SYSTEM).toBe('https://uplift.example/fhir/CodeSystem/measures');
  });
});

describe('ROM_METHODS', () => {
  it('lists the four methods with a label each', () => {
    expect(ROM_METHODS).toEqual(['dual-inclinometer', 'single-inclinometer', 'goniometer', 'visual-estimate']);
    expect(Object.keys(ROM_METHOD_LABELS)).toEqual([...ROM_METHODS]);
  });
});

describe('checkMeasurement', () => {
  it('refuses flexion outside 0–120° in plain words', () => {
    expect(checkMeasurement('lumbar-flexion', 121)).toEqual({
      ok: false,
      error: 'Flexion must be between 0° and 120°.',
    });
    expect(checkMeasurement('lumbar-flexion', -1)).toEqual({
      ok: false,
      error: 'Flexion must be between 0° and 120°.',
    });
  });

  it('queries flexion above 90°', () => {
    expect(checkMeasurement('lumbar-flexion', 95)).toEqual({
      ok: true,
      warning: 'Above 90° is unusual for lumbar flexion — please double-check.',
    });
  });

  it.each([
    ['lumbar-flexion', 0],
    ['lumbar-flexion', 60],
    ['lumbar-flexion', 90],
    ['lumbar-extension', 45],
    ['lumbar-rotation-left', 30],
    ['modified-schober', 10],
    ['modified-schober', 30],
    ['fingertip-to-floor', -30],
    ['fingertip-to-floor', 0],
    ['fingertip-to-floor', 70],
    ['fingertip-to-floor', 12.5],
  ] as const)('accepts %s %s without a warning', (code, value) => {
    expect(checkMeasurement(code, value)).toEqual({ ok: true, warning: null });
  });

  it.each([
    ['lumbar-extension', 46],
    ['lumbar-lateral-flexion-left', 45.5],
    ['lumbar-lateral-flexion-right', 60],
    ['lumbar-rotation-left', 31],
    ['lumbar-rotation-right', 60],
  ] as const)('accepts %s %s with a warning', (code, value) => {
    const result = checkMeasurement(code, value);
    expect(result.ok).toBe(true);
    expect(result.ok && result.warning).toMatch(/is unusual for lumbar .* — please double-check\.$/);
  });

  it.each([
    ['lumbar-extension', 61, 'Extension must be between 0° and 60°.'],
    ['lumbar-rotation-right', 61, 'Right rotation must be between 0° and 60°.'],
    ['modified-schober', 9.9, 'Modified Schober length must be between 10 cm and 30 cm.'],
    ['modified-schober', 31, 'Modified Schober length must be between 10 cm and 30 cm.'],
    ['fingertip-to-floor', -31, 'Fingertip-to-floor distance must be between −30 cm and 70 cm.'],
    ['fingertip-to-floor', 71, 'Fingertip-to-floor distance must be between −30 cm and 70 cm.'],
  ] as const)('refuses %s %s', (code, value, error) => {
    expect(checkMeasurement(code, value)).toEqual({ ok: false, error });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (value) => {
    expect(checkMeasurement('lumbar-flexion', value)).toEqual({ ok: false, error: 'Flexion must be a number.' });
  });

  it('refuses an unknown code from untyped input', () => {
    expect(checkMeasurement('cervical-flexion' as MeasureCode, 10)).toEqual({
      ok: false,
      error: 'Unknown measurement.',
    });
    expect(checkMeasurement('toString' as MeasureCode, 10).ok).toBe(false);
  });
});

describe('modified Schober', () => {
  it.each([
    [20, 5, true],
    [20.3, 5.3, true],
    [19.9, 4.9, false],
    [15, 0, false],
    [10, -5, false],
    [24.5, 9.5, true],
  ])('flexed %s cm is an excursion of %s cm (normal: %s)', (flexed, excursion, normal) => {
    expect(schoberExcursion(flexed)).toBe(excursion);
    expect(isSchoberNormal(flexed)).toBe(normal);
  });
});

describe('isMeasureCode and formatMeasurement', () => {
  it('recognises only the eight codes', () => {
    expect(isMeasureCode('lumbar-flexion')).toBe(true);
    expect(isMeasureCode('hasOwnProperty')).toBe(false);
    expect(isMeasureCode(3)).toBe(false);
  });

  it('formats degrees and centimetres', () => {
    expect(formatMeasurement(60, 'deg')).toBe('60°');
    expect(formatMeasurement(-5, 'cm')).toBe('−5 cm');
    expect(formatMeasurement(12.5, 'cm')).toBe('12.5 cm');
  });
});

describe('judgeSchober', () => {
  it.each([
    [20, 5, false, 'Excursion 5 cm: normal (5 cm or more).'],
    [21.5, 6.5, false, 'Excursion 6.5 cm: normal (5 cm or more).'],
    [19.9, 4.9, true, 'Excursion 4.9 cm: reduced (under 5 cm).'],
    [15, 0, true, 'Excursion 0 cm: reduced (under 5 cm).'],
    [12, -3, true, 'Excursion −3 cm: reduced (under 5 cm).'],
  ])('flexed %s cm: excursion %s cm, reduced %s', (flexed, excursion, reduced, text) => {
    expect(judgeSchober(flexed)).toEqual({ excursionCm: excursion, reduced, text });
  });

  it('refuses a value that is not a number', () => {
    expect(() => judgeSchober(Number.NaN)).toThrow(RangeError);
  });
});

describe('romReference', () => {
  it('gives the published adult band for flexion, extension and lateral flexion (Troke 2005)', () => {
    expect(romReference('lumbar-flexion', 45)).toMatchObject({ low: 40, high: 73 });
    expect(romReference('lumbar-extension', 30)).toMatchObject({ low: 6, high: 29 });
    expect(romReference('lumbar-lateral-flexion-left', 70)).toMatchObject({ low: 14, high: 28 });
    expect(romReference('lumbar-lateral-flexion-right', 70)).toMatchObject({ low: 14, high: 28 });
  });

  it('applies the adult band at each edge of its ages (16 and 90, inclusive) and never outside them', () => {
    for (const code of ['lumbar-flexion', 'lumbar-extension', 'lumbar-lateral-flexion-left', 'lumbar-lateral-flexion-right'] as const) {
      expect(romReference(code, 16), `${code} at 16`).toBe(ROM_REFERENCE[code]![0]);
      expect(romReference(code, 90), `${code} at 90`).toBe(ROM_REFERENCE[code]![0]);
      expect(romReference(code, 15), `${code} at 15`).toBeNull();
      expect(romReference(code, 91), `${code} at 91`).toBeNull();
      expect(romReference(code, 0), `${code} at 0`).toBeNull();
    }
  });

  it('gives the band for all adults when the age is unknown', () => {
    expect(romReference('lumbar-flexion', null)).toMatchObject({ allAdults: true, low: 40, high: 73, fromAge: 16, toAge: 90 });
    expect(romReference('lumbar-extension', null)).toMatchObject({ allAdults: true, low: 6, high: 29 });
    expect(romReference('lumbar-lateral-flexion-left', null)).toMatchObject({ allAdults: true, low: 14, high: 28 });
    expect(romReference('lumbar-rotation-left', null)).toBeNull();
  });

  it('lists no age band that is not the all-adults band (no per-age figures could be read; docs/CLINICAL.md says why)', () => {
    for (const code of MEASURE_CODES) expect((ROM_REFERENCE[code] ?? []).every((band) => band.allAdults), code).toBe(true);
  });

  it('gives the modified Schober an open band from 20 cm at any age', () => {
    for (const age of [12, 40, 95, null]) expect(romReference('modified-schober', age)).toMatchObject({ low: 20, high: null });
  });

  it('has no band where no norm is cited: rotation and fingertip-to-floor', () => {
    for (const code of ['lumbar-rotation-left', 'lumbar-rotation-right', 'fingertip-to-floor'] as const) expect(romReference(code, 40)).toBeNull();
  });

  it('names a source for every band, and every band lies inside what the measure accepts', () => {
    for (const code of MEASURE_CODES) {
      for (const band of ROM_REFERENCE[code] ?? []) {
        expect(band.source.length).toBeGreaterThan(10);
        expect(band.low).toBeGreaterThanOrEqual(ROM_MEASURES[code].min);
        expect(band.high ?? band.low).toBeLessThanOrEqual(ROM_MEASURES[code].max);
      }
    }
  });

  it('refuses an impossible age', () => {
    expect(() => romReference('lumbar-flexion', -1)).toThrow(RangeError);
    expect(() => romReference('lumbar-flexion', 40.5)).toThrow(RangeError);
  });

  it('describes a band in words', () => {
    expect(describeReference(romReference('lumbar-flexion', 40)!, 'deg')).toBe('40–73°');
    expect(describeReference(romReference('modified-schober', 40)!, 'cm')).toBe('20 cm or more');
  });
});

describe('chooseRomReference', () => {
  it('names the band and the age it was chosen for', () => {
    expect(chooseRomReference('lumbar-flexion', 48)).toMatchObject({
      band: { low: 40, high: 73 },
      text: 'Typical range for adults aged 16–90 (for age 48): 40–73°.',
    });
    expect(chooseRomReference('lumbar-extension', 90).text).toBe('Typical range for adults aged 16–90 (for age 90): 6–29°.');
  });

  it('says when the age is not recorded, and still shades the band for all adults', () => {
    expect(chooseRomReference('lumbar-flexion', null)).toMatchObject({
      band: { low: 40, high: 73 },
      text: 'Typical range for adults aged 16–90 (age not recorded): 40–73°.',
    });
  });

  it('says why there is no band for an age outside the published norms', () => {
    expect(chooseRomReference('lumbar-flexion', 93)).toEqual({ band: null, age: 93, text: 'No reference band for age 93: the published norms cover ages 16–90.' });
    expect(chooseRomReference('lumbar-lateral-flexion-right', 15).text).toBe('No reference band for age 15: the published norms cover ages 16–90.');
  });

  it('gives the modified Schober band at any age without naming one', () => {
    expect(chooseRomReference('modified-schober', 95).text).toBe('Normal stretch, at any age: 20 cm or more.');
    expect(chooseRomReference('modified-schober', null).text).toBe('Normal stretch, at any age: 20 cm or more.');
  });

  it('says nothing where the measure has no norm', () => {
    expect(chooseRomReference('fingertip-to-floor', 40)).toEqual({ band: null, age: 40, text: null });
    expect(chooseRomReference('lumbar-rotation-right', null)).toEqual({ band: null, age: null, text: null });
  });
});

describe('fingertip-to-floor', () => {
  it('says smaller is better', () => {
    expect(ROM_MEASURES['fingertip-to-floor'].lowerIsBetter).toBe(true);
    expect(ROM_MEASURES['fingertip-to-floor'].normalText).toMatch(/^Smaller is better/);
  });
});
