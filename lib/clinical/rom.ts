/**
 * Lumbar range-of-motion measures. Limits follow docs/CLINICAL.md, "Objective measures": typical values from the AMA Guides
 * (inclinometer); norms fall with age (Troke et al., Man Ther 2005), so `normal` is a reference to
 * show beside a value, never a target.
 */

/** No standard LOINC codes exist for lumbar ROM, RMDQ or PSFS; these codes live under Uplift's own URL. */
export const LOCAL_CODE_SYSTEM = 'https://uplift.example/fhir/CodeSystem/measures';

export type MeasureCode =
  | 'lumbar-flexion'
  | 'lumbar-extension'
  | 'lumbar-lateral-flexion-left'
  | 'lumbar-lateral-flexion-right'
  | 'lumbar-rotation-left'
  | 'lumbar-rotation-right'
  | 'modified-schober'
  | 'fingertip-to-floor';

export type MeasureUnit = 'deg' | 'cm';

export type RomMeasure = {
  code: MeasureCode;
  /** Plain words for patients. */
  label: string;
  clinicalLabel: string;
  /** Start of a sentence in messages to the clinician ("Flexion must be …"). */
  shortLabel: string;
  unit: MeasureUnit;
  side: 'left' | 'right' | null;
  min: number;
  max: number;
  warnAbove: number | null;
  normal: number | null;
  normalText: string;
  lowerIsBetter: boolean;
};

/** Modified Schober: 15 cm is marked on the standing patient; the flexed length is what gets stored. */
export const SCHOBER_MARKED_LENGTH_CM = 15;
/** An excursion (flexed − 15 cm) of at least 5 cm is normal. */
export const SCHOBER_NORMAL_EXCURSION_CM = 5;

const AGE_NOTE = 'Range falls with age; a reference, not a target.';

/** Bending backward and bending sideways share their range, warning limit and typical value. */
const BACKWARD_OR_SIDEWAYS = {
  unit: 'deg',
  min: 0,
  max: 60,
  warnAbove: 45,
  normal: 25,
  normalText: `Typically about 25°. ${AGE_NOTE}`,
  lowerIsBetter: false,
} as const;

/** A movement made to either side: its words without the side, and the limits both sides share. */
type SidedMovement = Omit<RomMeasure, 'code' | 'side'>;

const BENDING_SIDEWAYS: SidedMovement = {
  label: 'Bending sideways',
  clinicalLabel: 'Lumbar lateral flexion',
  shortLabel: 'lateral flexion',
  ...BACKWARD_OR_SIDEWAYS,
};

const TURNING: SidedMovement = {
  label: 'Turning',
  clinicalLabel: 'Lumbar rotation',
  shortLabel: 'rotation',
  unit: 'deg',
  min: 0,
  max: 60,
  warnAbove: 30,
  normal: null,
  normalText: 'The lumbar spine rotates only a little; most turning comes from the hips and upper back.',
  lowerIsBetter: false,
};

/** One side of a movement: "Bending sideways to the left", "Lumbar lateral flexion (left)", "Left lateral flexion". */
function toSide(code: MeasureCode, side: 'left' | 'right', movement: SidedMovement): RomMeasure {
  return {
    ...movement,
    code,
    label: `${movement.label} to the ${side}`,
    clinicalLabel: `${movement.clinicalLabel} (${side})`,
    shortLabel: `${side === 'left' ? 'Left' : 'Right'} ${movement.shortLabel}`,
    side,
  };
}

export const ROM_MEASURES: Readonly<Record<MeasureCode, RomMeasure>> = {
  'lumbar-flexion': {
    code: 'lumbar-flexion',
    label: 'Bending forward',
    clinicalLabel: 'Lumbar flexion',
    shortLabel: 'Flexion',
    unit: 'deg',
    side: null,
    min: 0,
    max: 120,
    warnAbove: 90,
    normal: 60,
    normalText: `Typically about 60°. ${AGE_NOTE}`,
    lowerIsBetter: false,
  },
  'lumbar-extension': {
    code: 'lumbar-extension',
    label: 'Bending backward',
    clinicalLabel: 'Lumbar extension',
    shortLabel: 'Extension',
    side: null,
    ...BACKWARD_OR_SIDEWAYS,
  },
  'lumbar-lateral-flexion-left': toSide('lumbar-lateral-flexion-left', 'left', BENDING_SIDEWAYS),
  'lumbar-lateral-flexion-right': toSide('lumbar-lateral-flexion-right', 'right', BENDING_SIDEWAYS),
  'lumbar-rotation-left': toSide('lumbar-rotation-left', 'left', TURNING),
  'lumbar-rotation-right': toSide('lumbar-rotation-right', 'right', TURNING),
  'modified-schober': {
    code: 'modified-schober',
    label: 'How much your lower back stretches when bending forward',
    clinicalLabel: 'Modified Schober test',
    shortLabel: 'Modified Schober length',
    unit: 'cm',
    side: null,
    min: 10,
    max: 30,
    warnAbove: null,
    normal: SCHOBER_MARKED_LENGTH_CM + SCHOBER_NORMAL_EXCURSION_CM,
    normalText:
      'The 15 cm marked on the lower back typically stretches by 5 cm or more (to 20 cm or more) when bending ' +
      `forward; less than 5 cm is reduced. ${AGE_NOTE}`,
    lowerIsBetter: false,
  },
  'fingertip-to-floor': {
    code: 'fingertip-to-floor',
    label: 'How close your fingertips reach to the floor',
    clinicalLabel: 'Fingertip-to-floor distance',
    shortLabel: 'Fingertip-to-floor distance',
    unit: 'cm',
    side: null,
    min: -30,
    max: 70,
    warnAbove: null,
    normal: null,
    normalText:
      'Smaller is better: it is the gap left between the fingertips and the floor when bending forward. 0 cm ' +
      'means the fingertips touch the floor; a negative value means they reach past floor level (standing on a step).',
    lowerIsBetter: true,
  },
};

