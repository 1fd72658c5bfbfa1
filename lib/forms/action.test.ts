import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { text, wholeNumber } from '@/lib/validation/fields';

// Next's request-bound functions and the session are the wrapper's edges; the database is not touched here.
const calls = vi.hoisted(() => ({ revalidated: [] as string[], refreshed: 0, redirected: [] as string[], access: [] as string[], refuse: null as AppError | null }));

vi.mock('next/cache', () => ({
  revalidatePath: (path: string) => calls.revalidated.push(path),
  refresh: () => {
    calls.refreshed += 1;
  },
}));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    calls.redirected.push(to);
    throw Object.assign(new Error('NEXT_REDIRECT'), { digest: `NEXT_REDIRECT;replace;${to}` });
  },
}));
vi.mock('@/lib/auth/viewer', () => ({
  requireViewer: async () => {
    calls.access.push('signed-in');
    if (calls.refuse) throw calls.refuse;
    return { userId: 'u1', role: 'clinician' };
  },
  requireRole: async (...roles: string[]) => {
    calls.access.push(roles.join('|'));
    if (calls.refuse) throw calls.refuse;
    return { userId: 'u1', role: roles[0] };
  },
}));

const { formAction } = await import('./action');

const schema = z.object({ name: text('Name', 20, { required: true }), score: wholeNumber(0, 10, 'Choose a number from 0 to 10.') }).strict();

function formOf(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(key, item);
  return form;
}

beforeEach(() => {
  calls.revalidated = [];
  calls.refreshed = 0;
  calls.redirected = [];
  calls.access = [];
  calls.refuse = null;
});

