/**
 * Keele STarT Back Screening Tool © Keele University. Free for clinical use; commercial and digital use
 * needs permission from Keele. The statements below are a plain-language paraphrase of the nine items in
 * Keele form order; a clinic with permission should replace them with the licensed wording.
 */
export const STARTBACK_LICENCE_NOTICE =
  'The Keele STarT Back Screening Tool is copyright Keele University. It is free for clinical use; commercial ' +
  'and digital use needs permission from Keele University. The statements shown are a plain-language ' +
  'paraphrase, not the validated wording.';

/** LOINC for the total score. */
export const STARTBACK_LOINC = '91351-7';

export const BOTHERSOME_OPTIONS = ['Not at all', 'Slightly', 'Moderately', 'Very much', 'Extremely'] as const;
export type Bothersome = (typeof BOTHERSOME_OPTIONS)[number];

export type StartBackRisk = 'low' | 'medium' | 'high';

export type StartBackItem = {
  key: string;
  statement: string;
  response: 'agree' | 'bothersome';
  /** Items 5–9 form the psychosocial subscale. */
  psychosocial: boolean;
};

export const STARTBACK_ITEMS: ReadonlyArray<StartBackItem> = [
  {
    key: 'leg-pain',
    statement: 'In the last 2 weeks, my back pain has spread down one or both legs at some point.',
    response: 'agree',
    psychosocial: false,
  },
  {
    key: 'shoulder-neck-pain',
    statement: 'In the last 2 weeks, I have had pain in my shoulder or neck at some point.',
    response: 'agree',
    psychosocial: false,
  },
  {
    key: 'short-walks',
    statement: 'Because of my back pain, I have only walked short distances.',
    response: 'agree',
    psychosocial: false,
  },
  {
    key: 'dressing-slowly',
    statement: 'In the last 2 weeks, back pain has made me get dressed more slowly than usual.',
    response: 'agree',
    psychosocial: false,
  },
  {
    key: 'not-safe-active',
    statement: 'With a back like mine, it is not really safe for me to be physically active.',
    response: 'agree',
    psychosocial: true,
  },
  {
    key: 'worrying-thoughts',
    statement: 'Worrying thoughts have been going through my mind a lot of the time.',
    response: 'agree',
    psychosocial: true,
  },
  {
    key: 'never-better',
    statement: 'My back pain is terrible and I feel it is never going to get any better.',
    response: 'agree',
    psychosocial: true,
  },
  {
    key: 'not-enjoying',
    statement: 'In general, I have not enjoyed the things I used to enjoy.',
    response: 'agree',
    psychosocial: true,
  },
  {
    key: 'bothersome',
    statement: 'Overall, how much has your back pain bothered you in the last 2 weeks?',
    response: 'bothersome',
    psychosocial: true,
  },
];

export type StartBackResult = { total: number; psychosocial: number; risk: StartBackRisk };

// Keele scoring: only the two strongest answers to item 9 count as a point.
const BOTHERSOME_POINTS: ReadonlySet<Bothersome> = new Set<Bothersome>(['Very much', 'Extremely']);

/**
 * Total = items 1–9 (0–9); psychosocial subscale = items 5–9 (0–5).
 * Risk (Keele): total ≤ 3 → low; otherwise subscale ≥ 4 → high; otherwise medium.
 */
export function scoreStartBack(agree: ReadonlyArray<boolean>, bothersome: Bothersome): StartBackResult {
  if (agree.length !== 8 || agree.some((answer) => typeof answer !== 'boolean')) {
    throw new RangeError('STarT Back needs an agree or disagree answer for each of items 1 to 8.');
  }
  if (!(BOTHERSOME_OPTIONS as ReadonlyArray<string>).includes(bothersome)) {
    throw new RangeError('Item 9 must be one of the five bothersomeness answers.');
  }
  const item9 = BOTHERSOME_POINTS.has(bothersome) ? 1 : 0;
  const agreed = agree.filter(Boolean).length;
  const psychosocial = agree.filter((answer, index) => answer && STARTBACK_ITEMS[index]?.psychosocial).length + item9;
  const total = agreed + item9;
  const risk: StartBackRisk = total <= 3 ? 'low' : psychosocial >= 4 ? 'high' : 'medium';
  return { total, psychosocial, risk };
}

/** NICE NG59 and the APTA 2021 guideline: stratified care at first contact. */
export const STARTBACK_RISK_GUIDANCE: Readonly<Record<StartBackRisk, { label: string; care: string }>> = {
  low: { label: 'Low risk', care: 'Advice and self-management.' },
  medium: { label: 'Medium risk', care: 'Physiotherapy.' },
  high: { label: 'High risk', care: 'Physiotherapy with psychologically informed care.' },
};
