/**
 * ODI v2.1a is licensed by Mapi Research Trust (https://eprovide.mapi-trust.org). Commercial and electronic
 * use needs a licence from them. The wording below is Uplift's plain-language paraphrase, written so the
 * product works out of the box; it is NOT the validated questionnaire. A clinic that holds a licence should
 * replace this file with its licensed wording, keeping the keys, the order and six options per section
 * (index = score 0–5), which lib/clinical/odi.ts relies on.
 */
export const ODI_LICENCE_NOTICE =
  'The Oswestry Disability Index (ODI v2.1a) is licensed by Mapi Research Trust. Commercial and electronic use ' +
  'needs a licence. This is a plain-language paraphrase, not the validated wording: a clinic should replace ' +
  'lib/clinical/instruments/odi-text.ts with its licensed wording.';

export type OdiSection = { key: string; title: string; options: readonly string[] };

export const ODI_SECTIONS: ReadonlyArray<OdiSection> = [
  {
    key: 'pain-intensity',
    title: 'How bad your pain is',
    options: [
      'No pain right now.',
      'Very mild pain right now.',
      'Moderate pain right now.',
      'Fairly bad pain right now.',
      'Very bad pain right now.',
      'The worst pain I can imagine right now.',
    ],
  },
  {
    key: 'personal-care',
    title: 'Looking after yourself (washing, dressing)',
    options: [
      'I look after myself as usual and it does not add to my pain.',
      'I look after myself as usual, but it adds to my pain.',
      'Looking after myself hurts, so I go slowly and carefully.',
      'I need a little help but manage most of it myself.',
      'I need help every day with most of it.',
      'I cannot get dressed, I wash with difficulty and I stay in bed.',
    ],
  },
  {
    key: 'lifting',
    title: 'Lifting',
    options: [
      'I can lift heavy things and it does not add to my pain.',
      'I can lift heavy things, but it adds to my pain.',
      'Pain stops me lifting heavy things from the floor, but I can if they are at a handy height, such as on a table.',
      'Pain stops me lifting heavy things, but I can lift light or medium things at a handy height.',
      'I can lift only very light things.',
      'I cannot lift or carry anything.',
    ],
  },
  {
    key: 'walking',
    title: 'Walking',
    options: [
      'Pain does not limit how far I walk.',
      'Pain stops me walking more than about 1.5 km (1 mile).',
      'Pain stops me walking more than about 800 m (half a mile).',
      'Pain stops me walking more than about 100 m (100 yards).',
      'I can walk only with a stick or crutches.',
      'I am in bed most of the time.',
    ],
  },
  {
    key: 'sitting',
    title: 'Sitting',
    options: [
      'I can sit in any chair for as long as I like.',
      'I can sit for as long as I like, but only in my favourite chair.',
      'Pain stops me sitting for more than an hour.',
      'Pain stops me sitting for more than half an hour.',
      'Pain stops me sitting for more than 10 minutes.',
      'Pain stops me sitting at all.',
    ],
  },
  {
    key: 'standing',
    title: 'Standing',
    options: [
      'I can stand for as long as I like and it does not add to my pain.',
      'I can stand for as long as I like, but it adds to my pain.',
      'Pain stops me standing for more than an hour.',
      'Pain stops me standing for more than half an hour.',
      'Pain stops me standing for more than 10 minutes.',
      'Pain stops me standing at all.',
    ],
  },
  {
    key: 'sleeping',
    title: 'Sleeping',
    options: [
      'Pain never wakes me or keeps me awake.',
      'Pain sometimes wakes me or keeps me awake.',
      'Because of pain I sleep less than 6 hours.',
      'Because of pain I sleep less than 4 hours.',
      'Because of pain I sleep less than 2 hours.',
      'Pain stops me sleeping at all.',
    ],
  },
  {
    key: 'sex-life',
    title: 'Sex life (skip this if it does not apply to you)',
    options: [
      'My sex life is normal and does not add to my pain.',
      'My sex life is normal, but it adds to my pain.',
      'My sex life is nearly normal, but very painful.',
      'Pain limits my sex life a lot.',
      'I have almost no sex life because of pain.',
      'Pain stops any sex life.',
    ],
  },
  {
    key: 'social-life',
    title: 'Social life',
    options: [
      'My social life is normal and does not add to my pain.',
      'My social life is normal, but it adds to my pain.',
      'Pain stops only the more energetic things I enjoy, such as sport or dancing.',
      'Pain limits my social life and I go out less often.',
      'Pain limits my social life to my home.',
      'I have no social life because of pain.',
    ],
  },
  {
    key: 'travelling',
    title: 'Travelling',
    options: [
      'I can travel anywhere and it does not add to my pain.',
      'I can travel anywhere, but it adds to my pain.',
      'Pain is bad, but I manage journeys of more than 2 hours.',
      'Pain limits me to journeys of less than an hour.',
      'Pain limits me to short, necessary journeys of less than 30 minutes.',
      'Pain stops me travelling except to get medical care.',
    ],
  },
];
