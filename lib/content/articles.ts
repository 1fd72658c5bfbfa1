/**
 * Education articles for patients. Written for Uplift in plain language (reading age about 11).
 * Advice stays within the named guidelines (NICE NG59, APTA/AOPT 2021, Lancet 2018 series,
 * IFOMPT red flags framework); do not add claims they do not support.
 *
 * Emergency numbers are never written into the text: {{emergencyNumber}}, {{emergencyDepartment}} and
 * {{urgentAdvice}} are filled in from the reader's clinic's country (localiseArticle).
 */
import { urgentAdviceAction, type EmergencyServices } from './emergency-services';

export type ArticleSection = {
  heading?: string;
  paragraphs: readonly string[];
  bullets?: readonly string[];
};

export type ArticleSource = {
  label: string;
  url?: string;
};

export type Article = {
  slug: string;
  title: string;
  summary: string;
  readingMinutes: number;
  sections: ReadonlyArray<ArticleSection>;
  sources: ReadonlyArray<ArticleSource>;
};

const NICE_NG59: ArticleSource = {
  label:
    'NICE guideline NG59: Low back pain and sciatica in over 16s: assessment and management (2016, updated 2020)',
  url: 'https://www.nice.org.uk/guidance/ng59',
};
const APTA_2021: ArticleSource = {
  label:
    'George SZ et al. Interventions for the management of acute and chronic low back pain: revision 2021. APTA Academy of Orthopaedic Physical Therapy clinical practice guideline. J Orthop Sports Phys Ther 2021;51(11):CPG1–CPG60',
};
const LANCET_2018_WHAT: ArticleSource = {
  label:
    'Hartvigsen J et al. What low back pain is and why we need to pay attention. The Lancet 2018;391:2356–2367 (Lancet low back pain series)',
};
const LANCET_2018_TREATMENT: ArticleSource = {
  label:
    'Foster NE et al. Prevention and treatment of low back pain: evidence, challenges, and promising directions. The Lancet 2018;391:2368–2383 (Lancet low back pain series)',
};
const FINUCANE_2020: ArticleSource = {
  label:
    'Finucane LM et al. International framework for red flags for potential serious spinal pathologies (IFOMPT). J Orthop Sports Phys Ther 2020;50(7):350–372',
};
const OSTELO_2008: ArticleSource = {
  label:
    'Ostelo RW et al. Interpreting change scores for pain and functional status in low back pain: towards international consensus regarding minimal important change. Spine 2008;33(1):90–94',
};
const BRINJIKJI_2015: ArticleSource = {
  label:
    'Brinjikji W et al. Systematic literature review of imaging features of spinal degeneration in asymptomatic populations. American Journal of Neuroradiology 2015;36(4):811–816',
};
const COCHRANE_BED_REST: ArticleSource = {
  label:
    'Dahm KT et al. Advice to rest in bed versus advice to stay active for acute low-back pain and sciatica. Cochrane Database of Systematic Reviews 2010, CD007612',
};
const SLATER_2019: ArticleSource = {
  label:
    'Slater D et al. "Sit up straight": time to re-evaluate. J Orthop Sports Phys Ther 2019;49(8):562–564',
};

