import type { Dosage } from '@/lib/clinical/dosage';

/**
 * Starting points a clinician can copy into a patient's plan and then edit. Each item names an
 * exercise in STARTER_EXERCISES by slug; `dosage` overrides only the fields it sets, the rest come
 * from the exercise's defaultDosage. Directional-preference templates are for patients in whom the
 * clinician has found that preference (docs/CLINICAL.md, "Exercise advice").
 */

export type PlanTemplateItem = {
  slug: string;
  dosage?: Partial<Dosage>;
};

export type PlanTemplate = {
  key: string;
  name: string;
  description: string;
  items: ReadonlyArray<PlanTemplateItem>;
};

export const PLAN_TEMPLATES: ReadonlyArray<PlanTemplate> = [
  {
    key: 'acute-first-two-weeks',
    name: 'Acute low back pain — first two weeks',
    description:
      'Gentle movement to help you stay active while a new bout of back pain settles. Short walks often, plus easy exercises lying down.',
    items: [
      // Short, frequent walks: the aim in the first weeks is to stay active, not to train (NICE NG59).
      { slug: 'walking', dosage: { durationMinutes: 10, timesPerDay: 2, daysPerWeek: 7 } },
      { slug: 'pelvic-tilt' },
      { slug: 'single-knee-to-chest' },
      { slug: 'lower-trunk-rotation' },
      { slug: 'abdominal-brace' },
      { slug: 'cat-camel' },
    ],
  },
  {
    key: 'extension-preference',
    name: 'Extension preference',
    description:
      'For people whose physio has found that bending backwards eases their pain. Repeated gentle back bends through the day, plus walking.',
    items: [
      { slug: 'prone-lying-on-elbows' },
      { slug: 'prone-press-up' },
      { slug: 'standing-back-extension' },
      { slug: 'walking' },
    ],
  },
  {
    key: 'flexion-preference',
    name: 'Flexion preference',
    description:
      'For people whose physio has found that bending forwards eases their pain. Gentle forward bends, plus cycling or walking.',
    items: [
      { slug: 'double-knee-to-chest' },
      { slug: 'pelvic-tilt' },
      { slug: 'childs-pose' },
      { slug: 'stationary-cycling' },
      { slug: 'walking' },
    ],
  },
  {
    key: 'chronic-strength-endurance',
    name: 'Chronic low back pain — strength and endurance',
    description:
      'For back pain that has lasted more than 3 months. Builds strength and stamina in your trunk and legs, 2–3 days a week, plus regular cycling or walking.',
    items: [
      { slug: 'glute-bridge' },
      { slug: 'bird-dog' },
      { slug: 'dead-bug' },
      { slug: 'side-plank-from-knees' },
      { slug: 'curl-up' },
      { slug: 'sit-to-stand' },
      { slug: 'goblet-squat' },
      { slug: 'hip-hinge-with-dowel' },
      { slug: 'stationary-cycling', dosage: { durationMinutes: 30, daysPerWeek: 3 } },
    ],
  },
  {
    key: 'back-pain-with-leg-pain',
    name: 'Back pain with leg pain — gentle start',
    description:
      'For back pain with pain going down one leg. Gentle nerve glides and trunk control, plus walking within comfort.',
    items: [
      { slug: 'seated-nerve-glide' },
      { slug: 'abdominal-brace' },
      { slug: 'pelvic-tilt' },
      { slug: 'bird-dog' },
      { slug: 'walking', dosage: { durationMinutes: 10 } },
    ],
  },
  {
    key: 'mobility-and-flexibility',
    name: 'Mobility and flexibility',
    description:
      'For stiffness in the back and hips. Easy movements and stretches you can do every day.',
    items: [
      { slug: 'cat-camel' },
      { slug: 'childs-pose' },
      { slug: 'lower-trunk-rotation' },
      { slug: 'hamstring-stretch-with-strap' },
      { slug: 'half-kneeling-hip-flexor-stretch' },
      { slug: 'walking' },
    ],
  },
];

/** Look up one template by key; undefined when no template has that key. */
export function getPlanTemplate(key: string): PlanTemplate | undefined {
  return PLAN_TEMPLATES.find((template) => template.key === key);
}
