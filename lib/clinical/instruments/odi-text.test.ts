import { expect, it } from 'vitest';
import { ODI_LICENCE_NOTICE, ODI_SECTIONS } from './odi-text';

it('names the licence holder and tells a clinic to replace the paraphrase', () => {
  expect(ODI_LICENCE_NOTICE).toContain('Mapi Research Trust');
  expect(ODI_LICENCE_NOTICE).toMatch(/licence/);
  expect(ODI_LICENCE_NOTICE).toMatch(/replace/);
});

it('has unique keys', () => {
  expect(new Set(ODI_SECTIONS.map((section) => section.key)).size).toBe(ODI_SECTIONS.length);
});