const ARTICLE_TEXTS: ReadonlyArray<Omit<Article, 'readingMinutes'>> = [
  {
    slug: 'how-physiotherapy-helps-back-pain',
    title: 'How physiotherapy helps back pain',
    summary: 'What your physio does, why exercise is at the heart of it, and the part you play.',
    sections: [
      {
        paragraphs: [
          'Back pain is very common. Most people have it at some point in their life. It can hurt a lot and still not be a sign of serious damage.',
          'Physiotherapy helps you get moving again, with less pain and more confidence. It does not do things to you. It helps you find what works for you.',
        ],
      },
      {
        heading: 'What the guidelines say',
        paragraphs: [
          'Experts around the world agree on the first steps for back pain. These are: good information, staying active, and exercise. Guidelines from the UK, the USA and a large review in The Lancet all say this.',
          'They also say some things are not usually needed. Most people do not need a scan. Long bed rest can slow recovery. Strong painkillers such as opioids are not a good long-term answer for most back pain.',
        ],
      },
      {
        heading: 'What your physio does',
        paragraphs: ['Your physio will listen to your story and check your back. Then you will plan together. This may include:'],
        bullets: [
          'Explaining what is going on, in words that make sense to you.',
          'Checking for signs of anything that needs a doctor.',
          'Choosing exercises that suit you, your body and your life.',
          'Helping you plan how much to do, and how to build up.',
          'Hands-on treatment, such as massage or moving your joints, if it helps you exercise. Guidelines say this should go with exercise, not replace it.',
          'Support with worry, stress or low mood, which can make pain louder.',
        ],
      },
      {
        heading: 'Why exercise?',
        paragraphs: [
          'There is no single best exercise for back pain. The best exercise is one you enjoy and will keep doing. Walking, cycling, swimming, strength work and gentle stretches can all help.',
          'Exercise helps in many ways. It makes muscles stronger and joints less stiff. It can help calm a sensitive nervous system. It can also lift your mood and help you sleep.',
          'Results take time. It often takes several weeks of regular exercise to notice a change. Small steps, done often, work best.',
        ],
      },
      {
        heading: 'Your part',
        paragraphs: [
          'The work you do between visits matters most. Uplift helps with this. You can see your exercises, log your pain, and track how you are doing. Your physio can see this too, so your next visit starts from where you are.',
          'If something does not feel right, tell your physio. Your plan can change.',
        ],
      },
    ],
    sources: [NICE_NG59, APTA_2021, LANCET_2018_TREATMENT],
  },
  {
    slug: 'why-movement-is-safe',
    title: 'Why movement is safe',
    summary: 'Your back is strong. Moving, even with some pain, helps it get better.',
    sections: [
      {
        paragraphs: [
          'When your back hurts, it is natural to want to keep still. You may worry that moving will make it worse. But for most back pain, the opposite is true.',
        ],
      },
      {
        heading: 'Your back is strong',
        paragraphs: [
          'Your spine is made of strong bones, joints and discs. Thick muscles and tough tissues hold it together. It is built to bend, twist and lift. It is much harder to damage than most people think.',
          'Most back pain is not caused by a serious problem. Doctors often call it "non-specific" back pain. That means no single damaged part can be found. It is still real pain. But it is not a sign that your back is broken.',
        ],
      },
      {
        heading: 'Rest can slow recovery',
        paragraphs: [
          'Studies show that people who stay active get better a bit faster than people who rest in bed. Long rest makes muscles weaker and joints stiffer. It can also make you feel low.',
          'A day or two of taking it easier is fine if the pain is bad. But try to keep moving around the house and get back to normal as soon as you can.',
        ],
      },
      {
        heading: 'Moving with some pain is okay',
        paragraphs: [
          'You do not have to wait until the pain is gone before you move. Some pain while you move is normal and safe. A good guide is:',
        ],
        bullets: [
          'Pain up to about 5 out of 10 during exercise is fine.',
          'It should settle back to your usual level by the next morning.',
          'If it does not settle, do a bit less next time. Do not stop altogether.',
        ],
      },
      {
        heading: 'Tips to get moving',
        paragraphs: [],
        bullets: [
          'Start small. A 5-minute walk is a good start.',
          'Move little and often through the day.',
          'Keep doing the things you enjoy, even if you do them a bit differently for now.',
          'Try not to brace or hold your breath. Relaxed movement is easier on your back.',
          'Expect good days and bad days. That is normal.',
        ],
      },
      {
        heading: 'When to stop and ask',
        paragraphs: [
          'Stop and talk to your physio if pain spreads further down your leg, or if you get new numbness, tingling or weakness. If you get numbness between your legs, or new problems with your bladder or bowel, get emergency help now. Read "When to seek urgent help" to learn more.',
        ],
      },
    ],
    sources: [NICE_NG59, LANCET_2018_WHAT, COCHRANE_BED_REST, APTA_2021],
  },
  {
    slug: 'pacing-and-your-flare-up-plan',
    title: 'Pacing and your flare-up plan',
    summary: 'How to avoid the boom-and-bust cycle, and what to do when your pain flares.',
    sections: [
      {
        paragraphs: [
          'Many people with back pain do too much on a good day. Then they pay for it with a few bad days. This is sometimes called "boom and bust". Pacing can help you break this cycle.',
        ],
      },
      {
        heading: 'What is pacing?',
        paragraphs: [
          'Pacing means doing a steady amount of activity each day, on good days and bad days. Then you build it up slowly over time.',
          'It is not about doing less. It is about being more in control, so you can do more in the long run.',
        ],
      },
      {
        heading: 'How to pace',
        paragraphs: [],
        bullets: [
          'Pick an activity, like walking or gardening.',
          'Find how much you can do on a bad day without a big flare. This is your starting point.',
          'Do that amount each day, even on a good day.',
          'Break big jobs into smaller parts, with short breaks in between.',
          'Every week or so, add a little more, for example 1 or 2 more minutes.',
          'If a step up causes a flare, go back to the last step for a while.',
        ],
      },
      {
        heading: 'What is a flare-up?',
        paragraphs: [
          'A flare-up is when your pain gets worse for a while. It might last a few hours or a few days. Flare-ups are common, even when you are getting better overall. They do not usually mean you have hurt yourself.',
          'Sometimes there is a clear cause, like a long drive. Sometimes there is none. Stress, poor sleep and feeling run down can all play a part.',
        ],
      },
      {
        heading: 'Your flare-up plan',
        paragraphs: ['It helps to make a plan before a flare happens. Write down what helps you. For example:'],
        bullets: [
          'Keep moving gently. Short walks and easy exercises from your plan.',
          'Cut back on your exercises for a few days, but do not stop them.',
          'Use heat, a warm bath or a shower if that helps.',
          'Take pain relief as your doctor or pharmacist has advised.',
          'Change position often. Get up from sitting every 20 to 30 minutes.',
          'Use calming breathing or relaxation.',
          'Remind yourself: flares settle. You have got through them before.',
        ],
      },
      {
        heading: 'When a flare is not just a flare',
        paragraphs: [
          'Contact your physio if a flare does not start to settle within a week or two, or if your pain keeps getting worse. Uplift will also let your physio know if your pain scores go up for a few days in a row.',
          'Get help straight away if you have any warning signs, such as new numbness, new weakness or problems with your bladder or bowel. Read "When to seek urgent help".',
        ],
      },
    ],
    sources: [NICE_NG59, APTA_2021, LANCET_2018_TREATMENT],
  },
  {
    slug: 'hurt-versus-harm',
    title: 'Hurt versus harm',
    summary: 'Pain is real, but it is not a reliable measure of damage. Here is why.',
    sections: [
      {
        paragraphs: [
          'When something hurts, we tend to think something is damaged. With a cut or a broken bone, that is true. But with back pain, the link between pain and damage is much weaker.',
        ],
      },
      {
        heading: 'Pain is a protector',
        paragraphs: [
          'Pain is made by your brain and nerves to protect you. It is like an alarm. It tells you to be careful. But the alarm can become too sensitive. Then it goes off when there is no danger.',
          'This is why your back can hurt a lot even when it is not being harmed. The pain is real. But it does not always mean damage.',
        ],
      },
      {
        heading: 'What turns the alarm up',
        paragraphs: ['Many things can make pain louder. Not all of them are in your back. For example:'],
        bullets: [
          'Worry about what the pain means.',
          'Stress, low mood or feeling alone.',
          'Poor sleep.',
          'Being less active and less fit.',
          'Expecting that movement will hurt.',
        ],
      },
      {
        heading: 'What turns it down',
        paragraphs: [],
        bullets: [
          'Knowing that your back is strong and safe to move.',
          'Regular, gentle movement that you build up slowly.',
          'Good sleep and time to relax.',
          'Doing things you enjoy and seeing people.',
          'Feeling in control, with a plan you trust.',
        ],
      },
      {
        heading: 'What about scans?',
        paragraphs: [
          'Scans often show things like "disc bulges" or "wear and tear". These sound scary. But studies show they are very common in people with no back pain at all. They become more common as we age, like grey hair. So they often do not explain your pain.',
          'That is why guidelines say most people with back pain do not need a scan. Your physio or doctor will suggest one if it would change your care.',
        ],
      },
      {
        heading: 'Using this in your exercises',
        paragraphs: [
          'When you exercise, some discomfort is fine. Pain up to about 5 out of 10 is okay if it settles by the next morning. This is "hurt", not "harm".',
          'Some changes do need checking. Stop and tell your physio if pain spreads further down your leg, or if you get new numbness or weakness. These are not just a sensitive alarm.',
        ],
      },
    ],
    sources: [LANCET_2018_WHAT, BRINJIKJI_2015, NICE_NG59, APTA_2021],
  },
  {
    slug: 'sleep-and-sitting',
    title: 'Sleep and sitting with back pain',
    summary: 'There is no perfect position. Comfort and changing position often matter most.',
    sections: [
      {
        paragraphs: [
          'Back pain can make it hard to sleep and hard to sit for long. Here are some simple ideas to try. Keep what helps you and drop what does not.',
        ],
      },
      {
        heading: 'Sleep',
        paragraphs: [
          'Poor sleep and pain feed each other. Pain makes sleep worse. Poor sleep makes pain feel worse. Small changes can help break the cycle.',
          'There is no one best position to sleep in. Try these and see what feels best:',
        ],
        bullets: [
          'On your side, with a pillow between your knees.',
          'On your back, with a pillow under your knees.',
          'On your front, with a flat pillow under your tummy, if that suits you.',
          'Move slowly when you get out of bed. Roll onto your side, drop your legs over the edge, and push up with your arms.',
        ],
      },
      {
        heading: 'Good sleep habits',
        paragraphs: [],
        bullets: [
          'Go to bed and get up at about the same time each day.',
          'Keep your bedroom dark, quiet and cool.',
          'Avoid caffeine in the afternoon and evening.',
          'Put screens away for a while before bed.',
          'A gentle walk in the day and some easy stretches in the evening can help.',
          'If you cannot sleep, get up for a while, do something calm, then try again.',
        ],
      },
      {
        heading: 'Is bed rest good for back pain?',
        paragraphs: [
          'No. Staying in bed in the day tends to slow recovery. It is fine to rest for short spells when pain is bad. Then get up and move around again.',
        ],
      },
      {
        heading: 'Sitting',
        paragraphs: [
          'You may have been told to "sit up straight". In fact, there is no single correct way to sit. Sitting stiffly upright all day can be tiring and sore too.',
          'The best posture is your next one. What matters most is changing position often.',
        ],
        bullets: [
          'Get up and move every 20 to 30 minutes, even for a minute.',
          'Try different positions: leaning back, sitting forward, or with a small cushion behind your lower back.',
          'Set up your chair so your feet rest flat on the floor.',
          'Put your screen at a height where you can see it without straining.',
          'On long drives, stop for a short walk every hour or so.',
        ],
      },
      {
        heading: 'A note on mattresses',
        paragraphs: [
          'You do not need a special mattress. Choose one you find comfortable. If yours is old and sagging, a new one may help you sleep better.',
        ],
      },
    ],
    sources: [NICE_NG59, COCHRANE_BED_REST, SLATER_2019, LANCET_2018_TREATMENT],
  },
  {
    slug: 'returning-to-work-and-sport',
    title: 'Returning to work and sport',
    summary: 'Getting back to your usual life is part of getting better, not just a reward for it.',
    sections: [
      {
        paragraphs: [
          'Many people think they must be pain-free before they go back to work or sport. But for most back pain, getting back to normal life is part of getting better. Staying away for a long time can make it harder to return.',
        ],
      },
      {
        heading: 'Going back to work',
        paragraphs: [
          'Most people with back pain can keep working, or go back soon, with a few changes for a while. You do not need to wait until all the pain has gone.',
          'Talk to your employer early. Many are happy to help. Things that can help include:',
        ],
        bullets: [
          'A phased return: fewer hours or days at first, building up.',
          'Lighter or different tasks for a few weeks.',
          'More breaks to move and change position.',
          'Changes to your desk, chair or tools.',
          'Help from an occupational health team, if your work has one.',
        ],
      },
      {
        paragraphs: [
          'If you have been off for a while, tell your physio. Guidelines suggest extra support to get back to work, such as a programme that combines exercise with help for worry and stress. Your physio can also write down what you can do now, to share with your employer.',
        ],
      },
      {
        heading: 'Going back to sport and exercise',
        paragraphs: [
          'Sport and exercise are good for your back. The aim is to get back to what you enjoy, step by step.',
        ],
        bullets: [
          'Start with a lighter, shorter version of your sport.',
          'Build up the time, speed or weight a little each week.',
          'Use the same pain guide as for your exercises: up to about 5 out of 10 is fine if it settles by the next morning.',
          'If you have a flare, drop back a step for a while rather than stopping.',
          'Ask your physio for a plan that fits your sport, such as running, golf, football or the gym.',
        ],
      },
      {
        heading: 'Lifting',
        paragraphs: [
          'Lifting is not bad for your back. Your back is built to bend and lift. The key is to build up what you can lift over time, so your body gets used to it. Exercises like the hip hinge, sit-to-stand and goblet squat help with this.',
        ],
      },
      {
        heading: 'Setting goals',
        paragraphs: [
          'It helps to set goals that matter to you, like "lift my grandchild" or "play nine holes of golf". Uplift may ask you to rate a few activities you find hard. Your physio uses these to track your progress and adjust your plan.',
        ],
      },
    ],
    sources: [NICE_NG59, APTA_2021, LANCET_2018_TREATMENT],
  },
  {
    slug: 'what-to-expect-from-your-physio',
    title: 'What to expect from your physio',
    summary: 'What happens at your first visit, the questions you will be asked, and how progress is tracked.',
    sections: [
      {
        paragraphs: [
          'Going to a new health professional can feel daunting. Knowing what to expect can help. You are welcome to bring someone with you.',
        ],
      },
      {
        heading: 'Your first visit',
        paragraphs: [
          'Your first visit is usually the longest. Your physio will ask about your pain: where it is, when it started, and what makes it better or worse. They will ask about your health, your work and the things you want to get back to.',
          'They will also ask some safety questions. These check for rare signs that need a doctor. Please answer honestly, even if a question feels personal.',
          'Next, they will check how you move. They may test your strength, feeling and reflexes. Wear clothes that are easy to move in.',
        ],
      },
      {
        heading: 'Questionnaires',
        paragraphs: [
          'You may be asked to fill in short questionnaires in Uplift. They ask how pain affects your daily life, and how you feel about it. They help your physio choose the right level of support for you. Filling them in again later shows how much you have improved.',
          'Your physio may also ask you to score your pain from 0 to 10. A drop of 2 points, or about a third, is usually seen as a real, worthwhile change.',
        ],
      },
      {
        heading: 'Your plan',
        paragraphs: ['Together you will agree a plan. It will usually include:'],
        bullets: [
          'An explanation of your pain in plain words.',
          'A few exercises to do at home, with how many and how often.',
          'Advice on staying active, work, sleep and pacing.',
          'Goals that matter to you.',
          'When to come back, and how to get in touch.',
        ],
      },
      {
        heading: 'Between visits',
        paragraphs: [
          'Most of your progress happens between visits. Use Uplift to see your exercises, log what you did, and record your pain. Your physio can see this and will use it to adjust your plan.',
        ],
      },
      {
        heading: 'Things you can ask',
        paragraphs: ['It is your care. Good questions to ask include:'],
        bullets: [
          'What do you think is causing my pain?',
          'What can I do to help myself?',
          'How much pain is okay when I exercise?',
          'How long might it take to get better?',
          'What should I do if it gets worse?',
        ],
      },
    ],
    sources: [NICE_NG59, APTA_2021, OSTELO_2008],
  },
  {
    slug: 'when-to-seek-urgent-help',
    title: 'When to seek urgent help',
    summary: 'Rare warning signs that need a doctor quickly, and exactly what to do.',
    sections: [
      {
        paragraphs: [
          'Almost all back pain is not serious, even when it hurts a lot. But a few rare problems need help quickly. This page tells you the warning signs and what to do.',
        ],
      },
      {
        heading: 'Emergency: go to {{emergencyDepartment}} or call {{emergencyNumber}} now',
        paragraphs: [
          'These signs can mean the nerves at the bottom of your spine are being squeezed. This is called cauda equina syndrome. It is rare, but it needs treatment in hospital straight away to protect your bladder, bowel and legs.',
          'Go to {{emergencyDepartment}} or call {{emergencyNumber}} now if you have back pain or leg pain and any of these:',
        ],
        bullets: [
          'Numbness, tingling or less feeling in your "saddle area": between your legs, around your bottom, your genitals or your inner thighs. You may notice it when you wipe after using the toilet.',
          'New trouble peeing: you cannot start, the flow is weak, you cannot tell when your bladder is full, or you cannot fully empty it.',
          'New leaking of pee (loss of bladder control) that you cannot stop.',
          'New loss of bowel control: leaking poo, or not being able to feel when you need to go.',
          'New problems with sex: less feeling in your genitals, or problems getting an erection or ejaculating.',
          'Numbness or weakness in both legs.',
        ],
      },
      {
        paragraphs: [
          'Do not wait to see if it gets better. Do not wait for your physio to reply. Go to {{emergencyDepartment}} or call {{emergencyNumber}} now. Tell them you have back pain and you are worried about cauda equina syndrome.',
        ],
      },
      {
        heading: 'Urgent: get help today',
        paragraphs: ['Contact your physio or doctor the same day if you notice:'],
        bullets: [
          'Leg weakness that is getting worse.',
          'Your foot slapping down or catching when you walk (foot drop).',
          'Falls because your leg gives way.',
          'Numbness that is spreading.',
        ],
      },
      {
        paragraphs: [
          'If you cannot reach them today, {{urgentAdvice}}.',
        ],
      },
      {
        heading: 'Soon: get checked within a day',
        paragraphs: ['Contact your physio or doctor within 24 hours if you have back pain and:'],
        bullets: [
          'You have lost weight without trying.',
          'You have a fever, chills or feel hot and shivery.',
          'You have constant pain at night that does not ease with rest or changing position.',
          'You have had a recent fall or injury.',
          'You have had cancer before and now have new back pain.',
        ],
      },
      {
        heading: 'How Uplift helps',
        paragraphs: [
          'Uplift asks about these signs. Each time you log your pain, it asks about the emergency and urgent signs. It asks about the "within a day" signs when you first sign in, then every week, and whenever you tell it something is new or different. You can also answer them at any time from Today.',
          'If you report an emergency sign, it will tell you to get emergency care and alert your physio. Other warning signs are sent to your physio to review, and Uplift tells you what to do that day. But an app is never a substitute for getting help. If you are worried, act now.',
        ],
      },
    ],
    sources: [FINUCANE_2020, NICE_NG59],
  },
];

