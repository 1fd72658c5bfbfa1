import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARTICLES, countArticleWords, getArticle, localiseArticle } from './articles';
import { CLINIC_COUNTRIES, EMERGENCY_SERVICES } from './emergency-services';
import { CATEGORY_LABELS, EXERCISE_CATEGORIES, STARTER_EXERCISES, getExercise } from './exercises';
import { PLAN_TEMPLATES, getPlanTemplate } from './templates';

const PUBLIC_DIR = fileURLToPath(new URL('../../public', import.meta.url));
const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('starter exercises', () => {
  it('holds the 23 exercises of the docs/CLINICAL.md starter library', () => {
    expect(STARTER_EXERCISES).toHaveLength(23);
  });

  it('has unique kebab-case slugs', () => {
    const slugs = STARTER_EXERCISES.map((exercise) => exercise.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(KEBAB_CASE);
  });

  it('uses every category, and every category has a label', () => {
    const used = new Set(STARTER_EXERCISES.map((exercise) => exercise.category));
    for (const category of EXERCISE_CATEGORIES) {
      expect(used.has(category), category).toBe(true);
      expect(CATEGORY_LABELS[category]).toBeTruthy();
    }
  });

  it.each(STARTER_EXERCISES.map((exercise) => [exercise.slug, exercise] as const))(
    '%s has 4–7 steps, a summary, safety advice and a pain guide',
    (_slug, exercise) => {
      expect(exercise.name.trim()).not.toBe('');
      expect(exercise.summary.trim()).not.toBe('');
      expect(exercise.instructions.length).toBeGreaterThanOrEqual(4);
      expect(exercise.instructions.length).toBeLessThanOrEqual(7);
      for (const step of exercise.instructions) expect(step.trim()).not.toBe('');
      expect(exercise.safetyNote).toMatch(/leg/i);
      expect(exercise.safetyNote).toMatch(/numbness/i);
      expect(exercise.safetyNote).toMatch(/bladder|bowel/i);
      expect(exercise.acceptablePain.trim()).not.toBe('');
    },
  );

  it.each(STARTER_EXERCISES.map((exercise) => [exercise.slug, exercise] as const))(
    '%s has a sensible default dosage',
    (_slug, exercise) => {
      const dosage = exercise.defaultDosage;
      const efforts = [dosage.reps, dosage.holdSeconds, dosage.durationMinutes].filter((value) => value !== null);
      expect(efforts.length).toBeGreaterThanOrEqual(1);
      for (const value of [dosage.sets, dosage.reps, dosage.holdSeconds, dosage.durationMinutes]) {
        if (value !== null) expect(value).toBeGreaterThan(0);
      }
      expect(dosage.timesPerDay).toBeGreaterThanOrEqual(1);
      expect(dosage.daysPerWeek).toBeGreaterThanOrEqual(1);
      expect(dosage.daysPerWeek).toBeLessThanOrEqual(7);
    },
  );

  it.each(STARTER_EXERCISES.map((exercise) => [exercise.slug, exercise] as const))(
    '%s has an accessible illustration on disk',
    (slug, exercise) => {
      expect(exercise.illustration).toBe(`/exercises/${slug}.svg`);
      const file = path.join(PUBLIC_DIR, exercise.illustration);
      expect(existsSync(file)).toBe(true);
      const svg = readFileSync(file, 'utf8');
      expect(svg).toContain('role="img"');
      expect(svg).toContain(`<title>${exercise.name}</title>`);
      expect(Buffer.byteLength(svg)).toBeLessThan(3 * 1024);
    },
  );

  it('matches the dosages agreed in the brief', () => {
    expect(getExercise('walking')?.defaultDosage).toMatchObject({ durationMinutes: 20, daysPerWeek: 5 });
    expect(getExercise('prone-press-up')?.defaultDosage).toMatchObject({ sets: 1, reps: 10, timesPerDay: 3 });
    expect(getExercise('side-plank-from-knees')?.defaultDosage).toMatchObject({
      sets: 3,
      holdSeconds: 20,
      perSide: true,
      daysPerWeek: 3,
    });
  });

  it('returns undefined for an unknown slug', () => {
    expect(getExercise('no-such-exercise')).toBeUndefined();
  });
});

describe('plan templates', () => {
  it('has unique keys', () => {
    const keys = PLAN_TEMPLATES.map((template) => template.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('includes the three required templates', () => {
    const names = PLAN_TEMPLATES.map((template) => template.name);
    expect(names).toContain('Acute low back pain — first two weeks');
    expect(names).toContain('Extension preference');
    expect(names).toContain('Chronic low back pain — strength and endurance');
  });

  it.each(PLAN_TEMPLATES.map((template) => [template.key, template] as const))(
    '%s only uses exercises from the starter library, once each',
    (_key, template) => {
      expect(template.items.length).toBeGreaterThan(0);
      const slugs = template.items.map((item) => item.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const slug of slugs) expect(getExercise(slug), slug).toBeDefined();
    },
  );

  it('finds a template by key', () => {
    expect(getPlanTemplate('extension-preference')?.name).toBe('Extension preference');
    expect(getPlanTemplate('nope')).toBeUndefined();
  });
});

describe('articles', () => {
  it('has at least 8 articles with unique slugs', () => {
    expect(ARTICLES.length).toBeGreaterThanOrEqual(8);
    const slugs = ARTICLES.map((article) => article.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(KEBAB_CASE);
  });

  it.each(ARTICLES.map((article) => [article.slug, article] as const))(
    '%s is 300–600 words, names its sources and has a reading time',
    (_slug, article) => {
      const words = countArticleWords(article);
      expect(words).toBeGreaterThanOrEqual(300);
      expect(words).toBeLessThanOrEqual(600);
      expect(article.sources.length).toBeGreaterThanOrEqual(1);
      for (const source of article.sources) {
        expect(source.label.trim()).not.toBe('');
        if (source.url !== undefined) expect(source.url).toMatch(/^https:\/\//);
      }
      expect(article.readingMinutes).toBeGreaterThanOrEqual(1);
      expect(article.title.trim()).not.toBe('');
      expect(article.summary.trim()).not.toBe('');
    },
  );

  it('tells people exactly when and how to get emergency help, with their clinic country’s numbers', () => {
    const article = getArticle('when-to-seek-urgent-help');
    expect(article).toBeDefined();
    const uk = JSON.stringify(localiseArticle(article!, EMERGENCY_SERVICES.GB).sections);
    expect(uk).toMatch(/bladder/i);
    expect(uk).toMatch(/bowel/i);
    expect(uk).toMatch(/saddle/i);
    expect(uk).toMatch(/numb/i);
    expect(uk).toMatch(/both legs/i);
    expect(uk).toContain('go to A&E or call 999 now');
    expect(uk).toContain('call NHS 111');
    const us = JSON.stringify(localiseArticle(article!, EMERGENCY_SERVICES.US).sections);
    expect(us).toContain('go to the emergency room or call 911 now');
    expect(us).not.toMatch(/999|NHS|A&E/);
    const australia = JSON.stringify(localiseArticle(article!, EMERGENCY_SERVICES.AU).sections);
    expect(australia).toContain('call 000 now');
    expect(australia).toContain('healthdirect on 1800 022 222');
  });

  it('names no emergency number in any article’s own text, and leaves no placeholder unfilled', () => {
    for (const article of ARTICLES) {
      const raw = JSON.stringify(article.sections);
      expect(raw).not.toMatch(/\b(999|911|112|000|111)\b/);
      for (const country of CLINIC_COUNTRIES) {
        expect(JSON.stringify(localiseArticle(article, EMERGENCY_SERVICES[country]).sections)).not.toContain('{{');
      }
    }
  });

  it('returns undefined for an unknown slug', () => {
    expect(getArticle('no-such-article')).toBeUndefined();
  });
});
