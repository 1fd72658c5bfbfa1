import { describe, expect, it } from 'vitest';
import { ACK_PROBLEMS, ackProblemFrom, acknowledgeSchema } from './alerts';
import { idOrEmptySchema } from './ids';

const ALERT = '0b6f4c2e-3d1a-4f5b-9c7e-2a8d6e1f4b3c';

describe('acknowledgeSchema', () => {
  it('takes an alert id and an optional comment, trimmed', () => {
    expect(acknowledgeSchema.parse({ alertId: ALERT, comment: '  Phoned.  ' })).toEqual({ alertId: ALERT, comment: 'Phoned.' });
    expect(acknowledgeSchema.parse({ alertId: ALERT, comment: '' })).toEqual({ alertId: ALERT, comment: '' });
  });

  it('refuses a long comment, control characters, a bad id and extra fields', () => {
    const tooLong = acknowledgeSchema.safeParse({ alertId: ALERT, comment: 'x'.repeat(1001) });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]).toMatchObject({ path: ['comment'], code: 'too_big' });
    const control = acknowledgeSchema.safeParse({ alertId: ALERT, comment: 'a\u0000b' });
    expect(control.error?.issues[0]).toMatchObject({ path: ['comment'], code: 'custom' });
    expect(acknowledgeSchema.safeParse({ alertId: 'abc', comment: '' }).success).toBe(false);
    expect(acknowledgeSchema.safeParse({ alertId: ALERT, comment: '', role: 'manager' }).success).toBe(false);
  });
});

describe('ackProblemFrom', () => {
  it('reads a known problem and its alert from the address', () => {
    expect(ackProblemFrom({ ack: 'closed', alert: ALERT })).toEqual({
      alertId: ALERT,
      problem: 'closed',
      message: ACK_PROBLEMS.closed,
      onComment: false,
    });
    expect(ackProblemFrom({ ack: 'comment-too-long', alert: ALERT })).toMatchObject({ onComment: true, message: ACK_PROBLEMS['comment-too-long'] });
  });

  it('keeps the message but no card when the alert id is not one', () => {
    expect(ackProblemFrom({ ack: 'not-found', alert: '<script>' })).toMatchObject({ alertId: null, message: ACK_PROBLEMS['not-found'] });
    expect(ackProblemFrom({ ack: 'not-found' })).toMatchObject({ alertId: null });
  });

  it('ignores anything that is not a known problem', () => {
    expect(ackProblemFrom({})).toBeNull();
    expect(ackProblemFrom({ ack: 'You have been hacked', alert: ALERT })).toBeNull();
    expect(ackProblemFrom({ ack: ['closed', 'closed'], alert: ALERT })).toBeNull();
    expect(ackProblemFrom({ ack: 'toString', alert: ALERT })).toBeNull();
  });
});

describe('idOrEmptySchema', () => {
  it('is an episode id or the inbox', () => {
    expect(idOrEmptySchema.parse(ALERT)).toBe(ALERT);
    expect(idOrEmptySchema.parse('')).toBe('');
    expect(idOrEmptySchema.parse('https://evil.example')).toBe('');
    expect(idOrEmptySchema.parse('../../manager')).toBe('');
  });
});
