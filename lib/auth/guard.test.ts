import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { loadRecord } from './guard';

const ID = '5f0c3a52-1d2e-4c8b-9a51-2f7e4b1c9d30';
const NOT_FOUND = { digest: 'NEXT_HTTP_ERROR_FALLBACK;404' };

describe('loadRecord', () => {
  it('returns the record the data access layer found', async () => {
    const load = vi.fn(async (id: string) => ({ id, name: 'Cat stretch' }));
    await expect(loadRecord(ID, load)).resolves.toEqual({ id: ID, name: 'Cat stretch' });
    expect(load).toHaveBeenCalledWith(ID);
  });

  it('shows the 404 page for an id that is not a UUID, without looking it up', async () => {
    const load = vi.fn(async () => ({ id: 'x' }));
    await expect(loadRecord('1 or 1=1', load)).rejects.toMatchObject(NOT_FOUND);
    expect(load).not.toHaveBeenCalled();
  });

  it('shows the 404 page when the record is not there or not the viewer’s (null)', async () => {
    await expect(loadRecord(ID, async () => null)).rejects.toMatchObject(NOT_FOUND);
  });

  it('turns a refusal the data access layer throws into its screen and lets anything unexpected through', async () => {
    await expect(loadRecord(ID, async () => Promise.reject(new AppError('not_found')))).rejects.toMatchObject(NOT_FOUND);
    await expect(loadRecord(ID, async () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
  });
});
