import { describe, expect, it } from 'vitest';
import { belowFloor, compareVersions } from './audit-floors';

describe('compareVersions', () => {
  it('orders releases, pre-releases and their numeric parts as semver does', () => {
    const ordered = ['5.0.0-beta.4', '5.0.0-beta.31', '5.0.0-beta.32', '5.0.0-rc.1', '5.0.0', '5.0.1', '16.3.3', '16.4.6'];
    for (let i = 0; i < ordered.length - 1; i += 1) {
      expect(compareVersions(ordered[i]!, ordered[i + 1]!), `${ordered[i]} < ${ordered[i + 1]}`).toBeLessThan(0);
      expect(compareVersions(ordered[i + 1]!, ordered[i]!)).toBeGreaterThan(0);
    }
    expect(compareVersions('16.3.3', '16.3.3')).toBe(0);
    expect(compareVersions('not-a-version', '0.0.1')).toBeLessThan(0);
  });
});

describe('belowFloor', () => {
  it('names each package installed below its floor, and only those', () => {
    const findings = belowFloor({ next: '16.3.2', 'next-auth': '5.0.0-beta.32', react: '19.2.0', 'react-dom': undefined });
    expect(findings.map((finding) => [finding.name, finding.installed])).toEqual([
      ['next', '16.3.2'],
      ['react', '19.2.0'],
    ]);
    expect(belowFloor({ next: '16.4.6', 'next-auth': '5.0.0-beta.32', react: '19.3.1', 'react-dom': '19.3.1' })).toEqual([]);
  });
});