/** Words in an article's body (headings, paragraphs and bullets), used for reading time. */
export function countArticleWords(article: Pick<Article, 'sections'>): number {
  return article.sections
    .flatMap((section) => [section.heading ?? '', ...section.paragraphs, ...(section.bullets ?? [])])
    .join(' ')
    .split(/\s+/)
    .filter((word) => word.length > 0).length;
}

// 150 words a minute, slower than the usual adult estimate: many readers are older or in pain.
const WORDS_PER_MINUTE = 150;

export const ARTICLES: ReadonlyArray<Article> = ARTICLE_TEXTS.map((article) => ({
  ...article,
  readingMinutes: Math.max(1, Math.ceil(countArticleWords(article) / WORDS_PER_MINUTE)),
}));

/** The article with its emergency placeholders filled in for a clinic's country. */
export function localiseArticle(article: Article, services: EmergencyServices): Article {
  const values: Record<string, string> = {
    emergencyNumber: services.emergencyNumber,
    emergencyDepartment: services.emergencyDepartment,
    urgentAdvice: urgentAdviceAction(services),
  };
  const fill = (text: string) =>
    text.replace(/\{\{(\w+)\}\}/g, (token, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`Unknown placeholder ${token} in article "${article.slug}".`);
      return value;
    });
  return {
    ...article,
    sections: article.sections.map((section) => ({
      ...(section.heading ? { heading: fill(section.heading) } : {}),
      paragraphs: section.paragraphs.map(fill),
      ...(section.bullets ? { bullets: section.bullets.map(fill) } : {}),
    })),
  };
}

/** Look up one article by slug; undefined when no article has that slug. */
export function getArticle(slug: string): Article | undefined {
  return ARTICLES.find((article) => article.slug === slug);
}
