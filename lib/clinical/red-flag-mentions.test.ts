import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentionedGroups, RED_FLAG_MENTIONS, redFlagMentions } from './red-flag-mentions';
import { RED_FLAG_QUESTIONS } from './red-flags';

describe('red-flag mentions in a patient’s message', () => {
  it('has phrases for every red-flag question and no others', () => {
    expect(Object.keys(RED_FLAG_MENTIONS).sort()).toEqual(RED_FLAG_QUESTIONS.map((question) => question.key).sort());
    for (const [key, phrases] of Object.entries(RED_FLAG_MENTIONS)) {
      expect(phrases.length, key).toBeGreaterThan(0);
      for (const phrase of phrases) expect(phrase, key).toBe(phrase.toLowerCase().trim());
    }
  });

  it.each([
    ['I have a numb bum since yesterday', ['saddle-numbness']],
    ['I CAN’T PEE properly', ['bladder-change']],
    ["I can't pee and my leg gave way on the stairs.", ['bladder-change', 'falls']],
    ['Both legs feel weak today', ['both-legs']],
    ['my foot-drop is worse', ['foot-drop']],
    ['I have had a fever, and night sweats', ['fever']],
    ['I have lost weight without trying', ['weight-loss']],
    ['The pain keeps me awake', ['night-pain']],
    ['Had a car crash on Monday', ['trauma']],
  ])('finds “%s”', (text, keys) => {
    expect(redFlagMentions(text)).toEqual(keys);
  });

  it.each([
    'My back is stiff in the morning.',
    'Can I go swimming?',
    'I feverishly practised the exercises', // a word that merely starts with a phrase is not a match
    'The accidental double tap sent it twice',
    '',
  ])('finds nothing in “%s”', (text) => {
    expect(redFlagMentions(text)).toEqual([]);
  });
});

describe('where the questions for a mention are asked', () => {
  it('groups the mentioned questions in order of urgency', () => {
    expect(mentionedGroups(['fever', 'bladder-change'])).toEqual(['cauda-equina', 'serious-pathology']);
    expect(mentionedGroups(['foot-drop'])).toEqual(['progressive-deficit']);
    expect(mentionedGroups([])).toEqual([]);
  });
});

describe('docs/CLINICAL.md, "Messages and red flags"', () => {
  it('lists every phrase the code matches', () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs/CLINICAL.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### Messages and red flags'));
    for (const [key, phrases] of Object.entries(RED_FLAG_MENTIONS)) {
      const row = section.split('\n').find((line) => line.includes(`(\`${key}\`)`));
      expect(row, key).toBeDefined();
      expect(row!.split('|')[2]!.split('·').map((phrase) => phrase.trim()), key).toEqual([...phrases]);
    }
  });
});
