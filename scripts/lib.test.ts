import { describe, expect, it } from 'vitest';
import { serverNodeOptions } from './lib';

describe('serverNodeOptions', () => {
  it('caps the heap at 512 MB and gives the young generation 64 MB semi-spaces by default', () => {
    expect(serverNodeOptions({}).split(' ')).toEqual(['--max-old-space-size=512', '--max-semi-space-size=64']);
  });

  it('follows UPLIFT_HEAP_MB, with semi-spaces of an eighth of a smaller heap', () => {
    expect(serverNodeOptions({ UPLIFT_HEAP_MB: '2048' }).split(' ')).toEqual(['--max-old-space-size=2048', '--max-semi-space-size=64']);
    expect(serverNodeOptions({ UPLIFT_HEAP_MB: '256' }).split(' ')).toEqual(['--max-old-space-size=256', '--max-semi-space-size=32']);
  });

  it('keeps what NODE_OPTIONS already says, and does not set a flag twice', () => {
    expect(serverNodeOptions({ NODE_OPTIONS: '--enable-source-maps' })).toBe('--enable-source-maps --max-old-space-size=512 --max-semi-space-size=64');
    expect(serverNodeOptions({ NODE_OPTIONS: '--max-semi-space-size=16' })).toBe('--max-semi-space-size=16 --max-old-space-size=512');
    expect(serverNodeOptions({ NODE_OPTIONS: '--max-old-space-size=1024' })).toBe('--max-old-space-size=1024 --max-semi-space-size=64');
  });
});
