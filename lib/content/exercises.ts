import { dosageWith, type Dosage } from '@/lib/clinical/dosage';

/**
 * The starter exercise library (docs/CLINICAL.md, "Exercise advice"). Patient-facing text is written for
 * people in pain reading on a phone: short sentences, "you", reading age about 11.
 * Dosages are the typical starting dose from docs/CLINICAL.md; a clinician adjusts them per plan.
 */

export const EXERCISE_CATEGORIES = [
  'aerobic',
  'mobility',
  'motor-control',
  'strengthening',
  'extension-preference',
  'flexion-preference',
  'neurodynamic',
] as const;

export type ExerciseCategory = (typeof EXERCISE_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<ExerciseCategory, string> = {
  aerobic: 'Aerobic (walking and cycling)',
  mobility: 'Mobility and stretching',
  'motor-control': 'Movement control',
  strengthening: 'Strengthening',
  'extension-preference': 'Bending backwards (extension)',
  'flexion-preference': 'Bending forwards (flexion)',
  neurodynamic: 'Nerve glides',
};

export type StarterExercise = {
  slug: string;
  name: string;
  category: ExerciseCategory;
  summary: string;
  instructions: string[];
  safetyNote: string;
  acceptablePain: string;
  defaultDosage: Dosage;
  illustration: string;
};

// The stop rule from docs/CLINICAL.md ("Exercise advice") is the same for every exercise, so it is written once.
const STOP_RULE =
  'Stop and tell your physio if pain spreads further down your leg, or you get new numbness, tingling or weakness. ' +
  'If you get numbness between your legs or around your bottom, or new trouble controlling your bladder or bowel, stop and get emergency help now.';

function safety(specific: string): string {
  return `${specific} ${STOP_RULE}`;
}

const USUAL_PAIN =
  'Some discomfort up to 5 out of 10 is fine if it settles by the next morning.';

function illustrationFor(slug: string): string {
  return `/exercises/${slug}.svg`;
}

type ExerciseInput = Omit<StarterExercise, 'illustration' | 'acceptablePain'> & {
  acceptablePain?: string;
};

function exercise(input: ExerciseInput): StarterExercise {
  return {
    ...input,
    acceptablePain: input.acceptablePain ?? USUAL_PAIN,
    illustration: illustrationFor(input.slug),
  };
}

export const STARTER_EXERCISES: ReadonlyArray<StarterExercise> = [
  // Aerobic
  exercise({
    slug: 'walking',
    name: 'Walking',
    category: 'aerobic',
    summary: 'A steady walk at a pace where you can still talk.',
    instructions: [
      'Wear comfy shoes. Pick a flat route to start with.',
      'Walk at a pace where you can still talk, but feel a bit warmer.',
      'Let your arms swing. Look ahead, not down at your feet.',
      'If your back gets sore, slow down or take a short break, then carry on.',
      'Each week, add a few minutes. Aim to build up to 30 minutes on most days.',
    ],
    safetyNote: safety('Take a short rest if your pain builds up. You do not need to push through sharp pain.'),
    defaultDosage: dosageWith({ durationMinutes: 20, daysPerWeek: 5 }),
  }),
  exercise({
    slug: 'stationary-cycling',
    name: 'Stationary cycling',
    category: 'aerobic',
    summary: 'Easy pedalling on an exercise bike to get your body moving.',
    instructions: [
      'Set the seat so your knee is only a little bent when the pedal is at the bottom.',
      'Sit tall but relaxed. Rest your hands lightly on the handlebars.',
      'Start with little or no resistance. Pedal at an easy, steady pace.',
      'You should feel a bit warmer and breathe a bit faster, but still be able to talk.',
      'Add a few minutes each week, up to 30 minutes.',
    ],
    safetyNote: safety('If sitting on the bike hurts your back, try a different seat height or a bike with a back rest.'),
    defaultDosage: dosageWith({ durationMinutes: 20, daysPerWeek: 4 }),
  }),

  // Mobility
  exercise({
    slug: 'pelvic-tilt',
    name: 'Pelvic tilt',
    category: 'mobility',
    summary: 'A small rocking movement of your pelvis while lying on your back.',
    instructions: [
      'Lie on your back with your knees bent and feet flat.',
      'Gently flatten your lower back into the floor by tipping your pelvis back.',
      'Now let your lower back arch a little, so there is a small gap under it.',
      'Rock slowly between these two positions. Keep breathing.',
      'Keep the movement small and comfortable.',
    ],
    safetyNote: safety('Keep the movement small if your back feels stiff or sore.'),
    defaultDosage: dosageWith({ sets: 1, reps: 10 }),
  }),
  exercise({
    slug: 'single-knee-to-chest',
    name: 'Single knee to chest',
    category: 'mobility',
    summary: 'A gentle stretch for your lower back and buttock, one leg at a time.',
    instructions: [
      'Lie on your back with your knees bent and feet flat.',
      'Hold behind one knee with both hands.',
      'Gently pull that knee towards your chest until you feel a stretch.',
      'Hold it there and breathe slowly.',
      'Lower the leg back down. Then do the other side.',
    ],
    safetyNote: safety('Pull gently. You should feel a stretch, not a sharp pain.'),
    defaultDosage: dosageWith({ sets: 3, holdSeconds: 20, perSide: true }),
  }),
  exercise({
    slug: 'lower-trunk-rotation',
    name: 'Lower trunk rotation',
    category: 'mobility',
    summary: 'Let your bent knees roll slowly from side to side.',
    instructions: [
      'Lie on your back with your knees bent and feet flat.',
      'Keep your knees together and your shoulders on the floor.',
      'Slowly let both knees roll to one side, as far as feels comfortable.',
      'Bring them back to the middle.',
      'Then roll them to the other side. That is one each side.',
    ],
    safetyNote: safety('Only go as far as feels comfortable. Move slowly.'),
    defaultDosage: dosageWith({ sets: 1, reps: 10, perSide: true }),
  }),
  exercise({
    slug: 'cat-camel',
    name: 'Cat–camel',
    category: 'mobility',
    summary: 'Slowly round and then dip your back while on your hands and knees.',
    instructions: [
      'Get onto your hands and knees. Hands under shoulders, knees under hips.',
      'Slowly round your back up towards the ceiling. Let your head drop.',
      'Then slowly let your back dip down. Lift your head a little.',
      'Move smoothly between the two. Breathe out as you round up.',
      'One round up and one dip down is one cycle.',
    ],
    safetyNote: safety('Use a cushion under your knees if they are sore. Keep the movement within what feels easy.'),
    defaultDosage: dosageWith({ sets: 1, reps: 10 }),
  }),
  exercise({
    slug: 'childs-pose',
    name: "Child's pose",
    category: 'mobility',
    summary: 'Sit back onto your heels with your arms stretched out in front.',
    instructions: [
      'Start on your hands and knees.',
      'Slowly sit your bottom back towards your heels.',
      'Let your arms slide forward on the floor and your head drop down.',
      'Rest there and breathe slowly. Feel a gentle stretch in your back.',
      'Come back up onto your hands and knees slowly.',
    ],
    safetyNote: safety('If your knees or hips will not bend that far, only go part of the way, or put a pillow behind your knees.'),
    defaultDosage: dosageWith({ sets: 3, holdSeconds: 20 }),
  }),
  exercise({
    slug: 'hamstring-stretch-with-strap',
    name: 'Hamstring stretch with strap',
    category: 'mobility',
    summary: 'Lying on your back, use a strap or towel to lift one straight leg.',
    instructions: [
      'Lie on your back. Loop a strap, belt or towel around one foot.',
      'Keep the other leg bent with the foot flat, or straight on the floor.',
      'Hold the strap and slowly lift the leg up. Keep that knee fairly straight.',
      'Stop when you feel a stretch in the back of your thigh.',
      'Hold it there and breathe. Then lower it and do the other leg.',
    ],
    safetyNote: safety('You should feel a stretch in the back of your thigh. If you feel tingling or pain going down into your calf or foot, lower the leg a little.'),
    defaultDosage: dosageWith({ sets: 3, holdSeconds: 30, perSide: true }),
  }),
  exercise({
    slug: 'half-kneeling-hip-flexor-stretch',
    name: 'Half-kneeling hip flexor stretch',
    category: 'mobility',
    summary: 'Kneel on one knee and ease forward to stretch the front of your hip.',
    instructions: [
      'Kneel on one knee on a cushion. Put the other foot flat in front of you.',
      'Hold onto a chair or wall for balance if you need to.',
      'Gently tuck your bottom under, so your lower back is not arched.',
      'Shift your weight forward a little until you feel a stretch at the front of the hip.',
      'Hold it and breathe. Then swap sides.',
    ],
    safetyNote: safety('Use a soft cushion under your knee. Do not arch your back to get a bigger stretch.'),
    defaultDosage: dosageWith({ sets: 3, holdSeconds: 30, perSide: true }),
  }),

  // Extension preference
  exercise({
    slug: 'prone-lying-on-elbows',
    name: 'Prone lying on elbows',
    category: 'extension-preference',
    summary: 'Lie on your front, propped up on your elbows. Only if your physio has advised it.',
    instructions: [
      'Lie on your front for a minute with your arms by your sides.',
      'Slowly come up onto your elbows, with them under your shoulders.',
      'Let your hips and tummy stay on the floor. Let your back relax.',
      'Stay there and breathe slowly.',
      'To finish, slide your arms forward and lower yourself down slowly.',
    ],
    safetyNote: safety('Only do this if your physio has found that bending backwards helps you.'),
    acceptablePain:
      'Some back discomfort up to 5 out of 10 is fine. It is a good sign if leg pain moves up towards your back. It is not okay if pain spreads further down your leg.',
    defaultDosage: dosageWith({ durationMinutes: 2, timesPerDay: 3 }),
  }),
  exercise({
    slug: 'prone-press-up',
    name: 'Prone press-up',
    category: 'extension-preference',
    summary: 'Lying on your front, push up with your arms to bend your back backwards. Only if your physio has advised it.',
    instructions: [
      'Lie on your front with your hands flat under your shoulders.',
      'Keep your hips and legs relaxed on the floor.',
      'Slowly straighten your arms to push your chest up. Let your back sag.',
      'Go up only as far as feels okay. Pause for a moment.',
      'Slowly lower back down. Try to go a little higher each time.',
    ],
    safetyNote: safety('Only do this if your physio has found that bending backwards helps you.'),
    acceptablePain:
      'Some back discomfort up to 5 out of 10 is fine. It is a good sign if leg pain moves up towards your back. It is not okay if pain spreads further down your leg.',
    defaultDosage: dosageWith({ sets: 1, reps: 10, timesPerDay: 3 }),
  }),
  exercise({
    slug: 'standing-back-extension',
    name: 'Standing back extension',
    category: 'extension-preference',
    summary: 'Stand and lean gently backwards, good after a long time sitting. Only if your physio has advised it.',
    instructions: [
      'Stand with your feet apart.',
      'Put your hands on the back of your hips, fingers pointing down.',
      'Slowly lean backwards, using your hands as a support.',
      'Go only as far as feels okay. Then come back up to standing.',
      'Do this after you have been sitting for a long time.',
    ],
    safetyNote: safety('Only do this if your physio has found that bending backwards helps you. Stand near a wall or chair if your balance is not good.'),
    acceptablePain:
      'Some back discomfort up to 5 out of 10 is fine. It is a good sign if leg pain moves up towards your back. It is not okay if pain spreads further down your leg.',
    defaultDosage: dosageWith({ sets: 1, reps: 10, timesPerDay: 3 }),
  }),

  // Flexion preference
  exercise({
    slug: 'double-knee-to-chest',
    name: 'Double knee to chest',
    category: 'flexion-preference',
    summary: 'Lying on your back, hug both knees towards your chest. Only if your physio has advised it.',
    instructions: [
      'Lie on your back with your knees bent and feet flat.',
      'Lift one knee, then the other, towards your chest.',
      'Hold your knees with your hands and gently hug them in.',
      'Let go a little, then hug them in again. That is one rep.',
      'To finish, lower one foot to the floor, then the other.',
    ],
    safetyNote: safety('Only do this if your physio has found that bending forwards helps you. Lower your legs one at a time to protect your back from a sudden strain.'),
    defaultDosage: dosageWith({ sets: 1, reps: 10 }),
  }),

  // Motor control
  exercise({
    slug: 'abdominal-brace',
    name: 'Abdominal brace',
    category: 'motor-control',
    summary: 'Gently tighten your tummy muscles and keep breathing.',
    instructions: [
      'Lie on your back with your knees bent and feet flat.',
      'Put your fingers on your tummy, just inside your hip bones.',
      'Gently tighten your tummy, as if getting ready for a small cough. Do not suck in hard.',
      'Hold it while you keep breathing normally.',
      'Relax fully. Rest for a few seconds, then do it again.',
    ],
    safetyNote: safety('Do not hold your breath. This should be a gentle effort, about a third of your full strength.'),
    defaultDosage: dosageWith({ sets: 10, holdSeconds: 10 }),
  }),
  exercise({
    slug: 'bird-dog',
    name: 'Bird dog',
    category: 'motor-control',
    summary: 'On hands and knees, reach one arm and the opposite leg out straight.',
    instructions: [
      'Get onto your hands and knees. Hands under shoulders, knees under hips.',
      'Gently tighten your tummy. Keep your back flat, like a table.',
      'Slowly reach one arm forward and the opposite leg back.',
      'Hold still. Keep your hips level and keep breathing.',
      'Lower them slowly. Then do the other arm and leg.',
      'If this is too hard, just slide one leg back and keep your hands down.',
    ],
    safetyNote: safety('Use a cushion under your knees if they are sore. Keep your back still rather than lifting high.'),
    defaultDosage: dosageWith({ sets: 6, holdSeconds: 5, perSide: true, daysPerWeek: 3 }),
  }),
  exercise({
    slug: 'dead-bug',
    name: 'Dead bug',
    category: 'motor-control',
    summary: 'Lying on your back, slowly lower one arm and the opposite leg while your back stays still.',
    instructions: [
      'Lie on your back. Lift your knees so they are over your hips, bent at a right angle.',
      'Reach both arms up towards the ceiling.',
      'Gently tighten your tummy so your lower back stays still.',
      'Slowly lower one arm behind your head and straighten the opposite leg out.',
      'Bring them back to the start. Then do the other arm and leg.',
      'If this is too hard, keep your feet on the floor and just move your arms.',
    ],
    safetyNote: safety('Only lower your leg as far as you can without your back arching.'),
    defaultDosage: dosageWith({ sets: 2, reps: 8, perSide: true, daysPerWeek: 3 }),
  }),
  exercise({
    slug: 'hip-hinge-with-dowel',
    name: 'Hip hinge with dowel',
    category: 'motor-control',
    summary: 'Practise bending forward from your hips, using a stick along your back as a guide.',
    instructions: [
      'Stand with your feet hip-width apart. Hold a broom handle or stick down your back.',
      'It should touch the back of your head, between your shoulders, and your bottom.',
      'Soften your knees. Push your hips back as you lean forward.',
      'Keep the stick touching all three points. Only go as far as you can do that.',
      'Squeeze your bottom to stand back up tall.',
    ],
    safetyNote: safety('Move slowly. This is about learning the movement, not how far you can bend.'),
    defaultDosage: dosageWith({ sets: 2, reps: 10, daysPerWeek: 3 }),
  }),

  // Strengthening
  exercise({
    slug: 'glute-bridge',
    name: 'Glute bridge',
    category: 'strengthening',
    summary: 'Lying on your back, lift your hips off the floor using your bottom muscles.',
    instructions: [
      'Lie on your back with your knees bent and feet flat, hip-width apart.',
      'Keep your arms by your sides.',
      'Squeeze your bottom muscles and lift your hips off the floor.',
      'Stop when your knees, hips and shoulders are in a straight line.',
      'Hold for a moment. Then lower slowly back down.',
    ],
    safetyNote: safety('Lift with your bottom muscles, not by arching your back. Only lift as high as feels okay.'),
    defaultDosage: dosageWith({ sets: 2, reps: 10, daysPerWeek: 3 }),
  }),
  exercise({
    slug: 'side-plank-from-knees',
    name: 'Side plank from knees',
    category: 'strengthening',
    summary: 'Lying on your side, lift your hips up on your elbow and knees.',
    instructions: [
      'Lie on your side with your knees bent behind you.',
      'Prop yourself up on your elbow, right under your shoulder.',
      'Lift your hips so your body is in a straight line from head to knees.',
      'Hold still and keep breathing.',
      'Lower your hips slowly. Rest, then turn over and do the other side.',
    ],
    safetyNote: safety('If your shoulder hurts, stop. Start with short holds and build up.'),
    defaultDosage: dosageWith({ sets: 3, holdSeconds: 20, perSide: true, daysPerWeek: 3 }),
  }),
  exercise({
    slug: 'curl-up',
    name: 'Curl-up',
    category: 'strengthening',
    summary: 'Lying on your back, lift your head and shoulders a little off the floor.',
    instructions: [
      'Lie on your back. Bend one knee and keep the other leg straight.',
      'Slide your hands under the small of your back to keep its natural curve.',
      'Gently tighten your tummy.',
      'Lift your head and shoulders just a little off the floor. Keep your chin tucked.',
      'Hold and keep breathing. Then lower slowly.',
      'Swap which knee is bent halfway through.',
    ],
    safetyNote: safety('This is a small lift, not a sit-up. Do not pull on your neck.'),
    defaultDosage: dosageWith({ sets: 5, holdSeconds: 8, daysPerWeek: 3 }),
  }),
  exercise({
    slug: 'sit-to-stand',
    name: 'Sit-to-stand',
    category: 'strengthening',
    summary: 'Stand up from a chair and sit back down, without using your hands if you can.',
    instructions: [
      'Sit near the front of a firm chair. Put your feet flat, hip-width apart.',
      'Cross your arms over your chest, or rest your hands on your thighs.',
      'Lean forward a little and stand up by pushing through your feet.',
      'Stand up tall.',
      'Sit back down slowly, with control.',
      'Use your hands to help at first if you need to.',
    ],
    safetyNote: safety('Use a chair that will not slide. Keep a table or wall nearby if your balance is not good.'),
    defaultDosage: dosageWith({ sets: 2, reps: 10, daysPerWeek: 3 }),
  }),
  exercise({
    slug: 'goblet-squat',
    name: 'Goblet squat',
    category: 'strengthening',
    summary: 'Hold a weight at your chest and squat down, then stand up.',
    instructions: [
      'Stand with your feet a bit wider than your hips.',
      'Hold a light weight, like a water bottle or dumbbell, close to your chest.',
      'Push your hips back and bend your knees, as if sitting onto a chair.',
      'Go down as far as feels okay. Keep your chest up.',
      'Push through your whole foot to stand back up.',
    ],
    safetyNote: safety('Start with a light weight or none. Only add weight when the movement feels easy.'),
    defaultDosage: dosageWith({ sets: 2, reps: 8, daysPerWeek: 3 }),
  }),

  // Neurodynamic
  exercise({
    slug: 'seated-nerve-glide',
    name: 'Seated nerve glide',
    category: 'neurodynamic',
    summary: 'Sitting, gently straighten your knee while you look up, then bend it as you look down.',
    instructions: [
      'Sit on a firm chair. Sit tall with your hands resting on your lap.',
      'Use the leg your physio showed you.',
      'Slowly straighten that knee and pull your toes up. At the same time, look up.',
      'Then bend the knee back down and point your toes. At the same time, look down.',
      'Keep it smooth and gentle, like a slow swing.',
    ],
    safetyNote: safety('This should feel gentle. Do not hold the stretch, and do not push into strong pain or tingling.'),
    acceptablePain:
      'A mild pull or light tingle is fine if it fades within a minute of stopping. It should not build up each time you do it.',
    defaultDosage: dosageWith({ sets: 1, reps: 10 }),
  }),
];

/** Look up one exercise by slug; undefined when the slug is not in the starter library. */
export function getExercise(slug: string): StarterExercise | undefined {
  return STARTER_EXERCISES.find((item) => item.slug === slug);
}
