import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { ADVISORY_FLOORS, belowFloor, compareVersions, missingFloors } from './audit-floors';

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

describe('ADVISORY_FLOORS', () => {
  it('has a floor for every production dependency in package.json, and for @auth/core and sharp', () => {
    const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(missingFloors(dependencies)).toEqual([]);
    expect(missingFloors({ ...dependencies, 'left-pad': '1.3.0' })).toEqual(['left-pad']);
  });

  it('is met by what is installed', () => {
    const installed = Object.fromEntries(
      ADVISORY_FLOORS.filter((floor) => existsSync(`node_modules/${floor.name}/package.json`)).map((floor) => [
        floor.name,
        (JSON.parse(readFileSync(`node_modules/${floor.name}/package.json`, 'utf8')) as { version: string }).version,
      ]),
    );
    expect(Object.keys(installed)).toEqual(expect.arrayContaining(['next', 'drizzle-orm', 'postgres', 'jose', '@auth/core', 'sharp']));
    expect(belowFloor(installed)).toEqual([]);
  });
});