export const MEASURE_CODES = Object.keys(ROM_MEASURES) as MeasureCode[];

export const ROM_METHODS = ['dual-inclinometer', 'single-inclinometer', 'goniometer', 'visual-estimate'] as const;
export type RomMethod = (typeof ROM_METHODS)[number];

export const ROM_METHOD_LABELS: Readonly<Record<RomMethod, string>> = {
  'dual-inclinometer': 'Dual inclinometer',
  'single-inclinometer': 'Single inclinometer',
  goniometer: 'Goniometer',
  'visual-estimate': 'Visual estimate',
};

export function isMeasureCode(value: unknown): value is MeasureCode {
  return typeof value === 'string' && Object.hasOwn(ROM_MEASURES, value);
}

/** "60°", "−5 cm": a true minus sign so screen readers say "minus". */
export function formatMeasurement(value: number, unit: MeasureUnit): string {
  const number = value < 0 ? `−${Math.abs(value)}` : `${value}`;
  return unit === 'deg' ? `${number}°` : `${number} cm`;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

export type MeasurementCheck = { ok: true; warning: string | null } | { ok: false; error: string };

/** Values outside the accepted range are refused; values above the warning limit are kept but queried. */
export function checkMeasurement(code: MeasureCode, value: number): MeasurementCheck {
  // Codes arrive from forms: an unknown one is refused, not a crash.
  const measure = isMeasureCode(code) ? ROM_MEASURES[code] : undefined;
  if (!measure) return { ok: false, error: 'Unknown measurement.' };
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { ok: false, error: `${measure.shortLabel} must be a number.` };
  }
  const format = (limit: number): string => formatMeasurement(limit, measure.unit);
  if (value < measure.min || value > measure.max) {
    return {
      ok: false,
      error: `${measure.shortLabel} must be between ${format(measure.min)} and ${format(measure.max)}.`,
    };
  }
  if (measure.warnAbove !== null && value > measure.warnAbove) {
    const measureName = lowerFirst(measure.clinicalLabel);
    return {
      ok: true,
      warning: `Above ${format(measure.warnAbove)} is unusual for ${measureName} — please double-check.`,
    };
  }
  return { ok: true, warning: null };
}

/** Excursion of the modified Schober test; rounded to 0.1 mm so 20.3 cm gives 5.3, not 5.300000000000001. */
export function schoberExcursion(flexedLengthCm: number): number {
  return Math.round((flexedLengthCm - SCHOBER_MARKED_LENGTH_CM) * 100) / 100;
}

export function isSchoberNormal(flexedLengthCm: number): boolean {
  return schoberExcursion(flexedLengthCm) >= SCHOBER_NORMAL_EXCURSION_CM;
}

/** The judgement of a modified Schober measurement (docs/CLINICAL.md, Objective measures). */
export type SchoberJudgement = { excursionCm: number; reduced: boolean; text: string };

/** Excursion = flexed length − 15 cm; under 5 cm is reduced. */
export function judgeSchober(flexedLengthCm: number): SchoberJudgement {
  if (!Number.isFinite(flexedLengthCm)) throw new RangeError('The flexed length must be a number of centimetres.');
  const excursionCm = schoberExcursion(flexedLengthCm);
  const reduced = excursionCm < SCHOBER_NORMAL_EXCURSION_CM;
  const shown = formatMeasurement(excursionCm, 'cm');
  return {
    excursionCm,
    reduced,
    text: reduced
      ? `Excursion ${shown}: reduced (under ${SCHOBER_NORMAL_EXCURSION_CM} cm).`
      : `Excursion ${shown}: normal (${SCHOBER_NORMAL_EXCURSION_CM} cm or more).`,
  };
}

/**
 * A reference band for a measure at an age: where published norms give typical values for asymptomatic
 * adults, shown on charts as a shaded area beside the patient's values, never as a target. `high: null` is
 * an open band (anything above `low`). A band covers the ages its source studied (`fromAge`–`toAge`, both
 * inclusive; null: no limit). `allAdults` marks the band that spans the source's whole adult sample: it is the
 * one shown when the patient's age is unknown, and the fallback for an age no narrower band covers.
 */
