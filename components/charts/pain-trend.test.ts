import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { labelIndices, PainTrend, type PainTrendPoint } from './pain-trend';

describe('labelIndices', () => {
  it('spreads at most five labels, always the first and the last day', () => {
    expect(labelIndices(0)).toEqual([]);
    expect(labelIndices(3)).toEqual([0, 1, 2]);
    expect(labelIndices(84)).toEqual([0, 21, 42, 62, 83]);
    expect(labelIndices(6)).toEqual([0, 1, 3, 4, 5]);
  });
});

describe('PainTrend', () => {
  const points: PainTrendPoint[] = [
    { label: '1 Nov', score: 7, average: null },
    { label: '2 Nov', score: null, average: null },
    { label: '3 Nov', score: 5, average: 6 },
    { label: '4 Nov', score: 4, average: 5.3 },
    { label: '5 Nov', score: 3, average: 4.7 },
  ];

  it('draws a dot per logged day, the average as a line, and names itself for screen readers', () => {
    const svg = renderToStaticMarkup(createElement(PainTrend, { points, baseline: 7, meaningfulLevel: 4.9 }));
    expect(svg.match(/<circle /g)).toHaveLength(4);
    // Two average segments between three averages, on top of 6 grid lines, the baseline and the x axis.
    expect(svg.match(/stroke="#0f766e"/g)).toHaveLength(2);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Pain chart: highest pain each day as dots and the 7-day average as a line, from 1 Nov to 5 Nov, on a scale of 0 to 10; you started at 7; the shaded band is 4.9 or below, a meaningful improvement."');
    // A score of 10 sits at the top of the plot and 0 at the bottom: the first dot (7) is 70 % of the way up the 204-unit plot.
    expect(svg).toContain('cx="0%" cy="71.2"');
    expect(svg).toContain('>Start</text>');
  });

  it('leaves out the start line and the shaded band when they are not known', () => {
    const svg = renderToStaticMarkup(createElement(PainTrend, { points: points.slice(0, 1), baseline: null, meaningfulLevel: null }));
    expect(svg).not.toContain('Start');
    expect(svg).not.toContain('fill-opacity');
    expect(svg).toContain('cx="50%"');
  });
});