describe('formAction', () => {
  it('refuses bad input with messages by field and the values sent, and never runs the write', async () => {
    const run = vi.fn();
    const action = formAction({ access: 'clinician', schema, invalid: 'Check the answers marked below.', run, revalidate: '/clinician' });
    const result = await action({ ok: false }, formOf({ name: '', score: '1e1' }));
    expect(result).toEqual({
      ok: false,
      formError: 'Check the answers marked below.',
      fieldErrors: { name: ['Enter name.'], score: ['Choose a number from 0 to 10.'] },
      values: { name: '', score: '1e1' },
    });
    expect(run).not.toHaveBeenCalled();
    expect(calls.revalidated).toEqual([]);
  });

  it('refuses a field the form does not have (strict) and a scalar sent twice', async () => {
    const run = vi.fn();
    const action = formAction({ access: 'public', schema, run });
    expect((await action({ ok: false }, formOf({ name: 'A', score: '3', role: 'manager' }))).fieldErrors).toHaveProperty('form');
    expect((await action({ ok: false }, formOf({ name: 'A', score: ['3', '4'] }))).fieldErrors).toHaveProperty('score');
    expect(run).not.toHaveBeenCalled();
  });

  it('never echoes a password or a code, and drops React’s own fields', async () => {
    const action = formAction({ access: 'public', schema: z.object({ password: z.string().min(20), code: z.string(), email: z.string() }).strict(), run: vi.fn() });
    const form = formOf({ password: 'short', code: '123456', email: 'a@example.com', '$ACTION_ID_1': '' });
    expect((await action({ ok: false }, form)).values).toEqual({ email: 'a@example.com' });
  });

  it('checks access before reading the form: a refused viewer gets a message and nothing runs', async () => {
    calls.refuse = new AppError('forbidden', 'You do not have access to this page.');
    const run = vi.fn();
    const action = formAction({ access: 'patient', schema, run });
    const result = await action({ ok: false }, formOf({ name: 'A', score: '3' }));
    expect(result.formError).toBe('Please sign in again as the patient to do this.');
    expect(calls.access).toEqual(['patient']);
    expect(run).not.toHaveBeenCalled();
    calls.refuse = new AppError('unauthenticated', 'Please sign in.');
    expect((await action({ ok: false }, formOf({ name: 'A', score: '3' }))).formError).toBe('Your session has ended. Sign in again to continue.');
  });

  it('turns a DAL refusal (AppError) into the form message, keeps the values, and does not revalidate', async () => {
    const action = formAction({
      access: 'manager',
      schema,
      run: async () => {
        throw new AppError('conflict', 'Someone else changed this first.');
      },
      revalidate: '/manager',
    });
    expect(await action({ ok: false }, formOf({ name: 'A', score: '3' }))).toEqual({ ok: false, formError: 'Someone else changed this first.', values: { name: 'A', score: '3' } });
    expect(calls.revalidated).toEqual([]);
  });

  it('rethrows a fault that is not a refusal', async () => {
    const action = formAction({ access: 'manager', schema, run: async () => Promise.reject(new Error('connection lost')) });
    await expect(action({ ok: false }, formOf({ name: 'A', score: '3' }))).rejects.toThrow('connection lost');
  });

  it('on success passes the parsed input and bound id to run, revalidates, and answers with the payload', async () => {
    const run = vi.fn(async (input: { name: string; score: number }) => ({ ok: true, data: { saved: input.score } }));
    const action = formAction({ access: 'clinician', id: z.uuid(), schema, run, revalidate: (_input, { id }) => `/clinician/patients/${id}` });
    const id = '6f1c2a1e-8b7d-4c55-9d6e-0a2b3c4d5e6f';
    expect(await action(id, { ok: false }, formOf({ name: ' Ann ', score: '7' }))).toEqual({ ok: true, data: { saved: 7 } });
    expect(run).toHaveBeenCalledWith({ name: 'Ann', score: 7 }, expect.objectContaining({ id }));
    expect(calls.revalidated).toEqual([`/clinician/patients/${id}`]);
  });

  it('refuses a bound id that is not one before anything else', async () => {
    const run = vi.fn();
    const action = formAction({ access: 'clinician', id: z.uuid(), notFound: 'This patient record could not be found.', schema, run });
    expect(await action("' OR 1=1", { ok: false }, formOf({ name: 'A', score: '3' }))).toEqual({ ok: false, formError: 'This patient record could not be found.' });
    expect(calls.access).toEqual([]);
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses what is not a submitted form', async () => {
    const action = formAction({ access: 'public', schema, run: vi.fn() });
    expect((await action({ ok: false }, { name: 'A' } as unknown as FormData)).ok).toBe(false);
  });

  it('redirects after a success, outside the refusal handling', async () => {
    const action = formAction({ access: 'clinician', schema, run: async () => undefined, revalidate: 'refresh', redirect: (input) => `/done?score=${input.score}` });
    await expect(action({ ok: false }, formOf({ name: 'A', score: '3' }))).rejects.toThrow('NEXT_REDIRECT');
    expect(calls.refreshed).toBe(1);
    expect(calls.redirected).toEqual(['/done?score=3']);
  });

  it('as a plain form action, sends a refusal to the address `failed` gives', async () => {
    const run = vi.fn();
    const action = formAction({ access: 'manager', schema, run, failed: (result) => (result.fieldErrors ? '/page?result=invalid' : '/page') });
    await expect(action(formOf({ name: 'A', score: '11' }))).rejects.toThrow('NEXT_REDIRECT');
    expect(calls.redirected).toEqual(['/page?result=invalid']);
    calls.refuse = new AppError('forbidden');
    await expect(action(formOf({ name: 'A', score: '1' }))).rejects.toThrow('NEXT_REDIRECT');
    expect(calls.redirected).toEqual(['/page?result=invalid', '/page']);
    expect(run).not.toHaveBeenCalled();
  });

  it('reads lists by the rule the bound record gives, and skips revalidation when the path is undefined', async () => {
    const run = vi.fn(async (_input: Record<string, unknown>) => undefined);
    const action = formAction({
      access: 'patient',
      id: z.enum(['list', 'single']),
      schema: z.record(z.string(), z.unknown()),
      read: ({ id }) => (id === 'list' ? { arrays: ['item'] } : {}),
      run,
      revalidate: (_input, { id }) => (id === 'list' ? '/patient' : undefined),
    });
    await action('list', { ok: false }, formOf({ item: 'a' }));
    await action('single', { ok: false }, formOf({ item: 'a' }));
    expect(run.mock.calls.map(([input]) => input)).toEqual([{ item: ['a'] }, { item: 'a' }]);
    expect(calls.revalidated).toEqual(['/patient']);
  });

  it('a refusal `run` builds keeps its payload and gets the values sent', async () => {
    const action = formAction({
      access: 'clinician',
      schema,
      run: async () => ({ ok: false, formError: 'Someone saved first.', data: { conflict: true } }),
    });
    expect(await action({ ok: false }, formOf({ name: 'A', score: '3' }))).toEqual({
      ok: false,
      formError: 'Someone saved first.',
      data: { conflict: true },
      values: { name: 'A', score: '3' },
    });
  });
});