export type RomReferenceBand = {
  fromAge: number | null;
  toAge: number | null;
  allAdults: boolean;
  low: number;
  high: number | null;
  /** Which band it is, in words ("Typical range for adults aged 16–90"), for the chart's summary. */
  label: string;
  /** The same in a few words ("Adults 16–90"), written inside the shaded area where space is short. */
  shortLabel: string;
  source: string;
};

const TROKE =
  'Troke et al., Man Ther 2005;10:198–206 (the same cohort as Clin Rehabil 2001;15:371–379): the overall range ' +
  'of 405 asymptomatic adults aged 16–90 falls with age; the band runs from the oldest to the youngest';

const troke = (low: number, high: number): RomReferenceBand => ({
  fromAge: 16,
  toAge: 90,
  allAdults: true,
  low,
  high,
  label: 'Typical range for adults aged 16–90',
  shortLabel: 'Adults 16–90',
  source: TROKE,
});

/**
 * Published norms (docs/CLINICAL.md, "ROM reference bands by age"). Troke's overall figures fall with age
 * from the youngest to the oldest adults; the band spans them. No narrower age band is listed: no per-age figures
 * that fit Uplift's measurement could be read from a source (the doc says which were checked and why each was
 * left out). Lumbar rotation has no band: its median stays about 7° at every age, and the inclinometer range we
 * accept is not what the source measured. Fingertip-to-floor has no band: we know of no adult norm to cite.
 */
export const ROM_REFERENCE: Readonly<Partial<Record<MeasureCode, ReadonlyArray<RomReferenceBand>>>> = {
  'lumbar-flexion': [troke(40, 73)],
  'lumbar-extension': [troke(6, 29)],
  'lumbar-lateral-flexion-left': [troke(14, 28)],
  'lumbar-lateral-flexion-right': [troke(14, 28)],
  'modified-schober': [
    {
      fromAge: null,
      toAge: null,
      allAdults: true,
      low: SCHOBER_MARKED_LENGTH_CM + SCHOBER_NORMAL_EXCURSION_CM,
      high: null,
      label: 'Normal stretch, at any age',
      shortLabel: 'Normal stretch',
      source: 'Macrae & Wright, Ann Rheum Dis 1969 (the method); the 5 cm limit is Uplift policy, as commonly used',
    },
  ],
};

const covers = (band: RomReferenceBand, age: number): boolean =>
  (band.fromAge === null || age >= band.fromAge) && (band.toAge === null || age <= band.toAge);

/**
 * The reference band for `code` at `age` (whole years; null when unknown), or null when none applies: the
 * narrowest band whose ages include `age`; with the age unknown, the band for all adults.
 */
export function romReference(code: MeasureCode, age: number | null): RomReferenceBand | null {
  const bands = ROM_REFERENCE[code] ?? [];
  if (age !== null && (!Number.isInteger(age) || age < 0)) throw new RangeError('Age must be a whole number of years.');
  if (age === null) return bands.find((band) => band.allAdults) ?? null;
  const span = (band: RomReferenceBand) => (band.toAge ?? 200) - (band.fromAge ?? 0);
  return [...bands].filter((band) => covers(band, age)).sort((a, b) => span(a) - span(b))[0] ?? null;
}

/** "40–73°", "20 cm or more": the band in words. */
export function describeReference(band: RomReferenceBand, unit: MeasureUnit): string {
  if (band.high === null) return `${formatMeasurement(band.low, unit)} or more`;
  return unit === 'deg' ? `${band.low}–${band.high}°` : `${band.low}–${band.high} cm`;
}

/** The band a chart shows for a patient, and which band it is in words. */
export type RomReferenceChoice = { band: RomReferenceBand | null; age: number | null; text: string | null };

/**
 * The band for a patient of `age` (docs/CLINICAL.md, "ROM reference bands by age": the age on the day
 * of the latest measurement charted), with a sentence that names it: "Typical range for adults aged 16–90
 * (for age 48): 40–73°." With no band for that age, the sentence says why; with no norm for the measure, null.
 */
export function chooseRomReference(code: MeasureCode, age: number | null): RomReferenceChoice {
  const bands = ROM_REFERENCE[code] ?? [];
  if (bands.length === 0) return { band: null, age, text: null };
  const band = romReference(code, age);
  const unit = ROM_MEASURES[code].unit;
  if (!band) {
    const from = Math.min(...bands.map((candidate) => candidate.fromAge ?? 0));
    const to = Math.max(...bands.map((candidate) => candidate.toAge ?? 200));
    return { band: null, age, text: `No reference band for age ${age}: the published norms cover ages ${from}–${to}.` };
  }
  const whose = band.fromAge === null && band.toAge === null ? '' : age === null ? ' (age not recorded)' : ` (for age ${age})`;
  return { band, age, text: `${band.label}${whose}: ${describeReference(band, unit)}.` };
}
